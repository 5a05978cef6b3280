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

    private final List<String> methods;
    private final Map<String, Integer> methodIds;
    private final List<DexClass> classes;
    private final int[] callers;
    private final int[] callees;
    private final byte[] kinds;
    private final int callSiteCount;
    private final Map<Integer, List<String>> stringsByMethod;
    private final int invokeCustomCount;
    private final DexCode[] code;

    private DexIndex(Builder b) {
        this.code = Arrays.copyOf(b.code, b.methods.size());
        this.methods = Collections.unmodifiableList(b.methods);
        this.methodIds = b.methodIds;
        this.classes = Collections.unmodifiableList(b.classes);
        this.callSiteCount = b.siteCount;
        this.callers = Arrays.copyOf(b.callers, b.siteCount);
        this.callees = Arrays.copyOf(b.callees, b.siteCount);
        this.kinds = Arrays.copyOf(b.kinds, b.siteCount);
        this.stringsByMethod = b.stringsByMethod;
        this.invokeCustomCount = b.invokeCustom;
    }

    public static DexIndex empty() {
        return new Builder().build();
    }

    public int methodCount() {
        return methods.size();
    }

    /** Smali reference of method id {@code id}. */
    public String method(int id) {
        return methods.get(id);
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
        List<String> s = stringsByMethod.get(methodId);
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
        private final Map<String, Integer> methodIds = new HashMap<>();
        private final List<DexClass> classes = new ArrayList<>();
        private int[] callers = new int[1024];
        private int[] callees = new int[1024];
        private byte[] kinds = new byte[1024];
        private int siteCount;
        private int invokeCustom;
        private final Map<Integer, List<String>> stringsByMethod = new HashMap<>();
        private DexCode[] code = new DexCode[1024];

        public int intern(String smali) {
            Integer id = methodIds.get(smali);
            if (id == null) {
                id = methods.size();
                methods.add(smali);
                methodIds.put(smali, id);
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
            stringsByMethod.computeIfAbsent(method, k -> new ArrayList<>(2)).add(s);
        }

        public DexIndex build() {
            return new DexIndex(this);
        }
    }
}
