package com.admissiongate.privacy;

import java.util.List;

/**
 * The {@code appText} section of Facts: what the app's own strings say about consent and user controls. Every list
 * holds evidence as {@code "<config>/<string name>: <value>"} (at most {@value AppTextScanner#MAX_EVIDENCE} each).
 *
 * @param stringCount    distinct string values read (0: resources absent or unreadable, so nothing can be judged)
 * @param consentDialog  a policy mention, an agree and a disagree button are all present (first-run prompt)
 */
public record AppTextFacts(
        int stringCount,
        boolean consentDialog,
        List<String> policyMention,
        List<String> agree,
        List<String> disagree,
        List<String> impliedConsent,
        List<String> login,
        List<String> accountDeletion,
        List<String> minorMode,
        List<String> personalisation,
        List<String> personalisationSwitch,
        List<String> withdrawConsent,
        List<String> childRules,
        List<String> correctDelete) {
}
