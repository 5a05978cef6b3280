package com.admissiongate.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Rule-pack zips for the operator API tests, built from the bundled pack's files. */
final class RulePackZips {

    static final Path BUNDLED = Path.of("src/main/resources/policies/cn-app-pi");

    private RulePackZips() {
    }

    static Map<String, byte[]> bundledFiles() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (var list = Files.list(BUNDLED)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** The bundled pack with semver {@code semver} and without rule {@code dropRule} (null keeps all rules). */
    static Map<String, byte[]> variant(String semver, String dropRule) throws Exception {
        Map<String, byte[]> files = bundledFiles();
        // whatever version the bundled pack has: a variant must never be byte-identical to it
        String pack = new String(files.get("pack.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version: .*$", "version: " + semver);
        if (dropRule != null) {
            files.remove(dropRule + ".yaml");
            pack = pack.replace("  - " + dropRule + ".yaml\n", "");
        }
        files.put("pack.yaml", pack.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static Map<String, byte[]> edit(Map<String, byte[]> files, String name, UnaryOperator<String> change) {
        files.put(name, change.apply(new String(files.get(name), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }
}
