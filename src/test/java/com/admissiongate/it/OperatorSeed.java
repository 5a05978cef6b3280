package com.admissiongate.it;

import com.admissiongate.verdict.Verdict;
import com.admissiongate.verdict.VerdictRevision;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Verdict rows written straight into the real Postgres, for operator-API tests that need many verdicts with chosen
 * fields (search filters, paging) or a fresh verdict per call (overrides in the auth matrix). Decisions through the
 * pipeline are covered by PipelineTests.
 */
final class OperatorSeed {

    private OperatorSeed() {
    }

    static String findings(String... ruleIds) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ruleIds.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"ruleId\":\"").append(ruleIds[i])
                    .append("\",\"outcome\":\"RECTIFY\",\"severity\":\"medium\",\"message\":{\"zh\":\"测试\",\"en\":\"test\"}}");
        }
        return sb.append("]").toString();
    }

    static Verdict verdict(String pkg, String developer, String decision, boolean minors, Instant decidedAt,
                           String... ruleIds) throws Throwable {
        Verdict v = new Verdict();
        v.uploadId = "seed-" + UUID.randomUUID();
        v.packageName = pkg;
        v.versionCode = 1;
        v.sha256 = "0".repeat(64);
        v.developerId = developer;
        v.appType = "实用工具类";
        v.minorsTargeted = minors;
        v.decision = decision;
        v.rectifyBy = decision.equals("RECTIFY") ? LocalDate.now().plusDays(30) : null;
        v.reason = "UPLOAD";
        v.rulePackVersion = "cn-app-pi@seed";
        v.analyzerVersion = "seed";
        v.findings = findings(ruleIds);
        v.submission = "{\"uploadId\":\"" + v.uploadId + "\",\"package\":\"" + pkg + "\"}";
        v.decidedAt = decidedAt;
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                v.<Verdict>persist().call(() -> VerdictRevisionsSeed.first(v))));
    }

    /** Revision 1, as VerdictService writes it with every upload decision. */
    static final class VerdictRevisionsSeed {
        static io.smallrye.mutiny.Uni<VerdictRevision> first(Verdict v) {
            VerdictRevision r = new VerdictRevision();
            r.uploadId = v.uploadId;
            r.revision = 1;
            r.decision = v.decision;
            r.rectifyBy = v.rectifyBy;
            r.reason = v.reason;
            r.rulePackVersion = v.rulePackVersion;
            r.findings = v.findings;
            r.decidedAt = v.decidedAt;
            return r.persist();
        }
    }
}
