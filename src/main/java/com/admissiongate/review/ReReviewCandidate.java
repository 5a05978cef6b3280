package com.admissiongate.review;

/**
 * One listed app selected for re-review: the listed version's verdict, its stored Facts (null when missing or from
 * another analyzer) and the package history inputs (last ACCEPTed version, as HistoryService builds them; the other
 * developers that uploaded the same privacy policy before, for MP-1), and when its current decision was taken.
 */
public record ReReviewCandidate(String packageName, String uploadId, long versionCode, String sha256,
                                String analyzerVersion, String rulePackVersion, String decision, int revision,
                                boolean minorsTargeted, String submission, String findings, String facts,
                                String lastAcceptedUploadId, Long lastAcceptedVersionCode, String lastAcceptedSha256,
                                String lastAcceptedSigner, String lastAcceptedSigning, String lastAcceptedPermissions,
                                String lastAcceptedSdks, java.util.List<String> policySharedWith,
                                java.time.Instant decidedAt) {

    /** The same candidate with {@code json} as its findings (the whole array after a page of summaries). */
    public ReReviewCandidate withFindings(String json) {
        return new ReReviewCandidate(packageName, uploadId, versionCode, sha256, analyzerVersion, rulePackVersion,
                decision, revision, minorsTargeted, submission, json, facts, lastAcceptedUploadId,
                lastAcceptedVersionCode, lastAcceptedSha256, lastAcceptedSigner, lastAcceptedSigning,
                lastAcceptedPermissions, lastAcceptedSdks, policySharedWith, decidedAt);
    }

    /** The same candidate with {@code text} as its Facts (the whole document after a page of sections). */
    public ReReviewCandidate withFacts(String text) {
        return new ReReviewCandidate(packageName, uploadId, versionCode, sha256, analyzerVersion, rulePackVersion,
                decision, revision, minorsTargeted, submission, findings, text, lastAcceptedUploadId,
                lastAcceptedVersionCode, lastAcceptedSha256, lastAcceptedSigner, lastAcceptedSigning,
                lastAcceptedPermissions, lastAcceptedSdks, policySharedWith, decidedAt);
    }
}
