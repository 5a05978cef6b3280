package com.admissiongate.privacy;

import com.admissiongate.catalog.CatalogLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parse-time harness (not a unit test): a ~200 KB Chinese HTML policy and a ~200 KB English text policy built from
 * the test set, parsed warm many times, plus the hostile documents once each. Prints a Markdown table. The documented
 * warm figures come from {@code ./gate bench privacy} (cli/PrivacyBenchCommand); this one adds the hostile documents.
 *
 * <pre>
 * mvn -B -q -o test-compile
 * java -cp target/classes:target/test-classes:$(cat target/classpath.txt) com.admissiongate.privacy.PrivacyPolicyBench [iterations]
 * </pre>
 */
public final class PrivacyPolicyBench {

    private PrivacyPolicyBench() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        PrivacyPolicyParser parser = new PrivacyPolicyParser(PrivacyLimits.defaults(), CatalogLoader.fromClasspath().sdks());
        byte[] zh = grow(PolicyAccuracy.DIR.resolve("zh-html-table-complete.html"), "<html><body>", "</body></html>");
        byte[] en = grow(PolicyAccuracy.DIR.resolve("en-text-list-complete.txt"), "", "");
        System.out.printf(Locale.ROOT, "| document | size | p50 | p90 | p99 | max |%n|---|---:|---:|---:|---:|---:|%n");
        row(parser, "zh-Hans HTML, SDK tables", zh, iterations);
        row(parser, "en plain text, SDK lists", en, iterations);
        System.out.printf(Locale.ROOT, "%n| hostile document | result | time |%n|---|---|---:|%n");
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        once(parser, "50 MB text", big);
        once(parser, "HTML nested 200 000 deep (1.2 MB)",
                ("<html><body>" + "<div>".repeat(200_000) + "</body></html>").getBytes(StandardCharsets.UTF_8));
        once(parser, "HTML nested 250 deep inside the estimate", ("<html><body>" + "<span><b>".repeat(150) + "x</body></html>")
                .getBytes(StandardCharsets.UTF_8));
        once(parser, "PDF, 1 page, Flate bomb 512 MiB", PolicyDocumentReaderTests.bombPdf(512 << 20));
    }

    private static byte[] grow(Path doc, String head, String tail) throws Exception {
        String body = Files.readString(doc).replace("<html>", "").replace("</html>", "").replace("<body>", "")
                .replace("</body>", "");
        StringBuilder b = new StringBuilder(head);
        int i = 0;
        while (b.length() * 2 < 200 * 1024) { // CJK is ~3 bytes in UTF-8, Latin 1: aim at ≥ 200 KB either way
            b.append(body.replace("一、", "第" + (++i) + "部分 "));
        }
        while (b.toString().getBytes(StandardCharsets.UTF_8).length < 200 * 1024) {
            b.append(body);
        }
        return b.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(PrivacyPolicyParser parser, String name, byte[] doc, int iterations) {
        PrivacyPolicyFacts.Source src = new PrivacyPolicyFacts.Source("file", name, null);
        PrivacyPolicyFacts f = null;
        for (int i = 0; i < 50; i++) {
            f = parser.parse(doc, null, null, src, PrivacyPolicyParser.Context.NONE);
        }
        long[] t = new long[iterations];
        long[] cpu = new long[iterations];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < iterations; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            f = parser.parse(doc, null, null, src, PrivacyPolicyParser.Context.NONE);
            t[i] = System.nanoTime() - s;
            cpu[i] = mx.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "cpu p50 %.1f ms%n", cpu[iterations / 2] / 1e6);
        System.out.printf(Locale.ROOT, "| %s (%s, %d SDK rows) | %d KB | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", name,
                f.status(), f.sdks().size(), doc.length / 1024, t[iterations / 2] / 1e6, t[iterations * 9 / 10] / 1e6,
                t[Math.min(iterations - 1, iterations * 99 / 100)] / 1e6, t[iterations - 1] / 1e6);
    }

    private static void once(PrivacyPolicyParser parser, String name, byte[] doc) {
        long s = System.nanoTime();
        PrivacyPolicyFacts f = parser.parse(doc, null, null, new PrivacyPolicyFacts.Source("file", name, null),
                PrivacyPolicyParser.Context.NONE);
        long ns = System.nanoTime() - s;
        System.out.printf(Locale.ROOT, "| %s | %s %s | %.0f ms |%n", name, f.status(),
                f.problems().isEmpty() ? "" : f.problems().get(0).code(), ns / 1e6);
    }
}
