package com.admissiongate.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The few hostile APKs committed as files (src/test/resources/apk/hostile/) so a person can `./gate submit` or
 * `./gate scan` them; every other fixture is built at test time. Regenerate with
 * {@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt) com.admissiongate.testkit.CommittedFixtures};
 * CommittedFixturesTests fails if the committed bytes drift from this code.
 */
public final class CommittedFixtures {

    public static final Path DIR = Path.of("src/test/resources/apk/hostile");

    private CommittedFixtures() {
    }

    public static Map<String, Supplier<byte[]>> all() {
        Map<String, Supplier<byte[]>> m = new LinkedHashMap<>();
        m.put("zip-bomb-ratio.apk", () -> minimal().entry("assets/zeros.bin", new byte[8 << 20]).build());
        m.put("entry-path-traversal.apk", () -> minimal().entry("assets/../../evil.so", new byte[1]).build());
        m.put("duplicate-manifest-entry.apk", () -> minimal()
                .entry("AndroidManifest.xml", new byte[]{3, 0, 8, 0}).build());
        return m;
    }

    private static ApkFixtureBuilder minimal() {
        return ApkFixtureBuilder.apk().manifest(ApkFixtureBuilder.minimalManifest("com.example.hostile"));
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(DIR);
        for (Map.Entry<String, Supplier<byte[]>> e : all().entrySet()) {
            Files.write(DIR.resolve(e.getKey()), e.getValue().get());
        }
    }
}
