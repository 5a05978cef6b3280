package com.admissiongate.rest;

import com.admissiongate.artifact.ArtifactException;
import com.admissiongate.verdict.Rescans;
import com.admissiongate.review.OverrideRefused;
import com.admissiongate.review.OverrideService;
import com.admissiongate.verdict.SigningKeyChanges;
import com.admissiongate.verdict.VerdictRevisions;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.PUT;
import java.time.LocalDate;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;

/** Reviewer actions on verdicts and packages; each one is audited with the caller as actor. */
@RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VerdictActionResource {

    public record RescanRequest(String mode, String reason) {
    }

    public record KeyChangeRequest(String newCertSha256, String reason) {
    }

    public record KeyChangeView(long id, String packageName, String newCertSha256, String reason, String registeredBy,
                                Instant registeredAt) {
    }

    public record OverrideRequest(String decision, String rectifyBy, String reason) {
    }

    public record WaiveRequest(String reason) {
    }

    public record DeadlineRequest(String rectifyBy, String reason) {
    }

    private final Rescans rescans;
    private final SigningKeyChanges keyChanges;
    private final SecurityIdentity identity;
    private final OverrideService overrides;
    private final VerdictResource views;

    public VerdictActionResource(Rescans rescans, SigningKeyChanges keyChanges, SecurityIdentity identity,
                                 OverrideService overrides, ObjectMapper mapper) {
        this.rescans = rescans;
        this.keyChanges = keyChanges;
        this.identity = identity;
        this.overrides = overrides;
        this.views = new VerdictResource(mapper, null); // only its view mapping is used
    }

    @POST
    @Path("/verdicts/{uploadId}/override")
    public Uni<VerdictView> override(@PathParam("uploadId") String uploadId, OverrideRequest body) {
        VerdictResource.checkUploadId(uploadId);
        if (body == null) {
            throw new ProblemException(400, "INVALID_BODY", "a JSON body {decision, rectifyBy?, reason} is required");
        }
        String decision = Params.decision(body.decision(), true);
        LocalDate rectifyBy = Params.date(body.rectifyBy(), "rectifyBy", false);
        if (rectifyBy != null && !"RECTIFY".equals(decision)) {
            throw new ProblemException(400, "INVALID_DATE", "rectifyBy is for a RECTIFY decision only");
        }
        return revised(uploadId, overrides.overrideDecision(uploadId, decision, rectifyBy, Params.reason(body.reason()),
                actor(identity)));
    }

    @POST
    @Path("/verdicts/{uploadId}/findings/{ruleId}/waive")
    public Uni<VerdictView> waive(@PathParam("uploadId") String uploadId, @PathParam("ruleId") String ruleId,
                                  WaiveRequest body) {
        VerdictResource.checkUploadId(uploadId);
        Params.ruleId(ruleId);
        String reason = Params.reason(body == null ? null : body.reason());
        return revised(uploadId, overrides.waiveFinding(uploadId, ruleId, reason, actor(identity)));
    }

    @PUT
    @Path("/verdicts/{uploadId}/deadline")
    public Uni<VerdictView> deadline(@PathParam("uploadId") String uploadId, DeadlineRequest body) {
        VerdictResource.checkUploadId(uploadId);
        if (body == null) {
            throw new ProblemException(400, "INVALID_BODY", "a JSON body {rectifyBy, reason} is required");
        }
        LocalDate rectifyBy = Params.date(body.rectifyBy(), "rectifyBy", true);
        return revised(uploadId, overrides.setDeadline(uploadId, rectifyBy, Params.reason(body.reason()), actor(identity)));
    }

    private Uni<VerdictView> revised(String uploadId, Uni<VerdictRevisions.Revised> change) {
        return change.map(r -> {
            if (r == null) {
                throw new ProblemException(404, "VERDICT_NOT_FOUND", "no verdict for upload " + uploadId);
            }
            return views.view(r.verdict());
        });
    }

    @ServerExceptionMapper
    public Response refused(OverrideRefused e) {
        int status = switch (e.code()) {
            case "NOT_RECTIFY", "FINDING_NOT_FOUND" -> 409;
            default -> 400;
        };
        return ProblemExceptionMapper.respond(status, e.code(), e.getMessage());
    }

    @POST
    @Path("/verdicts/{uploadId}/rescan")
    public Uni<Rescans.Result> rescan(@PathParam("uploadId") String uploadId, RescanRequest body) {
        VerdictResource.checkUploadId(uploadId);
        if (body == null || body.mode() == null) {
            throw new ProblemException(400, "INVALID_MODE", "mode is required: re-evaluate or re-analyze");
        }
        Rescans.Mode mode = switch (body.mode()) {
            case "re-evaluate" -> Rescans.Mode.RE_EVALUATE;
            case "re-analyze" -> Rescans.Mode.RE_ANALYZE;
            default -> throw new ProblemException(400, "INVALID_MODE", "mode must be re-evaluate or re-analyze");
        };
        String reason = body.reason() == null || body.reason().isBlank() ? "re-scan (" + body.mode() + ")"
                : Params.reason(body.reason());
        return rescans.rescan(uploadId, mode, reason, actor(identity)).map(r -> {
            if (r == null) {
                throw new ProblemException(404, "VERDICT_NOT_FOUND", "no verdict for upload " + uploadId);
            }
            return r;
        });
    }

    @POST
    @Path("/apps/{package}/signing-key-changes")
    public Uni<Response> registerKeyChange(@PathParam("package") String pkg, KeyChangeRequest body) {
        Params.packageName(pkg);
        if (body == null || body.newCertSha256() == null || !Params.SHA256.matcher(body.newCertSha256()).matches()) {
            throw new ProblemException(400, "INVALID_CERT_SHA256", "newCertSha256 must be 64 hex digits");
        }
        String reason = Params.reason(body.reason());
        return keyChanges.register(pkg, body.newCertSha256(), reason, actor(identity))
                .map(c -> Response.status(201).entity(new KeyChangeView(c.id, c.packageName, c.newCertSha256, c.reason,
                        c.registeredBy, c.registeredAt)).build());
    }

    @ServerExceptionMapper
    public Response noFacts(Rescans.NoFacts e) {
        return ProblemExceptionMapper.respond(409, "FACTS_UNAVAILABLE", e.getMessage());
    }

    @ServerExceptionMapper
    public Response artifact(ArtifactException e) {
        return e.permanent() ? ProblemExceptionMapper.respond(409, "ARTIFACT_UNAVAILABLE",
                "the stored APK cannot be re-analyzed: " + e.code())
                : ProblemExceptionMapper.respond(503, "ARTIFACT_STORE_UNAVAILABLE", "the object store cannot be reached; retry");
    }

    static String actor(SecurityIdentity identity) {
        return identity.getPrincipal().getName();
    }
}
