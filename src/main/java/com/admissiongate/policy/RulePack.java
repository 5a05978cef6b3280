package com.admissiongate.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, compiled, immutable rule pack. {@link #version()} is what every verdict records, e.g.
 * {@code cn-app-pi@1.0.0+sha256:3f2a9c1b}: the author's semver plus the content hash of the rule files,
 * so two packs that claim the same semver but differ in any byte are told apart.
 */
public final class RulePack {

    private final String name;
    private final String semver;
    private final String description;
    private final String contentSha256;
    private final List<CompiledRule> rules;
    private final Map<String, CompiledRule> byId;

    RulePack(String name, String semver, String description, String contentSha256, List<CompiledRule> rules) {
        this.name = name;
        this.semver = semver;
        this.description = description;
        this.contentSha256 = contentSha256;
        this.rules = List.copyOf(rules);
        Map<String, CompiledRule> map = new LinkedHashMap<>();
        for (CompiledRule r : rules) {
            map.put(r.id(), r);
        }
        this.byId = Map.copyOf(map);
    }

    public String name() {
        return name;
    }

    public String semver() {
        return semver;
    }

    public String description() {
        return description;
    }

    /** Full lowercase hex SHA-256 over the rule files (see {@link RulePackLoader} for the byte layout). */
    public String contentSha256() {
        return contentSha256;
    }

    public String version() {
        return name + "@" + semver + "+sha256:" + contentSha256.substring(0, 8);
    }

    /** Rules in the order pack.yaml lists them; evaluation and reports keep this order. */
    public List<CompiledRule> rules() {
        return rules;
    }

    public Optional<CompiledRule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
