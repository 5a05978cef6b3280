package com.admissiongate.apk.internal.dex;

/** Decodes DEX MUTF-8 string data with bounds checks. */
final class Mutf8 {

    private Mutf8() {
    }

    /** Decodes {@code utf16Len} chars from {@code b[p..limit)}; null if the data runs out. */
    static String decode(byte[] b, int p, int limit, int utf16Len) {
        if (utf16Len < 0 || utf16Len > limit) {
            return null;
        }
        // ASCII fast path: the common case for class and method names.
        if (p + utf16Len <= limit) {
            boolean ascii = true;
            for (int i = 0; i < utf16Len; i++) {
                if (b[p + i] <= 0) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                return new String(b, 0, p, utf16Len);
            }
        }
        char[] out = new char[utf16Len];
        for (int i = 0; i < utf16Len; i++) {
            if (p >= limit) {
                return null;
            }
            int a = b[p++] & 0xff;
            if (a < 0x80) {
                out[i] = (char) a;
            } else if ((a & 0xe0) == 0xc0) {
                if (p >= limit) {
                    return null;
                }
                out[i] = (char) (((a & 0x1f) << 6) | (b[p++] & 0x3f));
            } else if ((a & 0xf0) == 0xe0) {
                if (p + 1 >= limit) {
                    return null;
                }
                out[i] = (char) (((a & 0x0f) << 12) | ((b[p++] & 0x3f) << 6) | (b[p++] & 0x3f));
            } else {
                out[i] = (char) a;
            }
        }
        return new String(out);
    }
}
