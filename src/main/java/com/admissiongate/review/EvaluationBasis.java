package com.admissiongate.review;

import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.PackActivated;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RuleShapes;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code rule_pack_basis} rows (V8): which rules, engine and operator overrides judged the verdicts of each pack
 * version. This replica records the pack it serves at start-up, on every activation and before every re-review run;
 * a re-review reads them all once ({@link #usable}) to know whose stored results it may reuse ({@link ReusePlan}).
 */
@ApplicationScoped
public class EvaluationBasis {

    private static final Logger LOG = Logger.getLogger(EvaluationBasis.class);
    private static final TypeReference<LinkedHashMap<String, String>> DIGESTS = new TypeReference<>() {
    };

    private final Pool pool;
    private final Assessor assessor;
    private final ObjectMapper mapper;
    private final Clock clock;

    public EvaluationBasis(Pool pool, Assessor assessor, ObjectMapper mapper, Clock clock) {
        this.pool = pool;
        this.assessor = assessor;
        this.mapper = mapper;
        this.clock = clock;
    }

    private PolicyAssessor current() {
        Object a = ClientProxy.unwrap(assessor);
        return a instanceof PolicyAssessor p ? p : null;
    }

    void onStart(@Observes StartupEvent e) {
        recordServingInBackground();
    }

    void onPackActivated(@Observes PackActivated e) {
        recordServingInBackground();
    }

    private void recordServingInBackground() {
        recordServing().onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(20)
                .subscribe().with(x -> { }, err -> LOG.warnf(err, "could not record the rule pack basis"));
    }

    /** Records the pack this replica evaluates with now (idempotent). */
    public Uni<Void> recordServing() {
        PolicyAssessor pa = current();
        if (pa == null) {
            return Uni.createFrom().voidItem();
        }
        return record(pa.pack(), pa.overridesDigest());
    }

    Uni<Void> record(RulePack pack, String overridesDigest) {
        String digests;
        try {
            digests = mapper.writeValueAsString(RuleShapes.digests(pack));
        } catch (IOException e) {
            return Uni.createFrom().failure(e);
        }
        return pool.preparedQuery("insert into rule_pack_basis (pack_version, engine, overrides_sha256, rule_digests, "
                        + "recorded_at) values ($1, $2, $3, $4, $5) on conflict do nothing")
                .execute(Tuple.of(pack.version(), RuleShapes.ENGINE, overridesDigest, digests,
                        clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** A pack whose verdicts may be reused: its rule digests, and since when a replica recorded serving it. */
    public record Usable(Map<String, String> digests, java.time.Instant since) {
    }

    /**
     * Pack version → basis, for every pack whose verdicts may be reused now: exactly one basis row for that version,
     * naming the engine and the overrides in force on this replica. A pack some replica served with other overrides
     * (or an older engine) is left out: its verdicts are evaluated in full. So is any verdict decided before
     * {@link Usable#since} (the caller checks): a replica older than this table judged it, with whatever engine it had.
     */
    public Uni<Map<String, Usable>> usable(String overridesDigest) {
        return pool.query("select pack_version, engine, overrides_sha256, rule_digests, recorded_at from rule_pack_basis")
                .execute().map(rows -> {
                    Map<String, Integer> count = new HashMap<>();
                    Map<String, Usable> out = new HashMap<>();
                    for (Row r : rows) {
                        String version = r.getString(0);
                        count.merge(version, 1, Integer::sum);
                        if (RuleShapes.ENGINE.equals(r.getString(1)) && overridesDigest.equals(r.getString(2))) {
                            try {
                                out.put(version, new Usable(mapper.readValue(r.getString(3), DIGESTS),
                                        r.getOffsetDateTime(4).toInstant()));
                            } catch (IOException e) {
                                LOG.warnf("rule_pack_basis of %s is not readable: %s", version, e.toString());
                            }
                        }
                    }
                    out.keySet().removeIf(v -> count.get(v) != 1);
                    return out;
                });
    }
}
