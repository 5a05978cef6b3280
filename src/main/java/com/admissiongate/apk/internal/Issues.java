package com.admissiongate.apk.internal;

import com.admissiongate.apk.Incomplete;
import com.admissiongate.apk.Issue;
import com.admissiongate.apk.IssueCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects issues and incomplete areas during one analysis. Not thread-safe. */
public final class Issues {

    /** Beyond this, further issues are counted but not kept: a hostile APK can produce millions. */
    private static final int MAX_ISSUES = 1000;

    private final List<Issue> issues = new ArrayList<>();
    private final Map<String, String> incomplete = new LinkedHashMap<>();
    private int dropped;

    public void add(IssueCode code, String location, Object... args) {
        if (location != null && location.isEmpty()) {
            location = null;
        }
        if (issues.size() >= MAX_ISSUES) {
            dropped++;
            return;
        }
        issues.add(Issue.of(code, location, args));
    }

    /** Records an issue and marks {@code area} incomplete (first reason wins). */
    public void incomplete(String area, IssueCode code, String location, Object... args) {
        add(code, location, args);
        markIncomplete(area, code.name());
    }

    public void markIncomplete(String area, String reason) {
        incomplete.putIfAbsent(area, reason);
    }

    public boolean has(IssueCode code) {
        for (Issue i : issues) {
            if (i.code().equals(code.name())) {
                return true;
            }
        }
        return false;
    }

    public List<Issue> issues() {
        List<Issue> out = new ArrayList<>(issues);
        if (dropped > 0) {
            out.add(Issue.of(IssueCode.LIMIT_REACHED, null, MAX_ISSUES, "issues (" + dropped + " dropped)"));
        }
        return List.copyOf(out);
    }

    public List<Incomplete> incompleteAreas() {
        List<Incomplete> out = new ArrayList<>();
        incomplete.forEach((a, r) -> out.add(new Incomplete(a, r)));
        return List.copyOf(out);
    }
}
