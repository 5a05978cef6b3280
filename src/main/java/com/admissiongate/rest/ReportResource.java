package com.admissiongate.rest;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Assessor;
import com.admissiongate.analysis.Finding;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.policy.RulePack;
import com.admissiongate.report.HtmlReportWriter;
import com.admissiongate.report.JsonReportWriter;
import com.admissiongate.report.ReportInput;
import com.admissiongate.report.SarifReportWriter;
import com.admissiongate.verdict.FactsStore;
import com.admissiongate.verdict.Verdict;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Reports of a stored verdict, rebuilt from the verdict row and its stored Facts (the APK is never re-read):
 * SARIF 2.1.0 for code-scanning tools, the verdict as JSON, and the bilingual HTML rectification notice.
 */
@RolesAllowed({Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/v1/verdicts/{uploadId}/report")
public class ReportResource {

    private static final Set<String> FORMATS = Set.of("json", "sarif", "html");

    private final ObjectMapper mapper;
    private final FactsStore facts;
    private final PolicyAssessor assessor;

    public ReportResource(ObjectMapper mapper, FactsStore facts, Assessor assessor) {
        this.mapper = mapper;
        this.facts = facts;
        // the pack is read per report: an activated pack replaces it at run time (PackRegistry)
        this.assessor = assessor instanceof PolicyAssessor p ? p : null;
    }

    @GET
    @WithSession
    public Uni<Response> report(@PathParam("uploadId") String uploadId,
                                @QueryParam("format") @DefaultValue("html") String format) {
        VerdictResource.checkUploadId(uploadId);
        if (!FORMATS.contains(format)) {
            throw new ProblemException(400, "INVALID_FORMAT", "format must be one of json, sarif, html");
        }
        return Verdict.<Verdict>find("uploadId", uploadId).firstResult().chain(v -> {
            if (v == null) {
                throw new ProblemException(404, "VERDICT_NOT_FOUND", "no verdict for upload " + uploadId);
            }
            return facts.of(v).map(f -> render(v, f, format));
        });
    }

    private Response render(Verdict v, JsonNode facts, String format) {
        try {
            List<Finding> findings = mapper.readValue(v.findings, new TypeReference<List<Finding>>() { });
            Assessment a = new Assessment(Assessment.Decision.valueOf(v.decision), v.rectifyBy, v.retryable,
                    v.rulePackVersion, v.analyzerVersion, findings, facts, v.signerSha256);
            RulePack pack = assessor == null ? null : assessor.pack();
            ReportInput in = new ReportInput(a, v.packageName + "-" + v.versionCode + ".apk", pack);
            return switch (format) {
                case "sarif" -> Response.ok(new SarifReportWriter("0.1.0").render(in), "application/sarif+json").build();
                case "json" -> Response.ok(new JsonReportWriter().render(in), "application/json").build();
                default -> Response.ok(new HtmlReportWriter().render(in), "text/html; charset=UTF-8")
                        // app labels and evidence are attacker-controlled: no script may run in the notice
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                        .header("X-Content-Type-Options", "nosniff").build();
            };
        } catch (IOException e) {
            throw new IllegalStateException("stored verdict " + v.uploadId + " cannot be rendered", e);
        }
    }
}
