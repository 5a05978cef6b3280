package com.admissiongate.policy;

import java.util.List;

/**
 * One operator override: for rule {@code ruleId}, when the submission matches every selector given
 * ({@code appTypes} contains submission.appType; {@code minorsTargeted} equals submission.audience.minorsTargeted),
 * use {@code outcome} instead of the rule's own. SKIP turns the rule off (NOT_APPLICABLE) for those apps.
 */
public record OutcomeOverride(
        String ruleId,
        List<String> appTypes,
        Boolean minorsTargeted,
        Kind outcome,
        Integer rectifyDays,
        String reason) {

    public enum Kind { REJECT, RECTIFY, WARN, SKIP }

    public OutcomeOverride {
        appTypes = appTypes == null ? List.of() : List.copyOf(appTypes);
    }

    boolean matches(String ruleId, String appType, Boolean minors) {
        if (!this.ruleId.equals(ruleId)) {
            return false;
        }
        if (!appTypes.isEmpty() && (appType == null || !appTypes.contains(appType))) {
            return false;
        }
        return minorsTargeted == null || minorsTargeted.equals(minors);
    }

    Action action() {
        return outcome == Kind.SKIP ? null : Action.valueOf(outcome.name());
    }
}
