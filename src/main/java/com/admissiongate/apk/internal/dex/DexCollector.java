package com.admissiongate.apk.internal.dex;

import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.DexFacts;
import com.admissiongate.apk.DexIndex;
import com.admissiongate.apk.TrackedApis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Accumulates facts over all DEX files of one APK. */
public final class DexCollector {

    private static final List<String> REFLECTION = List.of(
            "Ljava/lang/Class;->forName(", "Ljava/lang/reflect/Method;->invoke(",
            "Ljava/lang/Class;->getDeclaredMethod(", "Ljava/lang/Class;->getMethod(");
    private static final List<String> DYNAMIC_LOADING = List.of(
            "Ldalvik/system/DexClassLoader;-><init>(", "Ldalvik/system/PathClassLoader;-><init>(",
            "Ldalvik/system/InMemoryDexClassLoader;-><init>(", "Ldalvik/system/BaseDexClassLoader;-><init>(",
            "Ljava/lang/ClassLoader;->loadClass(", "Ldalvik/system/DexClassLoader;->loadClass(",
            "Ldalvik/system/PathClassLoader;->loadClass(", "Ldalvik/system/BaseDexClassLoader;->loadClass(",
            "Ldalvik/system/DexFile;->loadDex(", "Ldalvik/system/DexFile;->loadClass(");

    static final int TRACKED = 1;
    static final int REFLECT = 2;
    static final int DYNAMIC = 4;

    final ApkLimits limits;
    final DexIndex.Builder index = new DexIndex.Builder();
    private final Map<String, List<String>> trackedByClass;
    private final Map<String, List<String>> reflectByClass;
    private final Map<String, List<String>> dynamicByClass;
    final List<DexFacts.DexFile> files = new ArrayList<>();
    final List<DexFacts.CallSite> callSites = new ArrayList<>();
    final Map<String, Integer> callSiteCounts = new TreeMap<>();
    final List<DexFacts.CallSite> reflection = new ArrayList<>();
    final List<DexFacts.CallSite> dynamicLoading = new ArrayList<>();
    final Set<String> urls = new LinkedHashSet<>();
    boolean callSitesCapped;
    boolean urlsCapped;
    int classCount;
    int methodIdCount;

    public DexCollector(ApkLimits limits, TrackedApis tracked) {
        this.limits = limits;
        this.trackedByClass = byClass(tracked.prefixes());
        this.reflectByClass = byClass(REFLECTION);
        this.dynamicByClass = byClass(DYNAMIC_LOADING);
    }

    private static Map<String, List<String>> byClass(List<String> prefixes) {
        Map<String, List<String>> m = new HashMap<>();
        for (String p : prefixes) {
            int arrow = p.indexOf("->");
            String cls = arrow < 0 ? p : p.substring(0, arrow);
            m.computeIfAbsent(cls, k -> new ArrayList<>()).add(p);
        }
        return m;
    }

    /** Bit set of TRACKED/REFLECT/DYNAMIC for a callee with class descriptor {@code cls}. */
    int classify(String cls, String smali) {
        return (matches(trackedByClass, cls, smali) ? TRACKED : 0)
                | (matches(reflectByClass, cls, smali) ? REFLECT : 0)
                | (matches(dynamicByClass, cls, smali) ? DYNAMIC : 0);
    }

    /** False when {@link #classify} is 0 for every method of class {@code cls}. */
    boolean mayMatch(String cls) {
        return trackedByClass.containsKey(cls) || reflectByClass.containsKey(cls) || dynamicByClass.containsKey(cls);
    }

    private static boolean matches(Map<String, List<String>> m, String cls, String smali) {
        List<String> ps = m.get(cls);
        if (ps == null) {
            return false;
        }
        for (String p : ps) {
            if (smali.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    void site(int flags, String callee, String caller) {
        if ((flags & TRACKED) != 0) {
            callSiteCounts.merge(callee, 1, Integer::sum);
            add(callSites, callee, caller);
        }
        if ((flags & REFLECT) != 0) {
            add(reflection, callee, caller);
        }
        if ((flags & DYNAMIC) != 0) {
            add(dynamicLoading, callee, caller);
        }
    }

    private void add(List<DexFacts.CallSite> list, String callee, String caller) {
        if (list.size() < limits.maxCallSites()) {
            list.add(new DexFacts.CallSite(callee, caller));
        } else {
            callSitesCapped = true;
        }
    }

    void url(String s) {
        if (urls.size() < limits.maxUrls()) {
            urls.add(s);
        } else {
            urlsCapped = true;
        }
    }

    public boolean callSitesCapped() {
        return callSitesCapped;
    }

    public boolean urlsCapped() {
        return urlsCapped;
    }

    public DexIndex index() {
        return index.build();
    }

    public DexFacts facts() {
        List<String> all = new ArrayList<>(urls);
        List<String> http = new ArrayList<>();
        for (String u : all) {
            if (u.regionMatches(true, 0, "http://", 0, 7)) {
                http.add(u);
            }
        }
        return new DexFacts(List.copyOf(files), classCount, methodIdCount, List.copyOf(callSites),
                java.util.Collections.unmodifiableMap(new TreeMap<>(callSiteCounts)), List.copyOf(http), List.copyOf(all),
                List.copyOf(reflection), List.copyOf(dynamicLoading));
    }
}
