package com.admissiongate.cli;

import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.privacy.PrivacyLimits;
import com.admissiongate.privacy.PrivacyPolicyFacts;
import com.admissiongate.privacy.PrivacyPolicyParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench privacy [--dir d] [--iterations N] [--warmup N]}: warm parse time of ~200 KB privacy policies built
 * from the hand-written test set (each base policy repeated with numbered sections until it reaches the size), one
 * per language and format. Prints a Markdown table: wall p50/p90/p99/max and the parsing thread's CPU p50 (on a shared
 * machine the CPU column is what the code costs, the wall columns what a caller waits), plus load average and cores.
 */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = "Benchmark privacy-policy parsing on ~200 KB policies built from the test set (docs/privacy-policy.md).")
public class PrivacyBenchCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "<dir>", description = "policy test set; default src/test/resources/privacy-policies")
    Path dir = Path.of("src/test/resources/privacy-policies");

    @Option(names = "--iterations", paramLabel = "N", description = "timed parses per document; default 200")
    int iterations = 200;

    @Option(names = "--warmup", paramLabel = "N", description = "untimed parses per document first; default 100")
    int warmup = 100;

    @Option(names = "--size", paramLabel = "KB", description = "document size to build; default 200")
    int sizeKb = 200;

    @Option(names = "--only", paramLabel = "<text>", description = "only the documents whose name or label contains this (e.g. en, html)")
    String only;

    static final String[][] DOCS = {
            {"zh-html-table-complete.html", "zh-Hans HTML, SDK table"},
            {"zh-text-prose-complete.txt", "zh-Hans text, SDKs in prose"},
            {"en-text-list-complete.txt", "en text, SDK list"},
            {"en-html-table-complete.html", "en HTML, SDK table"},
    };

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        PrivacyPolicyParser parser = new PrivacyPolicyParser(PrivacyLimits.defaults(), CatalogLoader.fromClasspath().sdks());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "%d cores, load average %.2f at start; %d warm-up + %d timed parses per document%n%n",
                Runtime.getRuntime().availableProcessors(), load, warmup, iterations);
        out.printf(Locale.ROOT, "| document | language | size | SDK rows | p50 | p90 | p99 | max | CPU p50 |%n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|%n");
        for (String[] d : DOCS) {
            if (only != null && !d[0].contains(only) && !d[1].contains(only)) {
                continue;
            }
            Path base = dir.resolve(d[0]);
            if (!Files.isRegularFile(base)) {
                System.err.println("bench privacy: missing " + base);
                return 2;
            }
            row(out, parser, d[1], grow(Files.readString(base), d[0].endsWith(".html"), sizeKb * 1024));
        }
        out.printf(Locale.ROOT, "%nload average %.2f at end%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return 0;
    }

    /** The base policy repeated (section numbers varied so the copies are not identical) until {@code bytes}. */
    static byte[] grow(String doc, boolean html, int bytes) {
        String body = doc.replace("<html>", "").replace("</html>", "").replace("<body>", "").replace("</body>", "");
        StringBuilder b = new StringBuilder(html ? "<html><body>" : "");
        int i = 0;
        while (b.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            i++;
            b.append(body.replace("一、", "第" + i + "部分 ").replace("1.", i + ".1."));
        }
        return b.append(html ? "</body></html>" : "").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void row(PrintStream out, PrivacyPolicyParser parser, String name, byte[] doc) {
        PrivacyPolicyFacts.Source src = new PrivacyPolicyFacts.Source("file", name, null);
        PrivacyPolicyFacts f = null;
        for (int i = 0; i < warmup; i++) {
            f = parser.parse(doc, null, null, src, PrivacyPolicyParser.Context.NONE);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] wall = new long[iterations];
        long[] cpu = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            f = parser.parse(doc, null, null, src, PrivacyPolicyParser.Context.NONE);
            wall[i] = System.nanoTime() - s;
            cpu[i] = mx.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        out.printf(Locale.ROOT, "| %s | %s | %d KB | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", name,
                f.language(), doc.length / 1024, f.sdks().size(), ms(wall, 50), ms(wall, 90), ms(wall, 99),
                wall[iterations - 1] / 1e6, ms(cpu, 50));
    }

    private static double ms(long[] sorted, int pct) {
        return sorted[Math.min(sorted.length - 1, sorted.length * pct / 100)] / 1e6;
    }
}
