package com.admissiongate.console;

import com.admissiongate.analysis.PackRefused;
import com.admissiongate.analysis.PackRegistry;
import com.admissiongate.analysis.StoredRulePack;
import com.admissiongate.config.OperatorApiConfig;
import com.admissiongate.policy.Basis;
import com.admissiongate.policy.CompiledRule;
import com.admissiongate.policy.Rule;
import com.admissiongate.policy.RulePack;
import com.admissiongate.rest.Roles;
import com.admissiongate.verdict.PackDryRun;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The serving rule pack: version, content hash and every rule with its clause, severity, outcome and sample cases.
 * Admins dry-run a candidate pack (a stored version that is not serving, or a zip checked without storing it)
 * against the last N verdicts with {@link PackDryRun}, the service behind the API's dry-run.
 */
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Path("/console/packs")
public class RulePacksPageResource {

    static final int DEFAULT_LAST = 100;

    private final PackRegistry registry;
    private final PackDryRun dryRun;
    private final OperatorApiConfig config;
    private final ConsoleSession session;
    private final PageFactory pages;
    private final Vertx vertx;

    public RulePacksPageResource(PackRegistry registry, PackDryRun dryRun, OperatorApiConfig config,
                                 ConsoleSession session, PageFactory pages, Vertx vertx) {
        this.registry = registry;
        this.dryRun = dryRun;
        this.config = config;
        this.session = session;
        this.pages = pages;
        this.vertx = vertx;
    }

    @GET
    public Uni<Response> packs(@Context UriInfo uri, @Context HttpHeaders headers) {
        return render(pages.page(uri, headers, "packs"), 200, null, null, List.of());
    }

    /** Admin only: dry-run of a stored candidate version. */
    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> dryRunStored(@RestForm("csrf") String csrf, @RestForm("version") String version,
                                      @RestForm("last") String last, @Context UriInfo uri,
                                      @Context HttpHeaders headers) {
        Page page = pages.page(uri, headers, "packs");
        if (!session.csrfValid(csrf)) {
            return Uni.createFrom().item(ConsoleErrors.csrf(pages, uri, headers));
        }
        Integer n = last(last);
        if (n == null) {
            return lastInvalid(page);
        }
        if (version == null || version.isBlank() || version.length() > 200) {
            return render(page, 422, null, page.pick("请选择候选规则包。", "Choose a candidate pack."), List.of());
        }
        return registry.resolve(version)
                .chain(l -> dryRun.run(registry.assessor(), l.pack(), n))
                .chain(report -> render(page, 200, new DryRunView(version, n, report), null, List.of()))
                .onFailure(PackRefused.class).recoverWithUni(e -> refused(page, (PackRefused) e));
    }

    /** Admin only: dry-run of an uploaded zip, compiled like {@code POST /api/v1/rule-packs/validate}, never stored. */
    @POST
    @Path("/dry-run-upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> dryRunUpload(@RestForm("csrf") String csrf, @RestForm("pack") FileUpload pack,
                                      @RestForm("last") String last, @Context UriInfo uri,
                                      @Context HttpHeaders headers) {
        Page page = pages.page(uri, headers, "packs");
        if (!session.csrfValid(csrf)) {
            return Uni.createFrom().item(ConsoleErrors.csrf(pages, uri, headers));
        }
        Integer n = last(last);
        if (n == null) {
            return lastInvalid(page);
        }
        if (pack == null || pack.uploadedFile() == null || pack.size() == 0) {
            return render(page, 422, null, page.pick("请选择规则包 zip 文件。", "Choose a rule pack zip."), List.of());
        }
        if (pack.size() > registry.limits().maxZipSize()) {
            return refused(page, new PackRefused("PACK_TOO_LARGE", "the zip is larger than "
                    + registry.limits().maxZipSize() + " bytes", List.of()));
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    try {
                        return registry.compile(Files.readAllBytes(pack.uploadedFile()));
                    } catch (IOException e) {
                        throw new PackRefused("PACK_NOT_ZIP", "the upload cannot be read", List.of());
                    }
                }))
                .chain(l -> dryRun.run(registry.assessor(), l.pack(), n)
                        .map(report -> new DryRunView(page.pick("上传的 ", "uploaded ") + l.pack().version(), n, report)))
                .chain(v -> render(page, 200, v, null, List.of()))
                .onFailure(PackRefused.class).recoverWithUni(e -> refused(page, (PackRefused) e));
    }

    private Integer last(String last) {
        try {
            int n = last == null || last.isBlank() ? DEFAULT_LAST : Integer.parseInt(last.strip());
            return n < 1 || n > config.dryRunMax() ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Uni<Response> lastInvalid(Page page) {
        return render(page, 422, null, page.pick("数量须在 1 到 " + config.dryRunMax() + " 之间。",
                "The number of verdicts must be between 1 and " + config.dryRunMax() + "."), List.of());
    }

    private Uni<Response> refused(Page page, PackRefused e) {
        int status = "PACK_NOT_FOUND".equals(e.code()) ? 404 : "PACK_TOO_LARGE".equals(e.code()) ? 413 : 422;
        return render(page, status, null, e.code() + ": " + e.getMessage(), e.problems());
    }

    private Uni<Response> render(Page page, int status, DryRunView result, String error, List<String> problems) {
        RulePack serving = registry.serving();
        if (serving == null) {
            // the assessor failed to load: nothing to show but the error the health check also reports
            return Uni.createFrom().item(ConsoleErrors.page(status, page, ConsoleTemplates.packs(page, null, List.of(),
                    DEFAULT_LAST, config.dryRunMax(), result, error, problems)));
        }
        boolean bundled = registry.bundled() != null && serving.version().equals(registry.bundled().version());
        Uni<Function<String, byte[]>> expected = bundled ? Uni.createFrom().item(id -> null)
                : registry.resolve(serving.version()).map(l -> id -> l.archive() == null ? null
                        : l.archive().samplesOf(id).get("expected.yaml"));
        Uni<List<String>> candidates = page.isAdmin() ? registry.stored().map(rows -> rows.stream()
                .map((StoredRulePack r) -> r.version).filter(v -> !v.equals(serving.version())).toList())
                : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(expected, candidates).with((files, versions) -> {
            PackView view = view(serving, page, bundled ? PackSamples.bundled() : null, files);
            return ConsoleErrors.page(status, page, ConsoleTemplates.packs(page, view, versions, DEFAULT_LAST,
                    config.dryRunMax(), result, error, problems));
        });
    }

    /** {@code bundledSamples} for the bundled pack, else each rule's {@code expected.yaml} from the pack's archive. */
    static PackView view(RulePack pack, Page page, Map<String, List<PackSamples.Sample>> bundledSamples,
                         Function<String, byte[]> expectedYaml) {
        List<PackView.RuleLine> rules = new ArrayList<>();
        for (CompiledRule c : pack.rules()) {
            Rule r = c.rule();
            List<String> basis = new ArrayList<>();
            for (Basis b : r.basis()) {
                basis.add(b.clause() == null ? b.instrument() : b.instrument() + " " + b.clause());
            }
            List<PackSamples.Sample> samples = bundledSamples != null ? bundledSamples.getOrDefault(r.id(), List.of())
                    : PackSamples.ofExpected(expectedYaml.apply(r.id()));
            rules.add(new PackView.RuleLine(r.id(), r.title() == null ? "" : page.pick(r.title().zh(), r.title().en()),
                    basis, r.severity() == null ? "" : r.severity().name(), r.outcome() == null ? "" : r.outcome().name(),
                    r.outcomeWhen().size(), r.rectifyDays(), r.needs(), c.fileName(), samples));
        }
        return new PackView(pack.name(), pack.version(), pack.contentSha256(), pack.description(),
                bundledSamples != null ? "bundled" : "uploaded", rules);
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
