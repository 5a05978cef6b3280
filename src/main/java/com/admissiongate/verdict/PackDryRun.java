package com.admissiongate.verdict;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.policy.RulePack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the decisions of the last N verdicts would change under a candidate pack, computed from their stored Facts
 * and submissions with the package's current history; nothing is written and nothing is published. Verdicts
 * without stored Facts (binary never analysed) are counted as skipped.
 */
@ApplicationScoped
public class PackDryRun {

    public record Change(String uploadId, String packageName, String from, String to, List<String> added,
                         List<String> resolved) {
    }

    public record Report(String version, int evaluated, int skipped, int unchanged, int changed,
                         Map<String, Integer> transitions, List<Change> changes) {
    }

    private record Row(String uploadId, String packageName, String decision, JsonNode findings, JsonNode submission,
                       JsonNode facts) {
    }

    private final HistoryService history;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public PackDryRun(HistoryService history, ObjectMapper mapper, Vertx vertx) {
        this.history = history;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    public Uni<Report> run(PolicyAssessor current, RulePack candidate, int last) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select v.upload_id, v.package_name, v.decision, v.findings::text, v.submission::text, "
                                + FactsStore.documentTextOf("f", "v.upload_id")
                                + " from verdict v left join facts f on f.sha256 = v.sha256 "
                                + "and f.analyzer_version = v.analyzer_version "
                                + "order by v.decided_at desc, v.id desc limit :n", Object[].class)
                .setParameter("n", last).getResultList())
                .map(this::rows)
                .chain(rows -> histories(rows).map(h -> Map.entry(rows, h))))
                .chain(in -> vertx.executeBlocking(Uni.createFrom().item(() ->
                        evaluate(current.withPack(candidate), candidate.version(), in.getKey(), in.getValue()))));
    }

    private List<Row> rows(List<Object[]> raw) {
        List<Row> rows = new ArrayList<>();
        for (Object[] r : raw) {
            rows.add(new Row((String) r[0], (String) r[1], (String) r[2], read((String) r[3]), read((String) r[4]),
                    r[5] == null ? null : read((String) r[5])));
        }
        return rows;
    }

    /**
     * History per upload, keyed by upload id: one query set per package, plus one for each upload that is itself its
     * package's last ACCEPTed version (it must not be its own continuity reference). Sequential: one session.
     */
    private Uni<Map<String, JsonNode>> histories(List<Row> rows) {
        Set<String> packages = new LinkedHashSet<>();
        rows.forEach(r -> packages.add(r.packageName()));
        Map<String, JsonNode> byPackage = new HashMap<>();
        Map<String, JsonNode> out = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String p : packages) {
            chain = chain.chain(() -> history.forPackage(p).invoke(h -> byPackage.put(p, h)).replaceWithVoid());
        }
        for (Row r : rows) {
            chain = chain.chain(() -> {
                JsonNode h = byPackage.get(r.packageName());
                if (!r.uploadId().equals(h.path("lastAccepted").path("uploadId").asText(null))) {
                    out.put(r.uploadId(), h);
                    return Uni.createFrom().voidItem();
                }
                return history.forPackage(r.packageName(), r.uploadId()).invoke(x -> out.put(r.uploadId(), x)).replaceWithVoid();
            });
        }
        return chain.replaceWith(out);
    }

    private Report evaluate(PolicyAssessor assessor, String version, List<Row> rows, Map<String, JsonNode> histories) {
        int skipped = 0;
        int unchanged = 0;
        Map<String, Integer> transitions = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        for (Row r : rows) {
            if (r.facts() == null) {
                skipped++;
                continue;
            }
            Assessment a = assessor.evaluate(r.facts(), r.submission(), histories.get(r.uploadId()));
            FindingsDiff diff = FindingsDiff.between(r.decision(), r.findings(), a.decision().name(),
                    mapper.valueToTree(a.findings()));
            if (diff.isEmpty()) {
                unchanged++;
                continue;
            }
            transitions.merge(r.decision() + "->" + a.decision().name(), 1, Integer::sum);
            changes.add(new Change(r.uploadId(), r.packageName(), r.decision(), a.decision().name(), diff.added(),
                    diff.resolved()));
        }
        return new Report(version, rows.size() - skipped, skipped, unchanged, changes.size(), transitions, changes);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
