package com.admissiongate.privacy;

import java.util.List;
import java.util.Map;

/**
 * The {@code privacyPolicy} section of Facts (contracts/privacy-policy.schema.json): what the policy declares, each
 * item with the sentence it came from. {@code status} is {@code parsed}, or {@code unavailable} when the policy was
 * named but could not be fetched or read ({@code problems} has the fatal reason; the declared lists are empty and
 * rules that judge the text are not applied).
 */
public record PrivacyPolicyFacts(
        String status,
        Source source,
        String sha256,
        Long bytes,
        String format,
        Integer chars,
        List<PolicyProblem> problems,
        String language,
        Operator operator,
        DateFact effectiveDate,
        DateFact updatedDate,
        Map<String, Section> sections,
        List<DeclaredPi> declaredPiTypes,
        List<DeclaredPermission> declaredPermissions,
        List<DeclaredSdk> sdks,
        Integer responseDays,
        Span responseEvidence,
        Boolean mentionsApp,
        Boolean mentionsOperator) {

    public static final String PARSED = "parsed";
    public static final String UNAVAILABLE = "unavailable";

    /** Where the document came from: kind objectKey, url or file. */
    public record Source(String kind, String ref, String mediaType) {
    }

    public record Operator(String name, List<String> emails, List<String> phones, List<String> addresses,
                           List<Span> evidence) {
    }

    /** An ISO date (yyyy-MM-dd) and the sentence that states it. */
    public record DateFact(String date, Span evidence) {
    }

    public record Section(boolean present, List<Span> evidence) {
    }

    /**
     * @param purposes       purpose kinds stated next to it: experience (改善服务/提升体验/研发新产品) and/or function
     * @param experienceOnly true when every stated purpose is an experience-only ground (rule RD191-4.5)
     */
    public record DeclaredPi(String piType, List<String> purposes, boolean experienceOnly, List<Span> evidence) {
    }

    public record DeclaredPermission(String permission, List<Span> evidence) {
    }

    /**
     * One row of the declared third-party SDK list.
     *
     * @param sdkId   the SDK catalog id the name, alias or package matched; null when the catalog does not know it
     * @param piTypes PI-type ids named in the row's PI text
     * @param source  table, list or prose
     */
    public record DeclaredSdk(String name, String vendor, String purpose, String personalInfo, String link,
                              String packageName, String sdkId, List<String> piTypes, String source, Span evidence) {
    }

    public static PrivacyPolicyFacts unavailable(Source source, String sha256, Long bytes, PolicyProblem problem) {
        return new PrivacyPolicyFacts(UNAVAILABLE, source, sha256, bytes, null, null, List.of(problem), null,
                new Operator(null, List.of(), List.of(), List.of(), List.of()), null, null, Map.of(), List.of(),
                List.of(), List.of(), null, null, null, null);
    }
}
