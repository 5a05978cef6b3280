package com.admissiongate.bench;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.policy.RuleShapes;
import com.admissiongate.cli.ScanCommand;
import com.admissiongate.verdict.HistoryService;
import com.admissiongate.verdict.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Catalog-scale data for the re-review benchmark (scripts/bench-rereview.sh): N listed apps, each with stored Facts,
 * its verdict (revision 1) and a LISTED listing, bulk-loaded with COPY.
 * <p>
 * Facts are real documents ({@code ./gate facts} of corpus APKs, in src/test/resources/bench/rereview) with a new
 * sha256 and package per row. Each template comes in two variants: targetSdk 30 (a {@code changedShare} of the rows)
 * and targetSdk 34. The stored verdict of a variant is what the current classpath pack decides for it, with the
 * history the re-review will build (for an ACCEPTed app its own verdict is the last accepted version), so under the
 * same pack nothing changes; a pack that raises BUILD-01's threshold to 31 changes exactly the targetSdk-30 rows.
 * <p>
 * Usage: {@code ReReviewBenchGenerator <jdbc-url> <user> <password> <count> <changedShare>}; prints
 * {@code generated=<n> expectedChanged=<n> factsBytesAvg=<n> seconds=<s>}. With {@code --decisions-offset
 * <bootstrap>} it prints how many records store.decisions holds.
 */
public final class ReReviewBenchGenerator {

    static final String TEMPLATES = "src/test/resources/bench/rereview";
    static final int CHANGED_SDK = 30;
    static final int STABLE_SDK = 34;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One template in one targetSdk: its Facts and findings as text with the package still the template's. */
    record Variant(String pkg, String sha, String facts, String submission, String decision, String findings,
                   String signer, boolean changes) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--decisions-offset")) {
            System.out.println(decisionsOffset(args[1]));
            return;
        }
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int count = Integer.parseInt(args[3]);
        double changedShare = Double.parseDouble(args[4]);
        long t0 = System.nanoTime();

        PolicyAssessor assessor = ScanCommand.offlineAssessor();
        HistoryService history = new HistoryService(JSON, null);
        List<Variant[]> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(TEMPLATES))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ObjectNode facts = (ObjectNode) JSON.readTree(f.toFile());
                // the templates were captured by an earlier analyzer: stored Facts of another analyzer version are
                // queued for re-analysis, not re-evaluated, so they are stamped with the current one (the sections
                // a newer analyzer adds are simply absent, as for an app without them)
                facts.put("analyzerVersion", assessor.assembler().analyzerVersion());
                templates.add(new Variant[]{variant(assessor, history, facts.deepCopy(), STABLE_SDK, false),
                        variant(assessor, history, facts.deepCopy(), CHANGED_SDK, true)});
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no Facts templates in " + TEMPLATES);
        }
        String pack = assessor.pack().version();
        String analyzer = JSON.readTree(templates.get(0)[0].facts()).path("analyzerVersion").asText();

        Random random = new Random(42);
        long changed = 0;
        long factsBytes = 0;
        Instant decidedAt = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Statement s = c.createStatement()) {
                // a fresh catalog per run; verdict_revision's append-only trigger is per row, TRUNCATE is allowed
                s.execute("truncate listing, facts, outbox, re_review_run, re_analysis_request, verdict, verdict_revision");
            }
            // what the service that judged these verdicts would have recorded for its pack (EvaluationBasis): without it
            // a re-review cannot reuse their stored rule results and evaluates every app in full
            try (var basis = c.prepareStatement("insert into rule_pack_basis (pack_version, engine, overrides_sha256, "
                    + "rule_digests, recorded_at) values (?, ?, ?, ?, ?) on conflict do nothing")) {
                basis.setString(1, pack);
                basis.setString(2, RuleShapes.ENGINE);
                basis.setString(3, assessor.overridesDigest());
                basis.setString(4, JSON.writeValueAsString(RuleShapes.digests(assessor.pack())));
                // recorded before the verdicts were decided, as by the replica that decided them
                basis.setObject(5, java.time.OffsetDateTime.ofInstant(decidedAt.minus(1, ChronoUnit.DAYS), java.time.ZoneOffset.UTC));
                basis.executeUpdate();
            }
            Writer facts = writer(copy, "copy facts (sha256, analyzer_version, document) from stdin with (format csv)");
            // one COPY at a time per connection: the big Facts stream directly, the rest is staged to files
            Path verdictFile = Files.createTempFile("rr-verdict", ".csv");
            Path revFile = Files.createTempFile("rr-rev", ".csv");
            Path listFile = Files.createTempFile("rr-list", ".csv");
            try (Writer verdicts = Files.newBufferedWriter(verdictFile); Writer revisions = Files.newBufferedWriter(revFile);
                 Writer listings = Files.newBufferedWriter(listFile)) {
                byte[] sha = new byte[32];
                for (int i = 0; i < count; i++) {
                    Variant[] t = templates.get(i % templates.size());
                    boolean change = random.nextDouble() < changedShare;
                    Variant v = t[change ? 1 : 0];
                    changed += change ? 1 : 0;
                    random.nextBytes(sha);
                    String newSha = HexFormat.of().formatHex(sha);
                    String newPkg = v.pkg() + ".b" + String.format("%07d", i);
                    String uploadId = "bench-" + i;
                    String doc = v.facts().replace(v.sha(), newSha).replace(v.pkg(), newPkg);
                    factsBytes += doc.length();
                    String findings = v.findings().replace(v.sha(), newSha).replace(v.pkg(), newPkg);
                    String submission = v.submission().replace(v.pkg(), newPkg).replace("bench-upload", uploadId);
                    row(facts, newSha, analyzer, doc);
                    row(verdicts, uploadId, newPkg, "1", newSha, "dev-" + (i % 1000), "实用工具类", "f", v.decision(),
                            "UPLOAD", pack, analyzer, v.signer(), findings, submission, decidedAt.toString(), "1");
                    row(revisions, uploadId, "1", v.decision(), "UPLOAD", pack, findings, decidedAt.toString());
                    row(listings, newPkg, "1", newSha, "LISTED", decidedAt.toString(), "bench-listing-" + i,
                            decidedAt.toString());
                }
            }
            facts.close();
            copyFile(copy, "copy verdict (upload_id, package_name, version_code, sha256, developer_id, "
                    + "app_type, minors_targeted, decision, reason, rule_pack_version, analyzer_version, signer_sha256, "
                    + "findings, submission, decided_at, revision) from stdin with (format csv)", verdictFile);
            copyFile(copy, "copy verdict_revision (upload_id, revision, decision, reason, rule_pack_version, findings, "
                    + "decided_at) from stdin with (format csv)", revFile);
            copyFile(copy, "copy listing (package_name, version_code, sha256, state, at, event_id, updated_at) "
                    + "from stdin with (format csv)", listFile);
            Files.delete(verdictFile);
            Files.delete(revFile);
            Files.delete(listFile);
            try (Statement s = c.createStatement()) {
                s.execute("analyze facts");
                s.execute("analyze verdict");
                s.execute("analyze listing");
            }
        }
        System.out.printf("generated=%d expectedChanged=%d factsBytesAvg=%d seconds=%.1f%n", count, changed,
                count == 0 ? 0 : factsBytes / count, (System.nanoTime() - t0) / 1e9);
    }

    /** Records on store.decisions so far (sum of end offsets), to count what a run published. */
    static long decisionsOffset(String bootstrap) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(p)) {
            var partitions = consumer.partitionsFor("store.decisions", java.time.Duration.ofSeconds(10)).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** PolicySource as AssessorProducer builds it with the service's defaults (gate.privacy.allowed-hosts empty). */
    static final com.admissiongate.privacy.PolicySource BENCH_POLICIES = new com.admissiongate.privacy.PolicySource(
            new com.admissiongate.privacy.PrivacyPolicyParser(com.admissiongate.privacy.PrivacyLimits.defaults(),
                    com.admissiongate.catalog.CatalogLoader.fromClasspath().sdks()),
            null, new com.admissiongate.privacy.UrlPolicyFetcher(List.of(),
                    new com.admissiongate.privacy.AddressGuard(com.admissiongate.privacy.AddressGuard.SYSTEM), 1 << 20,
                    java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10), 3));

    static Variant variant(PolicyAssessor assessor, HistoryService history, ObjectNode facts, int targetSdk,
                           boolean changes) throws IOException {
        ((ObjectNode) facts.path("manifest")).put("targetSdk", targetSdk);
        String pkg = facts.path("manifest").path("package").asText();
        String sha = facts.path("sha256").asText();
        if (pkg.isEmpty() || sha.length() != 64) {
            throw new IllegalStateException("template without package or sha256: " + pkg + " " + sha);
        }
        ObjectNode submission = submission(pkg);
        // the section the upload stored for the submission's policy URL, as the service (and its re-review, which
        // fetches URL policies again) resolves it: no policy host allowed by default, so the URL is refused
        facts.set("privacyPolicy", JSON.valueToTree(BENCH_POLICIES.resolve(null, submission)));
        String signer = facts.path("signing").path("signers").path(0).path("certSha256").asText(null);
        Assessment first = assessor.evaluate(facts, submission, history.toHistory(null, null));
        Assessment stored = first;
        if (first.decision() == Assessment.Decision.ACCEPT) {
            // the re-review's history of an ACCEPTed app is the app itself (its own verdict is the last ACCEPT)
            Verdict self = new Verdict();
            self.uploadId = "bench-upload";
            self.versionCode = 1;
            self.sha256 = sha;
            self.signerSha256 = signer;
            Assessment again = assessor.evaluate(facts, submission, history.toHistory(self, facts));
            if (again.decision() == Assessment.Decision.ACCEPT) {
                stored = again;
            }
        }
        System.err.printf("template %s targetSdk=%d -> %s (%d findings, facts %d bytes)%n", pkg, targetSdk,
                stored.decision(), stored.findings().size(), JSON.writeValueAsString(facts).length());
        return new Variant(pkg, sha, JSON.writeValueAsString(facts), JSON.writeValueAsString(submission),
                stored.decision().name(), JSON.writeValueAsString(stored.findings()), signer, changes);
    }

    /** A complete submission (every META field present), so the rules judge the binary, not missing paperwork. */
    static ObjectNode submission(String pkg) {
        ObjectNode s = JSON.createObjectNode();
        s.put("uploadId", "bench-upload").put("package", pkg).put("versionCode", 1).put("appName", "基准应用")
                .put("basicFunction", "记事和待办").put("appType", "实用工具类").put("submittedAt", "2026-01-15T08:00:00Z");
        s.putObject("developer").put("id", "dev-bench").put("name", "示例科技有限公司").put("piContact", "privacy@example.com");
        s.putObject("audience").put("minAge", 18).putNull("maxAge").put("minorsTargeted", false);
        s.putObject("privacyPolicy").put("url", "https://example.com/privacy").putNull("objectKey").put("language", "zh-Hans");
        s.putArray("declaredSdks");
        s.putObject("permissionPurposes");
        s.putObject("filing").put("number", "京ICP备2024000001号-1A")
                .put("certSha256", "3b0f8a4c6e2d1f5a7b9c0d2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a0b2c4d6e8f0a")
                .put("certMd5", "9e107d9d372bb6826bd81d3542a419d6");
        return s;
    }

    private static Writer writer(CopyManager copy, String sql) throws Exception {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy.copyIn(sql), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static void copyFile(CopyManager copy, String sql, Path file) throws Exception {
        try (var in = Files.newBufferedReader(file)) {
            copy.copyIn(sql, in);
        }
    }

    private static void row(Writer w, String... cols) throws IOException {
        for (int i = 0; i < cols.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = cols[i];
            if (v == null) {
                continue; // unquoted empty = NULL in CSV COPY
            }
            w.write('"');
            w.write(v.indexOf('"') < 0 ? v : v.replace("\"", "\"\""));
            w.write('"');
        }
        w.write('\n');
    }
}
