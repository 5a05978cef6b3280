package com.admissiongate.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a {@link RulePack} over one submission. Thread-safe; holds no per-call state.
 *
 * <p>Per rule: operator SKIP override → NOT_APPLICABLE; {@code appliesWhen} false → NOT_APPLICABLE;
 * a needed area incomplete → ERROR (not evaluated: its facts cannot be trusted); then variables,
 * {@code violation}, {@code evidence}, {@code outcomeWhen}, overrides, message. Any evaluation error or
 * non-bool condition → ERROR. A violation gives FAIL (REJECT/RECTIFY) or WARN (WARN).
 */
public final class PolicyEvaluator {

    private final OutcomeOverrides overrides;
    private final DecisionPolicy decisionPolicy;

    public PolicyEvaluator() {
        this(OutcomeOverrides.none());
    }

    public PolicyEvaluator(OutcomeOverrides overrides) {
        this.overrides = overrides;
        this.decisionPolicy = new DecisionPolicy();
    }

    /** The operator overrides this evaluator applies (part of what a result depends on, see {@link RuleShapes}). */
    public OutcomeOverrides overrides() {
        return overrides;
    }

    public Evaluation evaluate(RulePack pack, Map<String, ?> facts, Map<String, ?> submission,
            Map<String, ?> history, Map<String, ?> catalog, Instant now) {
        return evaluate(pack, PolicyInput.of(facts, submission, history, catalog), now);
    }

    public Evaluation evaluate(RulePack pack, PolicyInput input, Instant now) {
        List<RuleResult> results = new ArrayList<>(pack.rules().size());
        for (CompiledRule rule : pack.rules()) {
            results.add(evaluateRule(rule, input));
        }
        DecisionPolicy.Outcome decided = decisionPolicy.decide(pack, results, input.incompleteAreas(), now);
        return new Evaluation(decided.decision(), decided.rectifyBy(), decided.findings(), results,
                pack.version(), now);
    }

    public RuleResult evaluateRule(CompiledRule compiled, PolicyInput input) {
        Rule rule = compiled.rule();
        Optional<OutcomeOverrides.Match> override = overrides.find(rule.id(), input.submission());
        if (override.isPresent() && override.get().entry().outcome() == OutcomeOverride.Kind.SKIP) {
            String note = override.get().note(null);
            return new RuleResult(rule.id(), RuleOutcome.NOT_APPLICABLE, null, null, List.of(), null,
                    "skipped by operator override", List.of(), note);
        }
        Map<String, Object> variables = new HashMap<>();
        RuleActivation activation = new RuleActivation(input, variables);
        String stage = "appliesWhen";
        try {
            if (compiled.appliesWhen != null && !compiled.appliesWhen.evalBool(activation)) {
                return RuleResult.of(rule.id(), RuleOutcome.NOT_APPLICABLE, null);
            }
            List<String> missing = incompleteNeeds(rule, input.incompleteAreas());
            if (!missing.isEmpty()) {
                List<String> describe = new ArrayList<>();
                for (String area : missing) {
                    describe.add(area + " (" + input.incompleteAreas().get(area) + ")");
                }
                return new RuleResult(rule.id(), RuleOutcome.ERROR, null, null, List.of(), null,
                        "needs incomplete facts: " + String.join(", ", describe), missing, null);
            }
            for (int i = 0; i < compiled.variables.size(); i++) {
                stage = "variables." + rule.variables().get(i).name();
                variables.put(rule.variables().get(i).name(), compiled.variables.get(i).eval(activation));
            }
            stage = "violation";
            if (!compiled.violation.evalBool(activation)) {
                return RuleResult.of(rule.id(), RuleOutcome.PASS, null);
            }
            stage = "evidence";
            List<Object> evidence = evidence(compiled, activation);
            Action action = rule.outcome();
            for (int i = 0; i < compiled.outcomeWhen.size(); i++) {
                stage = "outcomeWhen[" + i + "]";
                if (compiled.outcomeWhen.get(i).evalBool(activation)) {
                    action = rule.outcomeWhen().get(i).outcome();
                    break;
                }
            }
            Integer rectifyDays = rule.rectifyDays();
            String note = null;
            if (override.isPresent()) {
                note = override.get().note(action);
                action = override.get().entry().action();
                if (override.get().entry().rectifyDays() != null) {
                    rectifyDays = override.get().entry().rectifyDays();
                }
            }
            if (action == Action.RECTIFY && rectifyDays == null) {
                rectifyDays = DecisionPolicy.DEFAULT_RECTIFY_DAYS;
            }
            LocalizedText message = new LocalizedText(compiled.messageZh.render(evidence, activation),
                    compiled.messageEn.render(evidence, activation));
            return new RuleResult(rule.id(), action == Action.WARN ? RuleOutcome.WARN : RuleOutcome.FAIL, action,
                    action == Action.RECTIFY ? rectifyDays : null, evidence, message, null, List.of(), note);
        } catch (CelExpression.ExpressionEvaluationException e) {
            return RuleResult.of(rule.id(), RuleOutcome.ERROR, stage + ": " + e.getMessage());
        }
    }

    private static List<Object> evidence(CompiledRule compiled, RuleActivation activation)
            throws CelExpression.ExpressionEvaluationException {
        if (compiled.evidence == null) {
            return List.of();
        }
        Object java = CelValues.toJava(compiled.evidence.eval(activation));
        if (java instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) java;
            return list;
        }
        List<Object> single = new ArrayList<>(1);
        single.add(java);
        return single;
    }

    private static List<String> incompleteNeeds(Rule rule, Map<String, String> incomplete) {
        if (incomplete.isEmpty() || rule.needs().isEmpty()) {
            return List.of();
        }
        if (incomplete.containsKey(PolicyInput.ALL_AREAS)) {
            return List.of(PolicyInput.ALL_AREAS);
        }
        List<String> missing = new ArrayList<>();
        for (String area : rule.needs()) {
            if (incomplete.containsKey(area)) {
                missing.add(area);
            }
        }
        return missing;
    }

}
