package com.admissiongate.console;

import com.admissiongate.report.EvidenceLocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One evidence item shaped for a reviewer: a call chain as a path of readable method names, a manifest element as
 * XML (as tokens, so the template colours them and Qute escapes every one), a policy sentence quoted with the element
 * it lacks, or plain text. Evidence comes from attacker-controlled APKs and policies: nothing here is markup.
 *
 * @param kind  {@code path}, {@code xml}, {@code quote} or {@code text}
 * @param label text shown before the paths (e.g. the SDK the calls belong to), may be null
 * @param paths call chains, each caller first
 */
public record EvidenceView(String kind, String label, List<List<String>> paths, List<Token> tokens, String quote,
                           String missing, String text) {

    /** A piece of highlighted XML: {@code cls} is one of {@code p} (punctuation), {@code t}, {@code a}, {@code v}, {@code n}. */
    public record Token(String cls, String text) {
    }

    private static final String CALLED_FROM = " ← ";
    private static final String LEADS_TO = " → ";
    private static final Pattern PERMISSION = Pattern.compile(
            "^(?:uses-permission\\s+)?([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)*\\.permission\\.[A-Z0-9_]+)(.*)$");
    private static final Pattern EXPORTED = Pattern.compile("^exported <([a-z-]+)> (\\S+)(.*)$");
    private static final Pattern SDK_VERSION = Pattern.compile("^((?:target|min|max)SdkVersion)[ =](\\d+)(.*)$");
    private static final Pattern APP_FLAG = Pattern.compile(
            "^(usesCleartextTraffic|allowBackup|debuggable|testOnly|networkSecurityConfig)[ =]?(\\S*)(.*)$");
    private static final Pattern QUOTED = Pattern.compile("^[“\"「](.+)[”\"」](?:\\s*(?:missing|缺少)[:：]?\\s*(.+))?$");

    static EvidenceView of(Object evidence) {
        if (evidence instanceof Map<?, ?> m) {
            Object sentence = m.containsKey("quote") ? m.get("quote") : m.get("sentence");
            if (sentence != null) {
                return quote(String.valueOf(sentence), m.get("missing") == null ? null : String.valueOf(m.get("missing")));
            }
            if (m.get("caller") != null && m.get("callee") != null) {
                return new EvidenceView("path", null, List.of(List.of(readable(String.valueOf(m.get("caller"))),
                        readable(String.valueOf(m.get("callee"))))), List.of(), null, null, null);
            }
            if (m.get("permission") != null) {
                return of(String.valueOf(m.get("permission")));
            }
        }
        String s = String.valueOf(evidence).strip();
        if (s.contains(CALLED_FROM)) {
            return calls(s);
        }
        if (s.contains(LEADS_TO)) {
            List<String> steps = new ArrayList<>();
            for (String step : s.split(LEADS_TO)) {
                steps.add(readable(step));
            }
            return new EvidenceView("path", null, List.of(steps), List.of(), null, null, null);
        }
        List<Token> xml = manifest(s);
        if (xml != null) {
            return new EvidenceView("xml", null, List.of(), xml, null, null, null);
        }
        Matcher q = QUOTED.matcher(s);
        if (q.matches()) {
            return quote(q.group(1), q.group(2));
        }
        return new EvidenceView("text", null, List.of(), List.of(), null, null, s);
    }

    private static EvidenceView quote(String sentence, String missing) {
        return new EvidenceView("quote", null, List.of(), List.of(), sentence, missing, null);
    }

    /** {@code callee ← caller} pairs, optionally several joined by "; " after an "sdk: " label. */
    private static EvidenceView calls(String s) {
        String label = null;
        List<List<String>> paths = new ArrayList<>();
        // smali types end in ';' too, so only "; " not followed by the arrow separates pairs
        for (String part : s.split(";\\s+(?!←)")) {
            int arrow = part.indexOf(CALLED_FROM);
            if (arrow < 0) {
                continue;
            }
            String callee = part.substring(0, arrow);
            int colon = callee.lastIndexOf(": ");
            if (colon >= 0 && label == null) {
                label = callee.substring(0, colon);
                callee = callee.substring(colon + 2);
            }
            paths.add(List.of(readable(part.substring(arrow + CALLED_FROM.length())), readable(callee)));
        }
        return new EvidenceView("path", label, paths, List.of(), null, null, null);
    }

    /** {@code Lcom/foo/Bar;->init(...)V} becomes {@code com.foo.Bar.init}; anything else is kept as written. */
    static String readable(String smali) {
        EvidenceLocator.Located l = EvidenceLocator.locate(smali.strip());
        return l.kind() == EvidenceLocator.Kind.DEX && l.ref() != null ? l.ref().qualifiedName() : smali.strip();
    }

    static List<Token> manifest(String s) {
        Matcher m = PERMISSION.matcher(s);
        if (m.matches()) {
            return element("uses-permission", "android:name", m.group(1), null, null, m.group(2));
        }
        m = EXPORTED.matcher(s);
        if (m.matches()) {
            return element(m.group(1), "android:name", m.group(2), "android:exported", "true", m.group(3));
        }
        m = SDK_VERSION.matcher(s);
        if (m.matches()) {
            return element("uses-sdk", "android:" + m.group(1), m.group(2), null, null, m.group(3));
        }
        m = APP_FLAG.matcher(s);
        if (m.matches()) {
            String value = m.group(2).isEmpty() ? "true" : m.group(2);
            return element("application", "android:" + m.group(1), value, null, null, m.group(3));
        }
        return null;
    }

    private static List<Token> element(String tag, String a1, String v1, String a2, String v2,
                                       String note) {
        List<Token> t = new ArrayList<>();
        t.add(new Token("p", "<"));
        t.add(new Token("t", tag));
        attr(t, a1, v1);
        attr(t, a2, v2);
        t.add(new Token("p", "/>"));
        if (note != null && !note.isBlank()) {
            t.add(new Token("n", " " + note.strip()));
        }
        return t;
    }

    private static void attr(List<Token> t, String name, String value) {
        if (name == null) {
            return;
        }
        t.add(new Token("p", " "));
        t.add(new Token("a", name));
        t.add(new Token("p", "=\""));
        t.add(new Token("v", value));
        t.add(new Token("p", "\""));
    }
}
