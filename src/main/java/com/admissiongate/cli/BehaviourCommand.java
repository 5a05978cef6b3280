package com.admissiongate.cli;

import com.admissiongate.analysis.behaviour.BehaviourAnalyzer;
import com.admissiongate.analysis.behaviour.BehaviourFacts;
import com.admissiongate.analysis.behaviour.BehaviourLimits;
import com.admissiongate.apk.ApkAnalyzer;
import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.TrackedApis;
import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.catalog.Catalogs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code behaviour <apk>...}: the Facts {@code behaviour} section per APK. With {@code --droidbench <tsv>}:
 * precision and recall of the flows against DroidBench's expected leak counts; with {@code --cost}: call graph +
 * all analyses timed per APK (warm, after the DEX index is built) with the corpus median and the largest APK.
 */
@Command(name = "behaviour", mixinStandardHelpOptions = true,
        description = "Behaviour analysis (call graph, pre-consent, permissions, patterns, flows) per APK; "
                + "--droidbench scores flows, --cost times the analysis.")
public class BehaviourCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<apk|dir>", description = "APK files or directories holding *.apk")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--droidbench", paramLabel = "<tsv>", description = "droidbench-leaks.tsv: score flows per APK")
    Path droidbench;

    @Option(names = "--cost", description = "time call graph + analyses per APK (3 warm runs, median) and print a table")
    boolean cost;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> apks = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".apk"))
                            .sorted().forEach(apks::add);
                }
            } else if (Files.isRegularFile(in)) {
                apks.add(in);
            } else {
                spec.commandLine().getErr().println("behaviour: no such file or directory: " + in);
                return 2;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        Catalogs catalogs = CatalogLoader.fromClasspath();
        ApkAnalyzer analyzer = new ApkAnalyzer(ApkLimits.defaults(), TrackedApis.defaults());
        BehaviourAnalyzer behaviour = new BehaviourAnalyzer(catalogs, BehaviourLimits.defaults());
        if (droidbench != null) {
            return score(apks, analyzer, behaviour, out);
        }
        if (cost) {
            return cost(apks, analyzer, behaviour, out);
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (Path apk : apks) {
            ApkReport r = analyzer.analyze(apk);
            out.println(mapper.writeValueAsString(
                    behaviour.analyze(r.dexIndex(), r.manifest(), r.resources().passwordFields())));
        }
        out.flush();
        return 0;
    }

    private int score(List<Path> apks, ApkAnalyzer analyzer, BehaviourAnalyzer behaviour, PrintWriter out)
            throws IOException {
        Map<String, Integer> expected = new TreeMap<>();
        Map<String, String> category = new TreeMap<>();
        for (String line : Files.readAllLines(droidbench)) {
            String[] f = line.split("\t");
            if (f.length >= 5 && f[4].matches("\\d+")) {
                expected.put(f[1], Integer.parseInt(f[4]));
                category.put(f[1], f[2]);
            }
        }
        Map<String, int[]> byCategory = new TreeMap<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int scored = 0;
        // the same score counting only flows via data: what an analysis without implicit flows would get
        int[] dataOnly = new int[3];
        out.println("| APK | expected | found | TP | FP | FN | found via control only |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Path apk : apks) {
            String name = apk.getFileName().toString();
            Integer exp = expected.get(name);
            if (exp == null) {
                continue;
            }
            ApkReport r = analyzer.analyze(apk);
            BehaviourFacts b = behaviour.analyze(r.dexIndex(), r.manifest(), r.resources().passwordFields());
            // one leak per sink call site, whatever the number of source kinds reaching it
            long found = b.flows().stream().map(f -> f.method() + "|" + f.sink() + "@" + f.callSite()).distinct().count();
            long data = b.flows().stream().filter(f -> !BehaviourFacts.Flow.CONTROL.equals(f.via()))
                    .map(f -> f.method() + "|" + f.sink() + "@" + f.callSite()).distinct().count();
            dataOnly[0] += (int) Math.min(data, exp);
            dataOnly[1] += (int) Math.max(0, data - exp);
            dataOnly[2] += Math.max(0, exp - (int) data);
            int t = (int) Math.min(found, exp);
            int p = (int) Math.max(0, found - exp);
            int n = Math.max(0, exp - (int) found);
            tp += t;
            fp += p;
            fn += n;
            scored++;
            int[] c = byCategory.computeIfAbsent(category.get(name), k -> new int[4]);
            c[0] += t;
            c[1] += p;
            c[2] += n;
            c[3]++;
            out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", name.replace("droidbench__apk_", ""), exp, found, t, p, n,
                    found - data);
        }
        out.println();
        out.println("| category | APKs | TP | FP | FN | precision | recall |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, int[]> e : byCategory.entrySet()) {
            int[] c = e.getValue();
            out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s |%n", e.getKey(), c[3], c[0], c[1], c[2],
                    pct(c[0], c[0] + c[1]), pct(c[0], c[0] + c[2]));
        }
        out.printf(Locale.ROOT, "| **all** | %d | %d | %d | %d | **%s** | **%s** |%n", scored, tp, fp, fn,
                pct(tp, tp + fp), pct(tp, tp + fn));
        out.println();
        out.printf(Locale.ROOT, "Flows via data only (no implicit flows): TP %d, FP %d, FN %d, precision %s, recall %s%n",
                dataOnly[0], dataOnly[1], dataOnly[2], pct(dataOnly[0], dataOnly[0] + dataOnly[1]),
                pct(dataOnly[0], dataOnly[0] + dataOnly[2]));
        out.flush();
        return 0;
    }

    private static String pct(int a, int b) {
        return b == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", 100.0 * a / b);
    }

    private int cost(List<Path> apks, ApkAnalyzer analyzer, BehaviourAnalyzer behaviour, PrintWriter out) {
        List<double[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path apk : apks) {
            ApkReport r = analyzer.analyze(apk);
            if (r.dexIndex() == null) {
                continue;
            }
            double[] ms = new double[3];
            BehaviourFacts b = null;
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                b = behaviour.analyze(r.dexIndex(), r.manifest(), r.resources().passwordFields());
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            rows.add(new double[] {ms[1], r.dexIndex().methodCount(), b.stats().edges(), b.complete() ? 1 : 0,
                r.dex().files().size()});
            names.add(apk.getFileName().toString());
        }
        if (rows.isEmpty()) {
            out.println("no APK with DEX");
            out.flush();
            return 0;
        }
        double[] times = rows.stream().mapToDouble(x -> x[0]).sorted().toArray();
        int largest = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i)[1] > rows.get(largest)[1]) {
                largest = i;
            }
        }
        double[] l = rows.get(largest);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf(Locale.ROOT, "APKs with DEX: %d%n", rows.size());
        out.printf(Locale.ROOT, "median call graph + analyses: %.1f ms; p90 %.1f ms; max %.1f ms%n",
                times[times.length / 2], times[(int) (times.length * 0.9)], times[times.length - 1]);
        out.printf(Locale.ROOT, "largest (%s): %d DEX, %.0f method ids, %.0f edges, %.1f ms warm, complete=%s%n",
                names.get(largest), (int) l[4], l[1], l[2], l[0], l[3] == 1);
        out.printf(Locale.ROOT, "heap used at end: %d MiB (max %d MiB)%n", heap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        return 0;
    }
}
