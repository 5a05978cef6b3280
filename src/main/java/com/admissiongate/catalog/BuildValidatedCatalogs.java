package com.admissiongate.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Which catalog bytes the build already validated against their schemas, so start-up need not do it again.
 *
 * <p>JSON-schema validation of the six catalogs costs about 1.6 s of a cold start (schema compilation and class
 * loading of the validator), most of the developer self-check's budget. The build validates the shipped catalogs in
 * {@code BuildValidatedCatalogsTests} and checks that {@code catalog/validated.sha256} lists, per file, the SHA-256 of
 * the catalog bytes followed by its schema's bytes. At start-up a file whose digest is listed is exactly what the build
 * validated under exactly that schema, and skips schema validation; anything else (an operator's catalog directory, a
 * catalog edited without the manifest) is validated as before. Cross-file checks always run; they are cheap.
 */
final class BuildValidatedCatalogs {

    static final String MANIFEST = CatalogLoader.RESOURCE_DIR + "validated.sha256";
    private static volatile Map<String, String> digests;

    private BuildValidatedCatalogs() {
    }

    static boolean validatedAtBuild(String file, byte[] catalog) {
        String listed = manifest().get(file);
        if (listed == null) {
            return false;
        }
        byte[] schema = schemaBytes(file);
        return schema != null && listed.equals(digest(catalog, schema));
    }

    static String digest(byte[] catalog, byte[] schema) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(catalog);
            sha.update(schema);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    static byte[] schemaBytes(String file) {
        String name = CatalogLoader.SCHEMA_DIR + file.replace(".json", ".schema.json");
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** Lines {@code <sha256>  <file>}; a missing or unreadable manifest means nothing was validated at build. */
    static Map<String, String> manifest() {
        Map<String, String> m = digests;
        if (m != null) {
            return m;
        }
        m = new HashMap<>();
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(MANIFEST)) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 2 && parts[0].matches("[0-9a-f]{64}")) {
                        m.put(parts[1], parts[0]);
                    }
                }
            }
        } catch (IOException e) {
            m.clear();
        }
        digests = Map.copyOf(m);
        return digests;
    }
}
