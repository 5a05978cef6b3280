package com.admissiongate.privacy;

import com.admissiongate.artifact.ArtifactException;
import com.admissiongate.artifact.ArtifactStore;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;

/**
 * Resolves the submission's {@code privacyPolicy} into the Facts section: {@code objectKey} is read from the upload
 * bucket through the {@link ArtifactStore}, {@code url} through the guarded {@link UrlPolicyFetcher} (an empty host allowlist refuses every URL). A refused or unreadable policy is an {@code unavailable} section with the problem; only a
 * store outage propagates (ArtifactException STORE_UNAVAILABLE) so the pipeline retries instead of judging.
 */
public final class PolicySource {

    private final PrivacyPolicyParser parser;
    private final ArtifactStore store;
    private final UrlPolicyFetcher fetcher;

    public PolicySource(PrivacyPolicyParser parser, ArtifactStore store, UrlPolicyFetcher fetcher) {
        this.parser = parser;
        this.store = store;
        this.fetcher = fetcher;
    }

    /**
     * @param bucket     the upload's bucket (the policy object lives next to the APK)
     * @param submission the upload event's data (may be null)
     * @return null when the submission names no policy document
     */
    public PrivacyPolicyFacts resolve(String bucket, JsonNode submission) {
        JsonNode pp = submission == null ? null : submission.get("privacyPolicy");
        String key = text(pp, "objectKey");
        String url = text(pp, "url");
        PrivacyPolicyParser.Context ctx = new PrivacyPolicyParser.Context(text(submission, "appName"),
                submission == null ? null : text(submission.get("developer"), "name"));
        if (key != null) {
            PrivacyPolicyFacts.Source src = new PrivacyPolicyFacts.Source("objectKey", bucket + "/" + key, null);
            byte[] bytes;
            try {
                bytes = store.readObject(bucket, key, parser.limits().maxBytes());
            } catch (ArtifactException e) {
                if (!e.permanent()) {
                    throw e;
                }
                PolicyProblem.Code code = e.code() == ArtifactException.Code.TOO_LARGE ? PolicyProblem.Code.TOO_LARGE
                        : e.code() == ArtifactException.Code.BUCKET_NOT_ALLOWED ? PolicyProblem.Code.BUCKET_NOT_ALLOWED
                        : PolicyProblem.Code.OBJECT_NOT_FOUND;
                return PrivacyPolicyFacts.unavailable(src, null, null, PolicyProblem.fatal(code, e.getMessage()));
            }
            return parser.parse(bytes, null, key, src, ctx);
        }
        if (url != null) {
            PrivacyPolicyFacts.Source src = new PrivacyPolicyFacts.Source("url", url, null);
            UrlPolicyFetcher.Fetched f = fetcher.fetch(url);
            if (f.problem() != null) {
                return PrivacyPolicyFacts.unavailable(src, null, null, f.problem());
            }
            PrivacyPolicyFacts.Source fetched = new PrivacyPolicyFacts.Source("url", f.finalUrl(), f.mediaType());
            return parser.parse(f.bytes(), f.mediaType(), URI.create(f.finalUrl()).getPath(), fetched, ctx);
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        if (n == null || !n.hasNonNull(field) || !n.get(field).isTextual() || n.get(field).asText().isBlank()) {
            return null;
        }
        return n.get(field).asText();
    }
}
