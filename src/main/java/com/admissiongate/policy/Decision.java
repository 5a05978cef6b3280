package com.admissiongate.policy;

/** Verdict of a whole pack on one submission. */
public enum Decision {
    ACCEPT, REJECT, RECTIFY
}
