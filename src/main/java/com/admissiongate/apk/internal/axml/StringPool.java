package com.admissiongate.apk.internal.axml;

import static com.admissiongate.apk.internal.Bytes.s32;
import static com.admissiongate.apk.internal.Bytes.u16;
import static com.admissiongate.apk.internal.Bytes.u32;
import static com.admissiongate.apk.internal.Bytes.u8;

import com.admissiongate.apk.IssueCode;
import java.nio.charset.StandardCharsets;

/**
 * A ResStringPool chunk (UTF-8 or UTF-16). Strings are decoded lazily; every length prefix is
 * checked against the pool's string area, so a pool whose lengths lie yields an issue, not garbage.
 *
 * @see <a href="https://android.googlesource.com/platform/frameworks/base/+/main/libs/androidfw/include/androidfw/ResourceTypes.h">ResourceTypes.h</a>
 */
public final class StringPool {

    private static final int UTF8_FLAG = 0x100;

    private final byte[] data;
    private final int count;
    private final int offsetsStart;
    private final int stringsStart;
    private final int stringsEnd;
    private final boolean utf8;
    private final String[] cache;

    /** Parses the pool chunk at {@code [chunkStart, chunkStart + chunkSize)}. */
    public StringPool(byte[] data, int chunkStart, int headerSize, int chunkSize, int maxPool) throws AxmlException {
        if (chunkSize > maxPool) {
            throw new AxmlException(IssueCode.AXML_STRING_POOL_TOO_LARGE, chunkSize, maxPool);
        }
        if (headerSize < 28) {
            throw new AxmlException(IssueCode.AXML_STRING_POOL_OUT_OF_BOUNDS,
                    "header size " + headerSize + " < 28");
        }
        this.data = data;
        long stringCount = u32(data, chunkStart + 8);
        int flags = s32(data, chunkStart + 16);
        long stringsRel = u32(data, chunkStart + 20);
        long stylesRel = u32(data, chunkStart + 24);
        if (headerSize + stringCount * 4 > chunkSize) {
            throw new AxmlException(IssueCode.AXML_STRING_POOL_OUT_OF_BOUNDS,
                    stringCount + " string offsets need " + (stringCount * 4) + " bytes after a " + headerSize
                            + "-byte header, chunk has " + chunkSize);
        }
        if (stringCount > 0 && (stringsRel < headerSize + stringCount * 4 || stringsRel > chunkSize)) {
            throw new AxmlException(IssueCode.AXML_STRING_POOL_OUT_OF_BOUNDS,
                    "strings start " + stringsRel + " outside [" + (headerSize + stringCount * 4) + ", "
                            + chunkSize + "]");
        }
        this.count = (int) stringCount;
        this.offsetsStart = chunkStart + headerSize;
        this.stringsStart = chunkStart + (int) stringsRel;
        long endRel = stylesRel > stringsRel && stylesRel <= chunkSize ? stylesRel : chunkSize;
        this.stringsEnd = chunkStart + (int) endRel;
        this.utf8 = (flags & UTF8_FLAG) != 0;
        this.cache = new String[count];
    }

    public int size() {
        return count;
    }

    /** String at {@code index}, or null for index -1 (no string). */
    public String get(int index) throws AxmlException {
        if (index == -1) {
            return null;
        }
        if (index < 0 || index >= count) {
            throw new AxmlException(IssueCode.AXML_STRING_INDEX_OUT_OF_BOUNDS, index & 0xffffffffL, count);
        }
        String s = cache[index];
        if (s == null) {
            s = decode(index);
            cache[index] = s;
        }
        return s;
    }

    private String decode(int index) throws AxmlException {
        long rel = u32(data, offsetsStart + index * 4);
        long p = stringsStart + rel;
        if (p >= stringsEnd) {
            throw bad(index, "offset " + rel + " beyond the string area of " + (stringsEnd - stringsStart) + " bytes");
        }
        int pos = (int) p;
        if (utf8) {
            // UTF-16 length first (unused), then the UTF-8 byte length; each 1 or 2 bytes.
            pos += (u8(data, pos) & 0x80) != 0 ? 2 : 1;
            if (pos + 2 > stringsEnd) {
                throw bad(index, "length prefix runs past the string area");
            }
            int len = u8(data, pos);
            if ((len & 0x80) != 0) {
                len = ((len & 0x7f) << 8) | u8(data, pos + 1);
                pos += 2;
            } else {
                pos += 1;
            }
            if ((long) pos + len > stringsEnd) {
                throw bad(index, "UTF-8 length " + len + " at " + pos + " runs past the string area end "
                        + stringsEnd);
            }
            return new String(data, pos, len, StandardCharsets.UTF_8);
        }
        if (pos + 2 > stringsEnd) {
            throw bad(index, "length prefix runs past the string area");
        }
        int len = u16(data, pos);
        pos += 2;
        if ((len & 0x8000) != 0) {
            if (pos + 2 > stringsEnd) {
                throw bad(index, "length prefix runs past the string area");
            }
            len = ((len & 0x7fff) << 16) | u16(data, pos);
            pos += 2;
        }
        if ((long) pos + 2L * len > stringsEnd) {
            throw bad(index, "UTF-16 length " + len + " at " + pos + " runs past the string area end " + stringsEnd);
        }
        return new String(data, pos, len * 2, StandardCharsets.UTF_16LE);
    }

    private static AxmlException bad(int index, String what) {
        return new AxmlException(IssueCode.AXML_STRING_POOL_OUT_OF_BOUNDS, "string " + index + ": " + what);
    }
}
