package com.admissiongate.verdict;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verdict search for operators, newest first, with keyset pagination on (decided_at desc, id desc). Each filter maps
 * to an index of V3 (package / developer / decision composite indexes ending in the keyset columns, the partial
 * minors index, the jsonb_path_ops GIN index for rule ids), so a page costs an index range scan at any table size.
 */
@ApplicationScoped
public class VerdictSearch {

    /** Filters; null means "any". {@code from} inclusive, {@code to} exclusive. */
    public record Query(String packageName, String developerId, String decision, String ruleId, Instant from,
                        Instant to, Boolean minorsTargeted, int limit, Keyset after) {
    }

    public record Page(List<Verdict> items, Keyset next) {
    }

    private final ObjectMapper mapper;

    public VerdictSearch(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Page> search(Query q) {
        StringBuilder sql = new StringBuilder("select id from verdict where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.packageName() != null) {
            sql.append(" and package_name = :pkg");
            params.put("pkg", q.packageName());
        }
        if (q.developerId() != null) {
            sql.append(" and developer_id = :dev");
            params.put("dev", q.developerId());
        }
        if (q.decision() != null) {
            sql.append(" and decision = :dec");
            params.put("dec", q.decision());
        }
        if (q.ruleId() != null) {
            sql.append(" and findings @> cast(cast(:rule as text) as jsonb)");
            params.put("rule", mapper.createArrayNode().add(mapper.createObjectNode().put("ruleId", q.ruleId())).toString());
        }
        if (q.minorsTargeted() != null) {
            sql.append(q.minorsTargeted() ? " and minors_targeted" : " and not minors_targeted");
        }
        if (q.from() != null) {
            sql.append(" and decided_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            sql.append(" and decided_at < :to");
            params.put("to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.after() != null) {
            sql.append(" and (decided_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", OffsetDateTime.ofInstant(q.after().at(), ZoneOffset.UTC));
            params.put("afterId", q.after().id());
        }
        // one extra row tells whether another page exists
        sql.append(" order by decided_at desc, id desc limit ").append(q.limit() + 1);
        return Panache.withSession(() -> Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString(), Long.class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).chain(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().item(new Page(List.of(), null));
            }
            boolean more = ids.size() > q.limit();
            List<Long> page = more ? ids.subList(0, q.limit()) : ids;
            return Verdict.<Verdict>list("id in ?1", new ArrayList<>(page)).map(rows -> {
                List<Verdict> sorted = new ArrayList<>(rows);
                sorted.sort(Comparator.comparing((Verdict v) -> v.decidedAt).thenComparing(v -> v.id).reversed());
                Verdict last = sorted.get(sorted.size() - 1);
                return new Page(sorted, more ? new Keyset(last.decidedAt, last.id) : null);
            });
        }));
    }

    /** Revisions of one upload, oldest first; empty when the upload has no verdict. */
    public Uni<List<VerdictRevision>> revisions(String uploadId) {
        return Panache.withSession(() -> VerdictRevision.<VerdictRevision>list("uploadId = ?1 order by revision", uploadId));
    }
}
