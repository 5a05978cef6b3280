package com.admissiongate.report;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.Finding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained, printable bilingual notice (整改通知 / rectification notice) for the developer: app identity,
 * decision and deadline, and each finding with its clauses, message, evidence and fix, grouped by MIIT 337 problem
 * and rule family ({@link RuleGroups}).
 *
 * <p>Everything that comes from the APK (label, evidence), the submission or the policy text is HTML-escaped; the
 * page has no script, and its Content-Security-Policy forbids scripts and remote loads should escaping ever miss.
 */
public final class HtmlReportWriter {

    /** Evidence items listed per finding; a notice is read by people, the JSON/SARIF reports carry everything. */
    public static final int EVIDENCE_SHOWN = 30;

    private static final String CSS = """
            :root{--reject:#b3261e;--rectify:#b25e00;--warn:#42649a;--line:#d0d4da}
            body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:2rem auto;\
            max-width:58rem;padding:0 1rem;color:#1b1f24;line-height:1.5}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:2px solid var(--line);\
            padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.02rem;margin:.2rem 0 .5rem}
            .en{color:#57606a;font-weight:normal}p.en,div.en{margin-top:0}
            table.identity{border-collapse:collapse;width:100%}table.identity th,table.identity td{text-align:left;\
            border-bottom:1px solid var(--line);padding:.25rem .5rem;vertical-align:top}
            table.identity th{width:14rem;font-weight:600}
            code,.mono{font-family:"JetBrains Mono",Consolas,monospace;font-size:.85em;word-break:break-all}
            .decision{font-size:1.15rem;font-weight:600;padding:.6rem .8rem;border-left:6px solid var(--line);\
            background:#f6f8fa}
            .decision.REJECT{border-color:var(--reject)}.decision.RECTIFY{border-color:var(--rectify)}\
            .decision.ACCEPT{border-color:#1a7f37}
            .area{color:#57606a;margin-top:-.4rem}
            article.finding{border:1px solid var(--line);border-left:6px solid var(--warn);border-radius:4px;\
            padding:.6rem .9rem;margin:.8rem 0;break-inside:avoid}
            article.REJECT{border-left-color:var(--reject)}article.RECTIFY{border-left-color:var(--rectify)}
            .badge{display:inline-block;color:#fff;background:var(--warn);border-radius:3px;padding:0 .4rem;\
            font-size:.8rem;margin-right:.4rem}
            .REJECT .badge{background:var(--reject)}.RECTIFY .badge{background:var(--rectify)}
            dl{margin:0}dt{font-weight:600;margin-top:.4rem}dd{margin:0 0 0 1rem}
            ul.evidence{margin:.2rem 0;padding-left:1.2rem}
            footer{margin-top:2.5rem;border-top:1px solid var(--line);color:#57606a;font-size:.85rem}
            @media print{body{margin:0;max-width:none;font-size:10.5pt}a{color:inherit}\
            h2{break-after:avoid}.decision{background:none}}
            """;

    private final ObjectMapper mapper = new ObjectMapper();

    public void write(ReportInput in, Writer out) throws IOException {
        out.write(render(in));
        out.flush();
    }

    public String render(ReportInput in) {
        Assessment a = in.assessment();
        AppIdentity app = in.identity();
        String decision = a.decision() == null ? "NONE" : a.decision().name();
        String[] title = title(decision);
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src 'none'; script-src 'none'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title[0])).append(" / ").append(esc(title[1])).append(" — ")
                .append(esc(or(app.name(), or(app.packageName(), in.artifactName())))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        h.append("<header>\n<h1>").append(esc(title[0])).append(" <span class=\"en\">").append(esc(title[1]))
                .append("</span></h1>\n");
        h.append("<p class=\"decision ").append(esc(decision)).append("\">结论 <span class=\"en\">Decision</span>: ")
                .append(esc(decisionLabel(decision)));
        if (a.rectifyBy() != null) {
            h.append(" — 整改期限 <span class=\"en\">rectify by</span> <time datetime=\"").append(esc(a.rectifyBy()))
                    .append("\">").append(esc(a.rectifyBy())).append("</time>");
        }
        h.append("</p>\n");
        if (a.retryable()) {
            h.append("<p>分析未完成，重新提交可能得出不同结论。<span class=\"en\">The analysis was incomplete; ")
                    .append("resubmitting may change this decision.</span></p>\n");
        }
        h.append("</header>\n");

        h.append("<section>\n<h2>应用信息 <span class=\"en\">Application</span></h2>\n<table class=\"identity\">\n");
        row(h, "应用名称", "App name", app.name(), false);
        row(h, "包名", "Package", app.packageName(), true);
        row(h, "版本", "Version", app.versionLabel(), false);
        row(h, "安装包", "Artifact", in.artifactName(), true);
        row(h, "SHA-256", "APK SHA-256", app.sha256(), true);
        row(h, "签名证书 SHA-256", "Signer certificate SHA-256", or(app.signerSha256(), "未签名 / unsigned"), true);
        h.append("</table>\n</section>\n");

        h.append("<section>\n<h2>审核发现 <span class=\"en\">Findings</span></h2>\n<p>")
                .append(count(a, "REJECT")).append(" 项驳回 <span class=\"en\">reject</span>, ")
                .append(count(a, "RECTIFY")).append(" 项整改 <span class=\"en\">rectify</span>, ")
                .append(count(a, "WARN")).append(" 项提示 <span class=\"en\">warn</span>.</p>\n");
        if (a.findings().isEmpty()) {
            h.append("<p>未发现问题。<span class=\"en\">No findings.</span></p>\n");
        }
        h.append("</section>\n");

        for (Map.Entry<RuleGroups.Group, List<Finding>> g : grouped(a.findings()).entrySet()) {
            RuleGroups.Group group = g.getKey();
            h.append("<section class=\"group\" id=\"").append(esc(group.key())).append("\">\n<h2>")
                    .append(esc(group.titleZh())).append(" <span class=\"en\">").append(esc(group.titleEn()))
                    .append("</span></h2>\n");
            if (group.areaZh() != null) {
                h.append("<p class=\"area\">337号方面：").append(esc(group.areaZh())).append(" <span class=\"en\">")
                        .append("MIIT 337 area: ").append(esc(group.areaEn())).append("</span></p>\n");
            }
            for (Finding f : g.getValue()) {
                finding(h, f);
            }
            h.append("</section>\n");
        }

        h.append("<footer>\n<p>规则包 <span class=\"en\">Rule pack</span> <code>").append(esc(a.rulePackVersion()))
                .append("</code> · 分析器 <span class=\"en\">analyzer</span> <code>").append(esc(a.analyzerVersion()))
                .append("</code></p>\n<p>本通知由 admission-gate 依据静态分析生成；条款引用为审核依据摘要，以正式文本为准。")
                .append(" <span class=\"en\">Generated by admission-gate from static analysis; clause references ")
                .append("summarise the basis, the official texts prevail.</span></p>\n</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private void finding(StringBuilder h, Finding f) {
        String outcome = or(f.outcome(), "WARN");
        h.append("<article class=\"finding ").append(esc(outcome)).append("\" id=\"")
                .append(esc(f.ruleId())).append("\">\n<h3><span class=\"badge\">").append(esc(outcomeLabel(outcome)))
                .append("</span><code>").append(esc(f.ruleId())).append("</code> ")
                .append(esc(or(ReportRule.lang(f.title(), "zh"), ""))).append(" <span class=\"en\">")
                .append(esc(or(ReportRule.lang(f.title(), "en"), ""))).append("</span></h3>\n<dl>\n");
        if (f.basis() != null && !f.basis().isEmpty()) {
            h.append("<dt>依据 <span class=\"en\">Basis</span></dt>\n<dd><ul>\n");
            for (Map<String, String> b : f.basis()) {
                h.append("<li>").append(esc(b.get("instrument")));
                if (b.get("clause") != null) {
                    h.append(" — ").append(esc(b.get("clause")));
                }
                h.append("</li>\n");
            }
            h.append("</ul></dd>\n");
        }
        h.append("<dt>问题 <span class=\"en\">Finding</span></dt>\n<dd><p lang=\"zh\">")
                .append(esc(or(ReportRule.lang(f.message(), "zh"), ""))).append("</p><p lang=\"en\" class=\"en\">")
                .append(esc(or(ReportRule.lang(f.message(), "en"), ""))).append("</p></dd>\n");
        List<Object> evidence = f.evidence() == null ? List.of() : f.evidence();
        if (!evidence.isEmpty()) {
            h.append("<dt>证据 <span class=\"en\">Evidence</span></dt>\n<dd><ul class=\"evidence\">\n");
            for (int i = 0; i < Math.min(EVIDENCE_SHOWN, evidence.size()); i++) {
                h.append("<li><code>").append(esc(evidenceText(evidence.get(i)))).append("</code></li>\n");
            }
            if (evidence.size() > EVIDENCE_SHOWN) {
                int more = evidence.size() - EVIDENCE_SHOWN;
                h.append("<li>…另有 ").append(more).append(" 条 <span class=\"en\">and ").append(more)
                        .append(" more</span></li>\n");
            }
            h.append("</ul></dd>\n");
        }
        h.append("<dt>整改方法 <span class=\"en\">How to fix</span></dt>\n<dd><p lang=\"zh\">")
                .append(esc(or(ReportRule.lang(f.fix(), "zh"), ""))).append("</p><p lang=\"en\" class=\"en\">")
                .append(esc(or(ReportRule.lang(f.fix(), "en"), ""))).append("</p></dd>\n");
        if (f.rectifyDays() != null && "RECTIFY".equals(outcome)) {
            h.append("<dt>整改时限 <span class=\"en\">Time allowed</span></dt>\n<dd>").append(f.rectifyDays())
                    .append(" 日 <span class=\"en\">days</span></dd>\n");
        }
        h.append("</dl>\n</article>\n");
    }

    /** Sections in notice order; findings keep the pack's order inside a section. */
    static Map<RuleGroups.Group, List<Finding>> grouped(List<Finding> findings) {
        Map<String, RuleGroups.Group> groups = new LinkedHashMap<>();
        Map<String, List<Finding>> byKey = new LinkedHashMap<>();
        for (Finding f : findings) {
            RuleGroups.Group g = RuleGroups.of(f.ruleId());
            groups.putIfAbsent(g.key(), g);
            byKey.computeIfAbsent(g.key(), k -> new ArrayList<>()).add(f);
        }
        Map<RuleGroups.Group, List<Finding>> out = new LinkedHashMap<>();
        groups.values().stream().sorted(Comparator.comparingInt(RuleGroups.Group::order))
                .forEach(g -> out.put(g, byKey.get(g.key())));
        return out;
    }

    private static void row(StringBuilder h, String zh, String en, String value, boolean mono) {
        h.append("<tr><th>").append(esc(zh)).append(" <span class=\"en\">").append(esc(en)).append("</span></th><td")
                .append(mono ? " class=\"mono\"" : "").append(">").append(esc(or(value, "—"))).append("</td></tr>\n");
    }

    private String evidenceText(Object e) {
        if (e instanceof String) {
            return (String) e;
        }
        try {
            return mapper.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            return String.valueOf(e);
        }
    }

    private static String[] title(String decision) {
        switch (decision) {
            case "RECTIFY":
                return new String[]{"整改通知", "Rectification notice"};
            case "REJECT":
                return new String[]{"审核不通过通知", "Rejection notice"};
            default:
                return new String[]{"审核结果", "Review result"};
        }
    }

    private static String decisionLabel(String decision) {
        switch (decision) {
            case "RECTIFY":
                return "限期整改 RECTIFY";
            case "REJECT":
                return "不予上架 REJECT";
            case "ACCEPT":
                return "通过 ACCEPT";
            default:
                return decision;
        }
    }

    private static String outcomeLabel(String outcome) {
        switch (outcome) {
            case "REJECT":
                return "驳回 REJECT";
            case "RECTIFY":
                return "整改 RECTIFY";
            default:
                return "提示 " + outcome;
        }
    }

    private static long count(Assessment a, String outcome) {
        return TextReportWriter.count(a, outcome);
    }

    private static String or(String s, String fallback) {
        return s == null ? fallback : s;
    }

    /** Escapes for element content and double- or single-quoted attribute values alike. */
    static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&#39;");
                    break;
                default:
                    // C0 controls other than tab/newline are not allowed in HTML text
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
