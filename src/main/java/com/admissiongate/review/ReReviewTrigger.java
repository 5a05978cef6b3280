package com.admissiongate.review;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * An operator's re-review request, shared by the API ({@code POST /api/v1/re-reviews}) and the console: the audit
 * entry and the RUNNING run are committed before the answer, the run itself continues in the background.
 */
@ApplicationScoped
public class ReReviewTrigger {

    private final ReReviewer reviewer;
    private final AuditLog audit;
    private final Clock clock;

    public ReReviewTrigger(ReReviewer reviewer, AuditLog audit, Clock clock) {
        this.reviewer = reviewer;
        this.audit = audit;
        this.clock = clock;
    }

    /** Emits the new run (state RUNNING); follow it with {@link ReReviewRuns#find}. */
    public Uni<ReReviewProgress> start(ReReviewScope scope, String actor, String reason) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> audit.append(actor, AuditAction.RE_REVIEW_TRIGGER, target(scope), reason,
                        null, scope, now))
                .chain(() -> reviewer.create("OPERATOR", scope, actor, null, now))
                .invoke(run -> reviewer.inBackground(() -> reviewer.execute(run.id(), "OPERATOR", scope, now)));
    }

    static String target(ReReviewScope s) {
        if (s.packageName() != null) {
            return "package:" + s.packageName();
        }
        return s.developerId() != null ? "developer:" + s.developerId() : "listings:query";
    }
}
