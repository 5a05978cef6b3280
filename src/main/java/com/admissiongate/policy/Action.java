package com.admissiongate.policy;

/**
 * What a violated rule asks the store to do (the rule file's {@code outcome}).
 * Ordered from the strongest to the weakest so that comparisons pick the stronger one.
 */
public enum Action {
    REJECT, RECTIFY, WARN
}
