package com.admissiongate.apk.internal.axml;

import com.admissiongate.apk.IssueCode;

/** Malformed binary XML or resource table; carries the issue to report. */
public final class AxmlException extends Exception {

    private final IssueCode code;
    private final transient Object[] args;

    public AxmlException(IssueCode code, Object... args) {
        super(code.name(), null, false, false);
        this.code = code;
        this.args = args;
    }

    public IssueCode code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
