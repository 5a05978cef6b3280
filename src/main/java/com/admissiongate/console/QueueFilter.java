package com.admissiongate.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The queue's filters and keyset position, validated: anything malformed is dropped (the reviewer sees the
 * unfiltered queue) rather than reaching SQL. Values are bound as parameters, never concatenated.
 *
 * @param after keyset cursor {@code <deadline-or-9999-12-31>_<id>} of the last row of the previous page
 */
public record QueueFilter(String category, String decision, String rule, String appType, Boolean minors,
                          String developer, LocalDate from, LocalDate to, String after) {

    static final Set<String> CATEGORIES = Set.of("rectify", "warn", "incomplete", "overridden");
    static final Set<String> DECISIONS = Set.of("ACCEPT", "REJECT", "RECTIFY");
    private static final Pattern RULE = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,80}");
    private static final Pattern CURSOR = Pattern.compile("\\d{4}-\\d{2}-\\d{2}_\\d{1,18}");

    static QueueFilter of(String category, String decision, String rule, String appType, String minors,
                          String developer, String from, String to, String after) {
        return new QueueFilter(category != null && CATEGORIES.contains(category) ? category : null,
                decision != null && DECISIONS.contains(decision) ? decision : null,
                rule != null && RULE.matcher(rule).matches() ? rule : null,
                text(appType), "true".equals(minors) ? Boolean.TRUE : "false".equals(minors) ? Boolean.FALSE : null,
                text(developer), date(from), date(to),
                after != null && CURSOR.matcher(after).matches() ? after : null);
    }

    private static String text(String s) {
        if (s == null || s.isBlank() || s.length() > 128) {
            return null;
        }
        return s.strip();
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    LocalDate afterDeadline() {
        return after == null ? null : LocalDate.parse(after.substring(0, after.indexOf('_')));
    }

    long afterId() {
        return after == null ? 0 : Long.parseLong(after.substring(after.indexOf('_') + 1));
    }

    /** Query string of the filters (without the cursor), for the next-page link and the live count. */
    public String query() {
        List<String> p = new ArrayList<>();
        add(p, "category", category);
        add(p, "decision", decision);
        add(p, "rule", rule);
        add(p, "appType", appType);
        add(p, "minors", minors == null ? null : minors.toString());
        add(p, "developer", developer);
        add(p, "from", from == null ? null : from.toString());
        add(p, "to", to == null ? null : to.toString());
        return String.join("&", p);
    }

    private static void add(List<String> p, String k, String v) {
        if (v != null) {
            p.add(k + "=" + Page.enc(v));
        }
    }

    public boolean is(String cat) {
        return cat.equals(category);
    }

    public boolean decisionIs(String d) {
        return d.equals(decision);
    }

    public boolean minorsIs(String m) {
        return m.equals(minors == null ? "" : minors.toString());
    }
}
