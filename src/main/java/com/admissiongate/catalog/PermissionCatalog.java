package com.admissiongate.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Android permission lookups; accepts full names and bare {@code android.permission.*} short names. */
public final class PermissionCatalog {

    private static final String ANDROID = "android.permission.";

    private final Map<String, PermissionEntry> byName = new LinkedHashMap<>();

    PermissionCatalog(List<PermissionEntry> entries) {
        for (PermissionEntry e : entries) {
            byName.put(e.name(), e);
        }
    }

    public List<PermissionEntry> entries() {
        return List.copyOf(byName.values());
    }

    public Optional<PermissionEntry> get(String permission) {
        if (permission == null) {
            return Optional.empty();
        }
        PermissionEntry e = byName.get(permission);
        if (e == null && permission.indexOf('.') < 0) {
            e = byName.get(ANDROID + permission);
        }
        return Optional.ofNullable(e);
    }
}
