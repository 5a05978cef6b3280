package com.admissiongate.review;

/** Actions recorded in the audit log. Stable strings: they are stored and queried. */
public enum AuditAction {
    OVERRIDE_DECISION,
    OVERRIDE_FINDING,
    SIGNING_KEY_CHANGE,
    DEADLINE_CHANGE,
    PACK_ACTIVATION,
    RE_REVIEW_TRIGGER,
    RESCAN
}
