package com.admissiongate.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives {@code piAccess[]} from manifest permissions, tracked call sites and detected SDKs. Entries are
 * grouped by (piType, via, attributedTo) with all their evidence, sorted for stable output.
 */
public final class PiAccessDeriver {

    public static final String APP = "app";

    /** PI types an SDK may collect that no permission or API of the catalogs marks sensitive (§3, §1.6). */
    private static final Set<String> SENSITIVE_SDK_PI = Set.of("face", "id-card-bank-card", "identity", "payment");

    private record Key(String piType, String via, String attributedTo) {
    }

    private final Catalogs catalogs;
    private final Map<String, Boolean> sensitiveByPiType = new HashMap<>();

    public PiAccessDeriver(Catalogs catalogs) {
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs == null");
        for (PermissionEntry p : catalogs.permissions().entries()) {
            if (p.piType() != null) {
                sensitiveByPiType.merge(p.piType(), p.sensitive(), Boolean::logicalOr);
            }
        }
        for (ApiEntry a : catalogs.apis().entries()) {
            sensitiveByPiType.merge(a.piType(), a.sensitive(), Boolean::logicalOr);
        }
        for (String pi : SENSITIVE_SDK_PI) {
            sensitiveByPiType.put(pi, true);
        }
    }

    /**
     * @param permissions manifest permission names (uses-permission and uses-permission-sdk-23)
     * @param callSites the extractor's tracked call sites
     * @param sdks the detector's findings; only present SDKs receive attributions
     */
    public List<PiAccess> derive(Collection<String> permissions, List<CallSite> callSites, List<SdkFinding> sdks) {
        Map<Key, Set<PiEvidence>> evidence = new LinkedHashMap<>();
        Map<Key, Boolean> sensitive = new HashMap<>();
        for (String perm : permissions == null ? List.<String>of() : permissions) {
            catalogs.permissions().get(perm).filter(p -> p.piType() != null).ifPresent(p -> {
                Key k = new Key(p.piType(), "permission", APP);
                evidence.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(PiEvidence.permission(p.name()));
                sensitive.merge(k, p.sensitive(), Boolean::logicalOr);
            });
        }
        Set<String> presentIds = new HashSet<>();
        for (SdkFinding f : sdks == null ? List.<SdkFinding>of() : sdks) {
            if (f.present()) {
                presentIds.add(f.id());
            }
        }
        for (CallSite cs : callSites == null ? List.<CallSite>of() : callSites) {
            if (cs == null || cs.callee() == null) {
                continue;
            }
            catalogs.apis().match(cs.callee()).ifPresent(api -> {
                Key k = new Key(api.piType(), api.isContentUri() ? "contentUri" : "api",
                        attribute(cs.caller(), presentIds));
                evidence.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(PiEvidence.call(cs));
                sensitive.merge(k, api.sensitive(), Boolean::logicalOr);
            });
        }
        for (SdkFinding f : sdks == null ? List.<SdkFinding>of() : sdks) {
            if (!f.present()) {
                continue;
            }
            catalogs.sdks().byId(f.id()).ifPresent(sdk -> {
                for (String pi : sdk.piTypes()) {
                    Key k = new Key(pi, "sdk", sdk.id());
                    Set<PiEvidence> ev = evidence.computeIfAbsent(k, x -> new LinkedHashSet<>());
                    f.initEvidence().forEach(cs -> ev.add(PiEvidence.call(cs)));
                    sensitive.merge(k, sensitiveByPiType.getOrDefault(pi, false), Boolean::logicalOr);
                }
            });
        }
        List<PiAccess> out = new ArrayList<>(evidence.size());
        for (Map.Entry<Key, Set<PiEvidence>> e : evidence.entrySet()) {
            Key k = e.getKey();
            out.add(new PiAccess(k.piType(), sensitive.getOrDefault(k, false), k.via(), k.attributedTo(),
                    new ArrayList<>(e.getValue())));
        }
        out.sort(Comparator.comparing(PiAccess::piType).thenComparing(PiAccess::via)
                .thenComparing(PiAccess::attributedTo));
        return out;
    }

    /** The deepest present SDK whose fingerprints cover the caller's class, else {@code "app"}. */
    String attribute(String caller, Set<String> presentIds) {
        if (caller == null) {
            return APP;
        }
        List<SdkEntry> covering = catalogs.sdks().covering(ClassNames.declaringClass(caller));
        for (int i = covering.size() - 1; i >= 0; i--) {
            if (presentIds.contains(covering.get(i).id())) {
                return covering.get(i).id();
            }
        }
        return APP;
    }
}
