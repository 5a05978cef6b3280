package com.admissiongate.apk.internal.axml;

import static com.admissiongate.apk.internal.Bytes.s32;
import static com.admissiongate.apk.internal.Bytes.u16;
import static com.admissiongate.apk.internal.Bytes.u32;
import static com.admissiongate.apk.internal.Bytes.u8;

import com.admissiongate.apk.IssueCode;

/**
 * Pull parser for Android binary XML (AXML). Attribute names are identified by the resource id
 * the resource-map chunk assigns to their name string, the way Android's ResXMLParser does; the
 * name string is only used for attributes without an id (e.g. {@code package}).
 */
public final class AxmlParser {

    public static final int START_ELEMENT = 1;
    public static final int END_ELEMENT = 2;
    public static final int END_DOCUMENT = 3;
    public static final int TEXT = 4;

    static final int RES_STRING_POOL_TYPE = 0x0001;
    static final int RES_XML_TYPE = 0x0003;
    static final int RES_XML_START_NAMESPACE = 0x0100;
    static final int RES_XML_END_NAMESPACE = 0x0101;
    static final int RES_XML_START_ELEMENT = 0x0102;
    static final int RES_XML_END_ELEMENT = 0x0103;
    static final int RES_XML_CDATA = 0x0104;
    static final int RES_XML_RESOURCE_MAP = 0x0180;

    public static final int TYPE_NULL = 0x00;
    public static final int TYPE_REFERENCE = 0x01;
    public static final int TYPE_STRING = 0x03;
    public static final int TYPE_FLOAT = 0x04;
    public static final int TYPE_INT_DEC = 0x10;
    public static final int TYPE_INT_HEX = 0x11;
    public static final int TYPE_INT_BOOLEAN = 0x12;

    private static final int MAX_DEPTH = 256;

    private final byte[] data;
    private final int end;
    private final int maxStringPool;
    private int pos;
    private StringPool strings;
    private int[] resourceMap = new int[0];
    private int depth;

    private String name;
    private int attrStart;
    private int attrSize;
    private int attrCount;
    private int line;

    public AxmlParser(byte[] data, int maxStringPool) throws AxmlException {
        this.data = data;
        this.maxStringPool = maxStringPool;
        if (data.length < 8) {
            throw new AxmlException(IssueCode.AXML_NOT_BINARY_XML, data.length >= 2 ? u16(data, 0) : 0, data.length);
        }
        int type = u16(data, 0);
        int headerSize = u16(data, 2);
        long size = u32(data, 4);
        if (type != RES_XML_TYPE || headerSize < 8) {
            throw new AxmlException(IssueCode.AXML_NOT_BINARY_XML, type, data.length);
        }
        if (size > data.length || size < headerSize) {
            throw new AxmlException(IssueCode.AXML_CHUNK_OUT_OF_BOUNDS, type, 0, size, headerSize, data.length);
        }
        this.end = (int) size;
        this.pos = headerSize;
    }

    /** Advances to the next element event. */
    public int next() throws AxmlException {
        if (name != null && depth > 0 && lastWasEnd) {
            depth--;
        }
        lastWasEnd = false;
        while (pos < end) {
            if (end - pos < 8) {
                throw new AxmlException(IssueCode.AXML_CHUNK_OUT_OF_BOUNDS, 0, pos, 8, 8, end - pos);
            }
            int chunkStart = pos;
            int type = u16(data, pos);
            int headerSize = u16(data, pos + 2);
            long size = u32(data, pos + 4);
            if (headerSize < 8 || size < headerSize || size > end - pos) {
                throw new AxmlException(IssueCode.AXML_CHUNK_OUT_OF_BOUNDS, type, pos, size, headerSize, end - pos);
            }
            pos += (int) size;
            switch (type) {
                case RES_STRING_POOL_TYPE:
                    if (strings != null) {
                        throw new AxmlException(IssueCode.AXML_MALFORMED, "second string pool at offset " + chunkStart);
                    }
                    strings = new StringPool(data, chunkStart, headerSize, (int) size, maxStringPool);
                    break;
                case RES_XML_RESOURCE_MAP: {
                    int n = ((int) size - headerSize) / 4;
                    resourceMap = new int[n];
                    for (int i = 0; i < n; i++) {
                        resourceMap[i] = s32(data, chunkStart + headerSize + i * 4);
                    }
                    break;
                }
                case RES_XML_START_ELEMENT: {
                    requirePool(chunkStart);
                    int ext = chunkStart + headerSize;
                    if (headerSize < 16 || size < headerSize + 20L) {
                        throw new AxmlException(IssueCode.AXML_CHUNK_OUT_OF_BOUNDS, type, chunkStart, size,
                                headerSize, end - chunkStart);
                    }
                    line = s32(data, chunkStart + 8);
                    name = strings.get(s32(data, ext + 4));
                    int aStart = u16(data, ext + 8);
                    attrSize = u16(data, ext + 10);
                    attrCount = u16(data, ext + 12);
                    attrStart = ext + aStart;
                    long attrEnd = (long) attrStart + (long) attrCount * attrSize;
                    if (attrCount > 0 && (attrSize < 20 || attrEnd > chunkStart + size)) {
                        throw new AxmlException(IssueCode.AXML_ATTRIBUTE_OUT_OF_BOUNDS, chunkStart, attrCount,
                                attrSize, aStart, size);
                    }
                    if (++depth > MAX_DEPTH) {
                        throw new AxmlException(IssueCode.AXML_MALFORMED, "elements nested deeper than " + MAX_DEPTH);
                    }
                    return START_ELEMENT;
                }
                case RES_XML_END_ELEMENT: {
                    requirePool(chunkStart);
                    if (size < headerSize + 8L) {
                        throw new AxmlException(IssueCode.AXML_CHUNK_OUT_OF_BOUNDS, type, chunkStart, size,
                                headerSize, end - chunkStart);
                    }
                    name = strings.get(s32(data, chunkStart + headerSize + 4));
                    attrCount = 0;
                    lastWasEnd = true;
                    return END_ELEMENT;
                }
                case RES_XML_CDATA:
                    requirePool(chunkStart);
                    if (size >= headerSize + 4L) {
                        text = strings.get(s32(data, chunkStart + headerSize));
                        return TEXT;
                    }
                    break;
                default:
                    // Namespaces and unknown chunks carry nothing the manifest model needs.
                    break;
            }
        }
        return END_DOCUMENT;
    }

    private boolean lastWasEnd;
    private String text;

    /** Character data of the current TEXT event. */
    public String text() {
        return text;
    }

    private void requirePool(int at) throws AxmlException {
        if (strings == null) {
            throw new AxmlException(IssueCode.AXML_MALFORMED, "element at offset " + at + " before any string pool");
        }
    }

    /** Depth of the current element (root is 1). */
    public int depth() {
        return depth;
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    public int attributeCount() {
        return attrCount;
    }

    private int attr(int i) {
        return attrStart + i * attrSize;
    }

    public String attributeName(int i) throws AxmlException {
        return strings.get(s32(data, attr(i) + 4));
    }

    public String attributeNamespace(int i) throws AxmlException {
        return strings.get(s32(data, attr(i)));
    }

    /** Framework or app resource id of the attribute's name, 0 when the resource map has none. */
    public int attributeResourceId(int i) {
        int nameIdx = s32(data, attr(i) + 4);
        return nameIdx >= 0 && nameIdx < resourceMap.length ? resourceMap[nameIdx] : 0;
    }

    public int attributeType(int i) {
        return u8(data, attr(i) + 15);
    }

    public int attributeData(int i) {
        return s32(data, attr(i) + 16);
    }

    /** The raw string value (the {@code rawValue} index), or null. */
    public String attributeRawString(int i) throws AxmlException {
        return strings.get(s32(data, attr(i) + 8));
    }

    public String string(int index) throws AxmlException {
        return strings.get(index);
    }
}
