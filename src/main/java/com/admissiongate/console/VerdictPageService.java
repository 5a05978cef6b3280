package com.admissiongate.console;

import com.admissiongate.report.RuleGroups;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a verdict with its stored Facts, revisions and audit entries (four indexed lookups, run together) and shapes
 * them for the page language. The verdict row is the current decision; revisions are every decision ever published.
 */
@ApplicationScoped
public class VerdictPageService {

    private static final String VERDICT = "select upload_id, package_name, version_code, sha256, developer_id, app_type,"
            + " minors_targeted, decision, rectify_by, rule_pack_version, analyzer_version, signer_sha256,"
            + " findings::text as findings, submission::text as submission, decided_at, revision, overridden_by"
            + " from verdict where upload_id = $1";

    /** A stored verdict row with its JSON columns parsed. */
    record Stored(Row row, JsonNode findings, JsonNode submission) {
    }

    private final Pool pool;
    private final ObjectMapper mapper;

    public VerdictPageService(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** Null item when the upload has no verdict. */
    public Uni<VerdictDetails> details(String uploadId, String lang, LocalDate today) {
        return verdict(uploadId).chain(v -> {
            if (v == null) {
                return Uni.createFrom().nullItem();
            }
            Uni<JsonNode> facts = facts(uploadId, v.row().getString("sha256"), v.row().getString("analyzer_version"));
            Uni<List<VerdictDetails.RevisionLine>> revisions = revisions(uploadId);
            Uni<List<VerdictDetails.AuditLine>> audit = audit(uploadId);
            return Uni.combine().all().unis(facts, revisions, audit)
                    .with((f, r, a) -> assemble(v, f, r, a, lang, today));
        });
    }

    Uni<Stored> verdict(String uploadId) {
        return pool.preparedQuery(VERDICT).execute(Tuple.of(uploadId)).map(rows -> {
            Row r = ConsoleQueries.first(rows);
            return r == null ? null : new Stored(r, read(r.getString("findings")), read(r.getString("submission")));
        });
    }

    /**
     * The stored Facts of an upload (its own privacy policy in place, FactsStore), or a missing node when the
     * analysis was never stored (e.g. the binary could not be fetched).
     */
    Uni<JsonNode> facts(String uploadId, String sha256, String analyzerVersion) {
        return pool.preparedQuery("select " + com.admissiongate.verdict.FactsStore.documentTextOf("f", "$3")
                        + " from facts f where f.sha256 = $1 and f.analyzer_version = $2")
                .execute(Tuple.of(sha256, analyzerVersion, uploadId)).map(rows -> {
                    Row r = ConsoleQueries.first(rows);
                    return r == null ? MissingNode.getInstance() : read(r.getString(0));
                });
    }

    /** The last accepted upload of the package other than this one, at or below its version code; null if none. */
    Uni<Stored> lastAccepted(String packageName, long versionCode, String uploadId) {
        return pool.preparedQuery("select upload_id, version_code, sha256, analyzer_version, '[]' as findings,"
                        + " submission::text as submission from verdict where package_name = $1 and decision = 'ACCEPT'"
                        + " and version_code <= $2 and upload_id <> $3 order by version_code desc, decided_at desc limit 1")
                .execute(Tuple.of(packageName, versionCode, uploadId)).map(rows -> {
                    Row r = ConsoleQueries.first(rows);
                    return r == null ? null : new Stored(r, null, read(r.getString("submission")));
                });
    }

    private Uni<List<VerdictDetails.RevisionLine>> revisions(String uploadId) {
        return pool.preparedQuery("select revision, decision, rectify_by, reason, rule_pack_version, changes::text as changes,"
                        + " overridden_by, decided_at from verdict_revision where upload_id = $1 order by revision desc")
                .execute(Tuple.of(uploadId)).map(rows -> {
                    List<VerdictDetails.RevisionLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new VerdictDetails.RevisionLine(r.getInteger("revision"), r.getString("decision"),
                                r.getLocalDate("rectify_by"), r.getString("reason"), r.getString("rule_pack_version"),
                                r.getString("overridden_by"), time(r.getOffsetDateTime("decided_at")),
                                changes(r.getString("changes"))));
                    }
                    return out;
                });
    }

    private Uni<List<VerdictDetails.AuditLine>> audit(String uploadId) {
        return pool.preparedQuery("select id, at, actor, action, reason, before::text as before, after::text as after"
                        + " from audit_log where target = $1 order by id desc limit 100")
                .execute(Tuple.of("upload:" + uploadId)).map(rows -> {
                    List<VerdictDetails.AuditLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new VerdictDetails.AuditLine(r.getLong("id"), time(r.getOffsetDateTime("at")),
                                r.getString("actor"), r.getString("action"), r.getString("reason"),
                                r.getString("before"), r.getString("after")));
                    }
                    return out;
                });
    }

    private VerdictDetails assemble(Stored v, JsonNode facts, List<VerdictDetails.RevisionLine> revisions,
                                    List<VerdictDetails.AuditLine> audit, String lang, LocalDate today) {
        Row r = v.row();
        JsonNode sub = v.submission();
        JsonNode signer = facts.path("signing").path("signers").path(0);
        LocalDate rectifyBy = r.getLocalDate("rectify_by");
        Map<String, List<VerdictDetails.FindingLine>> byGroup = new LinkedHashMap<>();
        Map<String, RuleGroups.Group> groups = new LinkedHashMap<>();
        List<String> open = new ArrayList<>();
        for (JsonNode f : v.findings()) {
            String ruleId = f.path("ruleId").asText();
            RuleGroups.Group g = RuleGroups.of(ruleId);
            groups.put(g.key(), g);
            byGroup.computeIfAbsent(g.key(), k -> new ArrayList<>()).add(finding(f, lang));
            if (!f.has("waived")) {
                open.add(ruleId);
            }
        }
        boolean zh = "zh".equals(lang);
        List<VerdictDetails.Group> grouped = groups.values().stream().sorted(Comparator.comparingInt(RuleGroups.Group::order))
                .map(g -> new VerdictDetails.Group(g.key(), zh ? g.titleZh() : g.titleEn(), zh ? g.areaZh() : g.areaEn(),
                        byGroup.get(g.key())))
                .toList();
        return new VerdictDetails(r.getString("upload_id"), r.getString("package_name"), r.getLong("version_code"),
                text(facts.path("manifest").path("versionName")),
                text(facts.path("manifest").path("application").path("label")),
                text(sub.path("appName")),
                r.getString("developer_id") + (sub.path("developer").path("name").isTextual()
                        ? " · " + sub.path("developer").path("name").asText() : ""),
                r.getString("app_type"), r.getBoolean("minors_targeted"), r.getString("signer_sha256"),
                text(signer.path("subject")), text(sub.path("filing").path("number")), r.getString("sha256"),
                r.getString("rule_pack_version"), r.getString("analyzer_version"), r.getString("decision"), rectifyBy,
                rectifyBy == null ? null : ChronoUnit.DAYS.between(today, rectifyBy), r.getInteger("revision"),
                r.getString("overridden_by"), time(r.getOffsetDateTime("decided_at")), grouped, open, revisions, audit);
    }

    private VerdictDetails.FindingLine finding(JsonNode f, String lang) {
        List<String> basis = new ArrayList<>();
        f.path("basis").forEach(b -> basis.add((b.path("instrument").asText() + " " + b.path("clause").asText("")).strip()));
        List<EvidenceView> evidence = new ArrayList<>();
        List<Object> items = mapper.convertValue(f.path("evidence"), new TypeReference<List<Object>>() { });
        if (items != null) {
            items.forEach(e -> evidence.add(EvidenceView.of(e)));
        }
        JsonNode waived = f.path("waived");
        return new VerdictDetails.FindingLine(f.path("ruleId").asText(), f.path("outcome").asText(),
                f.path("severity").asText(), localized(f.path("title"), lang), basis, localized(f.path("message"), lang),
                evidence, localized(f.path("fix"), lang), text(waived.path("by")), text(waived.path("reason")));
    }

    static String localized(JsonNode text, String lang) {
        JsonNode v = text.path(lang);
        return v.isTextual() ? v.asText() : text.path("zh".equals(lang) ? "en" : "zh").asText("");
    }

    /** {@code RECTIFY → ACCEPT; + SDK-04; − META-02} from the revision's FindingsDiff. */
    private String changes(String json) {
        if (json == null) {
            return null;
        }
        JsonNode d = read(json);
        StringBuilder b = new StringBuilder();
        if (!d.path("previousDecision").asText().equals(d.path("decision").asText())) {
            b.append(d.path("previousDecision").asText()).append(" → ").append(d.path("decision").asText());
        }
        d.path("added").forEach(x -> b.append(b.isEmpty() ? "" : "; ").append("+ ").append(x.asText()));
        d.path("resolved").forEach(x -> b.append(b.isEmpty() ? "" : "; ").append("− ").append(x.asText()));
        return b.toString();
    }

    static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : n.isNumber() ? n.asText() : null;
    }

    static String time(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)
                .toString().replace('T', ' ') + " UTC";
    }

    JsonNode read(String json) {
        try {
            return json == null ? MissingNode.getInstance() : mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is not valid", e);
        }
    }
}
