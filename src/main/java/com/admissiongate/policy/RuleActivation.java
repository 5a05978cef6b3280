package com.admissiongate.policy;

import dev.cel.runtime.CelVariableResolver;
import java.util.Map;
import java.util.Optional;

/**
 * The five CEL variables of one rule evaluation, resolved by name. Replaces a {@code Map} activation, which cel-java
 * copies into an ImmutableMap on every {@code eval} (one copy per expression, ~10 per rule): the four inputs are
 * fields of {@link PolicyInput}, {@code variables} is the rule's own map, filled as its variables are evaluated.
 */
final class RuleActivation implements CelVariableResolver {

    private final Optional<Object> facts;
    private final Optional<Object> submission;
    private final Optional<Object> history;
    private final Optional<Object> catalog;
    private final Optional<Object> variables;

    RuleActivation(PolicyInput input, Map<String, Object> variables) {
        this.facts = Optional.of(input.facts());
        this.submission = Optional.of(input.submission());
        this.history = Optional.of(input.history());
        this.catalog = Optional.of(input.catalog());
        this.variables = Optional.of(variables);
    }

    @Override
    public Optional<Object> find(String name) {
        switch (name) {
            case "facts":
                return facts;
            case "submission":
                return submission;
            case "history":
                return history;
            case "catalog":
                return catalog;
            case "variables":
                return variables;
            default:
                return Optional.empty();
        }
    }
}
