package com.admissiongate.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Evidence of a PI access: either a call site ({@code caller}, {@code callee}) or a manifest
 * {@code permission}; the unused side is null and left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PiEvidence(String caller, String callee, String permission) {

    public static PiEvidence call(CallSite cs) {
        return new PiEvidence(cs.caller(), cs.callee(), null);
    }

    public static PiEvidence permission(String permission) {
        return new PiEvidence(null, null, permission);
    }
}
