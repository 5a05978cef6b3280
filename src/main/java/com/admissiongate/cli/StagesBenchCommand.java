package com.admissiongate.cli;

import com.admissiongate.analysis.FactsAssembler;
import com.admissiongate.analysis.behaviour.BehaviourAnalyzer;
import com.admissiongate.analysis.behaviour.BehaviourLimits;
import com.admissiongate.analysis.behaviour.BehaviourPhases;
import com.admissiongate.analysis.behaviour.BehaviourPhases.Phase;
import com.admissiongate.apk.ApkAnalyzer;
import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.signing.SigningVerifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench stages}: what one new upload costs in CPU, stage by stage, on the APKs the upload flood uses (the
 * corpus's ≥ 2 MB ones by default). Each stage runs in a warm loop for a fixed time and the process's CPU time is
 * divided by the iterations, so apksig's own digest threads, GC and JIT count too; a shared machine's other load
 * changes the wall time, much less the CPU. The behaviour analysis also reports its phases (wall time of the
 * analysing thread). The basis of the "where a new upload's CPU goes" table in loadtest/README.md.
 */
@Command(name = "stages", mixinStandardHelpOptions = true,
        description = "Warm CPU per APK of apksig, the extractor, the behaviour analysis (by phase) and the whole Facts.")
public class StagesBenchCommand implements Callable<Integer> {

    @Option(names = "--apks", paramLabel = "<dir>", description = "APK directory; default ../shared/corpus/apks")
    Path apkDir;

    @Option(names = "--min-size", paramLabel = "<bytes>", description = "only APKs at least this large (k/m suffix); default 2m")
    String minSize = "2m";

    @Option(names = "--max-apks", paramLabel = "N", description = "the N largest of those; default 8")
    int maxApks = 8;

    @Option(names = "--seconds", paramLabel = "N", description = "timed seconds per APK and stage; default 10")
    int seconds = 10;

    @Option(names = "--warmup", paramLabel = "N", description = "seconds of whole-Facts runs over the APKs first; default 20")
    int warmup = 20;

    @Option(names = "--out", paramLabel = "<file.md>", description = "also write the Markdown table here")
    Path out;

    @Spec
    CommandSpec spec;

    /** Per iteration, averaged over a timed loop. */
    record Cost(double wallMs, double cpuMs, int iterations) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long min;
        try {
            min = bytes(minSize);
        } catch (NumberFormatException e) {
            err.println("bench stages: --min-size wants a size like 2m or 500k, got " + minSize);
            return 2;
        }
        if (seconds < 1 || warmup < 0 || maxApks < 1) {
            err.println("bench stages: --seconds and --max-apks must be ≥ 1, --warmup ≥ 0");
            return 2;
        }
        Path dir = apkDir != null ? apkDir : BenchCommand.defaultCorpus().resolve("apks");
        if (!Files.isDirectory(dir)) {
            err.println("bench stages: no such directory: " + dir);
            return 2;
        }
        List<Path> apks;
        try (Stream<Path> s = Files.list(dir)) {
            apks = s.filter(p -> p.getFileName().toString().endsWith(".apk")).filter(p -> size(p) >= min)
                    .sorted(Comparator.comparingLong(StagesBenchCommand::size).reversed()).limit(maxApks).toList();
        }
        if (apks.isEmpty()) {
            err.println("bench stages: no *.apk of at least " + minSize + " in " + dir);
            return 2;
        }
        FactsAssembler assembler = OfflineGate.factsAssembler(new ObjectMapper());
        ApkAnalyzer analyzer = new ApkAnalyzer();
        SigningVerifier verifier = new SigningVerifier();
        BehaviourAnalyzer behaviour = new BehaviourAnalyzer(assembler.catalogs(), BehaviourLimits.defaults());
        BehaviourPhases phases = new BehaviourPhases();

        o.printf("bench stages: %d APKs from %s, warm-up %d s, %d s per APK and stage%n", apks.size(), dir, warmup, seconds);
        o.flush();
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (Path apk : apks) {
                assembler.assemble(apk);
            }
        }
        String loadBefore = loadAverage();
        StringBuilder cost = new StringBuilder();
        cost.append("| APK | MB | apksig | ApkAnalyzer | behaviour | whole Facts | Facts wall |\n");
        cost.append("|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder split = new StringBuilder();
        split.append("| APK | class tables + sweep | edges | entry points, pre-consent, permissions | patterns | flows |\n");
        split.append("|---|---:|---:|---:|---:|---:|\n");
        for (Path apk : apks) {
            ApkReport report = analyzer.analyze(apk);
            Integer minSdk = report.manifest() == null ? null : report.manifest().minSdk();
            Cost signing = loop(() -> verifier.verify(apk, minSdk, null));
            Cost extractor = loop(() -> analyzer.analyze(apk));
            phases.reset();
            Cost beh = report.dexIndex() == null ? null : loop(() -> behaviour.analyze(report.dexIndex(),
                    report.manifest(), report.resources() == null ? List.of() : report.resources().passwordFields(), phases));
            Cost facts = loop(() -> assembler.assemble(apk));
            String name = apk.getFileName().toString();
            cost.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %s | %s | %s |%n", name, size(apk) / 1e6,
                    cpu(signing), cpu(extractor), cpu(beh), cpu(facts),
                    facts == null ? "–" : String.format(Locale.ROOT, "%.1f ms", facts.wallMs())));
            if (phases.analyses() > 0) {
                split.append("| ").append(name);
                for (Phase p : Phase.values()) {
                    split.append(String.format(Locale.ROOT, " | %.2f ms", phases.nanos(p) / 1e6 / phases.analyses()));
                }
                split.append(" |\n");
            }
            o.printf("  %s done%n", name);
            o.flush();
        }
        String md = String.format(Locale.ROOT, """
                CPU per APK, warm (process CPU time over a %d s loop per stage, divided by its iterations: apksig's digest
                threads, GC and JIT included); %d cores, load average %s before, %s after. Command: `./gate bench stages%s`.

                %s
                Behaviour analysis by phase (wall time of the analysing thread per analysis):

                %s""", seconds, Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(),
                command(), cost, split);
        o.println();
        o.print(md);
        o.flush();
        if (out != null) {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, md, StandardCharsets.UTF_8);
            o.println("wrote " + out);
        }
        return 0;
    }

    /** Runs {@code r} once untimed, then for {@link #seconds}; a stage that throws is reported, not timed. */
    private Cost loop(Runnable r) {
        try {
            r.run();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long w0 = System.nanoTime();
            long c0 = processCpuNanos();
            int n = 0;
            do {
                r.run();
                n++;
            } while (System.nanoTime() < end);
            return new Cost((System.nanoTime() - w0) / 1e6 / n, (processCpuNanos() - c0) / 1e6 / n, n);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("bench stages: a stage failed: " + e);
            return null;
        }
    }

    /**
     * The options this run was given, --out left out (where the table went is not how it was measured). From the
     * matched options, not the original arguments: under {@code gate bench} those start with "bench stages".
     */
    private String command() {
        picocli.CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        StringBuilder b = new StringBuilder();
        if (pr != null) {
            for (picocli.CommandLine.Model.OptionSpec opt : pr.matchedOptions()) {
                if (!opt.longestName().equals("--out")) {
                    b.append(' ').append(opt.longestName());
                    opt.originalStringValues().forEach(v -> b.append(' ').append(v));
                }
            }
        }
        return b.toString();
    }

    private static String cpu(Cost c) {
        return c == null ? "–" : String.format(Locale.ROOT, "%.2f ms", c.cpuMs());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static long bytes(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = t.endsWith("m") ? 1_000_000L : t.endsWith("k") ? 1_000L : 1L;
        String digits = mult == 1 ? t : t.substring(0, t.length() - 1);
        long v = Long.parseLong(digits);
        if (v < 0) {
            throw new NumberFormatException("negative");
        }
        return v * mult;
    }
}
