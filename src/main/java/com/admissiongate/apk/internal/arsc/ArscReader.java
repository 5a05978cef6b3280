package com.admissiongate.apk.internal.arsc;

import static com.admissiongate.apk.internal.Bytes.s32;
import static com.admissiongate.apk.internal.Bytes.u16;
import static com.admissiongate.apk.internal.Bytes.u32;
import static com.admissiongate.apk.internal.Bytes.u8;

import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.IssueCode;
import com.admissiongate.apk.internal.Issues;
import com.admissiongate.apk.internal.axml.AxmlException;
import com.admissiongate.apk.internal.axml.StringPool;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads resources.arsc: default-configuration simple values (for resolving manifest references)
 * and string resources of the default and Chinese locales. Dense, sparse, 16-bit-offset and
 * compact entries are supported; complex (bag) entries are skipped.
 */
public final class ArscReader {

    private static final int RES_TABLE_TYPE = 0x0002;
    private static final int RES_STRING_POOL_TYPE = 0x0001;
    private static final int RES_TABLE_PACKAGE_TYPE = 0x0200;
    private static final int RES_TABLE_TYPE_TYPE = 0x0201;
    private static final int FLAG_SPARSE = 0x01;
    private static final int FLAG_OFFSET16 = 0x02;
    private static final int ENTRY_FLAG_COMPLEX = 0x01;
    private static final int ENTRY_FLAG_COMPACT = 0x08;

    private final ApkLimits limits;
    private final Issues issues;
    private byte[] data;
    private StringPool globalStrings;
    private final Map<Integer, Long> values = new HashMap<>();
    private final Map<Integer, Integer> valueScore = new HashMap<>();
    private final Map<Integer, String> strings = new HashMap<>();
    private final Map<String, String> defaultStrings = new LinkedHashMap<>();
    private final Map<String, String> zhStrings = new LinkedHashMap<>();
    private boolean defaultCapped;
    private boolean zhCapped;

    public ArscReader(ApkLimits limits, Issues issues) {
        this.limits = limits;
        this.issues = issues;
    }

    public ResourceTable read(byte[] bytes) throws AxmlException {
        this.data = bytes;
        if (bytes.length < 12 || u16(bytes, 0) != RES_TABLE_TYPE) {
            throw new AxmlException(IssueCode.ARSC_MALFORMED,
                    "not a resource table (" + bytes.length + " bytes, type 0x"
                            + (bytes.length >= 2 ? Integer.toHexString(u16(bytes, 0)) : "?") + ")");
        }
        int headerSize = u16(bytes, 2);
        long size = Math.min(u32(bytes, 4), bytes.length);
        int pos = headerSize;
        while (pos + 8 <= size) {
            int type = u16(bytes, pos);
            int hs = u16(bytes, pos + 2);
            long cs = u32(bytes, pos + 4);
            checkChunk(pos, type, hs, cs, size);
            if (type == RES_STRING_POOL_TYPE && globalStrings == null) {
                globalStrings = new StringPool(bytes, pos, hs, (int) cs, limits.maxStringPool());
            } else if (type == RES_TABLE_PACKAGE_TYPE) {
                readPackage(pos, hs, (int) cs);
            }
            pos += (int) cs;
        }
        if (defaultCapped) {
            issues.add(IssueCode.ARSC_LIMIT_REACHED, "resources.arsc", limits.maxStrings(), "default");
        }
        if (zhCapped) {
            issues.add(IssueCode.ARSC_LIMIT_REACHED, "resources.arsc", limits.maxStrings(), "zh");
        }
        Map<String, Map<String, String>> locales = new LinkedHashMap<>();
        locales.put("default", java.util.Collections.unmodifiableMap(defaultStrings));
        locales.put("zh", java.util.Collections.unmodifiableMap(zhStrings));
        return new ResourceTable(values, strings, locales);
    }

    private static void checkChunk(int pos, int type, int hs, long cs, long end) throws AxmlException {
        if (hs < 8 || cs < hs || cs > end - pos) {
            throw new AxmlException(IssueCode.ARSC_MALFORMED, "chunk type 0x" + Integer.toHexString(type)
                    + " at " + pos + " declares size " + cs + " (header " + hs + "), " + (end - pos) + " remain");
        }
    }

    private void readPackage(int start, int hs, int size) throws AxmlException {
        if (hs < 284) {
            throw new AxmlException(IssueCode.ARSC_MALFORMED, "package header size " + hs + " < 284");
        }
        int pkgId = s32(data, start + 8) & 0xff;
        long typeStringsRel = u32(data, start + 268);
        long keyStringsRel = u32(data, start + 276);
        StringPool typeStrings = subPool(start, size, typeStringsRel);
        StringPool keyStrings = subPool(start, size, keyStringsRel);
        int pos = start + hs;
        int end = start + size;
        while (pos + 8 <= end) {
            int type = u16(data, pos);
            int chs = u16(data, pos + 2);
            long cs = u32(data, pos + 4);
            checkChunk(pos, type, chs, cs, end);
            if (type == RES_TABLE_TYPE_TYPE) {
                readType(pkgId, pos, chs, (int) cs, typeStrings, keyStrings);
            }
            pos += (int) cs;
        }
    }

    private StringPool subPool(int pkgStart, int pkgSize, long rel) throws AxmlException {
        if (rel == 0 || rel + 28 > pkgSize) {
            return null;
        }
        int p = pkgStart + (int) rel;
        int hs = u16(data, p + 2);
        long cs = u32(data, p + 4);
        checkChunk(p, u16(data, p), hs, cs, pkgStart + (long) pkgSize);
        return new StringPool(data, p, hs, (int) cs, limits.maxStringPool());
    }

    private void readType(int pkgId, int start, int hs, int size, StringPool typeStrings, StringPool keyStrings)
            throws AxmlException {
        if (hs < 20 + 4) {
            throw new AxmlException(IssueCode.ARSC_MALFORMED, "type header size " + hs + " at " + start);
        }
        int typeId = u8(data, start + 8);
        int flags = u8(data, start + 9);
        long entryCount = u32(data, start + 12);
        long entriesStart = u32(data, start + 16);
        int configStart = start + 20;
        long configSize = u32(data, configStart);
        String language = configSize >= 12 ? language(configStart + 8) : "";
        // A config is "default" when nothing beyond its size field is set; a lower score is a
        // closer match to the default configuration (e.g. a density-only config beats mcc/mnc).
        int score = configScore(configStart, (int) Math.min(configSize, hs - 20));
        String typeName = typeStrings == null || typeId == 0 ? null : safe(typeStrings, typeId - 1);
        boolean isString = "string".equals(typeName);
        boolean isDefaultLocale = language.isEmpty();
        boolean isZh = language.equals("zh");
        if (!isDefaultLocale && !isZh) {
            return;
        }
        boolean sparse = (flags & FLAG_SPARSE) != 0;
        boolean off16 = (flags & FLAG_OFFSET16) != 0;
        int width = sparse || off16 ? (sparse ? 4 : 2) : 4;
        if (hs + entryCount * width > size || entriesStart > size) {
            throw new AxmlException(IssueCode.ARSC_MALFORMED, "type " + typeId + " at " + start + ": "
                    + entryCount + " entry offsets do not fit in " + size + " bytes");
        }
        int offs = start + hs;
        for (int i = 0; i < entryCount; i++) {
            int entryIndex;
            long off;
            if (sparse) {
                entryIndex = u16(data, offs + i * 4);
                off = u16(data, offs + i * 4 + 2) * 4L;
            } else if (off16) {
                int o = u16(data, offs + i * 2);
                if (o == 0xffff) {
                    continue;
                }
                entryIndex = i;
                off = o * 4L;
            } else {
                long o = u32(data, offs + i * 4);
                if (o == 0xffffffffL) {
                    continue;
                }
                entryIndex = i;
                off = o;
            }
            long e = start + entriesStart + off;
            if (e + 8 > start + (long) size) {
                throw new AxmlException(IssueCode.ARSC_MALFORMED, "entry " + entryIndex + " of type " + typeId
                        + " at " + e + " outside its chunk ending at " + (start + size));
            }
            int ep = (int) e;
            int eflags = u16(data, ep + 2);
            int valueType;
            int valueData;
            int keyIndex;
            if ((eflags & ENTRY_FLAG_COMPACT) != 0) {
                keyIndex = u16(data, ep);
                valueType = eflags >>> 8;
                valueData = s32(data, ep + 4);
            } else {
                if ((eflags & ENTRY_FLAG_COMPLEX) != 0) {
                    continue;
                }
                int esize = u16(data, ep);
                keyIndex = s32(data, ep + 4);
                long vp = e + esize;
                if (esize < 8 || vp + 8 > start + (long) size) {
                    throw new AxmlException(IssueCode.ARSC_MALFORMED, "entry " + entryIndex + " of type " + typeId
                            + " has size " + esize + " and a value outside its chunk");
                }
                valueType = u8(data, (int) vp + 3);
                valueData = s32(data, (int) vp + 4);
            }
            int resId = (pkgId << 24) | (typeId << 16) | entryIndex;
            if (isDefaultLocale) {
                Integer prev = valueScore.get(resId);
                if (prev == null || score < prev) {
                    valueScore.put(resId, score);
                    values.put(resId, ((long) valueType << 32) | (valueData & 0xffffffffL));
                    if (valueType == ResourceTable.TYPE_STRING && globalStrings != null) {
                        String s = safe(globalStrings, valueData);
                        if (s != null) {
                            strings.put(resId, s);
                        } else {
                            strings.remove(resId);
                        }
                    } else {
                        strings.remove(resId);
                    }
                }
            }
            if (isString && valueType == ResourceTable.TYPE_STRING && globalStrings != null && keyStrings != null) {
                Map<String, String> target = isDefaultLocale ? defaultStrings : zhStrings;
                if (isDefaultLocale && score != 0) {
                    continue;
                }
                String key = safe(keyStrings, keyIndex);
                String val = safe(globalStrings, valueData);
                if (key == null || val == null || target.containsKey(key)) {
                    continue;
                }
                if (target.size() >= limits.maxStrings()) {
                    if (isDefaultLocale) {
                        defaultCapped = true;
                    } else {
                        zhCapped = true;
                    }
                    continue;
                }
                target.put(key, val.length() > limits.maxStringLength()
                        ? val.substring(0, limits.maxStringLength()) : val);
            }
        }
    }

    private String language(int p) {
        int a = u8(data, p);
        int b = u8(data, p + 1);
        if (a == 0) {
            return "";
        }
        if ((a & 0x80) != 0) {
            // Packed 3-letter ISO-639-2 code.
            int first = b & 0x1f;
            int second = ((b & 0xe0) >> 5) | ((a & 0x03) << 3);
            int third = (a & 0x7c) >> 2;
            return "" + (char) (first + 'a') + (char) (second + 'a') + (char) (third + 'a');
        }
        return "" + (char) a + (char) b;
    }

    private int configScore(int p, int len) {
        int score = 0;
        for (int i = 4; i < len; i++) {
            if (data[p + i] != 0) {
                score++;
            }
        }
        return score;
    }

    private static String safe(StringPool pool, int index) {
        try {
            return pool.get(index);
        } catch (AxmlException e) {
            return null;
        }
    }
}
