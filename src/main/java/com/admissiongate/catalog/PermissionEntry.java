package com.admissiongate.catalog;

import java.util.List;

/**
 * Android permission → PI type (null when the permission reads no PI, e.g. CALL_PHONE), sensitivity
 * per regulations §3 (P = PIPL art. 28, G = GB/T 35273), runtime ("dangerous") flag and group.
 */
public record PermissionEntry(String name, String piType, boolean sensitive, List<String> sensitiveBasis,
        boolean dangerous, String group, String note) {

    public PermissionEntry {
        sensitiveBasis = Lists.copy(sensitiveBasis);
    }
}
