package com.admissiongate.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Minimal ELF files with PT_LOAD program headers of a chosen alignment. Test-only. */
public final class ElfStub {

    private ElfStub() {
    }

    /** A 64-bit little-endian ELF with two PT_LOAD segments aligned to {@code align}. */
    public static byte[] elf64(long align) {
        ByteBuffer b = ByteBuffer.allocate(64 + 2 * 56 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
        b.putShort((short) 3).putShort((short) 183).putInt(1).putLong(0).putLong(64).putLong(0).putInt(0)
                .putShort((short) 64).putShort((short) 56).putShort((short) 2).putShort((short) 64)
                .putShort((short) 0).putShort((short) 0);
        for (int i = 0; i < 2; i++) {
            long off = i * align;
            b.putInt(1).putInt(5).putLong(off).putLong(off).putLong(off).putLong(16).putLong(16).putLong(align);
        }
        return b.array();
    }

    /** A 32-bit little-endian ELF with one PT_LOAD segment aligned to {@code align}. */
    public static byte[] elf32(int align) {
        ByteBuffer b = ByteBuffer.allocate(52 + 32 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0}).put(new byte[8]);
        b.putShort((short) 3).putShort((short) 40).putInt(1).putInt(0).putInt(52).putInt(0).putInt(0)
                .putShort((short) 52).putShort((short) 32).putShort((short) 1).putShort((short) 40)
                .putShort((short) 0).putShort((short) 0);
        b.putInt(1).putInt(0).putInt(0).putInt(0).putInt(16).putInt(16).putInt(5).putInt(align);
        return b.array();
    }
}
