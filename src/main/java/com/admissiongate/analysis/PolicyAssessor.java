package com.admissiongate.analysis;

import com.admissiongate.policy.CelJson;
import com.admissiongate.policy.CelValues;
import com.admissiongate.policy.DecisionPolicy;
import com.admissiongate.policy.Evaluation;
import com.admissiongate.policy.PolicyEvaluator;
import com.admissiongate.policy.PolicyInput;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RuleResult;
import com.admissiongate.policy.RuleShapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real check step: analyse the APK once into Facts, then evaluate the active rule pack over facts, submission,
 * history and catalogs. {@link #evaluate} re-judges stored Facts without touching the APK (re-review, re-scan).
 */
public final class PolicyAssessor implements Assessor {

    private final FactsAssembler assembler;
    private final AtomicReference<RulePack> pack;
    private final PolicyEvaluator evaluator;
    /** The catalogs as CEL values, converted once: they are the same for every evaluation. */
    private final Map<String, Object> celCatalog;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final PolicyDocumentResolver policies;

    /**
     * Produces the Facts {@code privacyPolicy} section for one upload (null: no policy named). Permanent problems are
     * returned inside the section; a transient store failure is thrown so the pipeline retries.
     */
    @FunctionalInterface
    public interface PolicyDocumentResolver {
        /** {@code bucket}: the upload's bucket (an uploaded policy lives next to the APK); {@code submission}: its data. */
        Object resolve(String bucket, JsonNode submission);
    }

    public PolicyAssessor(FactsAssembler assembler, RulePack pack, PolicyEvaluator evaluator, ObjectMapper mapper, Clock clock) {
        this(assembler, pack, evaluator, mapper, clock, (bucket, submission) -> null);
    }

    public PolicyAssessor(FactsAssembler assembler, RulePack pack, PolicyEvaluator evaluator, ObjectMapper mapper, Clock clock,
                          PolicyDocumentResolver policies) {
        this.policies = policies;
        this.assembler = assembler;
        this.pack = new AtomicReference<>(pack);
        this.evaluator = evaluator;
        this.celCatalog = CelValues.toCelMap(assembler.catalogs().celView());
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The pack evaluations use right now; changes when an operator activates another pack (PackRegistry). */
    public RulePack pack() {
        return pack.get();
    }

    /**
     * Makes {@code next} the pack of every later evaluation and returns the one it replaces. An evaluation already
     * running finishes under the pack it started with: each reads the reference once.
     */
    public RulePack swap(RulePack next) {
        return pack.getAndSet(next);
    }

    /** An assessor sharing this one's analyzer, catalogs and overrides, judging with {@code other} (dry runs). */
    public PolicyAssessor withPack(RulePack other) {
        return new PolicyAssessor(assembler, other, evaluator, mapper, clock);
    }

    public FactsAssembler assembler() {
        return assembler;
    }

    @Override
    public Assessment assess(AssessmentInput input) {
        ObjectNode facts = analyze(input.apk(), input.event() == null ? null : input.event().object().bucket(),
                input.event() == null ? null : input.event().raw());
        return evaluate(facts, input.event() == null ? null : input.event().raw(), input.history());
    }

    /**
     * The Facts of an upload's APK as the upload path makes them: the analysis, with the privacy policy its
     * {@code submission} names (read from {@code bucket} or fetched from its URL) as the {@code privacyPolicy}
     * section; else the policy bundled in the APK, or null. A re-analysis goes through here too, or it would lose
     * an uploaded policy and judge the app as having none.
     */
    public ObjectNode analyze(java.nio.file.Path apk, String bucket, JsonNode submission) {
        ObjectNode facts = assembler.assemble(apk);
        putNamedPolicy(facts, bucket, submission); // else: the bundled policy (FactsAssembler) or null
        return facts;
    }

    /**
     * Puts the privacy policy {@code submission} names (read from {@code bucket} or fetched from its URL) into
     * {@code facts} as the {@code privacyPolicy} section; false, and {@code facts} untouched, when it names none.
     */
    private boolean putNamedPolicy(ObjectNode facts, String bucket, JsonNode submission) {
        Object named = policies.resolve(bucket, submission);
        if (named == null) {
            return false;
        }
        facts.set("privacyPolicy", mapper.valueToTree(named));
        return true;
    }

    /**
     * The Facts of an upload of bytes analysed before, from {@code storedJson} (the shared Facts row of the same
     * sha256 under this analyzer version) with the privacy policy this upload names, as {@link #analyze} would make them;
     * or null when they cannot be had without the analysis:
     * <ul>
     *   <li>the stored analysis was not complete (a limit hit: the limits may have changed since);</li>
     *   <li>it is of another analyzer version or another binary;</li>
     *   <li>this upload names no policy but the stored section is a policy an earlier upload named (the policy bundled
     *       in the APK, which this upload gets, is not in the row then).</li>
     * </ul>
     */
    public ObjectNode reuse(String storedJson, String sha256, String bucket, JsonNode submission) {
        JsonNode stored;
        try {
            stored = mapper.readTree(storedJson);
        } catch (IOException e) {
            return null; // unreadable: analyse the binary as if nothing were stored
        }
        if (!(stored instanceof ObjectNode facts) || !facts.path("complete").asBoolean(false)
                || !assembler.analyzerVersion().equals(facts.path("analyzerVersion").asText(null))
                || !sha256.equalsIgnoreCase(facts.path("sha256").asText(""))) {
            return null;
        }
        if (!putNamedPolicy(facts, bucket, submission)) {
            JsonNode kept = facts.get("privacyPolicy");
            if (kept != null && !kept.isNull() && !"asset".equals(kept.path("source").path("kind").asText(null))) {
                return null; // an earlier upload's named policy (or something unknown): the bundled one is not here
            }
        }
        return facts;
    }

    /** Judges a Facts document (fresh or stored) under this assessor's pack. */
    @SuppressWarnings("unchecked")
    public Assessment evaluate(JsonNode facts, JsonNode submission, JsonNode history) {
        RulePack current = pack.get();
        history = KeyChanges.resolve(history, facts);
        PolicyInput in = PolicyInput.ofCel(
                CelValues.toCelMap((Map<String, ?>) mapper.convertValue(facts, Map.class)),
                submission == null ? Map.of() : CelValues.toCelMap((Map<String, ?>) mapper.convertValue(submission, Map.class)),
                history == null ? Map.of() : CelValues.toCelMap((Map<String, ?>) mapper.convertValue(history, Map.class)),
                celCatalog);
        return judge(current, in, facts, facts.path("analyzerVersion").asText(assembler.analyzerVersion()), signer(facts));
    }

    /**
     * Judges stored Facts given as JSON text (re-review): the text is read straight into CEL values
     * ({@link CelJson}), without a Jackson tree. Same findings and decision as {@code evaluate(readTree(factsJson),
     * submission, history)}; the returned assessment carries no Facts tree ({@code facts()} is null: the caller holds
     * the text). Falls back to that tree path when the history names registered key changes (they are resolved
     * against the tree) or the text is not a JSON object, so odd input behaves exactly as before.
     */
    public Assessment evaluateStored(String factsJson, JsonNode submission, JsonNode history) throws IOException {
        return evaluateStored(factsJson, submission, history, null);
    }

    /**
     * As {@link #evaluateStored(String, JsonNode, JsonNode)}, with the Facts {@code privacyPolicy} section replaced
     * by {@code privacyPolicy} when it is not null (a policy fetched again at re-review), as if the upload had
     * resolved it so.
     */
    @SuppressWarnings("unchecked")
    public Assessment evaluateStored(String factsJson, JsonNode submission, JsonNode history, JsonNode privacyPolicy)
            throws IOException {
        Map<String, Object> facts = null;
        if (!KeyChanges.applies(history)) {
            try {
                facts = CelJson.readObject(factsJson);
            } catch (IOException e) {
                facts = null; // not an object, or malformed: the tree path decides (and reports) as before
            }
        }
        if (facts == null) {
            JsonNode tree = mapper.readTree(factsJson);
            if (privacyPolicy != null && tree instanceof ObjectNode) {
                ((ObjectNode) tree).set("privacyPolicy", privacyPolicy);
            }
            return evaluate(tree, submission, history);
        }
        if (privacyPolicy != null) {
            facts.put("privacyPolicy", CelValues.fromJson(privacyPolicy));
        }
        RulePack current = pack.get();
        PolicyInput in = PolicyInput.ofCel(facts,
                submission == null ? Map.of() : CelValues.toCelMap((Map<String, ?>) mapper.convertValue(submission, Map.class)),
                history == null ? Map.of() : CelValues.toCelMap((Map<String, ?>) mapper.convertValue(history, Map.class)),
                celCatalog);
        Object analyzer = facts.get("analyzerVersion");
        return judge(current, in, null, analyzer instanceof String ? (String) analyzer : assembler.analyzerVersion(),
                signer(facts));
    }

    /** Digest of the operator overrides this assessor's evaluations apply ({@link RuleShapes#overridesDigest}). */
    public String overridesDigest() {
        return RuleShapes.overridesDigest(evaluator.overrides());
    }

    /**
     * Results of only the rules {@code ruleIds} of {@code rules} over Facts given as CEL values (possibly only the
     * sections those rules read, see {@link RuleShapes}), with submission and history as {@link #evaluateStored}
     * takes them. Re-review's check whether a stored verdict can have changed; not a verdict.
     */
    @SuppressWarnings("unchecked")
    public List<RuleResult> evaluateRules(RulePack rules, Collection<String> ruleIds, Map<String, Object> facts,
                                          JsonNode submission, JsonNode history) {
        return evaluateRules(rules, ruleIds, facts,
                submission == null ? Map.of() : CelValues.toCelMap((Map<String, ?>) mapper.convertValue(submission, Map.class)),
                history == null ? Map.of() : CelValues.toCelMap((Map<String, ?>) mapper.convertValue(history, Map.class)));
    }

    /**
     * As above with submission and history already CEL values ({@link com.admissiongate.policy.CelJson},
     * {@link CelValues#fromJson}): the same values the conversion above gives, without a Jackson round trip per app.
     */
    public List<RuleResult> evaluateRules(RulePack rules, Collection<String> ruleIds, Map<String, Object> facts,
                                          Map<String, Object> submission, Map<String, Object> history) {
        PolicyInput in = PolicyInput.ofCel(facts, submission, history, celCatalog);
        List<RuleResult> out = new ArrayList<>(ruleIds.size());
        for (String id : ruleIds) {
            rules.rule(id).ifPresent(r -> out.add(evaluator.evaluateRule(r, in)));
        }
        return out;
    }

    /**
     * The findings {@code results} (no ERROR among them) give, as a full evaluation publishes them: FAIL and WARN
     * results of {@code rules}, in the order of {@code results}.
     */
    public List<Finding> findings(RulePack rules, List<RuleResult> results) {
        List<Finding> out = new ArrayList<>();
        for (com.admissiongate.policy.Finding f : new DecisionPolicy().decide(rules, results, Map.of(), clock.instant()).findings()) {
            out.add(finding(f));
        }
        return out;
    }

    private static Finding finding(com.admissiongate.policy.Finding f) {
        return new Finding(f.ruleId(), f.outcome().name(), f.severity().name().toLowerCase(), text(f.title()),
                basis(f.basis()), text(f.message()), f.evidence(), text(f.fix()), f.rectifyDays());
    }

    private Assessment judge(RulePack current, PolicyInput in, JsonNode facts, String analyzerVersion, String signer) {
        Evaluation ev = evaluator.evaluate(current, in, clock.instant());
        List<Finding> findings = new ArrayList<>();
        boolean retryable = false;
        for (com.admissiongate.policy.Finding f : ev.findings()) {
            retryable |= f.retryable();
            findings.add(finding(f));
        }
        LocalDate rectifyBy = ev.rectifyBy() == null ? null : LocalDate.ofInstant(ev.rectifyBy(), ZoneOffset.UTC);
        return new Assessment(Assessment.Decision.valueOf(ev.decision().name()), rectifyBy, retryable, ev.packVersion(),
                analyzerVersion, findings, facts, signer);
    }

    private static String signer(Map<String, Object> facts) {
        Object signing = facts.get("signing");
        Object signers = signing instanceof Map ? ((Map<?, ?>) signing).get("signers") : null;
        if (signers instanceof List && !((List<?>) signers).isEmpty() && ((List<?>) signers).get(0) instanceof Map) {
            Object cert = ((Map<?, ?>) ((List<?>) signers).get(0)).get("certSha256");
            return cert instanceof String ? (String) cert : null;
        }
        return null;
    }

    private static String signer(JsonNode facts) {
        JsonNode s = facts.path("signing").path("signers");
        return s.isArray() && !s.isEmpty() ? s.get(0).path("certSha256").asText(null) : null;
    }

    private static Map<String, String> text(com.admissiongate.policy.LocalizedText t) {
        Map<String, String> m = new LinkedHashMap<>();
        if (t != null) {
            m.put("zh", t.zh());
            m.put("en", t.en());
        }
        return m;
    }

    private static List<Map<String, String>> basis(List<com.admissiongate.policy.Basis> basis) {
        List<Map<String, String>> out = new ArrayList<>();
        for (com.admissiongate.policy.Basis b : basis) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("instrument", b.instrument());
            m.put("clause", b.clause());
            out.add(m);
        }
        return out;
    }
}
