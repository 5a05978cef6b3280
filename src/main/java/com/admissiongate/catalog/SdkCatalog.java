package com.admissiongate.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** SDK lookups by id, class name (segment trie), manifest component, native library and asset path. */
public final class SdkCatalog {

    /** A fingerprint owned by one SDK: kind is class-prefix or class-segment. */
    record PrefixRef(SdkEntry sdk, String kind, String value, int segments) {
    }

    private final List<SdkEntry> entries;
    private final Map<String, SdkEntry> byId;
    private final ClassTrie<PrefixRef> trie = new ClassTrie<>();
    private final Map<String, List<PrefixRef>> segmentIndex = new HashMap<>();
    private final Map<String, List<SdkEntry>> componentIndex = new HashMap<>();
    private final Map<String, List<SdkEntry>> nativeLibIndex = new HashMap<>();
    private final List<Map.Entry<String, SdkEntry>> assetFingerprints = new ArrayList<>();

    SdkCatalog(List<SdkEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, SdkEntry> ids = new LinkedHashMap<>();
        for (SdkEntry e : this.entries) {
            ids.put(e.id(), e);
            for (String p : e.fingerprints().classPrefixes()) {
                trie.put(p, new PrefixRef(e, "class-prefix", p, ClassNames.segments(p).size()));
            }
            for (String s : e.fingerprints().classSegments()) {
                segmentIndex.computeIfAbsent(s, k -> new ArrayList<>(1)).add(new PrefixRef(e, "class-segment", s, 1));
            }
            for (String c : e.fingerprints().components()) {
                componentIndex.computeIfAbsent(c, k -> new ArrayList<>(1)).add(e);
            }
            for (String n : e.fingerprints().nativeLibs()) {
                nativeLibIndex.computeIfAbsent(n, k -> new ArrayList<>(1)).add(e);
            }
            for (String a : e.fingerprints().assets()) {
                assetFingerprints.add(Map.entry(stripAssets(a), e));
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
    }

    public List<SdkEntry> entries() {
        return entries;
    }

    public Optional<SdkEntry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return entries.size();
    }

    /**
     * The SDK that owns {@code className} (dotted, smali or internal form): the deepest class prefix
     * wins, so {@code com.amap.api.location.X} is Amap Location even though Amap Maps owns
     * {@code com.amap.api}. Empty when no SDK covers the class.
     */
    public Optional<SdkEntry> owner(String className) {
        List<PrefixRef> refs = ownerRefs(className);
        return refs == null ? Optional.empty() : Optional.of(refs.get(0).sdk());
    }

    /** Every SDK whose fingerprints cover {@code className}, shallowest prefix first. */
    public List<SdkEntry> covering(String className) {
        List<SdkEntry> out = new ArrayList<>(2);
        for (ClassTrie.Hit<PrefixRef> hit : trie.all(className)) {
            for (PrefixRef r : hit.values()) {
                if (!out.contains(r.sdk())) {
                    out.add(r.sdk());
                }
            }
        }
        for (PrefixRef r : segmentRefs(className)) {
            if (!out.contains(r.sdk())) {
                out.add(r.sdk());
            }
        }
        return out;
    }

    /** True when one of {@code sdk}'s class prefixes or segments covers {@code className}. */
    public boolean covers(SdkEntry sdk, String className) {
        return covering(className).contains(sdk);
    }

    /** SDKs whose manifest-component fingerprints name exactly this class. */
    public List<SdkEntry> byComponent(String componentClass) {
        return componentIndex.getOrDefault(ClassNames.toDotted(componentClass), List.of());
    }

    /** SDKs that ship a native library with this file name (any ABI directory). */
    public List<SdkEntry> byNativeLib(String libPathOrName) {
        return nativeLibIndex.getOrDefault(fileName(libPathOrName), List.of());
    }

    /** SDKs with an asset fingerprint equal to, or a directory containing, this asset path. */
    public List<SdkEntry> byAsset(String assetPath) {
        String p = stripAssets(assetPath);
        List<SdkEntry> out = new ArrayList<>(1);
        for (Map.Entry<String, SdkEntry> f : assetFingerprints) {
            String fp = f.getKey();
            boolean hit = fp.endsWith("/") ? p.startsWith(fp) : p.equals(fp);
            if (hit && !out.contains(f.getValue())) {
                out.add(f.getValue());
            }
        }
        return out;
    }

    List<PrefixRef> ownerRefs(String className) {
        List<PrefixRef> refs = trie.deepest(className);
        if (refs != null) {
            return refs;
        }
        List<PrefixRef> seg = segmentRefs(className);
        return seg.isEmpty() ? null : seg;
    }

    private List<PrefixRef> segmentRefs(String className) {
        if (segmentIndex.isEmpty()) {
            return List.of();
        }
        List<PrefixRef> out = null;
        List<String> segs = ClassNames.segments(className);
        // The first segment is a TLD-like root (com, cn); εxodus dot-leading signatures mean "inside".
        for (int i = 1; i < segs.size(); i++) {
            List<PrefixRef> refs = segmentIndex.get(segs.get(i));
            if (refs != null) {
                if (out == null) {
                    out = new ArrayList<>(refs);
                } else {
                    out.addAll(refs);
                }
            }
        }
        return out == null ? List.of() : out;
    }

    static String fileName(String path) {
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static String stripAssets(String path) {
        if (path == null) {
            return "";
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.toLowerCase(Locale.ROOT).startsWith("assets/") ? p.substring("assets/".length()) : p;
    }
}
