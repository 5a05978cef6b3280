package com.admissiongate.policy;

import java.util.List;

/** A rule with every expression compiled; built only by {@link RulePackLoader}. */
public final class CompiledRule {

    private final Rule rule;
    private final String fileName;
    final CelExpression appliesWhen; // null when absent
    final List<CelExpression> variables;
    final CelExpression violation;
    final CelExpression evidence; // null when absent
    final List<CelExpression> outcomeWhen;
    final MessageTemplate messageZh;
    final MessageTemplate messageEn;

    CompiledRule(Rule rule, String fileName, CelExpression appliesWhen, List<CelExpression> variables,
            CelExpression violation, CelExpression evidence, List<CelExpression> outcomeWhen,
            MessageTemplate messageZh, MessageTemplate messageEn) {
        this.rule = rule;
        this.fileName = fileName;
        this.appliesWhen = appliesWhen;
        this.variables = List.copyOf(variables);
        this.violation = violation;
        this.evidence = evidence;
        this.outcomeWhen = List.copyOf(outcomeWhen);
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public Rule rule() {
        return rule;
    }

    public String id() {
        return rule.id();
    }

    /** File the rule came from, relative to the pack directory. */
    public String fileName() {
        return fileName;
    }
}
