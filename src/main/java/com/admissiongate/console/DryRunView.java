package com.admissiongate.console;

import com.admissiongate.verdict.PackDryRun;

import java.util.List;

/**
 * A candidate pack's dry-run as the rule-pack page shows it: the report of {@link PackDryRun} (the service behind
 * {@code POST /api/v1/rule-packs/{version}/dry-run}) and where the candidate came from.
 *
 * @param source the stored version's name, or "upload" for a zip checked without storing it
 */
public record DryRunView(String source, int last, PackDryRun.Report report) {

    public List<String> transitions() {
        return report.transitions().entrySet().stream().map(e -> e.getKey().replace("->", " → ") + ": " + e.getValue())
                .toList();
    }
}
