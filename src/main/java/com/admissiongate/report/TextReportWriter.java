package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Finding;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * The readable summary {@code gate scan} prints by default: identity, decision and deadline, then per finding the
 * outcome, rule id, message, the first evidence items and how to fix. Text from the APK is made terminal-safe.
 */
public final class TextReportWriter {

    /** Evidence lines shown per finding; the JSON, SARIF and HTML reports carry all of them. */
    public static final int EVIDENCE_SHOWN = 3;

    public void write(ReportInput in, Writer out) {
        PrintWriter p = out instanceof PrintWriter ? (PrintWriter) out : new PrintWriter(out);
        Assessment a = in.assessment();
        AppIdentity app = in.identity();
        p.println(t(in.artifactName()) + ": " + t(or(app.name(), "(no label)")) + "  " + t(or(app.packageName(), "?"))
                + " " + t(or(app.versionLabel(), "")));
        p.println("  sha256 " + or(app.sha256(), "-") + "  signer " + or(app.signerSha256(), "unsigned"));
        String decision = a.decision() == null ? "NONE" : a.decision().name();
        StringBuilder line = new StringBuilder("Decision: ").append(decision);
        if (a.rectifyBy() != null) {
            line.append(" — rectify by ").append(a.rectifyBy());
        }
        if (a.retryable()) {
            line.append(" (analysis incomplete: re-running may change this)");
        }
        p.println(line);
        p.println(String.format("Findings: %d REJECT, %d RECTIFY, %d WARN   [%s, %s]", count(a, "REJECT"),
                count(a, "RECTIFY"), count(a, "WARN"), a.rulePackVersion(), a.analyzerVersion()));
        for (Finding f : a.findings()) {
            p.println();
            p.println(String.format("%-7s %s  %s", f.outcome(), f.ruleId(),
                    t(or(ReportRule.lang(f.title(), "en"), ""))));
            String en = ReportRule.lang(f.message(), "en");
            String zh = ReportRule.lang(f.message(), "zh");
            if (en != null) {
                p.println("  " + t(en));
            }
            if (zh != null) {
                p.println("  " + t(zh));
            }
            List<Object> ev = f.evidence() == null ? List.of() : f.evidence();
            for (int i = 0; i < Math.min(EVIDENCE_SHOWN, ev.size()); i++) {
                p.println("  - " + t(ev.get(i)));
            }
            if (ev.size() > EVIDENCE_SHOWN) {
                p.println("  - … and " + (ev.size() - EVIDENCE_SHOWN) + " more");
            }
            String fix = ReportRule.lang(f.fix(), "en");
            if (fix != null && !fix.isBlank()) {
                p.println("  fix: " + t(fix));
            }
            if (f.rectifyDays() != null && "RECTIFY".equals(f.outcome())) {
                p.println("  within " + f.rectifyDays() + " days");
            }
        }
        p.flush();
    }

    public String render(ReportInput in) {
        StringWriter sw = new StringWriter();
        write(in, sw);
        return sw.toString();
    }

    static long count(Assessment a, String outcome) {
        return a.findings().stream().filter(f -> outcome.equals(f.outcome())).count();
    }

    private static String t(Object s) {
        return TerminalText.safe(s);
    }

    private static String or(String s, String fallback) {
        return s == null ? fallback : s;
    }
}
