package com.admissiongate.policy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Type-checked CEL ASTs of the packs shipped on the classpath, produced by the build ({@link CelAstCacheBuilder} in
 * the {@code process-classes} phase), so a cold start creates programs instead of parsing and type-checking ~300
 * expressions (about 0.9 CPU-s of the developer self-check, docs/benchmarks.md).
 *
 * <p>An entry is keyed by SHA-256 of the compiler environment's fingerprint and the expression source, so a changed
 * rule, a new function declaration, other options or another CEL version simply miss and are compiled as before; an
 * entry is only ever the checked AST of exactly that source in exactly that environment. A missing, truncated or
 * foreign file is an empty cache, never an error.
 */
final class CelAstCache {

    static final String RESOURCE = "policies/cel-ast-cache.bin";
    private static final int MAGIC = 0x47434531; // "GCE1"
    private static final int MAX_ENTRIES = 100_000;
    private static final int MAX_ENTRY_BYTES = 4 * 1024 * 1024;

    private static volatile CelAstCache classpath;

    private final Map<String, byte[]> entries;

    CelAstCache(Map<String, byte[]> entries) {
        this.entries = Map.copyOf(entries);
    }

    static CelAstCache empty() {
        return new CelAstCache(Map.of());
    }

    /** The build's cache, read once per class loader. */
    static CelAstCache fromClasspath() {
        CelAstCache c = classpath;
        if (c == null) {
            synchronized (CelAstCache.class) {
                c = classpath;
                if (c == null) {
                    c = read(CelAstCache.class.getClassLoader().getResourceAsStream(RESOURCE));
                    classpath = c;
                }
            }
        }
        return c;
    }

    static CelAstCache read(InputStream in) {
        if (in == null) {
            return empty();
        }
        try (in) {
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(in.readAllBytes()));
            if (data.readInt() != MAGIC) {
                return empty();
            }
            int n = data.readInt();
            if (n < 0 || n > MAX_ENTRIES) {
                return empty();
            }
            Map<String, byte[]> map = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String key = data.readUTF();
                int len = data.readInt();
                if (len < 0 || len > MAX_ENTRY_BYTES) {
                    return empty();
                }
                byte[] ast = new byte[len];
                data.readFully(ast);
                map.put(key, ast);
            }
            return new CelAstCache(map);
        } catch (IOException e) {
            return empty();
        }
    }

    static void write(Map<String, byte[]> entries, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(entries.size());
        for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) { // sorted: reproducible bytes
            data.writeUTF(e.getKey());
            data.writeInt(e.getValue().length);
            data.write(e.getValue());
        }
        data.flush();
    }

    byte[] get(String key) {
        return entries.get(key);
    }

    int size() {
        return entries.size();
    }

    static String key(String environmentFingerprint, String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(environmentFingerprint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
