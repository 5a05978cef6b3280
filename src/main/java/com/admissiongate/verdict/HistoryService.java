package com.admissiongate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The package's history as the rule pack's `history` variable sees it: the last ACCEPTed version (signer,
 * permissions, SDKs) so rules can check continuity. Built from stored verdicts and facts.
 */
@ApplicationScoped
public class HistoryService {

    private final ObjectMapper mapper;

    public HistoryService(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<JsonNode> forPackage(String packageName) {
        return Panache.withSession(() -> Verdict.<Verdict>find(
                        "packageName = ?1 and decision = 'ACCEPT' order by versionCode desc, decidedAt desc", packageName)
                .firstResult())
                .map(this::toHistory);
    }

    JsonNode toHistory(Verdict lastAccepted) {
        ObjectNode h = mapper.createObjectNode();
        h.put("keyChangeRegistered", false);
        if (lastAccepted == null) {
            h.putNull("lastAccepted");
            return h;
        }
        ObjectNode last = h.putObject("lastAccepted");
        last.put("uploadId", lastAccepted.uploadId).put("versionCode", lastAccepted.versionCode)
                .put("sha256", lastAccepted.sha256);
        last.putArray("signerCertSha256");
        if (lastAccepted.signerSha256 != null) {
            last.withArray("signerCertSha256").add(lastAccepted.signerSha256);
        }
        last.putArray("lineageCertSha256");
        last.putArray("permissions");
        last.putArray("sdks");
        last.putNull("policyHash");
        return h;
    }
}
