package com.admissiongate.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What re-review needs to know about each rule to reuse a stored result instead of evaluating the rule again:
 * <ul>
 * <li>a <b>digest</b> of the rule as written (every field: expressions, outcome, rectifyDays, texts), so a rule that
 * did not change between two packs is recognised by content, not by id;</li>
 * <li>whether it reads an input that can change after the verdict was taken (<b>volatile</b>): {@code history} (a
 * newer accepted version, another developer uploading the same policy, a registered key change). Facts, submission
 * and catalogs of a stored verdict do not change (catalogs are part of the analyzer version);</li>
 * <li>the <b>Facts parts</b> its expressions read, two levels deep ({@code facts.<section>.<key>}, or the whole
 * section when it is used any other way: {@code facts.sdks.filter(…)}, {@code 'x' in facts.manifest}), or null when
 * an expression uses {@code facts} other than by a field (then it needs the whole document).</li>
 * </ul>
 * Both tests are textual over every expression and message of the rule, so they over-approximate: a word
 * "history" in a message makes the rule volatile, which only costs an evaluation.
 */
public final class RuleShapes {

    /**
     * Version of the evaluation semantics outside the rule files (the CEL functions in {@link GateFunctions}, value
     * conversion, {@link PolicyEvaluator} and {@link DecisionPolicy}). A stored result is reused only under the same
     * engine: bump this whenever a change there could change any rule's result.
     */
    public static final String ENGINE = "gate-eval-1";

    /** Facts sections every reuse check reads whatever the rules: completeness decides ERROR outcomes. */
    public static final Set<String> ALWAYS = Set.of("complete", "incomplete", "analyzerVersion", "privacyPolicy");

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern FACTS = Pattern.compile("\\bfacts\\b");
    private static final Pattern FACTS_SECTION = Pattern.compile("\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CALL = Pattern.compile("\\s*\\(");
    private static final Pattern HISTORY = Pattern.compile("\\bhistory\\b");

    /** One rule's shape; {@code facts} null = the whole Facts document. */
    public record Shape(String digest, boolean volatileInputs, FactsSelection facts) {
    }

    private RuleShapes() {
    }

    /** Shapes of every rule of {@code pack}, in pack order. */
    public static Map<String, Shape> of(RulePack pack) {
        Map<String, Shape> out = new LinkedHashMap<>();
        for (CompiledRule r : pack.rules()) {
            out.put(r.id(), of(r.rule()));
        }
        return out;
    }

    /** Rule id → digest of every rule of {@code pack} (what a verdict's pack is remembered by). */
    public static Map<String, String> digests(RulePack pack) {
        Map<String, String> out = new LinkedHashMap<>();
        of(pack).forEach((id, s) -> out.put(id, s.digest()));
        return out;
    }

    static Shape of(Rule rule) {
        String json;
        try {
            json = JSON.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule " + rule.id() + " does not serialise", e);
        }
        List<String> code = new ArrayList<>();
        code.add(rule.appliesWhen());
        rule.variables().forEach(v -> code.add(v.expression()));
        code.add(rule.violation());
        code.add(rule.evidence());
        rule.outcomeWhen().forEach(o -> code.add(o.when()));
        if (rule.message() != null) {
            code.add(rule.message().zh());
            code.add(rule.message().en());
        }
        boolean history = false;
        FactsSelection facts = FactsSelection.none();
        for (String text : code) {
            if (text == null) {
                continue;
            }
            history |= HISTORY.matcher(text).find();
            if (facts != null) {
                facts = parts(text, facts);
            }
        }
        return new Shape(sha256(json), history, facts);
    }

    /**
     * Adds the parts of Facts {@code text} reads to {@code into}; null when it reads {@code facts} other than by a
     * field. {@code facts.s.k} reads key k of section s, unless k is called ({@code facts.s.filter(…)}: a method on
     * the section); {@code facts.s} followed by anything else reads the whole section.
     */
    private static FactsSelection parts(String text, FactsSelection into) {
        Matcher m = FACTS.matcher(text);
        Matcher field = FACTS_SECTION.matcher(text);
        Matcher call = CALL.matcher(text);
        while (m.find()) {
            field.region(m.end(), text.length());
            if (!field.lookingAt()) {
                return null;
            }
            String section = field.group(1);
            int after = field.end();
            field.region(after, text.length());
            if (field.lookingAt()) {
                String key = field.group(1);
                call.region(field.end(), text.length());
                if (call.lookingAt()) {
                    into.whole(section);
                } else {
                    into.key(section, key);
                }
            } else {
                into.whole(section);
            }
        }
        return into;
    }

    /** Digest of the operator overrides an evaluator applies (part of what a stored result depends on). */
    public static String overridesDigest(OutcomeOverrides overrides) {
        return sha256(String.valueOf(overrides.entries()));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
