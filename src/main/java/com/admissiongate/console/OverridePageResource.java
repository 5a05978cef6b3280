package com.admissiongate.console;

import com.admissiongate.review.OverrideRefused;
import com.admissiongate.review.OverrideService;
import com.admissiongate.rest.Roles;
import com.admissiongate.verdict.VerdictRevisions.Revised;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Overrides from the console, in two steps: {@code /confirm} shows what will change (nothing is written), the
 * second POST publishes it through {@link OverrideService} — the same service, rules and audit entry as the API.
 * Reviewer role only; every POST carries the session's CSRF token.
 */
@RolesAllowed(Roles.REVIEWER)
@Path("/console/verdicts/{uploadId}/override")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class OverridePageResource {

    private final OverrideService overrides;
    private final VerdictPageService verdicts;
    private final ConsoleSession session;
    private final PageFactory pages;
    private final Clock clock;

    public OverridePageResource(OverrideService overrides, VerdictPageService verdicts, ConsoleSession session,
                                PageFactory pages, Clock clock) {
        this.overrides = overrides;
        this.verdicts = verdicts;
        this.session = session;
        this.pages = pages;
        this.clock = clock;
    }

    @POST
    @Path("/confirm")
    public Uni<Response> confirm(@PathParam("uploadId") String uploadId, @RestForm("csrf") String csrf,
                                 @RestForm("kind") String kind, @RestForm("decision") String decision,
                                 @RestForm("ruleId") String ruleId, @RestForm("rectifyBy") String rectifyBy,
                                 @RestForm("reason") String reason, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (!session.csrfValid(csrf)) {
            return Uni.createFrom().item(ConsoleErrors.csrf(pages, uri, headers));
        }
        OverrideRequest req = new OverrideRequest(kind, decision, ruleId, rectifyBy, reason);
        return render(uploadId, req, req.problem(), null, uri, headers);
    }

    @POST
    public Uni<Response> apply(@PathParam("uploadId") String uploadId, @RestForm("csrf") String csrf,
                               @RestForm("kind") String kind, @RestForm("decision") String decision,
                               @RestForm("ruleId") String ruleId, @RestForm("rectifyBy") String rectifyBy,
                               @RestForm("reason") String reason, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (!session.csrfValid(csrf)) {
            return Uni.createFrom().item(ConsoleErrors.csrf(pages, uri, headers));
        }
        OverrideRequest req = new OverrideRequest(kind, decision, ruleId, rectifyBy, reason);
        if (req.problem() != null || !VerdictPageResource.UPLOAD_ID.matcher(uploadId).matches()) {
            return render(uploadId, req, req.problem() == null ? "INVALID_UPLOAD_ID" : req.problem(), null, uri, headers);
        }
        String actor = session.user();
        Uni<Revised> change = switch (req.kind()) {
            case "decision" -> overrides.overrideDecision(uploadId, req.decision(), req.rectifyBy(), req.reason(), actor);
            case "finding" -> overrides.waiveFinding(uploadId, req.ruleId(), req.reason(), actor);
            default -> overrides.setDeadline(uploadId, req.rectifyBy(), req.reason(), actor);
        };
        return change.chain(r -> {
            if (r == null) {
                return Uni.createFrom().item(ConsoleErrors.notFound(pages.page(uri, headers, "queue")));
            }
            // post/redirect/get: the verdict page shows the new revision and its audit entry
            return Uni.createFrom().item(Response.seeOther(URI.create("/console/verdicts/" + Page.enc(uploadId)
                    + "?done=" + r.verdict().revision + "#history")).build());
        }).onFailure(OverrideRefused.class).recoverWithUni(e -> render(uploadId, req, ((OverrideRefused) e).code(),
                e.getMessage(), uri, headers));
    }

    private Uni<Response> render(String uploadId, OverrideRequest req, String code, String message, UriInfo uri,
                                 HttpHeaders headers) {
        Page page = pages.page(uri, headers, "queue");
        if (!VerdictPageResource.UPLOAD_ID.matcher(uploadId).matches()) {
            return Uni.createFrom().item(ConsoleErrors.notFound(page));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return verdicts.details(uploadId, page.lang(), today).map(v -> v == null ? ConsoleErrors.notFound(page)
                : ConsoleErrors.page(code == null ? 200 : 422, page,
                ConsoleTemplates.confirm(page, v, req, code, message)));
    }

    @ServerExceptionMapper
    Response unauthenticated(UnauthorizedException e) {
        return ConsoleErrors.toLogin();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return ConsoleErrors.forbidden(pages, uri, headers);
    }
}
