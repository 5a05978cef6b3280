package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who the report is about, read from the Facts document: what a store operator and the developer use to be sure
 * they are talking about the same binary. Every field may be null when the analysis did not get that far.
 */
public record AppIdentity(
        String name,
        String packageName,
        Long versionCode,
        String versionName,
        String sha256,
        Long size,
        String signerSha256) {

    public static AppIdentity of(Assessment a) {
        JsonNode facts = a.facts();
        if (facts == null || facts.isMissingNode() || facts.isNull()) {
            return new AppIdentity(null, null, null, null, null, null, a.signerSha256());
        }
        JsonNode manifest = facts.path("manifest");
        String label = text(facts.path("resources").path("appLabel"));
        if (label == null) {
            label = text(manifest.path("application").path("label"));
        }
        return new AppIdentity(label, text(manifest.path("package")), number(manifest.path("versionCode")),
                text(manifest.path("versionName")), text(facts.path("sha256")), number(facts.path("size")),
                a.signerSha256());
    }

    /** "1.2.3 (45)", or whichever half is known. */
    public String versionLabel() {
        if (versionName == null && versionCode == null) {
            return null;
        }
        if (versionName == null) {
            return "(" + versionCode + ")";
        }
        return versionCode == null ? versionName : versionName + " (" + versionCode + ")";
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private static Long number(JsonNode n) {
        return n.isIntegralNumber() ? n.asLong() : null;
    }
}
