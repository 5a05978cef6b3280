package com.admissiongate.console;

import java.time.LocalDate;
import java.util.List;

/** Everything the verdict page shows, already in the page language. */
public record VerdictDetails(String uploadId, String packageName, long versionCode, String versionName, String label,
                             String appName, String developer, String appType, boolean minors, String signerSha256,
                             String signerSubject, String filing, String sha256, String rulePackVersion,
                             String analyzerVersion, String decision, LocalDate rectifyBy, Long daysLeft, int revision,
                             String overriddenBy, String decided, List<Group> groups, List<String> openRules,
                             List<RevisionLine> revisions, List<AuditLine> audit) {

    /** Findings of one MIIT 337 area / rule section. */
    public record Group(String key, String title, String area, List<FindingLine> findings) {
    }

    public record FindingLine(String ruleId, String outcome, String severity, String title, List<String> basis,
                              String message, List<EvidenceView> evidence, String fix, String waivedBy,
                              String waivedReason) {
    }

    public record RevisionLine(int revision, String decision, LocalDate rectifyBy, String reason, String rulePackVersion,
                               String overriddenBy, String decided, String changes) {
    }

    public record AuditLine(long id, String at, String actor, String action, String reason, String before,
                            String after) {
    }

    public int findingCount() {
        int n = 0;
        for (Group g : groups) {
            n += g.findings().size();
        }
        return n;
    }
}
