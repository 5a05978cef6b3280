package com.admissiongate.artifact;

/**
 * Why a binary could not be fetched. {@link #permanent()} failures are the uploader's fault and end in a REJECT
 * finding; the others (S3 unreachable) are retried and never turn into a verdict.
 */
public class ArtifactException extends RuntimeException {

    /** Stable codes; they appear in findings and logs. */
    public enum Code {
        BUCKET_NOT_ALLOWED(true), OBJECT_NOT_FOUND(true), SIZE_MISMATCH(true), TOO_LARGE(true),
        DIGEST_MISMATCH(true), STORE_UNAVAILABLE(false);

        private final boolean permanent;

        Code(boolean permanent) {
            this.permanent = permanent;
        }
    }

    private final Code code;

    public ArtifactException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ArtifactException(Code code, String message) {
        this(code, message, null);
    }

    public Code code() {
        return code;
    }

    public boolean permanent() {
        return code.permanent;
    }
}
