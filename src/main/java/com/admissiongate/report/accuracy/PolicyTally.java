package com.admissiongate.report.accuracy;

import com.admissiongate.policy.Evaluation;
import com.admissiongate.policy.Finding;
import com.admissiongate.policy.RuleOutcome;
import com.admissiongate.policy.RuleResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Decision distribution, finding frequencies and every ERROR / GATE-INCOMPLETE over a corpus of evaluations. */
public final class PolicyTally {

    /**
     * An APK on which rules could not be evaluated.
     *
     * @param gateIncomplete whether the synthetic GATE-INCOMPLETE finding was raised
     * @param errorRules     rules whose outcome was ERROR, in pack order
     * @param reasons        distinct reasons those rules gave
     */
    public record Problem(String apk, String decision, boolean gateIncomplete, List<String> errorRules,
                          List<String> reasons) {
    }

    private final Map<String, Integer> decisions = new TreeMap<>();
    private final Map<String, Integer> findings = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private int evaluated;

    public void add(String apk, Evaluation ev) {
        evaluated++;
        decisions.merge(ev.decision().name(), 1, Integer::sum);
        boolean incomplete = false;
        for (Finding f : ev.findings()) {
            findings.merge(f.ruleId() + " " + f.outcome(), 1, Integer::sum);
            incomplete |= Finding.GATE_INCOMPLETE.equals(f.ruleId());
        }
        List<String> rules = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (RuleResult r : ev.allResults()) {
            if (r.outcome() == RuleOutcome.ERROR) {
                rules.add(r.ruleId());
                reasons.add(String.valueOf(r.detail()));
            }
        }
        if (incomplete || !rules.isEmpty()) {
            problems.add(new Problem(apk, ev.decision().name(), incomplete, rules, List.copyOf(reasons)));
        }
    }

    /** An evaluation that threw instead of returning a decision (should never happen: the evaluator fails closed). */
    public void failed(String apk, String reason) {
        evaluated++;
        decisions.merge("FAILED", 1, Integer::sum);
        problems.add(new Problem(apk, "FAILED", false, List.of("(evaluation threw)"), List.of(reason)));
    }

    public int evaluated() {
        return evaluated;
    }

    public Map<String, Integer> decisions() {
        return Collections.unmodifiableMap(decisions);
    }

    /** "ruleId OUTCOME" → number of APKs, most frequent first, ties by name. */
    public Map<String, Integer> findingsByFrequency() {
        Map<String, Integer> out = new LinkedHashMap<>();
        findings.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue() != 0 ? b.getValue() - a.getValue()
                : a.getKey().compareTo(b.getKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Number of APKs that got the GATE-INCOMPLETE finding. */
    public long gateIncomplete() {
        return problems.stream().filter(Problem::gateIncomplete).count();
    }
}
