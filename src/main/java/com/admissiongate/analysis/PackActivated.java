package com.admissiongate.analysis;

/**
 * CDI event fired on every replica when it starts evaluating with a newly activated rule pack. Re-review observes it:
 * stored verdicts decided under {@code previousVersion} are re-evaluated under {@code version}.
 */
public record PackActivated(String version, String previousVersion, String activatedBy) {
}
