package com.admissiongate.console;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An upload against the package's last accepted version, from the two stored Facts documents and submissions:
 * permissions, SDKs, personal-information access, signer, privacy policy. Each aspect lists what was added and
 * removed, which is what a reviewer checks before trusting an update.
 */
public record VersionDiff(String baseUploadId, long baseVersionCode, List<Aspect> aspects) {

    /** {@code kept} lists what stayed the same when that is short (a signer, a policy), else it is empty. */
    public record Aspect(String key, List<String> added, List<String> removed, int unchanged, List<String> kept) {
        public boolean changed() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    static VersionDiff between(String baseUploadId, long baseVersionCode, JsonNode baseFacts, JsonNode baseSubmission,
                               JsonNode facts, JsonNode submission) {
        List<Aspect> aspects = new ArrayList<>();
        aspects.add(aspect("permissions", permissions(baseFacts), permissions(facts)));
        aspects.add(aspect("sdks", sdks(baseFacts), sdks(facts)));
        aspects.add(aspect("pi", piAccess(baseFacts), piAccess(facts)));
        aspects.add(aspect("signer", signers(baseFacts), signers(facts)));
        aspects.add(aspect("policy", policy(baseFacts, baseSubmission), policy(facts, submission)));
        return new VersionDiff(baseUploadId, baseVersionCode, aspects);
    }

    static Aspect aspect(String key, Set<String> before, Set<String> after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int same = 0;
        for (String a : after) {
            if (before.contains(a)) {
                same++;
                kept.add(a);
            } else {
                added.add(a);
            }
        }
        for (String b : before) {
            if (!after.contains(b)) {
                removed.add(b);
            }
        }
        return new Aspect(key, added, removed, same, kept.size() <= 3 ? kept : List.of());
    }

    static Set<String> permissions(JsonNode facts) {
        Set<String> s = new TreeSet<>();
        facts.path("manifest").path("permissions").forEach(p -> s.add(p.path("name").asText()));
        return s;
    }

    static Set<String> sdks(JsonNode facts) {
        Set<String> s = new TreeSet<>();
        facts.path("sdks").forEach(x -> {
            if (x.path("present").asBoolean(true)) {
                s.add(x.path("id").asText() + (x.path("name").isTextual() ? " (" + x.path("name").asText() + ")" : ""));
            }
        });
        return s;
    }

    /** PI type and who reaches it: the same type newly read by an SDK is a change even if the app read it before. */
    static Set<String> piAccess(JsonNode facts) {
        Set<String> s = new TreeSet<>();
        facts.path("piAccess").forEach(a -> s.add(a.path("piType").asText() + " ← " + a.path("attributedTo").asText("app")
                + (a.path("via").isTextual() ? " (" + a.path("via").asText() + ")" : "")));
        return s;
    }

    static Set<String> signers(JsonNode facts) {
        Set<String> s = new TreeSet<>();
        facts.path("signing").path("signers").forEach(x -> s.add(x.path("certSha256").asText()
                + (x.path("subject").isTextual() ? " " + x.path("subject").asText() : "")));
        return s;
    }

    /** The policy's content hash when the analysis recorded one, else the URL the developer submitted. */
    static Set<String> policy(JsonNode facts, JsonNode submission) {
        Set<String> s = new TreeSet<>();
        JsonNode hash = facts.path("privacyPolicy").path("sha256");
        if (hash.isTextual()) {
            s.add("sha256 " + hash.asText());
        } else if (submission != null && submission.path("privacyPolicy").path("url").isTextual()) {
            s.add(submission.path("privacyPolicy").path("url").asText());
        }
        return s;
    }
}
