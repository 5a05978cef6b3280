package com.admissiongate.apk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private final Map<String, Integer> methodIds;
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
        this.code = Arrays.copyOf(b.code, b.methods.size());
        this.methods = b.methods.toArray(new String[0]);
        this.methodClasses = Arrays.copyOf(b.methodClasses, b.methods.size());
        this.methodSubs = Arrays.copyOf(b.methodSubs, b.methods.size());
        this.methodIds = b.methodIds;
        this.classes = Collections.unmodifiableList(b.classes);
        this.callSiteCount = b.siteCount;
        this.callers = Arrays.copyOf(b.callers, b.siteCount);
        this.callees = Arrays.copyOf(b.callees, b.siteCount);
        this.kinds = Arrays.copyOf(b.kinds, b.siteCount);
        this.stringsByMethod = Arrays.copyOf(b.stringsByMethod, b.methods.size());
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
        Integer id = methodIds.get(smali);
        return id == null ? -1 : id;
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
        private final List<String> methods = new ArrayList<>();
        private String[] methodClasses = new String[1024];
        private String[] methodSubs = new String[1024];
        private final Map<String, Integer> methodIds = new HashMap<>();
        private final List<DexClass> classes = new ArrayList<>();
        private int[] callers = new int[1024];
        private int[] callees = new int[1024];
        private byte[] kinds = new byte[1024];
        private int siteCount;
        private int invokeCustom;
        @SuppressWarnings("unchecked")
        private List<String>[] stringsByMethod = new List[1024];
        private DexCode[] code = new DexCode[1024];

        public int intern(String smali) {
            return intern(smali, null, null);
        }

        /** As {@link #intern(String)}, with the class and sub-signature {@code smali} is {@code cls + "->" + sub} of. */
        public int intern(String smali, String cls, String sub) {
            Integer id = methodIds.get(smali);
            if (id == null) {
                id = methods.size();
                methods.add(smali);
                methodIds.put(smali, id);
                if (id == methodClasses.length) {
                    methodClasses = Arrays.copyOf(methodClasses, id * 2);
                    methodSubs = Arrays.copyOf(methodSubs, id * 2);
                }
                methodClasses[id] = cls;
                methodSubs[id] = sub;
            }
            return id;
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
