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
    private final FactsStore facts;

    public HistoryService(ObjectMapper mapper, FactsStore facts) {
        this.mapper = mapper;
        this.facts = facts;
    }

    public Uni<JsonNode> forPackage(String packageName) {
        return forPackage(packageName, null);
    }

    /**
     * The history an already decided upload is re-judged against (re-scan, dry run): as {@link #forPackage(String)}
     * but never the upload itself, or an ACCEPTed upload would be its own continuity reference.
     */
    public Uni<JsonNode> forPackage(String packageName, String excludingUploadId) {
        return Panache.withSession(() -> (excludingUploadId == null
                ? Verdict.<Verdict>find("packageName = ?1 and decision = 'ACCEPT' order by versionCode desc, decidedAt desc",
                        packageName)
                : Verdict.<Verdict>find("packageName = ?1 and decision = 'ACCEPT' and uploadId <> ?2 "
                        + "order by versionCode desc, decidedAt desc", packageName, excludingUploadId))
                .firstResult()
                .chain(v -> (v == null ? Uni.createFrom().item(toHistory(null, null))
                        : facts.of(v).map(f -> toHistory(v, f)))
                        .chain(h -> withKeyChanges(h, packageName, v))
                        .chain(h -> excludingUploadId == null ? Uni.createFrom().item(h)
                                : withPolicySharesOf(h, excludingUploadId))));
    }

    /** How many other developers' policies {@code history.policySharedWithOtherDevelopers} names as evidence. */
    static final int SHARED_POLICY_EVIDENCE = 5;

    /**
     * {@code history.policySharedWithOtherDevelopers = {count, developerIds}} (MP-1): other developers that uploaded
     * a byte-identical policy (same sha256, table policy_upload) before. For a fresh upload (not recorded yet).
     */
    public Uni<JsonNode> withPolicyShares(JsonNode history, String policySha256, String developerId) {
        if (policySha256 == null || developerId == null) {
            return Uni.createFrom().item(history);
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select developer_id from policy_upload where policy_sha256 = :h and developer_id is not null"
                                + " and developer_id <> :dev group by developer_id order by min(recorded_at), developer_id"
                                + " limit 1000", String.class)
                .setParameter("h", policySha256).setParameter("dev", developerId).getResultList()))
                .map(devs -> putShares(history, devs));
    }

    /**
     * FROM … GROUP BY of the other developers ({@code o.developer_id}, first upload {@code min(o.recorded_at)}) that
     * had uploaded the same policy as upload {@code uploadIdSql} (a parameter or a column) before it was recorded.
     * Shared by re-scans here and the re-review's page query (ReReviewSelector).
     */
    public static String earlierPolicySharers(String uploadIdSql) {
        return " from policy_upload o join policy_upload me on me.upload_id = " + uploadIdSql
                + " where o.policy_sha256 = me.policy_sha256 and o.developer_id is not null"
                + " and me.developer_id is not null and o.developer_id <> me.developer_id"
                + " and o.recorded_at < me.recorded_at group by o.developer_id";
    }

    /**
     * As {@link #withPolicyShares} for an upload judged again (re-scan, dry run): the developers that had uploaded
     * the same policy before that upload was recorded, so a later copier does not change the original's verdict.
     */
    private Uni<JsonNode> withPolicySharesOf(JsonNode history, String uploadId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select o.developer_id" + earlierPolicySharers(":up")
                                + " order by min(o.recorded_at), o.developer_id limit 1000", String.class)
                .setParameter("up", uploadId).getResultList())
                .map(devs -> putShares(history, devs));
    }

    /** Sets {@code history.policySharedWithOtherDevelopers} from the other developers, first uploader first. */
    public static JsonNode putShares(JsonNode history, java.util.List<String> developers) {
        ObjectNode shared = ((ObjectNode) history).putObject("policySharedWithOtherDevelopers");
        shared.put("count", developers.size());
        var ids = shared.putArray("developerIds");
        developers.stream().limit(SHARED_POLICY_EVIDENCE).forEach(ids::add);
        return history;
    }

    /**
     * Certificates an operator registered as the package's new signing key since its last ACCEPTed upload
     * ({@code history.registeredKeyChanges}). Once an upload signed by one is accepted, it is the listed signer and
     * the registration has served its purpose. The assessor turns a match with the upload's signer into
     * {@code keyChangeRegistered = true}.
     */
    private Uni<JsonNode> withKeyChanges(JsonNode history, String packageName, Verdict lastAccepted) {
        String sql = "select new_cert_sha256 from signing_key_change where package_name = :pkg"
                + (lastAccepted == null ? "" : " and registered_at > :since") + " order by registered_at";
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, String.class).setParameter("pkg", packageName);
            if (lastAccepted != null) {
                q.setParameter("since", lastAccepted.decidedAt);
            }
            return q.getResultList();
        }).map(certs -> {
            var arr = ((ObjectNode) history).putArray("registeredKeyChanges");
            certs.forEach(arr::add);
            return history;
        });
    }

    /**
     * The continuity store is the verdict history itself: the signer set, lineage, permissions and SDKs of the last
     * ACCEPTed version come from that version's stored Facts, so they change only on ACCEPT.
     */
    public JsonNode toHistory(Verdict lastAccepted, JsonNode facts) {
        ObjectNode h = mapper.createObjectNode();
        h.put("keyChangeRegistered", false);
        if (lastAccepted == null) {
            h.putNull("lastAccepted");
            return h;
        }
        ObjectNode last = h.putObject("lastAccepted");
        last.put("uploadId", lastAccepted.uploadId).put("versionCode", lastAccepted.versionCode)
                .put("sha256", lastAccepted.sha256);
        var signers = last.putArray("signerCertSha256");
        var lineage = last.putArray("lineageCertSha256");
        var perms = last.putArray("permissions");
        var sdks = last.putArray("sdks");
        last.putNull("policyHash");
        if (facts != null) {
            // the policy read with the accepted version (RD191-2.2: scope grew but the policy did not change)
            JsonNode policyHash = facts.path("privacyPolicy").path("sha256");
            if (policyHash.isTextual()) {
                last.put("policyHash", policyHash.asText());
            }
            facts.path("signing").path("signers").forEach(x -> signers.add(x.path("certSha256").asText()));
            facts.path("signing").path("lineage").forEach(x -> lineage.add(x.path("certSha256").asText()));
            facts.path("manifest").path("permissions").forEach(x -> perms.add(x.path("name").asText()));
            facts.path("sdks").forEach(x -> {
                if (x.path("present").asBoolean(true)) {
                    sdks.add(x.path("id").asText());
                }
            });
        } else if (lastAccepted.signerSha256 != null) {
            signers.add(lastAccepted.signerSha256);
        }
        return h;
    }
}
