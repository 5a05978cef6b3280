package com.admissiongate.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the catalog's SDKs in an APK and tells "present" (code shipped) from "initialised" (the app
 * calls the SDK's init API). Counting classes uses the catalog's segment trie, so the cost is one hash
 * probe per class-name segment.
 */
public final class SdkDetector {

    /** Short prefixes such as {@code com.mob} or {@code com.tune} need more than one stray class. */
    static final int MIN_CLASSES_ONE_SEGMENT = 5;
    static final int MIN_CLASSES_TWO_SEGMENTS = 3;
    static final int MIN_CLASSES_SEGMENT_MATCH = 3;

    private record ApiRef(String prefix, SdkEntry sdk) {
    }

    private static final class Acc {
        final Map<SdkCatalog.PrefixRef, Integer> prefixCounts = new LinkedHashMap<>();
        final Set<String> components = new LinkedHashSet<>();
        final Set<String> nativeLibs = new LinkedHashSet<>();
        final Set<String> assets = new LinkedHashSet<>();
        final Set<CallSite> init = new LinkedHashSet<>();
        boolean consent;
        int classes;
    }

    private final SdkCatalog catalog;
    private final Map<String, List<ApiRef>> initByClass = new HashMap<>();
    private final Map<String, List<ApiRef>> consentByClass = new HashMap<>();

    public SdkDetector(SdkCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog == null");
        for (SdkEntry e : catalog.entries()) {
            for (String api : e.initApis()) {
                initByClass.computeIfAbsent(classPart(api), k -> new ArrayList<>(1)).add(new ApiRef(api, e));
            }
            if (e.consentGate() != null) {
                for (String api : e.consentGate().apis()) {
                    consentByClass.computeIfAbsent(classPart(api), k -> new ArrayList<>(1)).add(new ApiRef(api, e));
                }
            }
        }
    }

    public List<SdkFinding> detect(SdkInputs in) {
        Map<SdkEntry, Acc> acc = new LinkedHashMap<>();
        for (String cls : in.classNames()) {
            List<SdkCatalog.PrefixRef> refs = catalog.ownerRefs(cls);
            if (refs == null) {
                continue;
            }
            for (SdkCatalog.PrefixRef r : refs) {
                Acc a = acc.computeIfAbsent(r.sdk(), k -> new Acc());
                a.prefixCounts.merge(r, 1, Integer::sum);
                a.classes++;
            }
        }
        for (String comp : in.components()) {
            String dotted = ClassNames.toDotted(comp);
            for (SdkEntry e : catalog.byComponent(dotted)) {
                acc.computeIfAbsent(e, k -> new Acc()).components.add(dotted);
            }
            // A manifest declaration under an SDK's package is deliberate integration, whatever the class count.
            catalog.owner(dotted).ifPresent(e -> acc.computeIfAbsent(e, k -> new Acc()).components.add(dotted));
        }
        for (String lib : in.nativeLibs()) {
            for (SdkEntry e : catalog.byNativeLib(lib)) {
                acc.computeIfAbsent(e, k -> new Acc()).nativeLibs.add(SdkCatalog.fileName(lib));
            }
        }
        for (String asset : in.assets()) {
            for (SdkEntry e : catalog.byAsset(asset)) {
                acc.computeIfAbsent(e, k -> new Acc()).assets.add(asset);
            }
        }
        for (CallSite cs : in.callSites()) {
            if (cs == null || cs.callee() == null) {
                continue;
            }
            String calleeClass = classPart(cs.callee());
            for (ApiRef r : initByClass.getOrDefault(calleeClass, List.of())) {
                if (cs.callee().startsWith(r.prefix()) && outside(r.sdk(), cs.caller())) {
                    acc.computeIfAbsent(r.sdk(), k -> new Acc()).init.add(cs);
                }
            }
            for (ApiRef r : consentByClass.getOrDefault(calleeClass, List.of())) {
                if (cs.callee().startsWith(r.prefix()) && outside(r.sdk(), cs.caller())) {
                    acc.computeIfAbsent(r.sdk(), k -> new Acc()).consent = true;
                }
            }
        }
        List<SdkFinding> out = new ArrayList<>();
        for (Map.Entry<SdkEntry, Acc> en : acc.entrySet()) {
            SdkFinding f = finding(en.getKey(), en.getValue());
            if (f != null) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing(SdkFinding::id));
        return out;
    }

    private SdkFinding finding(SdkEntry sdk, Acc a) {
        List<Match> matchedBy = new ArrayList<>();
        for (Map.Entry<SdkCatalog.PrefixRef, Integer> pc : a.prefixCounts.entrySet()) {
            if (pc.getValue() >= minClasses(sdk, pc.getKey())) {
                matchedBy.add(new Match(pc.getKey().kind(), pc.getKey().value()));
            }
        }
        a.components.forEach(c -> matchedBy.add(new Match("component", c)));
        a.nativeLibs.forEach(n -> matchedBy.add(new Match("native-lib", n)));
        a.assets.forEach(s -> matchedBy.add(new Match("asset", s)));
        boolean present = !matchedBy.isEmpty();
        boolean initialised = !a.init.isEmpty();
        if (!present && !initialised && !a.consent) {
            return null;
        }
        return new SdkFinding(sdk.id(), sdk.name().en(), sdk.category(), sdk.country(), present, initialised,
                matchedBy, a.classes, new ArrayList<>(a.init), a.consent);
    }

    /** Class threshold for one fingerprint; the catalog's {@code minClasses} overrides the default. */
    static int minClasses(SdkEntry sdk, SdkCatalog.PrefixRef ref) {
        if (sdk.minClasses() != null) {
            return sdk.minClasses();
        }
        if ("class-segment".equals(ref.kind())) {
            return MIN_CLASSES_SEGMENT_MATCH;
        }
        if (ref.segments() <= 1) {
            return MIN_CLASSES_ONE_SEGMENT;
        }
        return ref.segments() == 2 ? MIN_CLASSES_TWO_SEGMENTS : 1;
    }

    private boolean outside(SdkEntry sdk, String caller) {
        if (caller == null) {
            return true;
        }
        return !catalog.covers(sdk, ClassNames.declaringClass(caller));
    }

    private static String classPart(String smaliRef) {
        int arrow = smaliRef.indexOf("->");
        return arrow < 0 ? smaliRef : smaliRef.substring(0, arrow);
    }
}
