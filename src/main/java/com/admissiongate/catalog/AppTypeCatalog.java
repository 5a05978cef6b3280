package com.admissiongate.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 39 app types by id and by Chinese name, plus the Ph/Pay/IDn/IDv/Card code mapping. */
public final class AppTypeCatalog {

    private final List<AppType> types;
    private final Map<String, AppType> byName = new LinkedHashMap<>();
    private final Map<String, PiCode> codes;

    AppTypeCatalog(List<AppType> types, Map<String, PiCode> codes) {
        this.types = List.copyOf(types);
        for (AppType t : this.types) {
            byName.put(t.name(), t);
        }
        this.codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    public List<AppType> types() {
        return types;
    }

    public Optional<AppType> byId(int id) {
        return types.stream().filter(t -> t.id() == id).findFirst();
    }

    /**
     * Lookup by name; also accepts the §4 spelling without the 类 suffix ("实用工具" for "实用工具类").
     */
    public Optional<AppType> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        AppType t = byName.get(name);
        if (t == null && !name.endsWith("类")) {
            t = byName.get(name + "类");
        }
        return Optional.ofNullable(t);
    }

    /** Code (Ph, Pay, IDn, IDv, Card) → PI type. */
    public Map<String, PiCode> piCodes() {
        return codes;
    }
}
