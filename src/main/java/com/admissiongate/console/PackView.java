package com.admissiongate.console;

import java.util.List;

/** A rule pack as the rule-pack page shows it. */
public record PackView(String name, String version, String contentSha256, String description, String source,
                       List<RuleLine> rules) {

    public record RuleLine(String id, String title, List<String> basis, String severity, String outcome,
                           int conditionalOutcomes, Integer rectifyDays, List<String> needs, String file,
                           List<PackSamples.Sample> samples) {
    }

    public int sampleCount() {
        return rules.stream().mapToInt(r -> r.samples().size()).sum();
    }
}
