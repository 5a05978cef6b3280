package com.admissiongate.cli;

import com.admissiongate.analysis.FactsAssembler;
import com.admissiongate.analysis.behaviour.BehaviourAnalyzer;
import com.admissiongate.analysis.behaviour.BehaviourLimits;
import com.admissiongate.apk.ApkAnalyzer;
import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.DexFacts;
import com.admissiongate.apk.DexIndex;
import com.admissiongate.apk.ManifestFacts;
import com.admissiongate.apk.NativeLib;
import com.admissiongate.apk.signing.SigningVerifier;
import com.admissiongate.catalog.CallSite;
import com.admissiongate.catalog.Catalogs;
import com.admissiongate.catalog.PackerDetector;
import com.admissiongate.catalog.PiAccessDeriver;
import com.admissiongate.catalog.SdkDetector;
import com.admissiongate.catalog.SdkFinding;
import com.admissiongate.catalog.SdkInputs;
import com.admissiongate.policy.OutcomeOverrides;
import com.admissiongate.policy.PolicyEvaluator;
import com.admissiongate.policy.PolicyInput;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RulePackLoadException;
import com.admissiongate.policy.RulePackLoader;
import com.admissiongate.report.accuracy.NeutralSubmission;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench [--corpus dir] [--rounds N] [--out docs/benchmarks.md]}: per-APK cost of each analysis stage in one
 * warm JVM (after a warm-up pass), against java.util.zip inflating every entry (the in-JVM `unzip -p`), plus the
 * rule pack's evaluation cost and, when installed, the native `unzip -p` / `dexdump -d` on the largest APKs.
 * Numbers are wall-clock on whatever else the machine is doing: the report records load and cores.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {PrivacyBenchCommand.class, StagesBenchCommand.class},
        description = "Benchmark the analyzer stages and the rule pack on a corpus; optionally write docs/benchmarks.md.")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "<dir>", description = "corpus directory (apks/ inside, or *.apk); default ../shared/corpus")
    Path corpus;

    @Option(names = "--rounds", paramLabel = "N", description = "timed rounds per APK and stage (median kept); default 3")
    int rounds = 3;

    @Option(names = "--eval-iterations", paramLabel = "N", description = "pack evaluations per APK; default 20")
    int evalIterations = 20;

    @Option(names = "--largest", paramLabel = "N", description = "how many of the largest APKs for MB/s and native tools; default 5")
    int largest = 5;

    @Option(names = "--out", paramLabel = "<file.md>", description = "write the Markdown report here")
    Path out;

    @Spec
    CommandSpec spec;

    /** Per-APK medians in nanoseconds; -1 when the stage failed on this APK. */
    record Row(String file, long size, long dexBytes, long inflate, long facts, long analyzer, long signing, long sdk,
            long behaviour) {
    }

    /** The shared corpus beside the checkout (../shared/corpus), else where the workplace keeps it. */
    static Path defaultCorpus() {
        return Files.isDirectory(Path.of("../shared/corpus")) ? Path.of("../shared/corpus") : Path.of("/work/shared/corpus");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rounds < 1 || evalIterations < 1 || largest < 0) {
            err.println("bench: --rounds and --eval-iterations must be ≥ 1");
            return 2;
        }
        Path dir = corpus != null ? corpus : defaultCorpus();
        Path apkDir = Files.isDirectory(dir.resolve("apks")) ? dir.resolve("apks") : dir;
        if (!Files.isDirectory(apkDir)) {
            err.println("bench: no such corpus directory: " + dir);
            return 2;
        }
        List<Path> apks;
        try (Stream<Path> s = Files.list(apkDir)) {
            apks = s.filter(p -> p.getFileName().toString().endsWith(".apk")).sorted().toList();
        }
        if (apks.isEmpty()) {
            err.println("bench: no *.apk in " + apkDir);
            return 2;
        }
        RulePack pack;
        try {
            pack = new RulePackLoader().loadFromClasspath("policies/cn-app-pi");
        } catch (RulePackLoadException e) {
            err.println("bench: rule pack does not load: " + e.getMessage());
            return 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        FactsAssembler assembler = OfflineGate.factsAssembler(mapper);
        Catalogs catalogs = assembler.catalogs();
        ApkAnalyzer analyzer = new ApkAnalyzer();
        SigningVerifier verifier = new SigningVerifier();
        SdkStage sdkStage = new SdkStage(catalogs);
        BehaviourAnalyzer behaviour = new BehaviourAnalyzer(catalogs, BehaviourLimits.defaults());
        PolicyEvaluator evaluator = new PolicyEvaluator(OutcomeOverrides.none());
        Map<String, Object> catalogView = catalogs.celView();
        byte[] buffer = new byte[1 << 16];

        o.println("bench: " + apks.size() + " APKs from " + apkDir + ", warm-up pass…");
        o.flush();
        for (Path apk : apks) {
            inflateAll(apk, buffer);
            assembler.assemble(apk);
        }
        List<Row> rows = new ArrayList<>();
        List<ObjectNode> factsList = new ArrayList<>();
        for (Path apk : apks) {
            ObjectNode facts = assembler.assemble(apk);
            factsList.add(facts);
            Integer minSdk = facts.path("manifest").path("minSdk").isInt() ? facts.path("manifest").path("minSdk").asInt() : null;
            long dexBytes = 0;
            for (JsonNode f : facts.path("dex").path("files")) {
                dexBytes += f.path("size").asLong();
            }
            long inflate = median(rounds, () -> inflateAll(apk, buffer) >= 0);
            long factsNs = median(rounds, () -> assembler.assemble(apk) != null);
            long analyzerNs = median(rounds, () -> analyzer.analyze(apk) != null);
            long signingNs = median(rounds, () -> verifier.verify(apk, minSdk, null) != null);
            ApkReport report = analyzer.analyze(apk);
            long sdkNs = median(rounds, () -> sdkStage.run(report));
            long behaviourNs = report.dexIndex() == null ? -1 : median(rounds, () -> behaviour.analyze(report.dexIndex(),
                    report.manifest(), report.resources().passwordFields()) != null);
            rows.add(new Row(apk.getFileName().toString(), Files.size(apk), dexBytes, inflate, factsNs, analyzerNs,
                    signingNs, sdkNs, behaviourNs));
        }

        long[] evalNs = evalSamples(apks, factsList, mapper, catalogView, pack, evaluator);
        List<String> machine = machine();
        List<Row> biggest = rows.stream().sorted(Comparator.comparingLong(Row::dexBytes).reversed()).limit(largest).toList();
        List<String> nativeRows = nativeTools(biggest, apkDir, err);
        String cold = coldCli(rows.stream().max(Comparator.comparingLong(Row::size)).orElseThrow(), apkDir);

        String md = markdown(rows, biggest, evalNs, nativeRows, cold, machine, apkDir);
        o.println(md);
        if (out != null) {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, md, StandardCharsets.UTF_8);
            o.println("wrote " + out);
        }
        o.flush();
        return 0;
    }

    /** Inflates every entry to a scratch buffer: the floor any analysis that reads the whole APK must pay. */
    static long inflateAll(Path apk, byte[] buffer) {
        long total = 0;
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                    }
                } catch (IOException | RuntimeException unreadableEntry) {
                    // unknown compression method etc.: unzip skips such entries too
                }
            }
        } catch (IOException | RuntimeException notAZip) {
            return -1;
        }
        return total;
    }

    private static long median(int rounds, Supplier<Boolean> task) {
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            boolean ok;
            try {
                ok = task.get();
            } catch (RuntimeException e) {
                ok = false;
            }
            t[i] = ok ? System.nanoTime() - t0 : -1;
        }
        Arrays.sort(t);
        return t[0] < 0 ? -1 : t[rounds / 2];
    }

    @SuppressWarnings("unchecked")
    private long[] evalSamples(List<Path> apks, List<ObjectNode> factsList, ObjectMapper mapper,
            Map<String, Object> catalogView, RulePack pack, PolicyEvaluator evaluator) {
        ObjectNode history = NeutralSubmission.firstUploadHistory(mapper);
        Map<String, Object> historyMap = mapper.convertValue(history, Map.class);
        Instant now = Instant.now();
        List<Map<String, Object>> facts = new ArrayList<>();
        List<Map<String, Object>> subs = new ArrayList<>();
        for (int i = 0; i < apks.size(); i++) {
            facts.add(mapper.convertValue(factsList.get(i), Map.class));
            subs.add(mapper.convertValue(NeutralSubmission.forFacts(factsList.get(i),
                    apks.get(i).getFileName().toString(), mapper), Map.class));
        }
        for (int i = 0; i < facts.size(); i++) { // warm-up
            evaluator.evaluate(pack, PolicyInput.of(facts.get(i), subs.get(i), historyMap, catalogView), now);
        }
        long[] samples = new long[facts.size() * evalIterations];
        int k = 0;
        for (int r = 0; r < evalIterations; r++) {
            for (int i = 0; i < facts.size(); i++) {
                long t0 = System.nanoTime();
                evaluator.evaluate(pack, PolicyInput.of(facts.get(i), subs.get(i), historyMap, catalogView), now);
                samples[k++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(samples);
        return samples;
    }

    /** SDK detection, packer detection and PI derivation exactly as FactsAssembler runs them, on a ready report. */
    static final class SdkStage {
        private final SdkDetector sdk;
        private final PackerDetector packer;
        private final PiAccessDeriver pi;
        private final Set<String> uris;

        SdkStage(Catalogs catalogs) {
            this.sdk = new SdkDetector(catalogs.sdks());
            this.packer = new PackerDetector(catalogs.packers());
            this.pi = new PiAccessDeriver(catalogs);
            this.uris = catalogs.trackedContentUris();
        }

        boolean run(ApkReport r) {
            List<CallSite> sites = new ArrayList<>();
            for (DexFacts.CallSite s : r.dex().callSites()) {
                sites.add(new CallSite(s.caller(), s.callee()));
            }
            DexIndex index = r.dexIndex();
            List<String> classes = new ArrayList<>();
            if (index != null) {
                index.classes().forEach(c -> classes.add(c.name()));
                for (int m = 0; m < index.methodCount(); m++) {
                    for (String s : index.strings(m)) {
                        for (String uri : uris) {
                            if (s.startsWith(uri)) {
                                sites.add(new CallSite(index.method(m), uri));
                            }
                        }
                    }
                }
            }
            Set<String> components = new LinkedHashSet<>();
            ManifestFacts m = r.manifest();
            if (m != null) {
                for (List<ManifestFacts.Component> list : List.of(m.activities(), m.activityAliases(), m.services(),
                        m.receivers(), m.providers())) {
                    list.forEach(c -> components.add(c.name()));
                }
            }
            List<String> libs = r.nativeLibs().stream().map(NativeLib::name).toList();
            List<SdkFinding> found = sdk.detect(new SdkInputs(classes, List.copyOf(components), libs, r.assets(), sites));
            List<String> entries = new ArrayList<>(r.assets());
            r.nativeLibs().forEach(l -> entries.add(l.path()));
            r.dex().files().forEach(f -> entries.add(f.source()));
            packer.detect(entries, libs, classes);
            List<String> perms = m == null ? List.of() : m.permissions().stream().map(ManifestFacts.UsesPermission::name).toList();
            return pi.derive(perms, sites, found) != null;
        }
    }

    private List<String> nativeTools(List<Row> biggest, Path apkDir, PrintWriter err) throws Exception {
        List<String> rowsOut = new ArrayList<>();
        boolean unzip = onPath("unzip");
        boolean dexdump = onPath("dexdump");
        // androguard is a Debian python package (never a runtime dependency): its full AnalyzeAPK (all DEX + xrefs)
        // is the closest tool to what the gate computes, so it is the baseline the issue names
        boolean androguard = run(List.of("/usr/bin/python3", "-c", "import androguard.misc"), null) == 0;
        if (!unzip) {
            rowsOut.add("(unzip not installed: native comparison skipped)");
            return rowsOut;
        }
        for (Row r : biggest) {
            Path apk = apkDir.resolve(r.file());
            long unzipNs = medianProcess(List.of("unzip", "-p", apk.toString()), null);
            String dexCell = "n/a";
            if (dexdump) {
                Path tmp = Files.createTempDirectory("bench-dex");
                try {
                    run(List.of("unzip", "-q", "-o", apk.toString(), "classes*.dex", "-d", tmp.toString()), null);
                    List<String> cmd = new ArrayList<>(List.of("dexdump", "-d"));
                    try (Stream<Path> s = Files.list(tmp)) {
                        s.sorted().forEach(p -> cmd.add(p.toString()));
                    }
                    long dexNs = cmd.size() > 2 ? medianProcess(cmd, null) : -1;
                    dexCell = dexNs < 0 ? "failed" : ms(dexNs) + " (" + ratio(dexNs, r.analyzer()) + "× ours)";
                } finally {
                    try (Stream<Path> s = Files.walk(tmp)) {
                        s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                    }
                }
            } else {
                dexCell = "dexdump not installed";
            }
            String androCell = "androguard not installed";
            if (androguard) {
                long aNs = medianProcess(List.of("/usr/bin/python3", "-c",
                        "import sys\nfrom androguard.misc import AnalyzeAPK\nAnalyzeAPK(sys.argv[1])", apk.toString()), null);
                androCell = aNs < 0 ? "failed" : ms(aNs) + " (" + ratio(aNs, r.facts()) + "× our Facts)";
            }
            rowsOut.add("| " + r.file() + " | " + mb(r.size()) + " | " + mb(r.dexBytes()) + " | " + ms(unzipNs) + " | "
                    + ms(r.inflate()) + " | " + ms(r.analyzer()) + " | " + ms(r.facts()) + " | "
                    + ratio(r.facts(), unzipNs) + " | " + dexCell + " | " + androCell + " |");
        }
        return rowsOut;
    }

    private long medianProcess(List<String> cmd, Path cwd) throws Exception {
        run(cmd, cwd); // warm the page cache and the binary
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            int rc = run(cmd, cwd);
            t[i] = rc == 0 || rc == 1 && cmd.get(0).equals("unzip") ? System.nanoTime() - t0 : -1;
        }
        Arrays.sort(t);
        return t[0] < 0 ? -1 : t[rounds / 2];
    }

    private static int run(List<String> cmd, Path cwd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String capture(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(30, TimeUnit.SECONDS);
            return s;
        } catch (Exception e) {
            return "(" + cmd.get(0) + ": " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String tool) {
        return capture(List.of("sh", "-c", "command -v " + tool)).startsWith("/");
    }

    /** Cold start of the offline CLI (a fresh JVM running `facts`), as ./gate runs it minus its mvn freshness check. */
    private String coldCli(Row largestApk, Path apkDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        Path apk = apkDir.resolve(largestApk.file());
        List<String> cmd = List.of(java, "-Xmx1g", "-cp", cp, GateCli.class.getName(), "facts", apk.toString());
        StringBuilder sb = new StringBuilder();
        sb.append("Cold `./gate facts ").append(apk.getFileName()).append("` (").append(mb(largestApk.size()))
                .append(" MB; a fresh JVM with the same classpath, i.e. `./gate facts` minus its mvn freshness check): ");
        if (onPath("hyperfine")) {
            Path json = Files.createTempFile("bench-hyperfine", ".json");
            String shellCmd = String.join(" ", cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList())
                    + " > /dev/null";
            run(List.of("hyperfine", "--warmup", "1", "--runs", String.valueOf(Math.max(3, rounds)), "--export-json",
                    json.toString(), shellCmd), null);
            JsonNode res = new ObjectMapper().readTree(json.toFile()).path("results").path(0);
            Files.deleteIfExists(json);
            sb.append(String.format(Locale.ROOT, "hyperfine mean %.2f s ± %.2f s, min %.2f s, max %.2f s (%d runs)",
                    res.path("mean").asDouble(), res.path("stddev").asDouble(), res.path("min").asDouble(),
                    res.path("max").asDouble(), res.path("times").size()));
        } else {
            long t = medianProcess(cmd, null);
            sb.append(String.format(Locale.ROOT, "median %.2f s over %d runs (System.nanoTime around the process;"
                    + " hyperfine not installed)", t / 1e9, rounds));
        }
        return sb.toString();
    }

    private static List<String> machine() {
        List<String> m = new ArrayList<>();
        m.add("nproc: " + capture(List.of("nproc")));
        m.add("free -g:\n" + capture(List.of("free", "-g")));
        m.add("java -version:\n" + capture(List.of(ProcessHandle.current().info().command().orElse("java"), "-version")));
        m.add("uptime: " + capture(List.of("uptime")));
        return m;
    }

    private String markdown(List<Row> rows, List<Row> biggest, long[] evalNs, List<String> nativeRows, String cold,
            List<String> machine, Path apkDir) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Generated by `./gate bench --corpus ").append(apkDir.getParent() == null ? apkDir : apkDir.getParent())
                .append(" --rounds ").append(rounds).append(out == null ? "" : " --out " + out).append("` on ")
                .append(LocalDate.now()).append(". One warm JVM: a warm-up pass over every APK, then per APK and stage")
                .append(" the median of ").append(rounds).append(" rounds; wall-clock, so other work on the machine")
                .append(" shows up (load average below).\n\n");
        md.append("Machine:\n\n```\n").append(String.join("\n", machine)).append("\n```\n\n");
        String load = machine.get(machine.size() - 1);
        md.append("The machine is shared with other builds (2 cores); ").append(load)
                .append(". Treat ratios as more reliable than absolute times.\n\n");

        List<Row> ok = rows.stream().filter(r -> r.inflate() > 0 && r.facts() > 0).toList();
        md.append("## Per APK (").append(rows.size()).append(" APKs; ").append(rows.size() - ok.size())
                .append(" that java.util.zip cannot open are left out of the ratio columns)\n\n");
        md.append("| stage | median ms | p90 ms | max ms | total s |\n|---|---:|---:|---:|---:|\n");
        stat(md, "inflate every entry (java.util.zip)", rows, Row::inflate);
        stat(md, "Facts (FactsAssembler.assemble)", rows, Row::facts);
        stat(md, "ApkAnalyzer alone", rows, Row::analyzer);
        stat(md, "apksig verify alone (SigningVerifier)", rows, Row::signing);
        stat(md, "SDK + packer + PI detection", rows, Row::sdk);
        stat(md, "behaviour analysis alone (BehaviourAnalyzer)", rows, Row::behaviour);
        md.append('\n');
        double[] ratios = ok.stream().mapToDouble(r -> (double) r.facts() / r.inflate()).sorted().toArray();
        long sumFacts = ok.stream().mapToLong(Row::facts).sum();
        long sumInflate = ok.stream().mapToLong(Row::inflate).sum();
        List<Row> big = ok.stream().filter(r -> r.size() >= 1_000_000).toList();
        md.append(String.format(Locale.ROOT, "Facts / inflate (target ≤ 3×): median per APK %.1f×, p90 %.1f×;"
                        + " whole corpus %.1f× (%.2f s vs %.2f s); APKs ≥ 1 MB (%d): %.1f×.%n%n",
                pct(ratios, 0.5), pct(ratios, 0.9), (double) sumFacts / sumInflate, sumFacts / 1e9, sumInflate / 1e9,
                big.size(), (double) big.stream().mapToLong(Row::facts).sum()
                        / Math.max(1, big.stream().mapToLong(Row::inflate).sum())));
        long sumSdk = rows.stream().filter(r -> r.sdk() > 0).mapToLong(Row::sdk).sum();
        long sumSig = rows.stream().filter(r -> r.signing() > 0).mapToLong(Row::signing).sum();
        long sumAn = rows.stream().filter(r -> r.analyzer() > 0).mapToLong(Row::analyzer).sum();
        long sumBeh = rows.stream().filter(r -> r.behaviour() > 0).mapToLong(Row::behaviour).sum();
        long sumFactsAll = rows.stream().filter(r -> r.facts() > 0).mapToLong(Row::facts).sum();
        md.append(String.format(Locale.ROOT, "Share of the Facts time over the corpus: extractor %.0f %%, behaviour"
                        + " analysis %.0f %%, apksig %.0f %%, SDK/packer/PI detection %.1f %% (the rest is app text and"
                        + " bundled policy scanning and JSON tree building).%n%n",
                100.0 * sumAn / sumFactsAll, 100.0 * sumBeh / sumFactsAll, 100.0 * sumSig / sumFactsAll,
                100.0 * sumSdk / sumFactsAll));
        md.append(String.format(Locale.ROOT, "Rule pack evaluation on the Facts (%d samples: %d APKs × %d iterations,"
                        + " neutral submission, PolicyInput conversion included): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms,"
                        + " max %.3f ms (target p50 ≤ 1 ms, p99 ≤ 5 ms).%n%n", evalNs.length, rows.size(),
                evalIterations, pctL(evalNs, 0.5) / 1e6, pctL(evalNs, 0.9) / 1e6, pctL(evalNs, 0.99) / 1e6,
                evalNs[evalNs.length - 1] / 1e6));
        md.append("## Largest DEX inputs (target ≥ 50 MB/s of DEX)\n\n| APK | APK MB | DEX MB | ApkAnalyzer ms | DEX MB/s |"
                + " Facts ms | Facts DEX MB/s |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : biggest) {
            md.append("| ").append(r.file()).append(" | ").append(mb(r.size())).append(" | ").append(mb(r.dexBytes()))
                    .append(" | ").append(ms(r.analyzer())).append(" | ").append(rate(r.dexBytes(), r.analyzer()))
                    .append(" | ").append(ms(r.facts())).append(" | ").append(rate(r.dexBytes(), r.facts())).append(" |\n");
        }
        md.append("\n## Native tools on the same APKs (separate processes, median of ").append(rounds)
                .append(" after one warm-up)\n\n");
        md.append("`unzip -p APK > /dev/null`, `dexdump -d` over the pre-extracted classes*.dex (output discarded) and"
                + " androguard 3.4 `AnalyzeAPK` (python process) pay process start-up; ours run warm in-process."
                + " Never a runtime dependency.\n\n");
        md.append("| APK | APK MB | DEX MB | unzip -p ms | java.util.zip inflate ms | ApkAnalyzer ms | Facts ms |"
                + " Facts / unzip | dexdump -d ms (× ApkAnalyzer) | androguard AnalyzeAPK ms (× Facts) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        nativeRows.forEach(r -> md.append(r).append('\n'));
        md.append("\n## Cold CLI\n\n").append(cold).append(".\n");
        return md.toString();
    }

    private static void stat(StringBuilder md, String name, List<Row> rows, java.util.function.ToLongFunction<Row> f) {
        long[] v = rows.stream().mapToLong(f).filter(x -> x >= 0).sorted().toArray();
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.1f | %.2f |%n", name, pctL(v, 0.5) / 1e6,
                pctL(v, 0.9) / 1e6, v.length == 0 ? 0 : v[v.length - 1] / 1e6, Arrays.stream(v).sum() / 1e9));
    }

    static double pct(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static long pctL(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private static String ms(long ns) {
        return ns < 0 ? "failed" : String.format(Locale.ROOT, "%.1f", ns / 1e6);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / 1e6);
    }

    private static String rate(long bytes, long ns) {
        return ns <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / 1e6 / (ns / 1e9));
    }

    private static String ratio(long a, long b) {
        return a <= 0 || b <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (double) a / b);
    }
}
