package com.admissiongate.apk.internal.dex;

import com.admissiongate.apk.DexCode;
import com.admissiongate.apk.internal.Bytes;

/**
 * Resolves one DEX file's string, type, field and method indices after the reader validated the id tables'
 * bounds; every lookup is checked again, so a later caller never sees an exception from bad indices.
 */
final class DexFileTables implements DexCode.File {

    private final byte[] d;
    private final int stringIdsOff;
    private final int stringIdsSize;
    private final int typeIdsOff;
    private final int typeIdsSize;
    private final int fieldIdsOff;
    private final int fieldIdsSize;
    private final int[] methodIds;
    private final String[] strings;
    private final String[] fields;

    /**
     * @param strings cache of decoded strings by string_id, length {@code stringIdsSize}: the reader's own, so a
     *                string it decoded (type, method name, const-string) is not decoded again; a string the reader
     *                decoded is the one this class would (same bounds, same decoder), and the reader is done with
     *                the file before anyone asks this class
     */
    DexFileTables(byte[] d, int stringIdsOff, int stringIdsSize, int typeIdsOff, int typeIdsSize, int fieldIdsOff,
            int fieldIdsSize, int[] methodIds, String[] strings) {
        if (strings.length != stringIdsSize) {
            throw new IllegalArgumentException("string cache of " + strings.length + " for " + stringIdsSize);
        }
        this.d = d;
        this.stringIdsOff = stringIdsOff;
        this.stringIdsSize = stringIdsSize;
        this.typeIdsOff = typeIdsOff;
        this.typeIdsSize = typeIdsSize;
        this.fieldIdsOff = fieldIdsOff;
        this.fieldIdsSize = fieldIdsSize;
        this.methodIds = methodIds;
        this.strings = strings;
        this.fields = new String[fieldIdsSize];
    }

    @Override
    public byte[] bytes() {
        return d;
    }

    @Override
    public int methodId(int idx) {
        return idx < 0 || idx >= methodIds.length ? -1 : methodIds[idx];
    }

    @Override
    public String string(int idx) {
        if (idx < 0 || idx >= stringIdsSize) {
            return null;
        }
        String s = strings[idx];
        if (s == null) {
            int off = Bytes.s32(d, stringIdsOff + idx * 4);
            if (off < 0 || off >= d.length) {
                return null;
            }
            int p = off;
            int utf16Len = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (p >= d.length) {
                    return null;
                }
                int b = d[p++] & 0xff;
                utf16Len |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            s = Mutf8.decode(d, p, d.length, utf16Len);
            strings[idx] = s;
        }
        return s;
    }

    @Override
    public String type(int idx) {
        if (idx < 0 || idx >= typeIdsSize) {
            return null;
        }
        return string(Bytes.s32(d, typeIdsOff + idx * 4));
    }

    @Override
    public String field(int idx) {
        if (idx < 0 || idx >= fieldIdsSize) {
            return null;
        }
        if (fields[idx] != null) {
            return fields[idx];
        }
        int p = fieldIdsOff + idx * 8;
        String cls = type(Bytes.u16(d, p));
        String type = type(Bytes.u16(d, p + 2));
        String name = string(Bytes.s32(d, p + 4));
        String f = cls == null || type == null || name == null ? null : cls + "->" + name + ":" + type;
        fields[idx] = f;
        return f;
    }
}
