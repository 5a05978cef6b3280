package com.admissiongate.apk.internal;

/** Little-endian reads from byte arrays; callers check bounds first. */
public final class Bytes {

    private Bytes() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int u16(byte[] b, int off) {
        return (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8);
    }

    public static int s32(byte[] b, int off) {
        return (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8) | ((b[off + 2] & 0xff) << 16) | (b[off + 3] << 24);
    }

    public static long u32(byte[] b, int off) {
        return s32(b, off) & 0xffffffffL;
    }

    public static long s64(byte[] b, int off) {
        return (u32(b, off)) | ((long) s32(b, off + 4) << 32);
    }

    public static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** True for "dex\n" followed by three digits and NUL, the DEX magic. */
    public static boolean isDexMagic(byte[] b, int off, int len) {
        return len >= 8 && b[off] == 'd' && b[off + 1] == 'e' && b[off + 2] == 'x' && b[off + 3] == '\n'
                && b[off + 7] == 0;
    }
}
