package com.admissiongate.apk.internal.axml;

import java.util.ArrayList;
import java.util.List;

/** A decoded binary-XML element: small DOM used by the manifest and res/xml readers. */
public final class XmlElement {

    /** One attribute: resource id (0 if none), name, decoded type and data, and string form. */
    public record Attr(int resId, String name, int type, int data, String string) {

        public boolean isReference() {
            return type == AxmlParser.TYPE_REFERENCE;
        }
    }

    private final String name;
    private final int line;
    private final List<Attr> attrs;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    public XmlElement(String name, int line, List<Attr> attrs) {
        this.name = name;
        this.line = line;
        this.attrs = attrs;
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    public List<Attr> attrs() {
        return attrs;
    }

    /** Concatenated character data directly inside this element, trimmed. */
    public String text() {
        return text.toString().trim();
    }

    void appendText(String s) {
        if (s != null && text.length() < 4096) {
            text.append(s);
        }
    }

    public List<XmlElement> children() {
        return children;
    }

    /** Attribute by resource id, as Android looks up framework attributes. */
    public Attr attr(int resId) {
        for (Attr a : attrs) {
            if (a.resId() == resId) {
                return a;
            }
        }
        return null;
    }

    /** Attribute without a resource id, looked up by name (e.g. {@code package}). */
    public Attr plainAttr(String attrName) {
        for (Attr a : attrs) {
            if (a.resId() == 0 && attrName.equals(a.name())) {
                return a;
            }
        }
        return null;
    }

    public String string(int resId) {
        Attr a = attr(resId);
        return a == null ? null : a.string();
    }

    /** Boolean value, or null when absent or not a literal boolean (e.g. a @bool reference). */
    public Boolean bool(int resId) {
        Attr a = attr(resId);
        if (a == null) {
            return null;
        }
        if (a.type() == AxmlParser.TYPE_INT_BOOLEAN || a.type() == AxmlParser.TYPE_INT_DEC
                || a.type() == AxmlParser.TYPE_INT_HEX) {
            return a.data() != 0;
        }
        if (a.type() == AxmlParser.TYPE_STRING && a.string() != null) {
            if (a.string().equals("true")) {
                return Boolean.TRUE;
            }
            if (a.string().equals("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    public List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (childName.equals(c.name)) {
                out.add(c);
            }
        }
        return out;
    }
}
