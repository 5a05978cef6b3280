package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one assessment as a SARIF 2.1.0 log (one run), the format code-scanning tools (GitHub, Azure DevOps,
 * VS Code SARIF viewer) import. Rules are declared once in {@code tool.driver.rules} and results point back by
 * {@code ruleId}/{@code ruleIndex}; the regulation clauses behind the rules form the taxonomy
 * {@value #TAXONOMY}, tied to rules through {@code relationships}.
 *
 * <p>Evidence placement: DEX methods/classes become {@code logicalLocations} (plus the APK as physical location,
 * because code-scanning UIs only show results with one), manifest evidence becomes a location in
 * {@code AndroidManifest.xml}, anything else stays in {@code result.properties.evidence}.
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 */
public final class SarifReportWriter {

    public static final String TOOL_NAME = "admission-gate";
    public static final String TAXONOMY = "cn-app-pi-regulations";
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String DEFAULT_INFORMATION_URI = "https://github.com/admission-gate/admission-gate";
    static final String MANIFEST_URI = "AndroidManifest.xml";
    /** GitHub code scanning keeps at most 10 locations per result; the rest stay in properties.evidence. */
    static final int MAX_LOCATIONS = 10;

    private final ObjectMapper mapper = new ObjectMapper();
    private final String toolVersion;
    private final String informationUri;

    public SarifReportWriter(String toolVersion, String informationUri) {
        this.toolVersion = toolVersion;
        this.informationUri = informationUri;
    }

    public SarifReportWriter(String toolVersion) {
        this(toolVersion, DEFAULT_INFORMATION_URI);
    }

    public void write(ReportInput in, Writer out) throws IOException {
        mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out, toSarif(in));
    }

    public String render(ReportInput in) {
        try {
            return mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toSarif(in));
        } catch (IOException e) {
            throw new IllegalStateException("SARIF tree does not serialise", e);
        }
    }

    public ObjectNode toSarif(ReportInput in) {
        Assessment a = in.assessment();
        AppIdentity app = in.identity();
        List<ReportRule> rules = ReportRule.declared(in);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        Map<String, Integer> taxonIndex = new LinkedHashMap<>();
        ArrayNode taxa = mapper.createArrayNode();
        for (ReportRule r : rules) {
            for (Map<String, String> b : r.basis()) {
                String id = taxonId(b);
                if (id != null && !taxonIndex.containsKey(id)) {
                    taxonIndex.put(id, taxa.size());
                    ObjectNode t = taxa.addObject().put("id", id).put("name", id);
                    t.putObject("shortDescription").put("text", id);
                    t.putObject("properties").put("instrument", b.get("instrument")).put("clause", b.get("clause"));
                }
            }
        }

        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA_URI).put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL_NAME).put("version", toolVersion).put("informationUri", informationUri);
        driver.putObject("properties").put("rulePackVersion", a.rulePackVersion())
                .put("analyzerVersion", a.analyzerVersion());
        driver.putArray("supportedTaxonomies").addObject().put("name", TAXONOMY).put("index", 0);
        ArrayNode ruleArray = driver.putArray("rules");
        for (ReportRule r : rules) {
            ruleArray.add(rule(r, taxonIndex));
        }

        ObjectNode taxonomy = run.putArray("taxonomies").addObject();
        taxonomy.put("name", TAXONOMY);
        if (in.pack() != null) {
            taxonomy.put("version", in.pack().version());
        }
        taxonomy.put("organization", "admission-gate");
        taxonomy.putObject("shortDescription")
                .put("text", "Chinese app personal-information regulations and standards cited by the rule pack");
        taxonomy.put("isComprehensive", false);
        taxonomy.set("taxa", taxa);

        ObjectNode invocation = run.putArray("invocations").addObject();
        JsonNode facts = a.facts();
        boolean complete = facts != null && facts.path("complete").asBoolean(false);
        invocation.put("executionSuccessful", complete);
        if (facts == null) {
            notification(invocation, "error", "the APK was not analysed");
        } else {
            for (JsonNode inc : facts.path("incomplete")) {
                notification(invocation, "warning",
                        inc.path("area").asText("?") + " not fully analysed: " + inc.path("reason").asText(""));
            }
        }

        ArrayNode artifacts = run.putArray("artifacts");
        ObjectNode apk = artifacts.addObject();
        apk.putObject("location").put("uri", uri(in.artifactName()));
        if (app.size() != null) {
            apk.put("length", app.size());
        }
        apk.put("mimeType", "application/vnd.android.package-archive");
        apk.putArray("roles").add("analysisTarget");
        if (app.sha256() != null) {
            apk.putObject("hashes").put("sha-256", app.sha256());
        }
        ObjectNode manifest = artifacts.addObject();
        manifest.putObject("location").put("uri", MANIFEST_URI);
        manifest.put("parentIndex", 0);

        ArrayNode results = run.putArray("results");
        for (Finding f : a.findings()) {
            results.add(result(f, ruleIndex.get(f.ruleId()), in, app));
        }

        ObjectNode props = run.putObject("properties");
        props.put("decision", a.decision() == null ? null : a.decision().name());
        props.put("rectifyBy", a.rectifyBy() == null ? null : a.rectifyBy().toString());
        props.put("retryable", a.retryable());
        props.put("rulePackVersion", a.rulePackVersion());
        props.put("analyzerVersion", a.analyzerVersion());
        ObjectNode appNode = props.putObject("app");
        appNode.put("name", app.name()).put("package", app.packageName()).put("versionName", app.versionName())
                .put("sha256", app.sha256()).put("signerSha256", app.signerSha256());
        if (app.versionCode() != null) {
            appNode.put("versionCode", app.versionCode());
        }
        return log;
    }

    private ObjectNode rule(ReportRule r, Map<String, Integer> taxonIndex) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", r.id()).put("name", ruleName(r));
        String en = r.titleEn() != null ? r.titleEn() : r.id();
        n.putObject("shortDescription").put("text", en);
        n.putObject("fullDescription").put("text", r.titleZh() == null ? en : en + " (" + r.titleZh() + ")");
        String fixEn = r.fixEn() == null ? "" : r.fixEn();
        String fixZh = r.fixZh() == null ? "" : r.fixZh();
        n.putObject("help").put("text", (fixEn + "\n" + fixZh).strip())
                .put("markdown", ("**How to fix:** " + fixEn + "\n\n**整改方法：** " + fixZh).strip());
        n.putObject("defaultConfiguration").put("level", level(r.outcome()));
        ObjectNode props = n.putObject("properties");
        props.put("severity", r.severity()).put("outcome", r.outcome()).put("titleZh", r.titleZh());
        if (r.rectifyDays() != null) {
            props.put("rectifyDays", r.rectifyDays());
        }
        String securitySeverity = securitySeverity(r.severity());
        if (securitySeverity != null) {
            props.put("security-severity", securitySeverity);
        }
        ArrayNode basis = props.putArray("basis");
        r.basis().forEach(b -> basis.addObject().put("instrument", b.get("instrument")).put("clause", b.get("clause")));
        props.putArray("tags").add("security").add("privacy").add("cn-app-pi").add(RuleGroups.of(r.id()).key());
        ArrayNode rel = mapper.createArrayNode();
        for (Map<String, String> b : r.basis()) {
            String id = taxonId(b);
            if (id == null) {
                continue;
            }
            ObjectNode target = rel.addObject().putObject("target");
            target.put("id", id).put("index", taxonIndex.get(id));
            target.putObject("toolComponent").put("name", TAXONOMY).put("index", 0);
            ((ObjectNode) rel.get(rel.size() - 1)).putArray("kinds").add("relevant");
        }
        if (!rel.isEmpty()) {
            n.set("relationships", rel);
        }
        return n;
    }

    private ObjectNode result(Finding f, Integer ruleIdx, ReportInput in, AppIdentity app) {
        ObjectNode n = mapper.createObjectNode();
        n.put("ruleId", f.ruleId());
        if (ruleIdx != null) {
            n.put("ruleIndex", ruleIdx);
        }
        n.put("level", level(f.outcome())).put("kind", "fail");
        String en = ReportRule.lang(f.message(), "en");
        String zh = ReportRule.lang(f.message(), "zh");
        n.putObject("message").put("text", en != null ? en : zh != null ? zh : f.ruleId());

        ArrayNode locations = mapper.createArrayNode();
        List<Object> rest = new ArrayList<>();
        List<Object> evidence = f.evidence() == null ? List.of() : f.evidence();
        for (Object e : evidence) {
            EvidenceLocator.Located loc = EvidenceLocator.locate(e);
            if (loc.kind() == EvidenceLocator.Kind.OTHER || locations.size() >= MAX_LOCATIONS) {
                rest.add(e);
            } else if (loc.kind() == EvidenceLocator.Kind.DEX) {
                ObjectNode l = locations.addObject();
                apkLocation(l, in);
                EvidenceLocator.SmaliRef ref = loc.ref();
                l.putArray("logicalLocations").addObject().put("name", ref.simpleName())
                        .put("fullyQualifiedName", ref.qualifiedName()).put("decoratedName", ref.smali())
                        .put("kind", ref.isMethod() ? "function" : "type");
                l.putObject("message").put("text", loc.text());
            } else {
                ObjectNode l = locations.addObject();
                l.putObject("physicalLocation").putObject("artifactLocation").put("uri", MANIFEST_URI).put("index", 1);
                l.putObject("message").put("text", loc.text());
            }
        }
        if (locations.isEmpty()) {
            apkLocation(locations.addObject(), in);
        }
        n.set("locations", locations);
        n.putObject("partialFingerprints").put("admissionGateFinding/v1", fingerprint(app.packageName(), f.ruleId(),
                evidence.isEmpty() ? "" : String.valueOf(evidence.get(0))));

        ObjectNode props = n.putObject("properties");
        props.put("messageZh", zh).put("outcome", f.outcome()).put("severity", f.severity());
        if (f.rectifyDays() != null) {
            props.put("rectifyDays", f.rectifyDays());
        }
        if (!rest.isEmpty()) {
            props.set("evidence", mapper.valueToTree(rest));
        }
        return n;
    }

    private void apkLocation(ObjectNode location, ReportInput in) {
        location.putObject("physicalLocation").putObject("artifactLocation").put("uri", uri(in.artifactName()))
                .put("index", 0);
    }

    private static void notification(ObjectNode invocation, String level, String text) {
        ArrayNode list = invocation.has("toolExecutionNotifications")
                ? (ArrayNode) invocation.get("toolExecutionNotifications")
                : invocation.putArray("toolExecutionNotifications");
        ObjectNode n = list.addObject();
        n.put("level", level);
        n.putObject("message").put("text", text);
    }

    /** REJECT→error, RECTIFY→warning, WARN→note: how strongly the store acts, mapped onto SARIF levels. */
    static String level(String outcome) {
        if ("REJECT".equals(outcome)) {
            return "error";
        }
        if ("RECTIFY".equals(outcome)) {
            return "warning";
        }
        return "note";
    }

    /** GitHub's numeric security-severity (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0). */
    private static String securitySeverity(String severity) {
        if (severity == null) {
            return null;
        }
        switch (severity) {
            case "critical":
                return "9.5";
            case "high":
                return "8.0";
            case "medium":
                return "5.5";
            case "low":
                return "3.0";
            default:
                return null;
        }
    }

    static String taxonId(Map<String, String> basis) {
        String instrument = basis.get("instrument");
        if (instrument == null || instrument.isBlank()) {
            return null;
        }
        String clause = basis.get("clause");
        return clause == null || clause.isBlank() ? instrument : instrument + " " + clause;
    }

    /** SARIF wants an identifier-like name: the English title in UpperCamelCase, else the id. */
    private static String ruleName(ReportRule r) {
        if (r.titleEn() == null) {
            return r.id();
        }
        StringBuilder sb = new StringBuilder();
        for (String w : r.titleEn().split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.length() == 0 ? r.id() : sb.toString();
    }

    /** Artifact names are file names or object keys; SARIF wants a URI reference, so spaces etc. are escaped. */
    static String uri(String name) {
        try {
            return new URI(null, null, name.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return "app.apk";
        }
    }

    private static String fingerprint(String pkg, String ruleId, String firstEvidence) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest((pkg + "|" + ruleId + "|" + firstEvidence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
