package com.admissiongate.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operator overrides from a YAML file ({@code overrides: [ {ruleId, appTypes, minorsTargeted, outcome,
 * rectifyDays, reason} ]}); see {@code policies/overrides.example.yaml}. The first matching entry wins.
 * Applied at evaluation time so that operators never edit rules or Java.
 */
public final class OutcomeOverrides {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final OutcomeOverrides NONE = new OutcomeOverrides(List.of());

    private final List<OutcomeOverride> entries;

    public OutcomeOverrides(List<OutcomeOverride> entries) {
        this.entries = List.copyOf(entries);
    }

    public static OutcomeOverrides none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException naming the entry index and field when the file is malformed
     */
    public static OutcomeOverrides load(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    public static OutcomeOverrides parse(byte[] yaml, String name) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return none();
        }
        JsonNode list = root.get("overrides");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(name + ": top-level 'overrides' list is required");
        }
        List<OutcomeOverride> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            OutcomeOverride o;
            try {
                o = YAML.treeToValue(list.get(i), OutcomeOverride.class);
            } catch (IOException e) {
                throw new IllegalArgumentException(name + ": overrides[" + i + "]: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
            if (o.ruleId() == null || o.outcome() == null) {
                throw new IllegalArgumentException(name + ": overrides[" + i + "]: ruleId and outcome are required");
            }
            if (o.reason() == null || o.reason().isBlank()) {
                throw new IllegalArgumentException(name + ": overrides[" + i + "]: reason is required (audit)");
            }
            if (o.rectifyDays() != null && o.rectifyDays() < 1) {
                throw new IllegalArgumentException(name + ": overrides[" + i + "]: rectifyDays must be >= 1, was "
                        + o.rectifyDays());
            }
            entries.add(o);
        }
        return new OutcomeOverrides(entries);
    }

    public List<OutcomeOverride> entries() {
        return entries;
    }

    /** Problems such as overrides naming rules the pack does not have (likely typos). */
    public List<String> check(RulePack pack) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (pack.rule(entries.get(i).ruleId()).isEmpty()) {
                problems.add("overrides[" + i + "]: rule " + entries.get(i).ruleId() + " is not in "
                        + pack.version());
            }
        }
        return problems;
    }

    Optional<Match> find(String ruleId, Map<String, Object> submission) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Object appType = submission.get("appType");
        Object audience = submission.get("audience");
        Object minors = audience instanceof Map ? ((Map<?, ?>) audience).get("minorsTargeted") : null;
        for (int i = 0; i < entries.size(); i++) {
            OutcomeOverride o = entries.get(i);
            if (o.matches(ruleId, appType instanceof String ? (String) appType : null,
                    minors instanceof Boolean ? (Boolean) minors : null)) {
                return Optional.of(new Match(i, o));
            }
        }
        return Optional.empty();
    }

    record Match(int index, OutcomeOverride entry) {
        String note(Action from) {
            return "overrides[" + index + "]: " + (from == null ? "" : from + " -> ") + entry.outcome()
                    + " (" + entry.reason() + ")";
        }
    }
}
