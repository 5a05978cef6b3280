package com.admissiongate.rest;

import com.admissiongate.verdict.VerdictRevision;
import com.admissiongate.verdict.VerdictSearch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Verdict search with cursor pagination, and the revision history of one upload; any operator role. */
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class VerdictSearchResource {

    static final int MAX_LIMIT = 200;

    public record SearchPage(List<VerdictView> items, String nextCursor) {
    }

    public record RevisionView(int revision, String decision, LocalDate rectifyBy, String reason,
                               String rulePackVersion, JsonNode findings, JsonNode changes, String overriddenBy,
                               Instant decidedAt) {
    }

    private final VerdictSearch search;
    private final ObjectMapper mapper;
    private final VerdictResource views;

    public VerdictSearchResource(VerdictSearch search, ObjectMapper mapper) {
        this.search = search;
        this.mapper = mapper;
        this.views = new VerdictResource(mapper, null); // only its view mapping is used
    }

    @GET
    @Path("/verdicts")
    public Uni<SearchPage> search(@QueryParam("package") String pkg, @QueryParam("developer") String developer,
                                  @QueryParam("decision") String decision, @QueryParam("ruleId") String ruleId,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("minorsTargeted") String minors, @QueryParam("limit") String limit,
                                  @QueryParam("cursor") String cursor) {
        Instant f = Params.instant(from, "from");
        Instant t = Params.instant(to, "to");
        Params.range(f, t);
        VerdictSearch.Query q = new VerdictSearch.Query(
                pkg == null || pkg.isEmpty() ? null : Params.packageName(pkg),
                Params.optional(developer, Params.DEVELOPER, "INVALID_DEVELOPER", "developer must match [A-Za-z0-9._:@-]{1,128}"),
                Params.decision(decision, false),
                ruleId == null || ruleId.isEmpty() ? null : Params.ruleId(ruleId),
                f, t, Params.bool(minors, "minorsTargeted"), Params.limit(limit, 50, MAX_LIMIT), Params.cursor(cursor));
        return search.search(q).map(p -> new SearchPage(p.items().stream().map(views::view).toList(),
                p.next() == null ? null : p.next().encode()));
    }

    @GET
    @Path("/verdicts/{uploadId}/revisions")
    public Uni<List<RevisionView>> revisions(@PathParam("uploadId") String uploadId) {
        VerdictResource.checkUploadId(uploadId);
        return search.revisions(uploadId).map(list -> {
            if (list.isEmpty()) {
                throw new ProblemException(404, "VERDICT_NOT_FOUND", "no verdict for upload " + uploadId);
            }
            return list.stream().map(this::view).toList();
        });
    }

    private RevisionView view(VerdictRevision r) {
        try {
            return new RevisionView(r.revision, r.decision, r.rectifyBy, r.reason, r.rulePackVersion,
                    mapper.readTree(r.findings), r.changes == null ? null : mapper.readTree(r.changes), r.overriddenBy,
                    r.decidedAt);
        } catch (IOException e) {
            throw new IllegalStateException("stored revision of " + r.uploadId + " is not JSON", e);
        }
    }
}
