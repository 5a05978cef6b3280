package com.admissiongate.catalog;

import java.util.List;

/**
 * One entry of the Facts {@code piAccess[]} array: a PI type reached through a permission, an API, a
 * content URI or an SDK, attributed to {@code "app"} or to the SDK id whose prefix holds the caller.
 */
public record PiAccess(String piType, boolean sensitive, String via, String attributedTo, List<PiEvidence> evidence) {

    public PiAccess {
        evidence = Lists.copy(evidence);
    }
}
