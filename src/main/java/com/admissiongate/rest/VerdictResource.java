package com.admissiongate.rest;

import com.admissiongate.verdict.Verdict;
import com.admissiongate.verdict.VerdictReads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.regex.Pattern;

/** Read side of verdicts (contracts/openapi.yaml); any operator role may read. */
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class VerdictResource {

    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");

    private final ObjectMapper mapper;
    private final VerdictReads reads;

    public VerdictResource(ObjectMapper mapper, VerdictReads reads) {
        this.mapper = mapper;
        this.reads = reads;
    }

    /** The hottest read: one prepared statement on the reactive pool, no ORM session (loadtest/README.md). */
    @GET
    @Path("/verdicts/{uploadId}")
    public Uni<VerdictView> get(@PathParam("uploadId") String uploadId) {
        checkUploadId(uploadId);
        return reads.byUploadId(uploadId).map(v -> {
            if (v == null) {
                throw new ProblemException(404, "VERDICT_NOT_FOUND", "no verdict for upload " + uploadId);
            }
            return new VerdictView(v.uploadId(), v.packageName(), v.versionCode(), v.sha256(), v.developerId(),
                    v.appType(), v.minorsTargeted(), v.decision(), v.rectifyBy(), v.retryable(), v.reason(),
                    v.rulePackVersion(), v.analyzerVersion(), v.signerSha256(), rawJson(v.findingsJson()), v.decidedAt(),
                    v.revision(), v.overriddenBy());
        });
    }

    @GET
    @Path("/apps/{package}/verdicts")
    @WithSession
    public Uni<List<VerdictView>> history(@PathParam("package") String pkg,
                                          @QueryParam("limit") @DefaultValue("50") int limit) {
        if (pkg.length() > 255 || !PACKAGE.matcher(pkg).matches()) {
            throw new ProblemException(400, "INVALID_PACKAGE", "not a valid Android package name");
        }
        if (limit < 1 || limit > 500) {
            throw new ProblemException(400, "INVALID_LIMIT", "limit must be between 1 and 500");
        }
        return Verdict.<Verdict>find("packageName = ?1 order by decidedAt desc, id desc", pkg)
                .page(0, limit).list().map(list -> list.stream().map(this::view).toList());
    }

    /** Same rule as the upload event contract; refused before any query. */
    static void checkUploadId(String uploadId) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw new ProblemException(400, "INVALID_UPLOAD_ID", "uploadId must match [A-Za-z0-9._:-]{1,128}");
        }
    }

    VerdictView view(Verdict v) {
        return new VerdictView(v.uploadId, v.packageName, v.versionCode, v.sha256, v.developerId, v.appType,
                v.minorsTargeted, v.decision, v.rectifyBy, v.retryable, v.reason, v.rulePackVersion,
                v.analyzerVersion, v.signerSha256, rawJson(v.findings), v.decidedAt, v.revision, v.overriddenBy);
    }

    /**
     * The findings column is jsonb, so its text is valid JSON: written through verbatim instead of parsed into a
     * tree and serialised again (a verdict's findings are ~10 KiB of JSON).
     */
    private JsonNode rawJson(String json) {
        return mapper.getNodeFactory().rawValueNode(new RawValue(json));
    }
}
