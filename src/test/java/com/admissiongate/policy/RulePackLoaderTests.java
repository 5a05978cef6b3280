package com.admissiongate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackLoaderTests {

    private static final String PACK_YAML = "name: test-pack\nversion: 0.1.0\ndescription: test\nrules:\n"
            + "  - TEST-01-TARGET.yaml\n";
    private static final String VALID_RULE = String.join("\n",
            "id: TEST-01-TARGET",
            "title: {zh: 测试, en: Test}",
            "basis: [{instrument: test, clause: null}]",
            "severity: LOW",
            "needs: [manifest]",
            "violation: facts.manifest.targetSdk < 30",
            "outcome: WARN",
            "message: {zh: 'x {{evidence}}', en: 'x {{evidence}}'}",
            "fix: {zh: 修复, en: Fix}",
            "");

    @TempDir
    Path dir;

    private Path writePack(String rule) throws IOException {
        Files.writeString(dir.resolve("pack.yaml"), PACK_YAML);
        Files.writeString(dir.resolve("TEST-01-TARGET.yaml"), rule);
        return dir;
    }

    private List<String> loadProblems(Path packDir) {
        return catchThrowableOfType(RulePackLoadException.class, () -> new RulePackLoader().load(packDir)).problems();
    }

    @Test
    void shouldLoadShippedPackWithSemverAndContentHashVersion() throws Exception {
        RulePack fromClasspath = PolicyTestSupport.pack();
        RulePack fromDir = new RulePackLoader().load(PolicyTestSupport.PACK_DIR);

        assertThat(fromClasspath.version()).matches("cn-app-pi@1\\.4\\.0\\+sha256:[0-9a-f]{8}");
        assertThat(fromClasspath.contentSha256()).hasSize(64).isEqualTo(fromDir.contentSha256());
        assertThat(fromClasspath.version()).isEqualTo(fromDir.version());
        assertThat(fromClasspath.rules()).hasSize(61);
        assertThat(fromClasspath.rules().get(0).id()).isEqualTo("SEC-00-HOSTILE-ARCHIVE");
    }

    @Test
    void packIndexListsEveryRuleFileOfTheShippedPack() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(PolicyTestSupport.PACK_DIR)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("pack.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> indexed = new ArrayList<>();
        new ObjectMapper(new YAMLFactory()).readTree(PolicyTestSupport.PACK_DIR.resolve("pack.yaml").toFile())
                .get("rules").forEach(n -> indexed.add(n.asText()));

        assertThat(new TreeSet<>(indexed)).isEqualTo(onDisk);
        assertThat(indexed).hasSize(onDisk.size());
    }

    @Test
    void contractSchemasAreByteIdenticalToClasspathCopies() throws IOException {
        for (String name : List.of("rule.schema.json", "pack.schema.json")) {
            assertThat(Files.readAllBytes(Path.of("contracts/policy", name))).as(name)
                    .isEqualTo(Files.readAllBytes(Path.of("src/main/resources/policies", name)));
        }
    }

    @Test
    void brokenCelExpressionFailsLoadWithFileFieldAndPosition() throws IOException {
        writePack(VALID_RULE.replace("violation: facts.manifest.targetSdk < 30",
                "violation: |-\n  facts.manifest.targetSdk < 30\n  && facts.manifest.("));

        List<String> problems = loadProblems(dir);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("TEST-01-TARGET.yaml: violation:2:19: ");
    }

    @Test
    void nonBoolViolationFailsLoadWithItsType() throws IOException {
        writePack(VALID_RULE.replace("violation: facts.manifest.targetSdk < 30", "violation: size(facts)"));

        assertThat(loadProblems(dir)).containsExactly("TEST-01-TARGET.yaml: violation: must be bool, type-checks as int");
    }

    @Test
    void brokenMessageExpressionFailsLoad() throws IOException {
        writePack(VALID_RULE.replace("en: 'x {{evidence}}'", "en: 'x {{expr: facts.(}}'"));

        assertThat(loadProblems(dir)).singleElement().asString()
                .startsWith("TEST-01-TARGET.yaml: message.en {{expr}}:1:7: ");
    }

    @Test
    void schemaInvalidRuleFailsLoadNamingTheField() throws IOException {
        writePack(VALID_RULE.replace("severity: LOW", "severity: SEVERE"));

        assertThat(loadProblems(dir)).singleElement().asString()
                .startsWith("TEST-01-TARGET.yaml: schema: $.severity: does not have a value in the enumeration");
    }

    @Test
    void rectifyRuleWithoutDeadlineFailsSchema() throws IOException {
        writePack(VALID_RULE.replace("outcome: WARN", "outcome: RECTIFY"));

        assertThat(loadProblems(dir)).singleElement().asString()
                .isEqualTo("TEST-01-TARGET.yaml: schema: $: required property 'rectifyDays' not found");
    }

    @Test
    void ruleFileMissingFromIndexFailsDirectoryLoad() throws IOException {
        writePack(VALID_RULE);
        Files.writeString(dir.resolve("TEST-02-EXTRA.yaml"), VALID_RULE.replace("TEST-01-TARGET", "TEST-02-EXTRA"));

        assertThat(loadProblems(dir)).containsExactly("TEST-02-EXTRA.yaml: not listed in pack.yaml rules:");
    }

    @Test
    void fileNameMustMatchRuleId() throws IOException {
        writePack(VALID_RULE.replace("id: TEST-01-TARGET", "id: TEST-09-OTHER"));

        assertThat(loadProblems(dir)).containsExactly("TEST-01-TARGET.yaml: file name must be TEST-09-OTHER.yaml");
    }

    @Test
    void invalidSemverFailsPackSchema() throws IOException {
        writePack(VALID_RULE);
        Files.writeString(dir.resolve("pack.yaml"), PACK_YAML.replace("0.1.0", "1.0"));

        assertThat(loadProblems(dir)).singleElement().asString().startsWith("pack.yaml: schema: $.version:");
    }

    @Test
    void contentHashChangesWithAnyRuleByte() throws Exception {
        RulePack first = new RulePackLoader().load(writePack(VALID_RULE));
        RulePack second = new RulePackLoader().load(writePack(VALID_RULE.replace("< 30", "<  30")));

        assertThat(first.semver()).isEqualTo(second.semver());
        assertThat(first.version()).isNotEqualTo(second.version());
        assertThat(first.contentSha256()).isEqualTo(RulePackLoader.contentHash(new java.util.TreeMap<>(java.util.Map.of(
                "TEST-01-TARGET.yaml", VALID_RULE.getBytes(StandardCharsets.UTF_8)))));
    }
}
