package com.admissiongate.console;

import com.admissiongate.rest.ReportResource;
import com.admissiongate.rest.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Pattern;

/** The verdict page, its version diff and its report downloads. */
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Path("/console/verdicts/{uploadId}")
public class VerdictPageResource {

    static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Set<String> FORMATS = Set.of("sarif", "html", "json");

    private final VerdictPageService verdicts;
    private final PageFactory pages;
    private final Clock clock;
    private final ReportResource reports;

    public VerdictPageResource(VerdictPageService verdicts, PageFactory pages, Clock clock, ReportResource reports) {
        this.verdicts = verdicts;
        this.pages = pages;
        this.clock = clock;
        this.reports = reports;
    }

    @GET
    public Uni<Response> verdict(@PathParam("uploadId") String uploadId, @QueryParam("done") Integer done,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = pages.page(uri, headers, "queue");
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            return Uni.createFrom().item(ConsoleErrors.notFound(page));
        }
        return verdicts.details(uploadId, page.lang(), today()).map(v -> v == null ? ConsoleErrors.notFound(page)
                : ConsoleErrors.page(200, page, ConsoleTemplates.verdict(page, v, done)));
    }

    @GET
    @Path("/diff")
    public Uni<Response> diff(@PathParam("uploadId") String uploadId, @Context UriInfo uri,
                              @Context HttpHeaders headers) {
        Page page = pages.page(uri, headers, "queue");
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            return Uni.createFrom().item(ConsoleErrors.notFound(page));
        }
        return verdicts.details(uploadId, page.lang(), today()).chain(v -> {
            if (v == null) {
                return Uni.createFrom().item(ConsoleErrors.notFound(page));
            }
            return verdicts.verdict(uploadId).chain(current -> verdicts.lastAccepted(v.packageName(), v.versionCode(),
                    uploadId).chain(base -> {
                        if (base == null) {
                            return Uni.createFrom().item(ConsoleErrors.page(200, page,
                                    ConsoleTemplates.diff(page, v, null, false)));
                        }
                        return Uni.combine().all().unis(
                                        verdicts.facts(current.row().getString("upload_id"),
                                                current.row().getString("sha256"), current.row().getString("analyzer_version")),
                                        verdicts.facts(base.row().getString("upload_id"),
                                                base.row().getString("sha256"), base.row().getString("analyzer_version")))
                                .with((now, before) -> {
                                    boolean missing = now.isMissingNode() || before.isMissingNode();
                                    VersionDiff d = VersionDiff.between(base.row().getString("upload_id"),
                                            base.row().getLong("version_code"), before, base.submission(), now,
                                            current.submission());
                                    return ConsoleErrors.page(200, page, ConsoleTemplates.diff(page, v, d, missing));
                                });
                    }));
        });
    }

    /**
     * Downloads through the console, so the browser's console session (a cookie scoped to /console) is enough; the
     * report itself is built by the operator API's ReportResource, with its own role check.
     */
    @GET
    @Path("/report.{format}")
    public Uni<Response> report(@PathParam("uploadId") String uploadId, @PathParam("format") String format) {
        if (!UPLOAD_ID.matcher(uploadId).matches() || !FORMATS.contains(format)) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        String ext = "sarif".equals(format) ? "sarif.json" : format;
        return reports.report(uploadId, format).map(r -> Response.fromResponse(r)
                .header("Content-Disposition", "attachment; filename=\"verdict-" + uploadId + "." + ext + "\"").build());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
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
