package com.admissiongate.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finding message with placeholders, parsed and compiled once at pack load.
 *
 * <ul>
 *   <li>{@code {{evidence}}} — the evidence items, comma-separated, at most {@value #MAX_ITEMS} then "…(+N)";</li>
 *   <li>{@code {{count}}} — number of evidence items;</li>
 *   <li>{@code {{expr: <CEL>}}} — any CEL expression over the rule's variables, rendered as text.</li>
 * </ul>
 */
final class MessageTemplate {

    static final int MAX_ITEMS = 10;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(evidence|count|expr:(.*?))\\s*}}");

    private final List<Object> parts; // String literal, Placeholder or CelExpression

    private enum Placeholder { EVIDENCE, COUNT }

    private MessageTemplate(List<Object> parts) {
        this.parts = List.copyOf(parts);
    }

    static MessageTemplate parse(String text, String where, CelRuleCompiler compiler)
            throws CelRuleCompiler.CompileProblems {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        List<String> problems = new ArrayList<>();
        while (m.find()) {
            if (m.start() > last) {
                parts.add(text.substring(last, m.start()));
            }
            if ("evidence".equals(m.group(1))) {
                parts.add(Placeholder.EVIDENCE);
            } else if ("count".equals(m.group(1))) {
                parts.add(Placeholder.COUNT);
            } else {
                try {
                    parts.add(compiler.compile(m.group(2).trim(), where + " {{expr}}", CelRuleCompiler.Expect.ANY));
                } catch (CelRuleCompiler.CompileProblems e) {
                    problems.addAll(e.problems());
                }
            }
            last = m.end();
        }
        if (last < text.length()) {
            parts.add(text.substring(last));
        }
        if (!problems.isEmpty()) {
            throw new CelRuleCompiler.CompileProblems(problems);
        }
        return new MessageTemplate(parts);
    }

    String render(List<Object> evidence, dev.cel.runtime.CelVariableResolver activation) {
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            if (part == Placeholder.EVIDENCE) {
                sb.append(renderEvidence(evidence));
            } else if (part == Placeholder.COUNT) {
                sb.append(evidence.size());
            } else if (part instanceof CelExpression) {
                try {
                    sb.append(renderItem(CelValues.toJava(((CelExpression) part).eval(activation))));
                } catch (CelExpression.ExpressionEvaluationException e) {
                    // a message must never turn a finding into an error; show where it broke instead
                    sb.append("<?>");
                }
            } else {
                sb.append(part);
            }
        }
        return sb.toString();
    }

    static String renderEvidence(List<Object> evidence) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(MAX_ITEMS, evidence.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(renderItem(evidence.get(i)));
        }
        if (evidence.size() > shown) {
            sb.append(" …(+").append(evidence.size() - shown).append(')');
        }
        return sb.toString();
    }

    private static String renderItem(Object item) {
        if (item instanceof Map) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) item).entrySet()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(e.getKey()).append('=').append(renderItem(e.getValue()));
            }
            return sb.toString();
        }
        if (item instanceof List) {
            return renderEvidence(castList(item));
        }
        return String.valueOf(item);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }
}
