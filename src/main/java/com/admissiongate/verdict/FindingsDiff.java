package com.admissiongate.verdict;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two decisions of the same upload, by rule id: the findings a developer now has to fix
 * ({@code added}) and the ones that no longer apply ({@code resolved}). Published with every revision so the store
 * pipeline and the developer see the reason for a changed decision without diffing the finding lists themselves.
 */
public record FindingsDiff(String previousDecision, String decision, List<String> added, List<String> resolved) {

    public static FindingsDiff between(String previousDecision, JsonNode before, String decision, JsonNode after) {
        Set<String> was = ruleIds(before);
        Set<String> now = ruleIds(after);
        List<String> added = new ArrayList<>();
        for (String id : now) {
            if (!was.contains(id)) {
                added.add(id);
            }
        }
        List<String> resolved = new ArrayList<>();
        for (String id : was) {
            if (!now.contains(id)) {
                resolved.add(id);
            }
        }
        return new FindingsDiff(previousDecision, decision, List.copyOf(added), List.copyOf(resolved));
    }

    /** True when neither the decision nor the set of rules that fired changed. */
    public boolean isEmpty() {
        return previousDecision.equals(decision) && added.isEmpty() && resolved.isEmpty();
    }

    private static Set<String> ruleIds(JsonNode findings) {
        Set<String> ids = new LinkedHashSet<>();
        if (findings != null && findings.isArray()) {
            for (JsonNode f : findings) {
                ids.add(f.path("ruleId").asText());
            }
        }
        return ids;
    }
}
