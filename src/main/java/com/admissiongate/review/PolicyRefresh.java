package com.admissiongate.review;

import com.admissiongate.analysis.AssessorProducer;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.artifact.ArtifactStore;
import com.admissiongate.config.PrivacyConfig;
import com.admissiongate.config.ReReviewConfig;
import com.admissiongate.privacy.PolicySource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fetches a URL-named privacy policy again for a re-review (issue #11): the page behind a URL may have changed since
 * the upload, unlike an uploaded object. Goes through {@link PolicySource#resolve}, the upload's own path, so the
 * host allowlist, address guard, size, time and parse limits ({@code gate.privacy.*}) are the same, and a refused or
 * failed fetch is the same {@code unavailable} section the upload would have stored. Blocking: called on the
 * re-review worker threads.
 */
@ApplicationScoped
public class PolicyRefresh {

    private final PolicySource source;
    private final ObjectMapper mapper;
    private final boolean enabled;

    @Inject
    public PolicyRefresh(PrivacyConfig privacy, ArtifactStore store, PolicyAssessor assessor, ObjectMapper mapper,
                         ReReviewConfig config) {
        this(AssessorProducer.policySource(privacy, assessor.assembler().catalogs(), store), mapper,
                config.refreshPolicyUrls());
    }

    protected PolicyRefresh(PolicySource source, ObjectMapper mapper, boolean enabled) {
        this.source = source;
        this.mapper = mapper;
        this.enabled = enabled;
    }

    /**
     * The fresh Facts {@code privacyPolicy} section, or null to keep the stored one: refresh off, or the submission
     * names no URL, or names an uploaded object (which {@link PolicySource} prefers and which cannot change).
     */
    public JsonNode fresh(JsonNode submission) {
        if (!enabled || submission == null) {
            return null;
        }
        JsonNode pp = submission.path("privacyPolicy");
        if (!named(pp, "url") || named(pp, "objectKey")) {
            return null;
        }
        // the bucket only matters for objectKey sources, excluded above
        return mapper.valueToTree(source.resolve(null, submission));
    }

    /**
     * Whether {@link #fresh} fetches anything for this submission, given as CEL values
     * ({@link com.admissiongate.policy.CelJson}): the same test, so a re-review can skip building a Jackson tree of
     * every submission only to learn that nothing is fetched.
     */
    public boolean fetches(java.util.Map<String, Object> submission) {
        if (!enabled || submission == null) {
            return false;
        }
        Object pp = submission.get("privacyPolicy");
        return pp instanceof java.util.Map<?, ?> m && named(m.get("url")) && !named(m.get("objectKey"));
    }

    private static boolean named(Object v) {
        return v instanceof String s && !s.isBlank();
    }

    private static boolean named(JsonNode pp, String field) {
        JsonNode v = pp.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank();
    }
}
