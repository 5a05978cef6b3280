package com.admissiongate.policy;

import java.util.List;

/**
 * A pack failed to load. Carries every problem found (not just the first), each starting with the file
 * name, so {@code gate policy validate} can print them all at once.
 */
public final class RulePackLoadException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public RulePackLoadException(String packLocation, List<String> problems) {
        super("rule pack " + packLocation + " failed to load (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
