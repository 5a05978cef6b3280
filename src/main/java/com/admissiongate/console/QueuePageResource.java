package com.admissiongate.console;

import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.policy.CompiledRule;
import com.admissiongate.rest.Roles;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The review queue: verdicts that need a human, filtered, by deadline, with a live count (htmx poll). */
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class QueuePageResource {

    private final ConsoleQueries queries;
    private final PageFactory pages;
    private final Clock clock;
    private final List<String> rules;

    public QueuePageResource(ConsoleQueries queries, PageFactory pages, Clock clock, Assessor assessor) {
        this.queries = queries;
        this.pages = pages;
        this.clock = clock;
        List<String> ids = new ArrayList<>();
        ids.add("GATE-INCOMPLETE");
        if (io.quarkus.arc.ClientProxy.unwrap(assessor) instanceof PolicyAssessor p) {
            p.pack().rules().stream().map(CompiledRule::id).forEach(ids::add);
        }
        this.rules = List.copyOf(ids);
    }

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/console/queue")).build();
    }

    @GET
    @Path("/queue")
    public Uni<TemplateInstance> queue(@Context UriInfo uri, @Context HttpHeaders headers,
                                       @QueryParam("category") String category, @QueryParam("decision") String decision,
                                       @QueryParam("rule") String rule, @QueryParam("appType") String appType,
                                       @QueryParam("minors") String minors, @QueryParam("developer") String developer,
                                       @QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("after") String after) {
        Page view = pages.page(uri, headers, "queue");
        QueueFilter f = QueueFilter.of(category, decision, rule, appType, minors, developer, from, to, after);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // the first response carries rows and count (no client-side fetch before content); a rule filter needs the
        // count first to pick its plan, the rest run in parallel
        Uni<Long> counted = queries.count(f).memoize().indefinitely();
        Uni<List<QueueRow>> page = f.rule() == null ? queries.queue(f, today, false)
                : counted.chain(c -> queries.queue(f, today, c > ConsoleQueries.COMMON_RULE));
        return Uni.combine().all().unis(page, counted).with((rows, count) -> {
            String next = null;
            List<QueueRow> shown = rows;
            if (rows.size() > ConsoleQueries.PAGE_SIZE) {
                shown = rows.subList(0, ConsoleQueries.PAGE_SIZE);
                String q = f.query();
                next = "/console/queue?" + (q.isEmpty() ? "" : q + "&") + "after="
                        + shown.get(shown.size() - 1).cursor();
            }
            return ConsoleErrors.localized(ConsoleTemplates.queue(view, f, shown, label(count, f), next, rules), view);
        });
    }

    /** The live count fragment the queue page polls. */
    @GET
    @Path("/queue/count")
    public Uni<TemplateInstance> count(@Context UriInfo uri, @Context HttpHeaders headers,
                                       @QueryParam("category") String category, @QueryParam("decision") String decision,
                                       @QueryParam("rule") String rule, @QueryParam("appType") String appType,
                                       @QueryParam("minors") String minors, @QueryParam("developer") String developer,
                                       @QueryParam("from") String from, @QueryParam("to") String to) {
        Page page = pages.page(uri, headers, "queue");
        QueueFilter f = QueueFilter.of(category, decision, rule, appType, minors, developer, from, to, null);
        return queries.count(f).map(c -> ConsoleErrors.localized(ConsoleTemplates.queueCount(page, label(c, f)), page));
    }

    static String label(long count, QueueFilter f) {
        int cap = ConsoleQueries.cap(f);
        return count > cap ? cap + "+" : Long.toString(count);
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
