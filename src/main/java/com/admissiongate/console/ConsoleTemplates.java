package com.admissiongate.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/**
 * Type-safe console templates (src/main/resources/templates/console/*.html), validated at build time. Qute escapes
 * every expression in .html templates; none of them uses {@code raw}, so app labels, evidence and reasons written by
 * developers or reviewers are always text.
 */
@CheckedTemplate(basePath = "console")
public final class ConsoleTemplates {

    private ConsoleTemplates() {
    }

    public static native TemplateInstance queue(Page page, QueueFilter filter, List<QueueRow> rows, String count,
                                                String next, List<String> rules);

    public static native TemplateInstance queueCount(Page page, String count);

    public static native TemplateInstance verdict(Page page, VerdictDetails v, Integer done);

    public static native TemplateInstance diff(Page page, VerdictDetails v, VersionDiff diff, boolean factsMissing);

    public static native TemplateInstance confirm(Page page, VerdictDetails v, OverrideRequest req, String errorCode,
                                                  String error);

    public static native TemplateInstance minors(Page page, List<ListedMinor> listed, boolean listedTruncated,
                                                 String nextRun, List<QueueRow> open, List<QueueRow> expired,
                                                 List<RunView> runs, String error);

    public static native TemplateInstance run(Page page, RunView run);

    public static native TemplateInstance run$progress(Page page, RunView run);

    public static native TemplateInstance packs(Page page, PackView pack, List<String> candidates, int defaultLast,
                                                int maxLast, DryRunView dryRun, String error, List<String> problems);

    public static native TemplateInstance login(Page page, String loginCsrf, boolean failed);

    public static native TemplateInstance problem(Page page, String title, String text);
}
