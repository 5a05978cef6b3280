package com.admissiongate.analysis;

/**
 * Turns a fetched binary plus its submission into an {@link Assessment}. Implementations must not throw for bad
 * input: a hostile or broken archive is a REJECT with a reason, never an exception and never an ACCEPT.
 */
public interface Assessor {
    Assessment assess(AssessmentInput input);
}
