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
 * Writes a minimal resources.arsc: package 0x7f with type 1 "string" (default and zh configs) and
 * type 2 "xml" (file paths). String {@code i} (0-based, in insertion order) gets id 0x7f01000i,
 * xml {@code i} gets 0x7f02000i. Test-only.
 */
public final class ArscWriter {

    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> zh = new LinkedHashMap<>();
    private final Map<String, String> xml = new LinkedHashMap<>();

    public static ArscWriter table() {
        return new ArscWriter();
    }

    public ArscWriter string(String name, String value) {
        defaults.put(name, value);
        return this;
    }

    public ArscWriter zhString(String name, String value) {
        zh.put(name, value);
        return this;
    }

    public ArscWriter xml(String name, String path) {
        xml.put(name, path);
        return this;
    }

    public static int stringId(int i) {
        return 0x7f010000 | i;
    }

    public static int xmlId(int i) {
        return 0x7f020000 | i;
    }

    public byte[] build() {
        List<String> values = new ArrayList<>();
        values.addAll(defaults.values());
        values.addAll(zh.values());
        values.addAll(xml.values());
        List<String> keys = new ArrayList<>(defaults.keySet());
        for (String k : zh.keySet()) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        keys.addAll(xml.keySet());
        byte[] valuePool = pool(values);
        byte[] typePool = pool(List.of("string", "xml"));
        byte[] keyPool = pool(keys);
        List<String> stringNames = new ArrayList<>(defaults.keySet());
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int defaultsBase = 0;
        write(chunks, type(1, "", stringNames, defaults, keys, values, defaultsBase));
        if (!zh.isEmpty()) {
            write(chunks, type(1, "zh", stringNames, zh, keys, values, defaults.size()));
        }
        if (!xml.isEmpty()) {
            write(chunks, type(2, "", new ArrayList<>(xml.keySet()), xml, keys, values,
                    defaults.size() + zh.size()));
        }
        int pkgHeader = 288;
        int pkgSize = pkgHeader + typePool.length + keyPool.length + chunks.size();
        ByteBuffer pkg = le(pkgSize);
        pkg.putShort((short) 0x0200).putShort((short) pkgHeader).putInt(pkgSize).putInt(0x7f);
        byte[] name = "com.example".getBytes(StandardCharsets.UTF_16LE);
        pkg.put(name).put(new byte[256 - name.length]);
        pkg.putInt(pkgHeader).putInt(0).putInt(pkgHeader + typePool.length).putInt(0).putInt(0);
        pkg.put(typePool).put(keyPool).put(chunks.toByteArray());
        int total = 12 + valuePool.length + pkgSize;
        ByteBuffer t = le(total);
        t.putShort((short) 0x0002).putShort((short) 12).putInt(total).putInt(1).put(valuePool).put(pkg.array());
        return t.array();
    }

    /** A type chunk whose entry i is names.get(i), valued from {@code vals} (absent → NO_ENTRY). */
    private static byte[] type(int typeId, String lang, List<String> names, Map<String, String> vals,
            List<String> keys, List<String> values, int valueBase) {
        int n = names.size();
        int header = 20 + 64;
        int entriesStart = header + n * 4;
        int present = 0;
        for (String nm : names) {
            if (vals.containsKey(nm)) {
                present++;
            }
        }
        int size = entriesStart + present * 16;
        ByteBuffer b = le(size);
        b.putShort((short) 0x0201).putShort((short) header).putInt(size).put((byte) typeId).put((byte) 0)
                .putShort((short) 0).putInt(n).putInt(entriesStart);
        byte[] config = new byte[64];
        ByteBuffer c = ByteBuffer.wrap(config).order(ByteOrder.LITTLE_ENDIAN);
        c.putInt(64);
        if (!lang.isEmpty()) {
            config[8] = (byte) lang.charAt(0);
            config[9] = (byte) lang.charAt(1);
        }
        b.put(config);
        int off = 0;
        List<Integer> valueIdx = new ArrayList<>();
        int k = 0;
        for (String nm : names) {
            if (vals.containsKey(nm)) {
                b.putInt(off);
                off += 16;
                valueIdx.add(valueBase + k);
                k++;
            } else {
                b.putInt(-1);
            }
        }
        k = 0;
        for (String nm : names) {
            if (vals.containsKey(nm)) {
                b.putShort((short) 8).putShort((short) 0).putInt(keys.indexOf(nm));
                b.putShort((short) 8).put((byte) 0).put((byte) 0x03).putInt(valueIdx.get(k++));
            }
        }
        return b.array();
    }

    private static byte[] pool(List<String> strings) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            offsets[i] = data.size();
            byte[] u = strings.get(i).getBytes(StandardCharsets.UTF_8);
            data.write(strings.get(i).length());
            data.write(u.length);
            data.write(u, 0, u.length);
            data.write(0);
        }
        while (data.size() % 4 != 0) {
            data.write(0);
        }
        int stringsStart = 28 + strings.size() * 4;
        int size = stringsStart + data.size();
        ByteBuffer b = le(size);
        b.putShort((short) 1).putShort((short) 28).putInt(size).putInt(strings.size()).putInt(0).putInt(0x100)
                .putInt(stringsStart).putInt(0);
        for (int o : offsets) {
            b.putInt(o);
        }
        b.put(data.toByteArray());
        return b.array();
    }

    private static void write(ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
