package com.admissiongate.catalog;

import java.util.List;

/** One of the 39 app types of the necessary-PI rules (regulations §4). */
public record AppType(int id, String name, String basicFunction, List<String> necessaryPi, String necessaryPiText,
        boolean noPi, List<String> allowedPermissions, String note) {

    public AppType {
        necessaryPi = Lists.copy(necessaryPi);
        allowedPermissions = Lists.copy(allowedPermissions);
    }
}
