package com.admissiongate.apk.signing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the smallest binary AndroidManifest.xml apksig can read a minSdk from:
 * {@code <manifest><uses-sdk android:minSdkVersion="N"/></manifest>}. Test-only.
 */
final class BinaryManifestWriter {

    private static final int MIN_SDK_VERSION_ATTR = 0x0101020c;
    private static final int TYPE_INT_DEC = 0x10;
    private static final int NO_INDEX = 0xffffffff;
    // Strings: attribute names first, so the resource map can index them.
    private static final String[] STRINGS = {"minSdkVersion", "manifest", "uses-sdk",
            "http://schemas.android.com/apk/res/android"};

    private BinaryManifestWriter() {
    }

    static byte[] manifest(int minSdk) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, stringPool());
        write(body, chunk(0x0180, 8, le(4).putInt(MIN_SDK_VERSION_ATTR).array()));
        write(body, startElement(1, new int[0][]));
        write(body, startElement(2, new int[][] {{3, 0, TYPE_INT_DEC, minSdk}}));
        write(body, endElement(2));
        write(body, endElement(1));
        return chunk(0x0003, 8, body.toByteArray());
    }

    private static byte[] stringPool() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer offsets = le(4 * STRINGS.length);
        for (String s : STRINGS) {
            offsets.putInt(data.size());
            byte[] utf16 = s.getBytes(StandardCharsets.UTF_16LE);
            write(data, le(2).putShort((short) s.length()).array());
            write(data, utf16);
            write(data, new byte[2]);
        }
        while (data.size() % 4 != 0) {
            data.write(0);
        }
        int headerSize = 28;
        ByteBuffer header = le(20).putInt(STRINGS.length).putInt(0).putInt(0)
                .putInt(headerSize + 4 * STRINGS.length).putInt(0);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        write(rest, header.array());
        write(rest, offsets.array());
        write(rest, data.toByteArray());
        return chunk(0x0001, headerSize, rest.toByteArray());
    }

    /** attrs: {namespaceIndex, nameIndex, dataType, data}. */
    private static byte[] startElement(int nameIndex, int[][] attrs) {
        ByteBuffer b = le(8 + 20 + 20 * attrs.length);
        b.putInt(1).putInt(NO_INDEX);
        b.putInt(NO_INDEX).putInt(nameIndex).putShort((short) 20).putShort((short) 20)
                .putShort((short) attrs.length).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        for (int[] a : attrs) {
            b.putInt(a[0]).putInt(a[1]).putInt(NO_INDEX).putShort((short) 8).put((byte) 0).put((byte) a[2]).putInt(a[3]);
        }
        return chunk(0x0102, 16, b.array());
    }

    private static byte[] endElement(int nameIndex) {
        return chunk(0x0103, 16, le(16).putInt(1).putInt(NO_INDEX).putInt(NO_INDEX).putInt(nameIndex).array());
    }

    /** body starts with the header fields that follow the 8-byte chunk header. */
    private static byte[] chunk(int type, int headerSize, byte[] body) {
        ByteBuffer b = le(8 + body.length);
        b.putShort((short) type).putShort((short) headerSize).putInt(8 + body.length).put(body);
        return b.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }
}
