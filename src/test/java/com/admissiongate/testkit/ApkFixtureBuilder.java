package com.admissiongate.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Builds APK fixtures byte by byte: a hand-written ZIP writer (so hostile layouts are possible)
 * with binary-XML manifests, DEX files, native stubs and raw hooks for every header field that
 * a hostile APK could lie about. Test-only; fixtures are built at test time, never committed.
 */
public final class ApkFixtureBuilder {

    /** One ZIP entry and the lies to tell about it. */
    public static final class Entry {
        final String name;
        final byte[] data;
        int method = 8;
        int flags;
        String cdName;
        Long declaredUncompressed;
        boolean inCentralDirectory = true;
        Integer cdMethod;

        Entry(String name, byte[] data) {
            this.name = name;
            this.data = data;
        }

        public Entry stored() {
            method = 0;
            return this;
        }

        /** Raw method id; data is stored as-is when the method is neither 0 nor 8. */
        public Entry method(int m) {
            method = m;
            return this;
        }

        public Entry flags(int f) {
            flags = f;
            return this;
        }

        /** Name written to the central directory (local header keeps the real name). */
        public Entry cdName(String n) {
            cdName = n;
            return this;
        }

        /** Uncompressed size written to both headers instead of the real one. */
        public Entry declaredUncompressed(long n) {
            declaredUncompressed = n;
            return this;
        }

        /** Write the local header and data but leave the entry out of the central directory. */
        public Entry notInCentralDirectory() {
            inCentralDirectory = false;
            return this;
        }

        public Entry cdMethod(int m) {
            cdMethod = m;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] prefix = new byte[0];
    private byte[] comment = new byte[0];
    private Integer commentLengthOverride;
    private byte[] garbageBeforeEocd = new byte[0];
    private int[] signingBlockIds;
    private Integer cdEntryCountOverride;
    private int truncateCentralDirectory;
    private boolean omitEocd;

    public static ApkFixtureBuilder apk() {
        return new ApkFixtureBuilder();
    }

    /** A minimal valid manifest: package, versionCode 1, minSdk 21, targetSdk 30, one application. */
    public static AxmlWriter.Element minimalManifest(String pkg) {
        return AxmlWriter.element("manifest").attr("package", pkg).android("versionCode", 1)
                .android("versionName", "1.0")
                .child(AxmlWriter.element("uses-sdk").android("minSdkVersion", 21).android("targetSdkVersion", 30))
                .child(AxmlWriter.element("application").android("label", "Demo"));
    }

    public ApkFixtureBuilder manifest(AxmlWriter.Element root) {
        return entry("AndroidManifest.xml", AxmlWriter.write(root));
    }

    public ApkFixtureBuilder entry(String name, byte[] data) {
        entries.add(new Entry(name, data));
        return this;
    }

    public ApkFixtureBuilder stored(String name, byte[] data) {
        entries.add(new Entry(name, data).stored());
        return this;
    }

    /** Adds an entry and lets the caller set lies on it. */
    public ApkFixtureBuilder entry(String name, byte[] data, java.util.function.Consumer<Entry> lies) {
        Entry e = new Entry(name, data);
        lies.accept(e);
        entries.add(e);
        return this;
    }

    public ApkFixtureBuilder dex(String name, DexFixture dex) {
        return entry(name, dex.build());
    }

    public ApkFixtureBuilder nativeLib(String abi, String name, byte[] elf) {
        entries.add(new Entry("lib/" + abi + "/" + name, elf).stored());
        return this;
    }

    public ApkFixtureBuilder prefix(byte[] bytes) {
        prefix = bytes;
        return this;
    }

    public ApkFixtureBuilder comment(byte[] bytes) {
        comment = bytes;
        return this;
    }

    public ApkFixtureBuilder commentLengthOverride(int n) {
        commentLengthOverride = n;
        return this;
    }

    public ApkFixtureBuilder garbageBeforeEocd(int n) {
        garbageBeforeEocd = new byte[n];
        return this;
    }

    public ApkFixtureBuilder signingBlock(int... ids) {
        signingBlockIds = ids;
        return this;
    }

    public ApkFixtureBuilder cdEntryCount(int n) {
        cdEntryCountOverride = n;
        return this;
    }

    /** Cuts {@code n} bytes off the end of the central directory (the EOCD keeps the full size). */
    public ApkFixtureBuilder truncateCentralDirectory(int n) {
        truncateCentralDirectory = n;
        return this;
    }

    public ApkFixtureBuilder omitEocd() {
        omitEocd = true;
        return this;
    }

    public Path writeTo(Path dir, String fixtureName) {
        try {
            Path p = dir.resolve(fixtureName + ".apk");
            Files.write(p, build());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(prefix, 0, prefix.length);
        List<long[]> meta = new ArrayList<>();
        for (Entry e : entries) {
            byte[] payload = e.method == 8 ? deflate(e.data) : e.data;
            CRC32 crc = new CRC32();
            crc.update(e.data);
            long usize = e.declaredUncompressed != null ? e.declaredUncompressed : e.data.length;
            long lho = out.size();
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer h = le(30);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) e.flags).putShort((short) e.method)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue()).putInt(payload.length)
                    .putInt((int) usize).putShort((short) name.length).putShort((short) 0);
            write(out, h.array());
            write(out, name);
            write(out, payload);
            meta.add(new long[] {lho, crc.getValue(), payload.length, usize});
        }
        if (signingBlockIds != null) {
            int pairs = signingBlockIds.length * (8 + 4 + 4);
            long size = pairs + 8 + 16;
            ByteBuffer sb = le((int) (8 + size));
            sb.putLong(size);
            for (int id : signingBlockIds) {
                sb.putLong(8).putInt(id).putInt(0);
            }
            sb.putLong(size).put("APK Sig Block 42".getBytes(StandardCharsets.US_ASCII));
            write(out, sb.array());
        }
        long cdStart = out.size();
        ByteArrayOutputStream cd = new ByteArrayOutputStream();
        int cdCount = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (!e.inCentralDirectory) {
                continue;
            }
            cdCount++;
            long[] m = meta.get(i);
            byte[] name = (e.cdName != null ? e.cdName : e.name).getBytes(StandardCharsets.UTF_8);
            ByteBuffer c = le(46);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) e.flags)
                    .putShort((short) (e.cdMethod != null ? e.cdMethod : e.method)).putShort((short) 0)
                    .putShort((short) 0x21).putInt((int) m[1]).putInt((int) m[2]).putInt((int) m[3])
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt((int) m[0]);
            write(cd, c.array());
            write(cd, name);
        }
        byte[] cdBytes = cd.toByteArray();
        int cdSize = cdBytes.length;
        write(out, java.util.Arrays.copyOf(cdBytes, cdBytes.length - truncateCentralDirectory));
        write(out, garbageBeforeEocd);
        if (!omitEocd) {
            int count = cdEntryCountOverride != null ? cdEntryCountOverride : cdCount;
            ByteBuffer eocd = le(22);
            eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count)
                    .putShort((short) count).putInt(cdSize).putInt((int) cdStart)
                    .putShort((short) (commentLengthOverride != null ? commentLengthOverride : comment.length));
            write(out, eocd.array());
            write(out, comment);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        d.end();
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
    }
}
