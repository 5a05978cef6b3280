package com.admissiongate.review;

import java.util.List;

/**
 * One listed app selected for re-review: the listed version's verdict, its stored Facts (null when missing or from
 * another analyzer), the inputs of its package history and when its current decision was taken.
 */
public record ReReviewCandidate(String packageName, String uploadId, long versionCode, String sha256,
                                String analyzerVersion, String rulePackVersion, String decision, int revision,
                                boolean minorsTargeted, String submission, String findings, String facts,
                                HistoryInputs history, java.time.Instant decidedAt) {

    /**
     * What {@code HistoryService.forPackage(package, uploadId)} reads, brought by the page query: the package's last
     * ACCEPTed version other than this upload (all its fields null when there is none) with parts of its Facts, the
     * signing keys registered for the package since that version, and the other developers that had uploaded the
     * same privacy policy before this upload (MP-1).
     *
     * @param policySha256 {@code privacyPolicy.sha256} of the last ACCEPTed version's Facts, when a string
     * @param facts        whether that version's Facts are stored (without them only its signer column is known)
     */
    public record HistoryInputs(String uploadId, Long versionCode, String sha256, String signer, boolean facts,
                                String signing, String permissions, String sdks, String policySha256,
                                List<String> registeredKeyChanges, List<String> policySharedWith) {
    }

    /** The same candidate with {@code json} as its findings (the whole array after a page of summaries). */
    public ReReviewCandidate withFindings(String json) {
        return new ReReviewCandidate(packageName, uploadId, versionCode, sha256, analyzerVersion, rulePackVersion,
                decision, revision, minorsTargeted, submission, json, facts, history, decidedAt);
    }

    /** The same candidate with {@code text} as its Facts (the whole document after a page of sections). */
    public ReReviewCandidate withFacts(String text) {
        return new ReReviewCandidate(packageName, uploadId, versionCode, sha256, analyzerVersion, rulePackVersion,
                decision, revision, minorsTargeted, submission, findings, text, history, decidedAt);
    }
}
