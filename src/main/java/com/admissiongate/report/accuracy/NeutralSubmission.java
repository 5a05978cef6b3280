package com.admissiongate.report.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A submission that asks nothing unusual of an APK, so that the corpus decision distribution reflects the APK and
 * not the metadata: a utility app (实用工具类) for adults, no minors, package and versionCode copied from the manifest,
 * a developer with a PI contact, a privacy policy URL, and a filing whose certificate is the APK's own primary
 * signer (otherwise META-02 would REJECT every APK). No SDKs and no permission purposes are declared.
 */
public final class NeutralSubmission {

    public static final String APP_TYPE = "实用工具类";
    public static final String FILING_NUMBER = "京ICP备00000000号-1A";

    private NeutralSubmission() {
    }

    public static ObjectNode forFacts(JsonNode facts, String fileName, ObjectMapper mapper) {
        JsonNode m = facts.path("manifest");
        ObjectNode s = mapper.createObjectNode();
        String label = facts.path("resources").path("appLabel").asText(null);
        s.put("appName", label != null && !label.isBlank() ? label : fileName);
        if (m.hasNonNull("package")) {
            s.put("package", m.path("package").asText());
        }
        if (m.hasNonNull("versionCode")) {
            s.put("versionCode", m.path("versionCode").asLong());
        }
        s.put("basicFunction", "corpus accuracy check: neutral submission");
        s.put("appType", APP_TYPE);
        s.putObject("developer").put("id", "corpus-check").put("name", "Corpus Check")
                .put("piContact", "privacy@example.invalid");
        s.putObject("audience").put("minAge", 18).putNull("maxAge").put("minorsTargeted", false);
        s.putObject("privacyPolicy").put("url", "https://example.invalid/privacy").put("language", "zh");
        s.putArray("declaredSdks");
        s.putObject("permissionPurposes");
        ObjectNode filing = s.putObject("filing").put("number", FILING_NUMBER);
        String cert = primarySigner(facts);
        if (cert != null) {
            filing.put("certSha256", cert);
        }
        s.put("submittedAt", "2026-01-01T00:00:00Z");
        return s;
    }

    /** An unchanged history: first upload, nothing accepted before, no key change registered. */
    public static ObjectNode firstUploadHistory(ObjectMapper mapper) {
        ObjectNode h = mapper.createObjectNode();
        h.putNull("lastAccepted");
        h.put("keyChangeRegistered", false);
        return h;
    }

    private static String primarySigner(JsonNode facts) {
        for (JsonNode signer : facts.path("signing").path("signers")) {
            if (signer.path("primary").asBoolean(false) && signer.hasNonNull("certSha256")) {
                return signer.path("certSha256").asText();
            }
        }
        return null;
    }
}
