package com.admissiongate.cli;

import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.report.SarifSchema;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.AxmlWriter;
import com.admissiongate.testkit.DexFixture;
import com.admissiongate.testkit.TestSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gate scan} end to end on built, signed fixtures: the real analyzer, catalogs and cn-app-pi pack (compiled once
 * for the class), each output format, and the exit code per --fail-on.
 */
class ScanCommandTests {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String GET_DEVICE_ID = "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;";

    @TempDir
    static Path dir;

    static PolicyAssessor assessor;
    static TestSigner signer;
    /** Signed release build, no permissions, backup off: ACCEPT with nothing to say. */
    static Path clean;
    /** Same, but android:allowBackup left on: ACCEPT with a SEC-05 WARN. */
    static Path backupOn;
    /** Reads the IMEI from com.example.scan.Tracker.collect: SDK-04 RECTIFY. */
    static Path readsImei;
    /** No signature at all: SIGN-01 REJECT. */
    static Path unsigned;
    /** Clean build carrying a 6 MB asset, past the progress-line threshold. */
    static Path large;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void buildFixturesAndLoadPackOnce() throws Exception {
        assessor = ScanCommand.offlineAssessor();
        signer = TestSigner.rsa("CN=Scan Tool, O=Example, C=CN", 2048);
        clean = write("clean-release.apk", signer.sign(build("com.example.scan", false, null, null), 24));
        backupOn = write("backup-on.apk", signer.sign(build("com.example.scan", true, null, null), 24));
        DexFixture dex = DexFixture.dex().cls("Lcom/example/scan/Tracker;", "Ljava/lang/Object;")
                .method("collect", "()V").invokeVirtual(GET_DEVICE_ID).end().end();
        readsImei = write("reads-imei.apk", signer.sign(build("com.example.scan", false, dex, null), 24));
        unsigned = write("unsigned.apk", build("com.example.scan", false, null, null));
        byte[] blob = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(blob);
        large = write("large-asset.apk", signer.sign(build("com.example.scan", false, null, blob), 24));
    }

    static byte[] build(String pkg, boolean allowBackup, DexFixture dex, byte[] asset) {
        ApkFixtureBuilder b = ApkFixtureBuilder.apk()
                .manifest(AxmlWriter.element("manifest").attr("package", pkg).android("versionCode", 3)
                        .android("versionName", "1.2")
                        .child(AxmlWriter.element("uses-sdk").android("minSdkVersion", 24)
                                .android("targetSdkVersion", 33))
                        .child(AxmlWriter.element("application").android("label", "Scan Tool")
                                .android("allowBackup", allowBackup)));
        if (dex != null) {
            b.dex("classes.dex", dex);
        }
        if (asset != null) {
            b.stored("assets/blob.bin", asset);
        }
        return b.build();
    }

    static Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A complete submission that matches the fixtures, filing included. */
    static Path meta() throws Exception {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("package", "com.example.scan").put("versionCode", 3).put("appName", "Scan Tool")
                .put("basicFunction", "Scans documents").put("appType", "实用工具类");
        m.putObject("developer").put("id", "dev-1").put("name", "Example Ltd").put("piContact", "pi@example.com");
        m.putObject("privacyPolicy").put("url", "https://example.com/privacy").put("language", "zh-Hans");
        m.putObject("audience").put("minAge", 18).put("minorsTargeted", false);
        m.putObject("filing").put("number", "京ICP备2024000001号-1A").put("certSha256", signer.certSha256());
        m.putArray("declaredSdks");
        Path p = dir.resolve("meta.json");
        MAPPER.writeValue(p.toFile(), m);
        return p;
    }

    static Run scan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ScanCommand(assessor));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static List<String> args(Path apk, String... more) {
        List<String> a = new ArrayList<>(List.of(apk.toString()));
        a.addAll(List.of(more));
        return a;
    }

    static Path fixture(String name) {
        switch (name) {
            case "clean":
                return clean;
            case "backupOn":
                return backupOn;
            case "readsImei":
                return readsImei;
            default:
                return unsigned;
        }
    }

    static String sha256(Path p) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @ParameterizedTest(name = "{0} --fail-on {1} -> exit {2}")
    @CsvSource({
            "clean, reject, 0", "clean, rectify, 0", "clean, warn, 0",
            "backupOn, reject, 0", "backupOn, rectify, 0", "backupOn, warn, 1",
            "readsImei, reject, 0", "readsImei, rectify, 1", "readsImei, warn, 1",
            "unsigned, reject, 1", "unsigned, rectify, 1", "unsigned, warn, 1"})
    void shouldExitOnlyWhenTheVerdictReachesFailOn(String fixture, String failOn, int exit) throws Exception {
        Run r = scan(fixture(fixture).toString(), "--meta", meta().toString(), "--fail-on", failOn);

        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    }

    @Test
    void shouldFailOnRejectByDefault() throws Exception {
        assertThat(scan(readsImei.toString(), "--meta", meta().toString()).exit()).isEqualTo(0);
        assertThat(scan(unsigned.toString(), "--meta", meta().toString()).exit()).isEqualTo(1);
    }

    @Test
    void shouldPrintReadableSummaryByDefault() throws Exception {
        Run r = scan(readsImei.toString(), "--meta", meta().toString());

        assertThat(r.out()).startsWith("reads-imei.apk: Scan Tool  com.example.scan 1.2 (3)\n")
                .contains("  signer " + signer.certSha256())
                .containsPattern("Decision: RECTIFY — rectify by \\d{4}-\\d{2}-\\d{2}\n")
                .contains("Findings: 0 REJECT, 1 RECTIFY, 0 WARN")
                .contains("RECTIFY SDK-04-DEVICE-IDS  Reads unchangeable device identifiers\n")
                .contains("  - " + GET_DEVICE_ID + " ← Lcom/example/scan/Tracker;->collect()V\n")
                .contains("  fix: Use resettable identifiers")
                .contains("  within 15 days");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void shouldWriteJsonVerdict() throws Exception {
        Run r = scan(readsImei.toString(), "--meta", meta().toString(), "--format", "json");
        JsonNode j = MAPPER.readTree(r.out());

        assertThat(j.get("decision").asText()).isEqualTo("RECTIFY");
        assertThat(j.get("findings").findValuesAsText("ruleId")).containsExactly("SDK-04-DEVICE-IDS");
        assertThat(j.at("/app/package").asText()).isEqualTo("com.example.scan");
        assertThat(j.at("/app/sha256").asText()).isEqualTo(sha256(readsImei));
        assertThat(j.at("/app/signerSha256").asText()).isEqualTo(signer.certSha256());
        assertThat(j.at("/packs/rulePack").asText()).startsWith("cn-app-pi@1.1.0+sha256:");
    }

    @ParameterizedTest
    @CsvSource({"clean", "backupOn", "readsImei", "unsigned"})
    void shouldWriteSarifThatValidatesAgainstTheOfficialSchema(String fixture) throws Exception {
        Run r = scan(fixture(fixture).toString(), "--meta", meta().toString(), "--format", "sarif",
                "--fail-on", "warn");
        JsonNode sarif = MAPPER.readTree(r.out());

        assertThat(SarifSchema.problems(sarif)).isEmpty();
        assertThat(sarif.at("/runs/0/artifacts/0/hashes/sha-256").asText()).isEqualTo(sha256(fixture(fixture)));
        assertThat(sarif.at("/runs/0/tool/driver/rules")).hasSize(assessor.pack().rules().size());
    }

    @Test
    void shouldPlaceTheImeiReadAtTheCallingMethodInSarif() throws Exception {
        JsonNode sarif = MAPPER.readTree(scan(readsImei.toString(), "--meta", meta().toString(), "--format", "SARIF").out());
        JsonNode result = sarif.at("/runs/0/results/0");

        assertThat(result.get("ruleId").asText()).isEqualTo("SDK-04-DEVICE-IDS");
        assertThat(result.get("level").asText()).isEqualTo("warning");
        assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("com.example.scan.Tracker.collect");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("reads-imei.apk");
    }

    @Test
    void shouldWriteHtmlNoticeToOutFile() throws Exception {
        Path html = dir.resolve("notice.html");
        Run r = scan(readsImei.toString(), "--meta", meta().toString(), "--format", "html", "--out", html.toString());

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("整改通知")
                .contains("<code>SDK-04-DEVICE-IDS</code>")
                .contains("<li><code>Landroid/telephony/TelephonyManager;-&gt;getDeviceId()Ljava/lang/String; ← "
                        + "Lcom/example/scan/Tracker;-&gt;collect()V</code></li>")
                .doesNotContain("<script");
    }

    @Test
    void shouldUseNeutralSubmissionWithoutMeta_andSaySo() {
        Run r = scan(clean.toString(), "--format", "json");

        assertThat(r.err()).contains("scan: note: no --meta given")
                .contains("META-* and filing findings depend on the real submission");
        assertThat(r.out()).contains("\"META-01-MISSING-FIELDS\"").contains("\"META-02-NO-FILING\"")
                // the neutral submission takes package and versionCode from the manifest: no mismatch evidence
                .doesNotContain("≠ APK").doesNotContain("MINOR-01");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void shouldPrintProgressOnStderrForLargeFilesOnly() throws Exception {
        Run big = scan(large.toString(), "--meta", meta().toString());
        Run small = scan(clean.toString(), "--meta", meta().toString());

        assertThat(big.err()).containsPattern("scan: analysing large-asset\\.apk \\(6\\.\\d MB\\)…\n")
                .containsPattern("scan: done in \\d+\\.\\d s\n");
        assertThat(big.out()).contains("Decision: ACCEPT");
        assertThat(small.err()).doesNotContain("analysing");
    }

    @Test
    void shouldExitTwoOnUsageErrors() throws Exception {
        Run badFormat = scan(clean.toString(), "--format", "pdf");
        Run badFailOn = scan(clean.toString(), "--fail-on", "never");
        Run noFile = scan(dir.resolve("missing.apk").toString());
        Path notJson = Files.writeString(dir.resolve("bad-meta.json"), "{package:");
        Path array = Files.writeString(dir.resolve("array-meta.json"), "[1]");
        Run badMeta = scan(clean.toString(), "--meta", notJson.toString());
        Run arrayMeta = scan(clean.toString(), "--meta", array.toString());
        Run noArgs = scan();

        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("expected one of text, json, sarif, html but was 'pdf'");
        assertThat(badFailOn.exit()).isEqualTo(2);
        assertThat(badFailOn.err()).contains("expected one of reject, rectify, warn but was 'never'");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("scan: not a file: ");
        assertThat(badMeta.exit()).isEqualTo(2);
        assertThat(badMeta.err()).contains("is not JSON");
        assertThat(arrayMeta.exit()).isEqualTo(2);
        assertThat(arrayMeta.err()).contains("must hold a JSON object");
        assertThat(noArgs.exit()).isEqualTo(2);
        assertThat(noArgs.out()).isEmpty();
    }

    @Test
    void shouldBeRegisteredUnderGate() {
        assertThat(new CommandLine(new GateCli()).getSubcommands()).containsKey("scan");
    }
}
