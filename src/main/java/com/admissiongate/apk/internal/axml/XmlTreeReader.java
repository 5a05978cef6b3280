package com.admissiongate.apk.internal.axml;

import com.admissiongate.apk.IssueCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/** Builds an {@link XmlElement} tree from binary XML, capping the element count. */
public final class XmlTreeReader {

    private static final int MAX_ELEMENTS = 200_000;

    private XmlTreeReader() {
    }

    /** Returns the root element; throws when the document is malformed or has no element. */
    public static XmlElement read(byte[] data, int maxStringPool) throws AxmlException {
        AxmlParser p = new AxmlParser(data, maxStringPool);
        Deque<XmlElement> stack = new ArrayDeque<>();
        XmlElement root = null;
        int count = 0;
        int event;
        while ((event = p.next()) != AxmlParser.END_DOCUMENT) {
            if (event == AxmlParser.START_ELEMENT) {
                if (++count > MAX_ELEMENTS) {
                    throw new AxmlException(IssueCode.AXML_MALFORMED, "more than " + MAX_ELEMENTS + " elements");
                }
                int n = p.attributeCount();
                List<XmlElement.Attr> attrs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int type = p.attributeType(i);
                    int d = p.attributeData(i);
                    String raw = p.attributeRawString(i);
                    attrs.add(new XmlElement.Attr(p.attributeResourceId(i), p.attributeName(i), type, d,
                            stringValue(p, type, d, raw)));
                }
                XmlElement e = new XmlElement(p.name(), p.line(), attrs);
                if (stack.isEmpty()) {
                    if (root == null) {
                        root = e;
                    }
                } else {
                    stack.peek().children().add(e);
                }
                stack.push(e);
            } else if (event == AxmlParser.TEXT) {
                if (!stack.isEmpty()) {
                    stack.peek().appendText(p.text());
                }
            } else if (!stack.isEmpty()) {
                stack.pop();
            }
        }
        if (root == null) {
            throw new AxmlException(IssueCode.AXML_MALFORMED, "no root element");
        }
        return root;
    }

    static String stringValue(AxmlParser p, int type, int d, String raw) throws AxmlException {
        switch (type) {
            case AxmlParser.TYPE_STRING:
                return raw != null ? raw : p.string(d);
            case AxmlParser.TYPE_INT_BOOLEAN:
                return d != 0 ? "true" : "false";
            case AxmlParser.TYPE_INT_DEC:
                return Integer.toString(d);
            case AxmlParser.TYPE_INT_HEX:
                return "0x" + Integer.toHexString(d);
            case AxmlParser.TYPE_REFERENCE:
                return String.format(Locale.ROOT, "@0x%08x", d);
            case AxmlParser.TYPE_FLOAT:
                return Float.toString(Float.intBitsToFloat(d));
            case AxmlParser.TYPE_NULL:
                return raw;
            default:
                return raw != null ? raw : Integer.toString(d);
        }
    }
}
