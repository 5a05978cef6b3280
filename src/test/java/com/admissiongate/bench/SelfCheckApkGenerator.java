package com.admissiongate.bench;

import com.admissiongate.testkit.TestSigner;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds the ~20 MB input of the self-check cold-start benchmark (issue #10, docs/benchmarks.md "Self-check cold
 * start") from a corpus APK, so the figure can be re-measured by anyone: the source's entries (old signature files
 * dropped), its DEX files copied {@code copies} more times as classesN.dex, one stored incompressible asset filling up
 * to the target size, signed v1–v3 with a fresh RSA-2048 key (apksig), as a developer's release build would be.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *   com.admissiongate.bench.SelfCheckApkGenerator ../shared/corpus/apks/androguard__APK_app-prod-debug.apk out.apk [20] [3]</pre>
 */
public final class SelfCheckApkGenerator {

    private SelfCheckApkGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SelfCheckApkGenerator <source.apk> <out.apk> [target MiB=20] [extra DEX copies=3]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long target = (args.length > 2 ? Long.parseLong(args[2]) : 20) * 1024 * 1024;
        int copies = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        List<byte[]> dex = new ArrayList<>();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(source.toFile()); ZipOutputStream zos = new ZipOutputStream(buf)) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory() || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                if (e.getName().matches("classes\\d*\\.dex")) {
                    dex.add(data);
                }
                put(zos, e.getName(), data, e.getMethod() == ZipEntry.STORED);
            }
            int next = dex.size() + 1;
            for (int c = 0; c < copies; c++) {
                for (byte[] d : dex) {
                    put(zos, "classes" + next++ + ".dex", d, false);
                }
            }
            zos.flush();
            long filler = Math.max(0, target - buf.size() - 64 * 1024);
            byte[] noise = new byte[(int) filler];
            new Random(20).nextBytes(noise); // incompressible, reproducible
            put(zos, "assets/filler.bin", noise, true);
        }
        byte[] signed = TestSigner.rsa("CN=self-check bench", 2048).sign(buf.toByteArray(), 21);
        Files.write(out, signed);
        System.out.printf("%s: %.1f MiB, %d DEX files%n", out, signed.length / 1048576.0, dex.size() * (copies + 1));
    }

    private static void put(ZipOutputStream zos, String name, byte[] data, boolean stored) throws Exception {
        ZipEntry e = new ZipEntry(name);
        e.setTime(315532800000L);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            e.setCompressedSize(data.length);
            e.setCrc(crc.getValue());
        }
        zos.putNextEntry(e);
        zos.write(data);
        zos.closeEntry();
    }
}
