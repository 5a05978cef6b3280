package com.admissiongate.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Immutable holder of every validated catalog, created by {@link CatalogLoader}. */
public final class Catalogs {

    private final SdkCatalog sdks;
    private final PackerCatalog packers;
    private final PermissionCatalog permissions;
    private final ApiCatalog apis;
    private final AppTypeCatalog appTypes;
    private final SdkBlocklist blocklist;
    private final String version;
    private final Map<String, Object> celView;

    Catalogs(SdkCatalog sdks, PackerCatalog packers, PermissionCatalog permissions, ApiCatalog apis,
            AppTypeCatalog appTypes, SdkBlocklist blocklist, String version) {
        this.sdks = sdks;
        this.packers = packers;
        this.permissions = permissions;
        this.apis = apis;
        this.appTypes = appTypes;
        this.blocklist = blocklist;
        this.version = version;
        this.celView = buildCelView();
    }

    public SdkCatalog sdks() {
        return sdks;
    }

    public PackerCatalog packers() {
        return packers;
    }

    public PermissionCatalog permissions() {
        return permissions;
    }

    public ApiCatalog apis() {
        return apis;
    }

    public AppTypeCatalog appTypes() {
        return appTypes;
    }

    public SdkBlocklist blocklist() {
        return blocklist;
    }

    /**
     * Per-file versions plus a SHA-256 over all file contents, e.g.
     * {@code sdks=1.0.0;packers=1.0.0;...;sha256=0123456789abcdef}. Two gates with the same string
     * decided with byte-identical catalogs.
     */
    public String version() {
        return version;
    }

    /**
     * Smali reference prefixes the dex extractor must report as call sites for the catalogs to work:
     * every method/field/class key of {@code apis.json} plus every SDK init and consent-gate API.
     */
    public Set<String> trackedCalleePrefixes() {
        Set<String> out = new LinkedHashSet<>();
        for (ApiEntry e : apis.entries()) {
            if (!e.isContentUri()) {
                out.add(e.key());
            }
        }
        for (SdkEntry s : sdks.entries()) {
            out.addAll(s.initApis());
            if (s.consentGate() != null) {
                out.addAll(s.consentGate().apis());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Content URIs (string constants) the extractor should report, with the using method as caller. */
    public Set<String> trackedContentUris() {
        Set<String> out = new LinkedHashSet<>();
        for (ApiEntry e : apis.entries()) {
            if (e.isContentUri()) {
                out.add(e.key());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * The {@code catalog} CEL variable: JSON-shaped maps and lists only (String, Boolean, Long, null),
     * unmodifiable, with exactly the keys of the shared brief.
     */
    public Map<String, Object> celView() {
        return celView;
    }

    private Map<String, Object> buildCelView() {
        Map<String, Object> types = new LinkedHashMap<>();
        for (AppType t : appTypes.types()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", (long) t.id());
            m.put("necessaryPi", List.copyOf(t.necessaryPi()));
            m.put("noPi", t.noPi());
            m.put("allowedPermissions", List.copyOf(t.allowedPermissions()));
            types.put(t.name(), Collections.unmodifiableMap(m));
        }
        Map<String, Object> perms = new LinkedHashMap<>();
        for (PermissionEntry p : permissions.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("piType", p.piType());
            m.put("sensitive", p.sensitive());
            m.put("dangerous", p.dangerous());
            m.put("group", p.group());
            perms.put(p.name(), Collections.unmodifiableMap(m));
        }
        Map<String, Object> apiView = new LinkedHashMap<>();
        for (ApiEntry a : apis.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("piType", a.piType());
            m.put("sensitive", a.sensitive());
            apiView.put(a.key(), Collections.unmodifiableMap(m));
        }
        Map<String, Object> sdkView = new LinkedHashMap<>();
        for (SdkEntry s : sdks.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name().en());
            m.put("nameZh", s.name().zh());
            m.put("vendor", s.vendor());
            m.put("category", s.category());
            m.put("country", s.country());
            m.put("ads", s.ads());
            m.put("face", s.face());
            sdkView.put(s.id(), Collections.unmodifiableMap(m));
        }
        List<Object> blocked = new ArrayList<>();
        for (BlocklistEntry b : blocklist.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sdkId", b.sdkId());
            m.put("versions", List.copyOf(b.versions()));
            m.put("reason", b.reason());
            blocked.add(Collections.unmodifiableMap(m));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("appTypes", Collections.unmodifiableMap(types));
        view.put("permissions", Collections.unmodifiableMap(perms));
        view.put("apis", Collections.unmodifiableMap(apiView));
        view.put("sdks", Collections.unmodifiableMap(sdkView));
        view.put("sdkBlocklist", Collections.unmodifiableList(blocked));
        view.put("version", version);
        return Collections.unmodifiableMap(view);
    }
}
