package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Finding;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;

/**
 * The verdict as one JSON document for scripts: which binary, the decision and deadline, the packs that produced it,
 * counts per outcome and every finding (the published Finding shape plus its notice section, {@code group}).
 * Facts are left out on purpose: {@code gate facts} prints them, and they are large.
 */
public final class JsonReportWriter {

    public static final int SCHEMA_VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper();

    public void write(ReportInput in, Writer out) throws IOException {
        mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out, toJson(in));
    }

    public String render(ReportInput in) {
        try {
            return mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(in));
        } catch (IOException e) {
            throw new IllegalStateException("report tree does not serialise", e);
        }
    }

    public ObjectNode toJson(ReportInput in) {
        Assessment a = in.assessment();
        AppIdentity app = in.identity();
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode id = root.putObject("app");
        id.put("artifact", in.artifactName()).put("name", app.name()).put("package", app.packageName());
        if (app.versionCode() == null) {
            id.putNull("versionCode");
        } else {
            id.put("versionCode", app.versionCode());
        }
        id.put("versionName", app.versionName()).put("sha256", app.sha256());
        if (app.size() == null) {
            id.putNull("size");
        } else {
            id.put("size", app.size());
        }
        id.put("signerSha256", app.signerSha256());
        root.put("decision", a.decision() == null ? null : a.decision().name());
        root.put("rectifyBy", a.rectifyBy() == null ? null : a.rectifyBy().toString());
        root.put("retryable", a.retryable());
        root.put("complete", a.facts() != null && a.facts().path("complete").asBoolean(false));
        root.putObject("packs").put("rulePack", a.rulePackVersion()).put("analyzer", a.analyzerVersion());
        ObjectNode counts = root.putObject("counts").put("REJECT", 0).put("RECTIFY", 0).put("WARN", 0);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : a.findings()) {
            if (f.outcome() != null && counts.has(f.outcome())) {
                counts.put(f.outcome(), counts.get(f.outcome()).asInt() + 1);
            }
            ObjectNode n = mapper.valueToTree(f);
            n.put("group", RuleGroups.of(f.ruleId()).key());
            findings.add(n);
        }
        return root;
    }
}
