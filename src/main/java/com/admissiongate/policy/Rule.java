package com.admissiongate.policy;

import java.util.List;

/**
 * One rule file of a pack, as written (see contracts/policy/rule.schema.json and docs/policy.md).
 * Expressions are CEL source; {@link CompiledRule} holds their compiled programs.
 */
public record Rule(
        String id,
        LocalizedText title,
        List<Basis> basis,
        Severity severity,
        List<String> needs,
        String appliesWhen,
        List<RuleVariable> variables,
        String violation,
        Action outcome,
        List<OutcomeWhen> outcomeWhen,
        Integer rectifyDays,
        LocalizedText message,
        String evidence,
        LocalizedText fix) {

    public Rule {
        basis = basis == null ? List.of() : List.copyOf(basis);
        needs = needs == null ? List.of() : List.copyOf(needs);
        variables = variables == null ? List.of() : List.copyOf(variables);
        outcomeWhen = outcomeWhen == null ? List.of() : List.copyOf(outcomeWhen);
    }
}
