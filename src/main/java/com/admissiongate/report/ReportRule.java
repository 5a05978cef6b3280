package com.admissiongate.report;

import com.admissiongate.analysis.Finding;
import com.admissiongate.policy.Basis;
import com.admissiongate.policy.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule metadata as reports show it, whether it comes from the pack or only from a finding (synthetic gate findings
 * such as GATE-INCOMPLETE are in no pack).
 *
 * @param outcome  what the rule asks for when violated: REJECT, RECTIFY or WARN
 * @param severity lower case: critical, high, medium, low, info
 * @param basis    each entry has "instrument" and "clause" (clause may be null)
 */
public record ReportRule(
        String id,
        String titleZh,
        String titleEn,
        List<Map<String, String>> basis,
        String severity,
        String outcome,
        String fixZh,
        String fixEn,
        Integer rectifyDays) {

    public static ReportRule of(Rule r) {
        List<Map<String, String>> basis = new ArrayList<>();
        for (Basis b : r.basis()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("instrument", b.instrument());
            m.put("clause", b.clause());
            basis.add(m);
        }
        return new ReportRule(r.id(), r.title() == null ? null : r.title().zh(), r.title() == null ? null : r.title().en(),
                basis, r.severity() == null ? null : r.severity().name().toLowerCase(),
                r.outcome() == null ? null : r.outcome().name(), r.fix() == null ? null : r.fix().zh(),
                r.fix() == null ? null : r.fix().en(), r.rectifyDays());
    }

    public static ReportRule of(Finding f) {
        return new ReportRule(f.ruleId(), lang(f.title(), "zh"), lang(f.title(), "en"),
                f.basis() == null ? List.of() : f.basis(), f.severity(), f.outcome(), lang(f.fix(), "zh"),
                lang(f.fix(), "en"), f.rectifyDays());
    }

    static String lang(Map<String, String> text, String lang) {
        return text == null ? null : text.get(lang);
    }

    /** Rules to declare for a report: the whole pack in pack order, then rules only the findings name. */
    public static List<ReportRule> declared(ReportInput in) {
        Map<String, ReportRule> rules = new LinkedHashMap<>();
        if (in.pack() != null) {
            in.pack().rules().forEach(r -> rules.put(r.id(), of(r.rule())));
        }
        for (Finding f : in.assessment().findings()) {
            rules.putIfAbsent(f.ruleId(), of(f));
        }
        return List.copyOf(rules.values());
    }
}
