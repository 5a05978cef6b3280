package com.admissiongate.review;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which listed apps a re-review run evaluates. Every field narrows the selection; only LISTED packages are ever
 * selected, and operator-overridden or already-expired verdicts are left alone (a human or the deadline decided).
 *
 * @param daily           the scheduled selection: aimed at minors (flag, minAge or maxAge under 18) or decided
 *                        under a pack other than the active one
 * @param previousPack    verdicts decided under this pack version (pack change)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReReviewScope(String packageName, String developerId, String appType, String decision,
                            String rulePackVersion, Boolean minorsTargeted, boolean daily, String previousPack) {

    public static ReReviewScope dailySelection() {
        return new ReReviewScope(null, null, null, null, null, null, true, null);
    }

    public static ReReviewScope packChange(String previousVersion) {
        return new ReReviewScope(null, null, null, null, null, null, false, previousVersion);
    }
}
