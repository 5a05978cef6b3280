package com.admissiongate.console;

import com.admissiongate.rest.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Apps aimed at minors with a rectification running or expired, by deadline. The listing and re-review schedule
 * (last run, next run, trigger) come from the re-review work; until its {@code listing} table exists the page says so.
 */
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Path("/console/minors")
public class MinorsPageResource {

    private final ConsoleQueries queries;
    private final PageFactory pages;
    private final Clock clock;

    public MinorsPageResource(ConsoleQueries queries, PageFactory pages, Clock clock) {
        this.queries = queries;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    public Uni<Response> minors(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = pages.page(uri, headers, "minors");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Uni.combine().all().unis(queries.minorsRectifications(today, false),
                        queries.minorsRectifications(today, true), queries.tableExists("listing"))
                .with((open, expired, listing) -> ConsoleErrors.page(200, page,
                        ConsoleTemplates.minors(page, open, expired, listing)));
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
