package com.admissiongate.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One reason behind a decision, as published and stored: the rule, the clause it rests on, what was seen and what
 * the developer should do. {@code message}, {@code title} and {@code fix} are keyed by language ("zh", "en").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String ruleId,
        String outcome,
        String severity,
        Map<String, String> title,
        List<Map<String, String>> basis,
        Map<String, String> message,
        List<Object> evidence,
        Map<String, String> fix,
        Integer rectifyDays) {

    public static Finding gate(String ruleId, String outcome, String severity, String zh, String en,
                               List<Object> evidence, String fixZh, String fixEn) {
        return new Finding(ruleId, outcome, severity, Map.of("zh", zh, "en", en), List.of(),
                Map.of("zh", zh, "en", en), evidence, Map.of("zh", fixZh, "en", fixEn), null);
    }
}
