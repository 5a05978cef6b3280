package com.admissiongate.apk.signing;

import com.android.apksig.ApkSigner;
import com.android.apksig.SigningCertificateLineage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds test APKs at test time: a minimal unsigned ZIP, then apksig's ApkSigner. */
final class TestApks {

    /** Stored (not deflated) so tests can find and flip these bytes after signing. */
    static final byte[] DEX = "dex\n035\0placeholder-classes-dex-for-signing-tests".getBytes(StandardCharsets.ISO_8859_1);

    private TestApks() {
    }

    static Path unsigned(Path dir, String name, byte[] manifest) throws IOException {
        Path apk = dir.resolve(name + "-unsigned.apk");
        try (OutputStream out = Files.newOutputStream(apk); ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, "AndroidManifest.xml", manifest);
            stored(zip, "classes.dex", DEX);
        }
        return apk;
    }

    static Path unsigned(Path dir, String name, int minSdk) throws IOException {
        return unsigned(dir, name, BinaryManifestWriter.manifest(minSdk));
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** Signing options; {@code lineage} non-null means keys are [old, new] and v3 rotates to new. */
    record Sign(boolean v1, boolean v2, boolean v3, int minSdk, List<TestKeys> keys,
                SigningCertificateLineage lineage, Integer rotationMinSdk, Path v4Output) {
        static Sign of(boolean v1, boolean v2, boolean v3, int minSdk, TestKeys key) {
            return new Sign(v1, v2, v3, minSdk, List.of(key), null, null, null);
        }
    }

    static Path sign(Path unsigned, String name, Sign s) throws Exception {
        Path out = unsigned.resolveSibling(name + ".apk");
        List<ApkSigner.SignerConfig> configs = new ArrayList<>();
        for (int i = 0; i < s.keys().size(); i++) {
            TestKeys k = s.keys().get(i);
            configs.add(new ApkSigner.SignerConfig.Builder("CERT" + (i == 0 ? "" : i), k.privateKey(),
                    List.of(k.certificate())).build());
        }
        ApkSigner.Builder b = new ApkSigner.Builder(configs)
                .setInputApk(unsigned.toFile())
                .setOutputApk(out.toFile())
                .setMinSdkVersion(s.minSdk())
                .setV1SigningEnabled(s.v1())
                .setV2SigningEnabled(s.v2())
                .setV3SigningEnabled(s.v3())
                .setV4SigningEnabled(s.v4Output() != null);
        if (s.v4Output() != null) {
            b.setV4SignatureOutputFile(s.v4Output().toFile());
        }
        if (s.lineage() != null) {
            b.setSigningCertificateLineage(s.lineage());
        }
        if (s.rotationMinSdk() != null) {
            b.setMinSdkVersionForRotation(s.rotationMinSdk());
        }
        b.build().sign();
        return out;
    }

    static SigningCertificateLineage lineage(TestKeys oldKey, TestKeys newKey) throws Exception {
        return new SigningCertificateLineage.Builder(
                new SigningCertificateLineage.SignerConfig.Builder(oldKey.privateKey(), oldKey.certificate()).build(),
                new SigningCertificateLineage.SignerConfig.Builder(newKey.privateKey(), newKey.certificate()).build())
                .build();
    }

    /** Flips one byte of the stored classes.dex content, leaving the ZIP structure intact. */
    static void tamperDex(Path apk) throws IOException {
        byte[] bytes = Files.readAllBytes(apk);
        int at = indexOf(bytes, "placeholder".getBytes(StandardCharsets.ISO_8859_1));
        if (at < 0) {
            throw new IllegalStateException("dex bytes not found in " + apk);
        }
        bytes[at] ^= 0x20;
        Files.write(apk, bytes);
    }

    /**
     * Adds id/value pairs to the APK Signing Block, the way channel tools (Walle, VasDolly) and
     * Play's frosting do; v2/v3 digests do not cover the block, so the APK still verifies.
     */
    static void addSigningBlockPairs(Path apk, int[] ids, long lengthOverride) throws IOException {
        byte[] bytes = Files.readAllBytes(apk);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = bytes.length - 22;
        int cdOffset = b.getInt(eocd + 16);
        long blockSizeField = b.getLong(cdOffset - 24);
        int blockStart = (int) (cdOffset - blockSizeField - 8);
        int pairsEnd = cdOffset - 24;

        ByteBuffer extra = ByteBuffer.allocate(ids.length * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < ids.length; i++) {
            boolean last = i == ids.length - 1;
            extra.putLong(last && lengthOverride > 0 ? lengthOverride : 8).putInt(ids[i]).putInt(0x11223344);
        }
        long newSize = blockSizeField + extra.capacity();
        ByteBuffer out = ByteBuffer.allocate(bytes.length + extra.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(bytes, 0, blockStart);
        out.putLong(newSize);
        out.put(bytes, blockStart + 8, pairsEnd - blockStart - 8);
        out.put(extra.array());
        out.putLong(newSize);
        out.put(bytes, pairsEnd + 8, bytes.length - pairsEnd - 8);
        int newEocd = out.capacity() - 22;
        out.putInt(newEocd + 16, cdOffset + extra.capacity());
        Files.write(apk, out.array());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
