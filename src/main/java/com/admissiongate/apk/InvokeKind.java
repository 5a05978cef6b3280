package com.admissiongate.apk;

/** The invoke-* instruction family of a call site ({@code /range} forms map to their base kind). */
public enum InvokeKind {
    VIRTUAL, SUPER, DIRECT, STATIC, INTERFACE, POLYMORPHIC, CUSTOM
}
