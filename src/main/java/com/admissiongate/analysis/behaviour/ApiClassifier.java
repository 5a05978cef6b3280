package com.admissiongate.analysis.behaviour;

import com.admissiongate.catalog.ApiEntry;
import com.admissiongate.catalog.Catalogs;
import com.admissiongate.catalog.PermissionEntry;
import com.admissiongate.catalog.SdkEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Catalog view the behaviour analyses need: §3 APIs, SDK init and consent APIs, permission groups, owners. */
final class ApiClassifier {

    record Hit(String key, String sdk, ApiEntry api) {
    }

    private final Map<String, List<ApiEntry>> apisByClass = new HashMap<>();
    private final Map<String, List<Hit>> initsByClass = new HashMap<>();
    private final Map<String, List<Hit>> consentByClass = new HashMap<>();
    private final List<ApiEntry> contentUris = new ArrayList<>();
    private final Catalogs catalogs;
    /** Distinct PI types of the catalog's §3 APIs. */
    private final int piTypeCount;

    ApiClassifier(Catalogs catalogs) {
        this.catalogs = catalogs;
        java.util.Set<String> types = new java.util.HashSet<>();
        for (ApiEntry e : catalogs.apis().entries()) {
            if (e.piType() != null) {
                types.add(e.piType());
            }
            if (e.isContentUri()) {
                contentUris.add(e);
            } else if (e.key().contains("->")) {
                apisByClass.computeIfAbsent(cls(e.key()), k -> new ArrayList<>()).add(e);
            }
        }
        for (SdkEntry s : catalogs.sdks().entries()) {
            for (String api : s.initApis()) {
                if (api.contains("->")) {
                    initsByClass.computeIfAbsent(cls(api), k -> new ArrayList<>()).add(new Hit(api, s.id(), null));
                }
            }
            if (s.consentGate() != null) {
                for (String api : s.consentGate().apis()) {
                    // preInit is the vendor's "collect nothing yet" call, not the agreement switch
                    if (api.contains("->") && !api.endsWith("->preInit")) {
                        consentByClass.computeIfAbsent(cls(api), k -> new ArrayList<>())
                                .add(new Hit(api, s.id(), null));
                    }
                }
            }
        }
        this.piTypeCount = types.size();
    }

    private static String cls(String ref) {
        return ref.substring(0, ref.indexOf("->"));
    }

    /** How many distinct PI types the catalog's APIs have: the most a flow analysis can meet from the catalog. */
    int piTypeCount() {
        return piTypeCount;
    }

    /** The longest §3 API key that {@code ref} starts with. */
    ApiEntry api(String ref) {
        return api(ref, cls(ref));
    }

    /** {@link #api(String)} when the caller already knows the ref's class ({@code cls} = the part before "->"). */
    ApiEntry api(String ref, String cls) {
        List<ApiEntry> l = apisByClass.get(cls);
        ApiEntry best = null;
        if (l != null) {
            for (ApiEntry e : l) {
                if (ref.startsWith(e.key()) && (best == null || e.key().length() > best.key().length())) {
                    best = e;
                }
            }
        }
        return best;
    }

    Hit sdkInit(String ref) {
        return first(initsByClass, ref);
    }

    Hit consentApi(String ref) {
        return first(consentByClass, ref);
    }

    private static Hit first(Map<String, List<Hit>> m, String ref) {
        List<Hit> l = m.get(cls(ref));
        if (l != null) {
            for (Hit h : l) {
                if (ref.startsWith(h.key())) {
                    return h;
                }
            }
        }
        return null;
    }

    List<ApiEntry> contentUris() {
        return contentUris;
    }

    /** Runtime permission group when {@code permission} is dangerous, else null. */
    String dangerousGroup(String permission) {
        Optional<PermissionEntry> e = catalogs.permissions().get(permission);
        return e.isPresent() && e.get().dangerous() ? (e.get().group() == null ? permission : e.get().group()) : null;
    }

    /** SDK id owning the class of {@code ref} (smali), or null for app code. */
    String owner(String ref) {
        int arrow = ref.indexOf("->");
        String c = arrow < 0 ? ref : ref.substring(0, arrow);
        return catalogs.sdks().owner(c).map(SdkEntry::id).orElse(null);
    }
}
