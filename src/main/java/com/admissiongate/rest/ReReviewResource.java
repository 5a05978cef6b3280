package com.admissiongate.rest;

import com.admissiongate.ingest.Listing;
import com.admissiongate.review.ReReviewProgress;
import com.admissiongate.review.ReReviewRuns;
import com.admissiongate.review.ReReviewScope;
import com.admissiongate.review.ReReviewTrigger;
import com.admissiongate.verdict.Verdict;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Operator re-reviews (admin starts them, any operator role follows their progress) and the listing state the
 * store reported (contracts/openapi.yaml).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReReviewResource {

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");
    private static final Set<String> DECISIONS = Set.of("ACCEPT", "REJECT", "RECTIFY");

    /** What to re-review: one app, one developer's listed apps, or every listed app matching {@code query}. */
    public record ReReviewRequest(@JsonProperty("package") String packageName, String developer, Query query,
                                  String reason) {
    }

    /** Filters over the listed apps' current verdicts; an empty query selects every listed app. */
    public record Query(String appType, String decision, String rulePackVersion, Boolean minorsTargeted) {
    }

    public record ListingView(@JsonProperty("package") String packageName, long versionCode, String sha256,
                              String state, Instant at, Instant updatedAt, ListedVerdict verdict) {
    }

    /** The verdict of the listed binary (null when the gate never decided it). */
    public record ListedVerdict(String uploadId, String decision, LocalDate rectifyBy, String reason, int revision,
                                String rulePackVersion, Instant decidedAt) {
    }

    private final ReReviewTrigger trigger;
    private final ReReviewRuns runs;
    private final SecurityIdentity identity;

    public ReReviewResource(ReReviewTrigger trigger, ReReviewRuns runs, SecurityIdentity identity) {
        this.trigger = trigger;
        this.runs = runs;
        this.identity = identity;
    }

    @POST
    @Path("/re-reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> start(ReReviewRequest req) {
        ReReviewScope scope = scope(req);
        String actor = identity.getPrincipal().getName();
        String reason = req.reason() == null || req.reason().isBlank() ? "operator re-review" : req.reason().strip();
        if (reason.length() > 2000) {
            throw new ProblemException(400, "INVALID_REASON", "reason is limited to 2000 characters");
        }
        return trigger.start(scope, actor, reason)
                .map(run -> Response.accepted(run).header("Location", "/api/v1/re-reviews/" + run.id()).build());
    }

    @GET
    @Path("/re-reviews/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
    public Uni<ReReviewProgress> progress(@PathParam("id") String id) {
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "INVALID_RUN_ID", "a re-review id is a UUID");
        }
        return runs.find(runId).map(p -> {
            if (p == null) {
                throw new ProblemException(404, "RE_REVIEW_NOT_FOUND", "no re-review " + id);
            }
            return p;
        });
    }

    @GET
    @Path("/listings/{package}")
    @RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
    @WithSession
    public Uni<ListingView> listing(@PathParam("package") String pkg) {
        checkPackage(pkg);
        return Listing.<Listing>findById(pkg).chain(l -> {
            if (l == null) {
                throw new ProblemException(404, "LISTING_NOT_FOUND", "the store never reported a listing of " + pkg);
            }
            return Verdict.<Verdict>find("packageName = ?1 and sha256 = ?2 order by id desc", l.packageName, l.sha256)
                    .firstResult().map(v -> new ListingView(l.packageName, l.versionCode, l.sha256, l.state, l.at,
                            l.updatedAt, v == null ? null : new ListedVerdict(v.uploadId, v.decision, v.rectifyBy,
                            v.reason, v.revision, v.rulePackVersion, v.decidedAt)));
        });
    }

    static ReReviewScope scope(ReReviewRequest req) {
        if (req == null || (req.packageName() == null && req.developer() == null && req.query() == null)) {
            throw new ProblemException(400, "RE_REVIEW_SCOPE_REQUIRED",
                    "name a package, a developer or a query ({} selects every listed app)");
        }
        if (req.packageName() != null) {
            checkPackage(req.packageName());
        }
        if (req.developer() != null && (req.developer().isBlank() || req.developer().length() > 128)) {
            throw new ProblemException(400, "INVALID_DEVELOPER", "developer is 1 to 128 characters");
        }
        Query q = req.query() == null ? new Query(null, null, null, null) : req.query();
        if (q.decision() != null && !DECISIONS.contains(q.decision())) {
            throw new ProblemException(400, "INVALID_DECISION", "decision is ACCEPT, REJECT or RECTIFY");
        }
        if ((q.appType() != null && q.appType().length() > 40)
                || (q.rulePackVersion() != null && q.rulePackVersion().length() > 200)) {
            throw new ProblemException(400, "INVALID_QUERY", "appType is at most 40, rulePackVersion 200 characters");
        }
        return new ReReviewScope(req.packageName(), req.developer(), q.appType(), q.decision(), q.rulePackVersion(),
                q.minorsTargeted(), false, null);
    }

    private static void checkPackage(String pkg) {
        if (pkg.length() > 255 || !PACKAGE.matcher(pkg).matches()) {
            throw new ProblemException(400, "INVALID_PACKAGE", "not a valid Android package name");
        }
    }
}
