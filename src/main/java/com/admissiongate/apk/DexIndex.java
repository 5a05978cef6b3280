package com.admissiongate.apk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Whole-program index over every DEX file of an APK, for call-graph work: classes with their
 * super class, interfaces and methods, and every invoke-* call site as caller → callee with its
 * kind, plus the string constants ({@code const-string}) each method loads. Method references
 * are smali strings ({@code Lpkg/Cls;->name(Args)Ret}) interned to int ids shared by all files.
 * {@code invoke-custom} sites have no method_id callee and are only counted
 * ({@link #invokeCustomCount()}).
 */
public final class DexIndex {

    /** A class definition; {@code methods} are ids of the methods it defines (with code or not). */
    public record DexClass(String name, String superName, List<String> interfaces, String source, int[] methods) {
    }

    /** By method id; an array, not a list: the analyses read it ~10⁵ times per APK, one indirection less each time. */
    private final String[] methods;
    /** Per method id: the class and the sub-signature the ref was built from, or null when interned without them. */
    private final String[] methodClasses;
    private final String[] methodSubs;
    /** Per method id: its ref's {@link String#hashCode}, for {@link #methodId}'s probe of {@code slots}. */
    private final int[] methodHashes;
    /** Open-addressing table of method id + 1 (0: empty slot), indexed by {@link Builder#slot} of the hash. */
    private final int[] slots;
    private final List<DexClass> classes;
    private final int[] callers;
    private final int[] callees;
    private final byte[] kinds;
    private final int callSiteCount;
    /** By method id (an array, not a map: every method is asked for, and the lists are built in id order of code). */
    private final List<String>[] stringsByMethod;
    private final int invokeCustomCount;
    private final DexCode[] code;

    private DexIndex(Builder b) {
        int n = b.methodCount;
        this.code = Arrays.copyOf(b.code, n);
        this.methods = Arrays.copyOf(b.methods, n);
        this.methodClasses = Arrays.copyOf(b.methodClasses, n);
        this.methodSubs = Arrays.copyOf(b.methodSubs, n);
        this.methodHashes = Arrays.copyOf(b.hashes, n);
        this.slots = b.slots.clone();
        this.classes = Collections.unmodifiableList(b.classes);
        this.callSiteCount = b.siteCount;
        this.callers = Arrays.copyOf(b.callers, b.siteCount);
        this.callees = Arrays.copyOf(b.callees, b.siteCount);
        this.kinds = Arrays.copyOf(b.kinds, b.siteCount);
        this.stringsByMethod = Arrays.copyOf(b.stringsByMethod, n);
        this.invokeCustomCount = b.invokeCustom;
    }

    public static DexIndex empty() {
        return new Builder().build();
    }

    public int methodCount() {
        return methods.length;
    }

    /** Smali reference of method id {@code id}. */
    public String method(int id) {
        return methods[id];
    }

    /**
     * Class ({@code Lpkg/Cls;}) of method id {@code id} as the DEX file's type table names it, the same String for
     * every method of the class; null when the ref was interned without it.
     */
    public String methodClass(int id) {
        return methodClasses[id];
    }

    /** Sub-signature ({@code name(Args)Ret}) of method id {@code id}, or null when the ref was interned without it. */
    public String methodSub(int id) {
        return methodSubs[id];
    }

    /** Id of a smali method reference, or -1 when no DEX file mentions it. */
    public int methodId(String smali) {
        int found = Builder.find(slots, methodHashes, methods, smali);
        return found >= 0 ? found : -1;
    }

    public List<DexClass> classes() {
        return classes;
    }

    public int callSiteCount() {
        return callSiteCount;
    }

    public int caller(int site) {
        return callers[site];
    }

    public int callee(int site) {
        return callees[site];
    }

    public InvokeKind kind(int site) {
        return InvokeKind.values()[kinds[site]];
    }

    public int invokeCustomCount() {
        return invokeCustomCount;
    }

    /** String constants loaded by {@code methodId}, in code order (duplicates kept). */
    public List<String> strings(int methodId) {
        List<String> s = methodId < 0 || methodId >= stringsByMethod.length ? null : stringsByMethod[methodId];
        return s == null ? List.of() : Collections.unmodifiableList(s);
    }

    /**
     * Instructions of {@code methodId} when some DEX file defines it with code (the first definition wins, as
     * the runtime's class loader picks the first), else null. Keeps the DEX bytes alive as long as the index.
     */
    public DexCode code(int methodId) {
        return methodId < 0 || methodId >= code.length ? null : code[methodId];
    }

    /** Accumulates the index while DEX files are read; used by the analyzer. */
    public static final class Builder {
        /** 31^i, for the hash of a concatenation: h(a + b) = h(a) * 31^|b| + h(b) (int arithmetic, as String's). */
        private static final int[] POW31 = new int[256];
        /** {@code "->".hashCode()}. */
        private static final int ARROW_HASH = '-' * 31 + '>';

        static {
            POW31[0] = 1;
            for (int i = 1; i < POW31.length; i++) {
                POW31[i] = POW31[i - 1] * 31;
            }
        }

        private String[] methods = new String[1024];
        private int methodCount;
        private String[] methodClasses = new String[1024];
        private String[] methodSubs = new String[1024];
        /** Per method id: {@code methods[id].hashCode()}, computed from the parts when interned by parts. */
        private int[] hashes = new int[1024];
        /**
         * Method id + 1 per slot, 0 when empty; linear probing from {@link #slot}; kept at most half full. Ids are
         * never removed, so a probe ends at the first empty slot.
         */
        private int[] slots = new int[2048];
        private final List<DexClass> classes = new ArrayList<>();
        private int[] callers = new int[1024];
        private int[] callees = new int[1024];
        private byte[] kinds = new byte[1024];
        private int siteCount;
        private int invokeCustom;
        @SuppressWarnings("unchecked")
        private List<String>[] stringsByMethod = new List[1024];
        private DexCode[] code = new DexCode[1024];

        /** Start slot of hash {@code h} in a table of {@code mask + 1} (a power of two) slots. */
        static int slot(int h, int mask) {
            int x = h * 0x9E3779B9;
            return (x ^ (x >>> 16)) & mask;
        }

        /** Hash of a ref in the table; a null ref (which the map this table replaced accepted as a key) is 0. */
        static int hash(String smali) {
            return smali == null ? 0 : smali.hashCode();
        }

        private static int pow31(int n) {
            if (n < POW31.length) {
                return POW31[n];
            }
            int r = 1;
            int b = 31;
            for (int e = n; e != 0; e >>>= 1) {
                if ((e & 1) != 0) {
                    r *= b;
                }
                b *= b;
            }
            return r;
        }

        public int intern(String smali) {
            return intern(smali, null, null);
        }

        /** As {@link #intern(String)}, with the class and sub-signature {@code smali} is {@code cls + "->" + sub} of. */
        public int intern(String smali, String cls, String sub) {
            int found = find(slots, hashes, methods, smali);
            return found >= 0 ? found : add(-1 - found, hash(smali), smali, cls, sub);
        }

        /**
         * The one probe of the method table, for the builder and the built index alike: the id of {@code smali}, or
         * {@code -1 - slot} of the empty slot where it would go.
         */
        static int find(int[] slots, int[] hashes, String[] methods, String smali) {
            int h = hash(smali);
            int mask = slots.length - 1;
            int i = slot(h, mask);
            for (int s; (s = slots[i]) != 0; i = (i + 1) & mask) {
                if (hashes[s - 1] == h && Objects.equals(methods[s - 1], smali)) {
                    return s - 1;
                }
            }
            return -1 - i;
        }

        /**
         * As {@link #intern(String, String, String)} of {@code cls + "->" + name + proto}, with sub-signature
         * {@code name + proto}; the strings are only built when the ref is new, and the lookup hashes the parts
         * (whose hashes the caller's shared strings keep), not the ref.
         */
        public int internParts(String cls, String name, String proto) {
            int lc = cls.length();
            int ln = name.length();
            int lp = proto.length();
            int sub = name.hashCode() * pow31(lp) + proto.hashCode();
            int h = cls.hashCode() * pow31(ln + lp + 2) + ARROW_HASH * pow31(ln + lp) + sub;
            int mask = slots.length - 1;
            int i = slot(h, mask);
            for (int s; (s = slots[i]) != 0; i = (i + 1) & mask) {
                String m = methods[s - 1];
                if (hashes[s - 1] == h && m != null && m.length() == lc + 2 + ln + lp && m.startsWith(cls)
                        && m.startsWith("->", lc) && m.startsWith(name, lc + 2) && m.startsWith(proto, lc + 2 + ln)) {
                    return s - 1;
                }
            }
            String subSig = name + proto;
            return add(i, h, cls + "->" + subSig, cls, subSig);
        }

        /** Smali reference of method id {@code id}, which this builder interned. */
        public String method(int id) {
            return methods[id];
        }

        /** Makes room for {@code more} new method ids without growing the table on the way. */
        public void expect(int more) {
            long need = (long) methodCount + Math.max(0, more);
            if (need > Integer.MAX_VALUE / 4) {
                return; // left to the growth on the way, which fails as an array allocation would anyway
            }
            if (need > methods.length) {
                growIds((int) need);
            }
            if (need * 2 > slots.length) {
                rehash(Integer.highestOneBit((int) need * 2 - 1) << 1);
            }
        }

        private int add(int slot, int h, String smali, String cls, String sub) {
            int id = methodCount;
            if (id == methods.length) {
                growIds(id * 2);
            }
            methods[id] = smali;
            methodClasses[id] = cls;
            methodSubs[id] = sub;
            hashes[id] = h;
            slots[slot] = id + 1;
            methodCount = id + 1;
            if (methodCount * 2 > slots.length) {
                rehash(slots.length * 2);
            }
            return id;
        }

        private void growIds(int n) {
            methods = Arrays.copyOf(methods, n);
            methodClasses = Arrays.copyOf(methodClasses, n);
            methodSubs = Arrays.copyOf(methodSubs, n);
            hashes = Arrays.copyOf(hashes, n);
        }

        private void rehash(int size) {
            int[] t = new int[size];
            int mask = size - 1;
            for (int id = 0; id < methodCount; id++) {
                int i = slot(hashes[id], mask);
                while (t[i] != 0) {
                    i = (i + 1) & mask;
                }
                t[i] = id + 1;
            }
            slots = t;
        }

        public void addClass(DexClass c) {
            classes.add(c);
        }

        public void addCallSite(int caller, int callee, InvokeKind kind) {
            if (siteCount == callers.length) {
                int n = callers.length * 2;
                callers = Arrays.copyOf(callers, n);
                callees = Arrays.copyOf(callees, n);
                kinds = Arrays.copyOf(kinds, n);
            }
            callers[siteCount] = caller;
            callees[siteCount] = callee;
            kinds[siteCount] = (byte) kind.ordinal();
            siteCount++;
        }

        /** Records the code of {@code method} unless an earlier DEX file defined it. */
        public void addCode(int method, DexCode c) {
            if (method >= code.length) {
                code = Arrays.copyOf(code, Math.max(method + 1, code.length * 2));
            }
            if (code[method] == null) {
                code[method] = c;
            }
        }

        public void addInvokeCustom() {
            invokeCustom++;
        }

        public void addString(int method, String s) {
            if (method >= stringsByMethod.length) {
                stringsByMethod = Arrays.copyOf(stringsByMethod, Math.max(method + 1, stringsByMethod.length * 2));
            }
            List<String> l = stringsByMethod[method];
            if (l == null) {
                l = new ArrayList<>(2);
                stringsByMethod[method] = l;
            }
            l.add(s);
        }

        public DexIndex build() {
            return new DexIndex(this);
        }
    }
}
