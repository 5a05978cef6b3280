package com.admissiongate.apk.internal.zip;

import com.admissiongate.apk.IssueCode;

/** An entry could not be extracted; carries the issue to report. */
public final class EntryException extends Exception {

    private final IssueCode code;
    private final transient Object[] args;

    public EntryException(IssueCode code, Object... args) {
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
