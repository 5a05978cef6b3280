package com.admissiongate.console;

import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.policy.Basis;
import com.admissiongate.policy.CompiledRule;
import com.admissiongate.policy.Rule;
import com.admissiongate.policy.RulePack;
import com.admissiongate.rest.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;

/** The active rule pack: version, content hash and every rule with its clause, severity and outcome. */
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Path("/console/packs")
public class RulePacksPageResource {

    private final Assessor assessor;
    private final PageFactory pages;

    public RulePacksPageResource(Assessor assessor, PageFactory pages) {
        this.assessor = assessor;
        this.pages = pages;
    }

    @GET
    public Response packs(@Context UriInfo uri, @Context HttpHeaders headers) {
        Page page = pages.page(uri, headers, "packs");
        PackView view = io.quarkus.arc.ClientProxy.unwrap(assessor) instanceof PolicyAssessor p ? view(p.pack(), page) : null;
        return ConsoleErrors.page(200, page, ConsoleTemplates.packs(page, view));
    }

    static PackView view(RulePack pack, Page page) {
        List<PackView.RuleLine> rules = new ArrayList<>();
        for (CompiledRule c : pack.rules()) {
            Rule r = c.rule();
            List<String> basis = new ArrayList<>();
            for (Basis b : r.basis()) {
                basis.add(b.clause() == null ? b.instrument() : b.instrument() + " " + b.clause());
            }
            rules.add(new PackView.RuleLine(r.id(), r.title() == null ? "" : page.pick(r.title().zh(), r.title().en()),
                    basis, r.severity() == null ? "" : r.severity().name(), r.outcome() == null ? "" : r.outcome().name(),
                    r.outcomeWhen().size(), r.rectifyDays(), r.needs(), c.fileName()));
        }
        return new PackView(pack.name(), pack.version(), pack.contentSha256(), pack.description(), rules);
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
