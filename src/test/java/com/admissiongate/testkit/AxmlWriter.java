package com.admissiongate.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes real Android binary XML: string pool (UTF-8 or UTF-16), resource map assigning
 * framework ids to attribute names, namespace and element chunks with typed values. Test-only.
 */
public final class AxmlWriter {

    public static final String ANDROID_NS = "http://schemas.android.com/apk/res/android";
    public static final int TYPE_REFERENCE = 0x01;
    public static final int TYPE_STRING = 0x03;
    public static final int TYPE_INT_DEC = 0x10;
    public static final int TYPE_INT_HEX = 0x11;
    public static final int TYPE_BOOLEAN = 0x12;

    /** Framework attribute ids by name, for {@link Element#android}. */
    public static final Map<String, Integer> ANDROID_IDS = Map.ofEntries(
            Map.entry("label", 0x01010001), Map.entry("name", 0x01010003), Map.entry("permission", 0x01010006),
            Map.entry("protectionLevel", 0x01010009), Map.entry("sharedUserId", 0x0101000b),
            Map.entry("enabled", 0x0101000e), Map.entry("debuggable", 0x0101000f), Map.entry("exported", 0x01010010),
            Map.entry("authorities", 0x01010018), Map.entry("value", 0x01010024), Map.entry("resource", 0x01010025),
            Map.entry("mimeType", 0x01010026), Map.entry("scheme", 0x01010027), Map.entry("host", 0x01010028),
            Map.entry("port", 0x01010029), Map.entry("path", 0x0101002a), Map.entry("targetActivity", 0x01010202),
            Map.entry("minSdkVersion", 0x0101020c), Map.entry("versionCode", 0x0101021b),
            Map.entry("versionName", 0x0101021c), Map.entry("targetSdkVersion", 0x01010270),
            Map.entry("maxSdkVersion", 0x01010271), Map.entry("testOnly", 0x01010272),
            Map.entry("allowBackup", 0x01010280), Map.entry("required", 0x0101028e),
            Map.entry("extractNativeLibs", 0x010104ea), Map.entry("usesCleartextTraffic", 0x010104ec),
            Map.entry("networkSecurityConfig", 0x01010527), Map.entry("compileSdkVersion", 0x01010572),
            Map.entry("versionCodeMajor", 0x01010576), Map.entry("foregroundServiceType", 0x01010599),
            Map.entry("id", 0x010100d0), Map.entry("password", 0x0101015c), Map.entry("inputType", 0x01010220));

    /** One attribute as it will be encoded. */
    public record Attr(String ns, String name, int resId, int type, int data, String stringValue) {
    }

    /** An element with attributes, children and optional text. */
    public static final class Element {
        final String name;
        final List<Attr> attrs = new ArrayList<>();
        final List<Element> children = new ArrayList<>();
        String text;

        Element(String name) {
            this.name = name;
        }

        /** Plain attribute without namespace or resource id (e.g. {@code package}). */
        public Element attr(String attrName, String value) {
            attrs.add(new Attr(null, attrName, 0, TYPE_STRING, 0, value));
            return this;
        }

        public Element attrBool(String attrName, boolean value) {
            attrs.add(new Attr(null, attrName, 0, TYPE_BOOLEAN, value ? -1 : 0, null));
            return this;
        }

        public Element android(String attrName, String value) {
            attrs.add(new Attr(ANDROID_NS, attrName, id(attrName), TYPE_STRING, 0, value));
            return this;
        }

        public Element android(String attrName, int value) {
            attrs.add(new Attr(ANDROID_NS, attrName, id(attrName), TYPE_INT_DEC, value, null));
            return this;
        }

        public Element android(String attrName, boolean value) {
            attrs.add(new Attr(ANDROID_NS, attrName, id(attrName), TYPE_BOOLEAN, value ? -1 : 0, null));
            return this;
        }

        public Element androidHex(String attrName, int value) {
            attrs.add(new Attr(ANDROID_NS, attrName, id(attrName), TYPE_INT_HEX, value, null));
            return this;
        }

        public Element androidRef(String attrName, int resourceId) {
            attrs.add(new Attr(ANDROID_NS, attrName, id(attrName), TYPE_REFERENCE, resourceId, null));
            return this;
        }

        /** Any attribute, e.g. a bogus namespace with a correct id, or a name without id. */
        public Element raw(Attr a) {
            attrs.add(a);
            return this;
        }

        public Element child(Element c) {
            children.add(c);
            return this;
        }

        public Element text(String t) {
            this.text = t;
            return this;
        }

        private static int id(String n) {
            Integer id = ANDROID_IDS.get(n);
            if (id == null) {
                throw new IllegalArgumentException("unknown android attribute " + n);
            }
            return id;
        }
    }

    public static Element element(String name) {
        return new Element(name);
    }

    private final boolean utf8;
    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Integer> resIds = new ArrayList<>();

    private AxmlWriter(boolean utf8) {
        this.utf8 = utf8;
    }

    public static byte[] write(Element root) {
        return write(root, false);
    }

    public static byte[] write(Element root, boolean utf8) {
        return new AxmlWriter(utf8).encode(root);
    }

    private byte[] encode(Element root) {
        // Attribute names with ids come first so their pool index matches the resource map.
        collectIds(root);
        collectStrings(root);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeBytes(body, stringPool());
        writeBytes(body, resourceMap());
        int nsPrefix = str("android");
        int nsUri = str(ANDROID_NS);
        writeBytes(body, namespace(0x0100, nsPrefix, nsUri));
        writeElement(body, root);
        writeBytes(body, namespace(0x0101, nsPrefix, nsUri));
        byte[] b = body.toByteArray();
        ByteBuffer out = le(8 + b.length);
        out.putShort((short) 0x0003).putShort((short) 8).putInt(8 + b.length).put(b);
        return out.array();
    }

    private void collectIds(Element e) {
        for (Attr a : e.attrs) {
            if (a.resId() != 0 && !index.containsKey(a.name())) {
                index.put(a.name(), strings.size());
                strings.add(a.name());
                resIds.add(a.resId());
            }
        }
        for (Element c : e.children) {
            collectIds(c);
        }
    }

    private void collectStrings(Element e) {
        str("android");
        str(ANDROID_NS);
        str(e.name);
        for (Attr a : e.attrs) {
            if (a.resId() == 0) {
                plainName(a.name());
            }
            if (a.ns() != null) {
                str(a.ns());
            }
            if (a.stringValue() != null) {
                str(a.stringValue());
            }
        }
        if (e.text != null) {
            str(e.text);
        }
        for (Element c : e.children) {
            collectStrings(c);
        }
    }

    private final Map<String, Integer> plainNames = new LinkedHashMap<>();

    /** A name without resource id gets its own pool entry past the resource map, as aapt does. */
    private int plainName(String s) {
        Integer i = plainNames.get(s);
        if (i == null) {
            Integer shared = index.get(s);
            if (shared != null && shared < resIds.size()) {
                i = strings.size();
                strings.add(s);
            } else {
                i = str(s);
            }
            plainNames.put(s, i);
        }
        return i;
    }

    private int str(String s) {
        Integer i = index.get(s);
        if (i == null) {
            i = strings.size();
            strings.add(s);
            index.put(s, i);
        }
        return i;
    }

    private byte[] stringPool() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            offsets[i] = data.size();
            String s = strings.get(i);
            if (utf8) {
                byte[] u = s.getBytes(StandardCharsets.UTF_8);
                writeLen8(data, s.length());
                writeLen8(data, u.length);
                data.write(u, 0, u.length);
                data.write(0);
            } else {
                int n = s.length();
                if (n > 0x7fff) {
                    data.write(((n >> 16) & 0xff));
                    data.write(((n >> 24) & 0x7f) | 0x80);
                }
                data.write(n & 0xff);
                data.write((n >> 8) & 0xff);
                byte[] u = s.getBytes(StandardCharsets.UTF_16LE);
                data.write(u, 0, u.length);
                data.write(0);
                data.write(0);
            }
        }
        while (data.size() % 4 != 0) {
            data.write(0);
        }
        int header = 28;
        int stringsStart = header + strings.size() * 4;
        int size = stringsStart + data.size();
        ByteBuffer b = le(size);
        b.putShort((short) 0x0001).putShort((short) header).putInt(size).putInt(strings.size()).putInt(0)
                .putInt(utf8 ? 0x100 : 0).putInt(stringsStart).putInt(0);
        for (int o : offsets) {
            b.putInt(o);
        }
        b.put(data.toByteArray());
        return b.array();
    }

    private static void writeLen8(ByteArrayOutputStream out, int n) {
        if (n > 0x7f) {
            out.write(((n >> 8) & 0x7f) | 0x80);
        }
        out.write(n & 0xff);
    }

    private byte[] resourceMap() {
        ByteBuffer b = le(8 + resIds.size() * 4);
        b.putShort((short) 0x0180).putShort((short) 8).putInt(8 + resIds.size() * 4);
        for (int id : resIds) {
            b.putInt(id);
        }
        return b.array();
    }

    private static byte[] namespace(int type, int prefix, int uri) {
        ByteBuffer b = le(24);
        b.putShort((short) type).putShort((short) 16).putInt(24).putInt(1).putInt(-1).putInt(prefix).putInt(uri);
        return b.array();
    }

    private void writeElement(ByteArrayOutputStream out, Element e) {
        int n = e.attrs.size();
        int size = 16 + 20 + n * 20;
        ByteBuffer b = le(size);
        b.putShort((short) 0x0102).putShort((short) 16).putInt(size).putInt(1).putInt(-1);
        b.putInt(-1).putInt(str(e.name)).putShort((short) 20).putShort((short) 20).putShort((short) n)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0);
        for (Attr a : e.attrs) {
            int nameIdx = a.resId() != 0 ? index.get(a.name()) : plainName(a.name());
            int raw = a.stringValue() != null ? str(a.stringValue()) : -1;
            int data = a.type() == TYPE_STRING && a.stringValue() != null ? raw : a.data();
            b.putInt(a.ns() == null ? -1 : str(a.ns())).putInt(nameIdx).putInt(raw)
                    .putShort((short) 8).put((byte) 0).put((byte) a.type()).putInt(data);
        }
        writeBytes(out, b.array());
        if (e.text != null) {
            ByteBuffer t = le(28);
            t.putShort((short) 0x0104).putShort((short) 16).putInt(28).putInt(1).putInt(-1).putInt(str(e.text))
                    .putShort((short) 8).put((byte) 0).put((byte) 0).putInt(0);
            writeBytes(out, t.array());
        }
        for (Element c : e.children) {
            writeElement(out, c);
        }
        ByteBuffer end = le(24);
        end.putShort((short) 0x0103).putShort((short) 16).putInt(24).putInt(1).putInt(-1).putInt(-1).putInt(str(e.name));
        writeBytes(out, end.array());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
    }
}
