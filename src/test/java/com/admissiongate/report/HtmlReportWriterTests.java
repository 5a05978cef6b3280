package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Finding;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.admissiongate.report.ReportFixtures.assessment;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTests {

    final HtmlReportWriter writer = new HtmlReportWriter();

    static Finding hostileEvidence() {
        return new Finding("SEC-03-DYNAMIC-CODE", "WARN", "medium",
                Map.of("zh", "动态加载代码", "en", "Dynamic code <b>loading</b>"), List.of(),
                Map.of("zh", "动态加载", "en", "Loads code at runtime"),
                List.of("<img src=x onerror=alert(2)>", Map.of("k", "\"'><svg onload=alert(3)>")),
                Map.of("zh", "移除", "en", "Remove it & ship reviewed code"), null);
    }

    @Test
    void shouldEscapeAttackerControlledLabelEvidenceAndPolicyText() {
        String html = writer.render(new ReportInput(assessment(Assessment.Decision.RECTIFY, LocalDate.of(2026, 3, 1),
                "<script>alert(1)</script>", hostileEvidence()), "a\"><script>x.apk", null));

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<svg").doesNotContain("<b>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("{&quot;k&quot;:&quot;\\&quot;&#39;&gt;&lt;svg onload=alert(3)&gt;&quot;}")
                .contains("Dynamic code &lt;b&gt;loading&lt;/b&gt;")
                .contains("Remove it &amp; ship reviewed code")
                .contains("a&quot;&gt;&lt;script&gt;x.apk");
    }

    @Test
    void shouldBeSelfContainedWithoutScriptOrRemoteResources() {
        String html = writer.render(new ReportInput(SarifReportWriterTests.rectify(), "app.apk", null));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("@media print")
                .contains("script-src 'none'")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=\"http")
                .doesNotContain("href=\"http");
    }

    @Test
    void shouldShowIdentityDecisionAndDeadline() {
        String html = writer.render(new ReportInput(SarifReportWriterTests.rectify(), "notes-2.1.0.apk", null));

        assertThat(html).contains("<title>整改通知 / Rectification notice — Notes</title>")
                .contains("限期整改 RECTIFY")
                .contains("<time datetime=\"2026-03-01\">2026-03-01</time>")
                .contains("<td class=\"mono\">com.example.notes</td>")
                .contains("<td>2.1.0 (42)</td>")
                .contains("<td class=\"mono\">" + ReportFixtures.SHA + "</td>")
                .contains("<td class=\"mono\">" + ReportFixtures.SIGNER + "</td>")
                .contains("0 项驳回 <span class=\"en\">reject</span>, 2 项整改 <span class=\"en\">rectify</span>, 1 项提示");
    }

    @Test
    void shouldShowRuleClauseMessageEvidenceAndFixPerFinding() {
        String html = writer.render(new ReportInput(SarifReportWriterTests.rectify(), "app.apk", null));

        assertThat(html).contains("<code>MIIT337-7-EXCESSIVE-PERMISSION</code> 过度索取权限（申请但未使用）")
                .contains("<li>工信部信管函〔2019〕337号 — problem 7</li>")
                .contains("<p lang=\"zh\">以下危险权限已申请但未使用</p>")
                .contains("<li><code>android.permission.READ_CONTACTS (contacts)</code></li>")
                .contains("<p lang=\"zh\">删除未使用的权限</p><p lang=\"en\" class=\"en\">Remove unused permissions</p>")
                .contains("15 日 <span class=\"en\">days</span>");
    }

    @Test
    void shouldGroupBasicsFirstThen337ProblemsThenSdkThenOthers() {
        Finding undeclared = new Finding("MIIT337-3-UNDISCLOSED-SHARING", "RECTIFY", "medium", Map.of("en", "u"),
                List.of(), Map.of("en", "u"), List.of(), Map.of(), 15);
        Finding noPurpose = new Finding("RD191-2.3-NO-PURPOSE-AT-REQUEST", "RECTIFY", "medium", Map.of("en", "p"),
                List.of(), Map.of("en", "p"), List.of(), Map.of(), 15);
        String html = writer.render(new ReportInput(assessment(Assessment.Decision.REJECT, null, "Notes",
                ReportFixtures.foreignSdk(), ReportFixtures.deviceIds(), ReportFixtures.excessivePermission(),
                undeclared, noPurpose, ReportFixtures.noFiling()), "app.apk", null));

        List<Integer> at = new ArrayList<>();
        for (String id : List.of("id=\"basics\"", "id=\"miit337-1\"", "id=\"miit337-3\"", "id=\"miit337-7\"",
                "id=\"sdk\"", "id=\"other\"")) {
            assertThat(html).contains(id);
            at.add(html.indexOf(id));
        }
        assertThat(at).isSorted();
        assertThat(html).contains("337号问题7：过度索取权限")
                .contains("337号方面：不合理索取用户权限")
                .contains("MIIT 337 problem 1: Covert collection of personal information");
        // RD191 2.3 is filed under 337 problem 1, between the basics and problem 3
        assertThat(html.indexOf("RD191-2.3-NO-PURPOSE-AT-REQUEST")).isBetween(html.indexOf("id=\"miit337-1\""),
                html.indexOf("id=\"miit337-3\""));
    }

    @Test
    void shouldCapEvidenceListAndSayHowManyMore() {
        List<Object> evidence = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            evidence.add("https://host" + i + ".example");
        }
        Finding f = new Finding("SEC-01-CLEARTEXT", "RECTIFY", "medium", Map.of(), List.of(), Map.of(), evidence,
                Map.of(), 30);
        String html = writer.render(new ReportInput(assessment(Assessment.Decision.RECTIFY, null, "N", f), "a.apk",
                null));

        assertThat(html).contains("host29.example").doesNotContain("host30.example")
                .contains("…另有 5 条 <span class=\"en\">and 5 more</span>");
    }

    @Test
    void shouldTitleRejectionAndAcceptanceDifferently() {
        assertThat(writer.render(new ReportInput(assessment(Assessment.Decision.REJECT, null, "N",
                ReportFixtures.noFiling()), "a.apk", null))).contains("<h1>审核不通过通知 <span class=\"en\">Rejection notice")
                .contains("不予上架 REJECT");
        assertThat(writer.render(new ReportInput(assessment(Assessment.Decision.ACCEPT, null, "N"), "a.apk", null)))
                .contains("<h1>审核结果 <span class=\"en\">Review result").contains("未发现问题。");
    }
}
