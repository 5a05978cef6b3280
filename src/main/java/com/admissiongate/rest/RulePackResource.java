package com.admissiongate.rest;

import com.admissiongate.analysis.PackActivation;
import com.admissiongate.analysis.PackRefused;
import com.admissiongate.analysis.PackRegistry;
import com.admissiongate.analysis.StoredRulePack;
import com.admissiongate.config.OperatorApiConfig;
import com.admissiongate.console.PackSamples;
import com.admissiongate.policy.CompiledRule;
import com.admissiongate.policy.RulePack;
import com.admissiongate.verdict.PackDryRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rule packs: list and inspect (any role), validate and dry-run (reviewer, admin), store and activate (admin).
 * Packs are uploaded as a zip of their YAML files ({@code application/zip}); see docs/operator-api.md.
 */
@Path("/api/v1/rule-packs")
@Produces(MediaType.APPLICATION_JSON)
public class RulePackResource {

    public static final String ZIP = "application/zip";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public record PackSummary(String version, String name, String semver, int ruleCount, String source,
                              String uploadedBy, Instant uploadedAt, boolean active, boolean serving) {
    }

    public record RuleSummary(String id, Object title, String severity, String outcome, Object basis) {
    }

    public record PackDetail(String version, String name, String semver, String description, String contentSha256,
                             String source, boolean active, boolean serving, List<RuleSummary> rules) {
    }

    public record RuleDetail(String packVersion, String file, Object rule, List<JsonNode> samples) {
    }

    public record Validation(boolean valid, String version, String name, String semver, Integer ruleCount,
                             List<String> problems, boolean samplesPresent, List<String> sampleProblems) {
    }

    public record ActivateRequest(String reason) {
    }

    public record ActivationView(String version, String activatedBy, Instant activatedAt, String reason) {
    }

    private final PackRegistry registry;
    private final PackDryRun dryRun;
    private final OperatorApiConfig config;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public RulePackResource(PackRegistry registry, PackDryRun dryRun, OperatorApiConfig config,
                            SecurityIdentity identity, ObjectMapper mapper, Vertx vertx) {
        this.registry = registry;
        this.dryRun = dryRun;
        this.config = config;
        this.identity = identity;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
    public Uni<List<PackSummary>> list() {
        return registry.activeVersion().chain(active -> registry.stored().map(rows -> {
            String serving = registry.serving().version();
            RulePack b = registry.bundled();
            List<PackSummary> out = new ArrayList<>();
            out.add(new PackSummary(b.version(), b.name(), b.semver(), b.rules().size(), "bundled", null, null,
                    b.version().equals(active), b.version().equals(serving)));
            for (StoredRulePack r : rows) {
                out.add(new PackSummary(r.version, r.name, r.semver, r.ruleCount, "uploaded", r.uploadedBy, r.uploadedAt,
                        r.version.equals(active), r.version.equals(serving)));
            }
            return out;
        }));
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
    public Uni<PackDetail> show(@PathParam("version") String version) {
        Params.packVersion(version);
        return registry.resolve(version).chain(l -> registry.activeVersion().map(active -> {
            RulePack p = l.pack();
            List<RuleSummary> rules = p.rules().stream().map(r -> new RuleSummary(r.id(), r.rule().title(),
                    String.valueOf(r.rule().severity()), String.valueOf(r.rule().outcome()), r.rule().basis())).toList();
            return new PackDetail(p.version(), p.name(), p.semver(), p.description(), p.contentSha256(),
                    l.bundled() ? "bundled" : "uploaded", p.version().equals(active),
                    p.version().equals(registry.serving().version()), rules);
        }));
    }

    @GET
    @Path("/{version}/rules/{ruleId}")
    @RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
    public Uni<RuleDetail> rule(@PathParam("version") String version, @PathParam("ruleId") String ruleId) {
        Params.packVersion(version);
        Params.ruleId(ruleId);
        return registry.resolve(version).map(l -> {
            CompiledRule r = l.pack().rule(ruleId).orElseThrow(() ->
                    new ProblemException(404, "RULE_NOT_FOUND", "no rule " + ruleId + " in " + version));
            if (l.archive() != null) {
                Map<String, byte[]> files = l.archive().samplesOf(ruleId);
                return new RuleDetail(l.pack().version(), r.fileName(), r.rule(), samples(files::get));
            }
            // the bundled pack's sample documents are on the classpath only beside the tests (policies/<RULE-ID>/...);
            // the packaged service ships their expectations (PackSamples), so the API still names every case
            List<JsonNode> samples = samples(name -> classpath("policies/" + ruleId + "/" + name));
            if (samples.isEmpty()) {
                samples = fromIndex(mapper, PackSamples.bundled().getOrDefault(ruleId, List.of()));
            }
            return new RuleDetail(l.pack().version(), r.fileName(), r.rule(), samples);
        });
    }

    @POST
    @Path("/validate")
    @Consumes(ZIP)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public Uni<Validation> validate(byte[] zip) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            PackRegistry.Loaded l;
            try {
                l = registry.compile(zip);
            } catch (PackRefused e) {
                if (!"PACK_INVALID".equals(e.code())) {
                    throw e;
                }
                return new Validation(false, null, null, null, null, e.problems().isEmpty() ? List.of(e.getMessage())
                        : e.problems(), false, List.of());
            }
            List<String> sampleProblems = l.archive().runSamples(l.pack());
            RulePack p = l.pack();
            return new Validation(sampleProblems.isEmpty(), p.version(), p.name(), p.semver(), p.rules().size(),
                    List.of(), l.archive().hasSamples(), sampleProblems);
        }));
    }

    @POST
    @Consumes(ZIP)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> store(byte[] zip) {
        return registry.store(zip, VerdictActionResource.actor(identity)).map(r -> Response.status(201)
                .entity(new PackSummary(r.version, r.name, r.semver, r.ruleCount, "uploaded", r.uploadedBy, r.uploadedAt,
                        false, false)).build());
    }

    @POST
    @Path("/{version}/activate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<ActivationView> activate(@PathParam("version") String version, ActivateRequest body) {
        Params.packVersion(version);
        String reason = Params.reason(body == null ? null : body.reason());
        return registry.activate(version, VerdictActionResource.actor(identity), reason)
                .map((PackActivation a) -> new ActivationView(a.version, a.activatedBy, a.activatedAt, a.reason));
    }

    @POST
    @Path("/{version}/dry-run")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public Uni<PackDryRun.Report> dryRun(@PathParam("version") String version, @QueryParam("last") String last) {
        Params.packVersion(version);
        int n;
        try {
            n = last == null ? 100 : Integer.parseInt(last);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > config.dryRunMax()) {
            throw new ProblemException(400, "INVALID_LAST", "last must be between 1 and " + config.dryRunMax());
        }
        int count = n;
        return registry.resolve(version).chain(l -> dryRun.run(registry.assessor(), l.pack(), count));
    }

    /** Refused packs: problem+json whose {@code problems} lists every loader or sample problem. */
    @ServerExceptionMapper
    public Response refused(PackRefused e) {
        int status = switch (e.code()) {
            case "PACK_NOT_FOUND" -> 404;
            case "PACK_EXISTS" -> 409;
            case "PACK_TOO_LARGE" -> 413;
            case "PACK_INVALID", "PACK_SAMPLES_FAILED" -> 422;
            default -> 400;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://admissiongate.example/problems/" + e.code().toLowerCase().replace('_', '-'));
        body.put("title", Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", e.getMessage());
        body.put("code", e.code());
        if (!e.problems().isEmpty()) {
            body.put("problems", e.problems());
        }
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** Sample cases of a rule: each with its expectation and the document patches it applies over _base. */
    private List<JsonNode> samples(Function<String, byte[]> files) {
        List<JsonNode> out = new ArrayList<>();
        byte[] expected = files.apply("expected.yaml");
        if (expected == null) {
            return out;
        }
        try {
            JsonNode cases = YAML.readTree(expected).path("cases");
            Iterator<Map.Entry<String, JsonNode>> it = cases.fields();
            while (it.hasNext()) {
                var c = it.next();
                ObjectNode node = mapper.createObjectNode();
                node.put("case", c.getKey());
                node.setAll((ObjectNode) (c.getValue().isObject() ? c.getValue() : mapper.createObjectNode()));
                ObjectNode patches = node.putObject("patches");
                for (String doc : List.of("facts", "submission", "history", "catalog")) {
                    byte[] patch = files.apply(c.getKey() + "/" + doc + ".json");
                    if (patch != null) {
                        patches.set(doc, mapper.readTree(patch));
                    }
                }
                out.add(node);
            }
        } catch (IOException e) {
            ArrayNode none = mapper.createArrayNode();
            none.add("samples cannot be read: " + e.getMessage());
            out.add(none);
        }
        return out;
    }

    /** Sample cases from the shipped index: case, outcome, action; no patches (those ship with the tests only). */
    static List<JsonNode> fromIndex(ObjectMapper mapper, List<PackSamples.Sample> index) {
        List<JsonNode> out = new ArrayList<>();
        for (PackSamples.Sample s : index) {
            ObjectNode node = mapper.createObjectNode();
            node.put("case", s.name());
            node.put("outcome", s.outcome());
            if (s.action() != null) {
                node.put("action", s.action());
            }
            node.putObject("patches");
            out.add(node);
        }
        return out;
    }

    private static byte[] classpath(String name) {
        try (InputStream in = RulePackResource.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

}
