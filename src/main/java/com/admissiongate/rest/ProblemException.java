package com.admissiongate.rest;

/** Thrown by resources to answer with a problem+json body and a stable error code. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;

    public ProblemException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
