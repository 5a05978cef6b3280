package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.admissiongate.report.ReportFixtures.assessment;
import static org.assertj.core.api.Assertions.assertThat;

class TextReportWriterTests {

    final TextReportWriter writer = new TextReportWriter();

    @Test
    void shouldSummariseDecisionAndEachFinding() {
        String text = writer.render(new ReportInput(SarifReportWriterTests.rectify(), "notes.apk", null));

        assertThat(text).startsWith("notes.apk: Notes  com.example.notes 2.1.0 (42)\n")
                .contains("Decision: RECTIFY — rectify by 2026-03-01\n")
                .contains("Findings: 0 REJECT, 2 RECTIFY, 1 WARN")
                .contains("RECTIFY MIIT337-7-EXCESSIVE-PERMISSION  Excessive permission (requested but never used)\n"
                        + "  These dangerous permissions are requested but unused\n"
                        + "  以下危险权限已申请但未使用\n"
                        + "  - android.permission.READ_CONTACTS (contacts)\n"
                        + "  fix: Remove unused permissions\n"
                        + "  within 15 days\n")
                .contains("WARN    PIPL-39-CROSS-BORDER  Foreign SDK\n");
    }

    @Test
    void shouldShowFirstThreeEvidenceItemsAndCountTheRest() {
        Finding f = new Finding("SEC-01-CLEARTEXT", "RECTIFY", "medium", Map.of("en", "Cleartext"), List.of(),
                Map.of("en", "m"), List.of("e1", "e2", "e3", "e4", "e5"), Map.of("en", "use https"), 30);
        String text = writer.render(new ReportInput(assessment(Assessment.Decision.RECTIFY, null, "N", f), "a.apk",
                null));

        assertThat(text).contains("  - e3\n  - … and 2 more\n").doesNotContain("e4");
    }

    @Test
    void shouldNeutraliseTerminalEscapesFromTheApk() {
        Finding f = new Finding("X-1", "WARN", "low", Map.of("en", "t"), List.of(), Map.of("en", "m"),
                List.of("\u001b]0;pwned\u0007 evil"), Map.of(), null);
        String text = writer.render(new ReportInput(assessment(Assessment.Decision.ACCEPT, null,
                "App\u001b[2J\u202eeman", f), "a.apk", null));

        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e")
                .contains("App\\u001b[2J\\u202eeman").contains("- \\u001b]0;pwned\\u0007 evil");
    }
}
