package com.admissiongate.console;

import com.admissiongate.config.ReReviewConfig;
import com.admissiongate.review.ReReviewRuns;
import com.admissiongate.review.ReReviewScope;
import com.admissiongate.review.ReReviewTrigger;
import com.admissiongate.rest.Roles;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Apps aimed at minors: the listed ones with their last re-review and the next scheduled run, open and expired
 * rectifications, the latest re-review runs. Admins start a re-review of one app or of every listed minors' app
 * through {@link ReReviewTrigger}, the service behind {@code POST /api/v1/re-reviews}, and follow its progress.
 */
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Path("/console/minors")
public class MinorsPageResource {

    /** The identity of the scheduled re-review in ReReviewJob. */
    static final String SCHEDULED_JOB = "re-review";
    static final int RECENT_RUNS = 10;
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");

    private final ConsoleQueries queries;
    private final PageFactory pages;
    private final ConsoleSession session;
    private final ReReviewTrigger trigger;
    private final ReReviewRuns runs;
    private final Scheduler scheduler;
    private final ReReviewConfig config;
    private final Clock clock;

    public MinorsPageResource(ConsoleQueries queries, PageFactory pages, ConsoleSession session,
                              ReReviewTrigger trigger, ReReviewRuns runs, Scheduler scheduler, ReReviewConfig config,
                              Clock clock) {
        this.queries = queries;
        this.pages = pages;
        this.session = session;
        this.trigger = trigger;
        this.runs = runs;
        this.scheduler = scheduler;
        this.config = config;
        this.clock = clock;
    }

    @GET
    public Uni<Response> minors(@Context UriInfo uri, @Context HttpHeaders headers) {
        return render(pages.page(uri, headers, "minors"), 200, null);
    }

    private Uni<Response> render(Page page, int status, String error) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Uni.combine().all().unis(queries.listedMinors(today), queries.minorsRectifications(today, false),
                        queries.minorsRectifications(today, true), queries.recentRuns(RECENT_RUNS, page))
                .with((listed, open, expired, recent) -> ConsoleErrors.page(status, page,
                        ConsoleTemplates.minors(page, listed, listed.size() >= ConsoleQueries.LISTED_MINORS_LIMIT,
                                nextRun(), open, expired, recent, error)));
    }

    /**
     * When the scheduler fires the daily re-review next on this replica ("yyyy-MM-dd HH:mm UTC"), or null when the
     * cron is off here. Asked from the scheduler itself, so it is the time that will actually be used.
     */
    String nextRun() {
        if ("off".equalsIgnoreCase(config.cron().strip()) || "disabled".equalsIgnoreCase(config.cron().strip())) {
            return null;
        }
        Trigger t = scheduler.getScheduledJob(SCHEDULED_JOB);
        Instant next = t == null ? null : t.getNextFireTime();
        return next == null ? null : RunView.minute(next);
    }

    /** Admin only: re-review one listed app ({@code package}) or every listed app aimed at minors. */
    @POST
    @Path("/re-review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> reReview(@RestForm("csrf") String csrf, @RestForm("package") String pkg,
                                  @Context UriInfo uri, @Context HttpHeaders headers) {
        if (!session.csrfValid(csrf)) {
            return Uni.createFrom().item(ConsoleErrors.csrf(pages, uri, headers));
        }
        ReReviewScope scope;
        String reason;
        if (pkg == null || pkg.isBlank()) {
            scope = new ReReviewScope(null, null, null, null, null, Boolean.TRUE, false, null);
            reason = "console: re-review of every listed app aimed at minors";
        } else if (pkg.length() <= 255 && PACKAGE.matcher(pkg.strip()).matches()) {
            scope = new ReReviewScope(pkg.strip(), null, null, null, null, null, false, null);
            reason = "console: re-review of " + pkg.strip();
        } else {
            Page page = pages.page(uri, headers, "minors");
            return render(page, 422, page.pick("不是有效的应用包名。", "Not a valid package name."));
        }
        return trigger.start(scope, session.user(), reason).map(run -> Response.seeOther(
                URI.create("/console/minors/runs/" + run.id())).build());
    }

    @GET
    @Path("/runs/{id}")
    public Uni<Response> run(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = pages.page(uri, headers, "minors");
        return find(id, page).map(run -> run == null ? ConsoleErrors.notFound(page, page.pick("没有该复审。", "No such re-review."))
                : ConsoleErrors.page(200, page, ConsoleTemplates.run(page, run)));
    }

    /** The progress block alone, which the run page's htmx polls until the run is done. */
    @GET
    @Path("/runs/{id}/progress")
    public Uni<Response> progress(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = pages.page(uri, headers, "minors");
        return find(id, page).map(run -> run == null ? ConsoleErrors.notFound(page, page.pick("没有该复审。", "No such re-review."))
                : ConsoleErrors.page(200, page, ConsoleTemplates.run$progress(page, run)));
    }

    private Uni<RunView> find(String id, Page page) {
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().nullItem();
        }
        return runs.find(runId).map(p -> p == null ? null : RunView.of(p, page));
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
