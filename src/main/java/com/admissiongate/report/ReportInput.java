package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.policy.RulePack;

import java.util.Objects;

/**
 * What every report writer renders.
 *
 * @param assessment   the verdict with its findings and Facts
 * @param artifactName how the APK is named in the report (a file name or object key), e.g. {@code app-release.apk}
 * @param pack         the rule pack the verdict came from, for rule metadata; null when only the findings are known
 *                     (the findings carry title, basis and fix themselves)
 */
public record ReportInput(Assessment assessment, String artifactName, RulePack pack) {

    public ReportInput {
        Objects.requireNonNull(assessment, "assessment == null");
        artifactName = artifactName == null || artifactName.isBlank() ? "app.apk" : artifactName;
    }

    public AppIdentity identity() {
        return AppIdentity.of(assessment);
    }
}
