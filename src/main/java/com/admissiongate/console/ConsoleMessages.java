package com.admissiongate.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Console texts in English; templates use them as {cm:key}. Chinese in {@link ConsoleMessagesZh}. */
@MessageBundle(value = "cm", locale = "en")
public interface ConsoleMessages {

    @Message("Admission gate · review console")
    String brand();

    @Message("Queue")
    String nav_queue();

    @Message("Minors' apps")
    String nav_minors();

    @Message("Rule packs")
    String nav_packs();

    @Message("Sign out")
    String logout();

    @Message("Signed in as")
    String signed_in_as();

    @Message("中文")
    String lang_switch();

    @Message("Review queue")
    String queue_title();

    @Message("need attention")
    String queue_live();

    @Message("Nothing needs attention with these filters.")
    String queue_empty();

    @Message("Category")
    String filter_category();

    @Message("Decision")
    String filter_decision();

    @Message("Rule")
    String filter_rule();

    @Message("App type")
    String filter_app_type();

    @Message("Minors")
    String filter_minors();

    @Message("Developer")
    String filter_developer();

    @Message("Decided from")
    String filter_from();

    @Message("to")
    String filter_to();

    @Message("Filter")
    String filter_apply();

    @Message("Reset")
    String filter_reset();

    @Message("any")
    String any();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Rectify")
    String cat_rectify();

    @Message("Warnings only")
    String cat_warn();

    @Message("Gate incomplete")
    String cat_incomplete();

    @Message("Overridden")
    String cat_overridden();

    @Message("App")
    String col_app();

    @Message("Developer")
    String col_developer();

    @Message("Decision")
    String col_decision();

    @Message("Deadline")
    String col_deadline();

    @Message("Decided")
    String col_decided();

    @Message("Why")
    String col_why();

    @Message("Next page")
    String next_page();

    @Message("First page")
    String first_page();

    @Message("days left")
    String days_left();

    @Message("days overdue")
    String days_overdue();

    @Message("Verdict")
    String verdict_title();

    @Message("App")
    String identity();

    @Message("Package")
    String package_name();

    @Message("Version")
    String version();

    @Message("App label")
    String label();

    @Message("Submitted name")
    String app_name();

    @Message("Signer")
    String signer();

    @Message("Filing")
    String filing();

    @Message("not filed")
    String not_filed();

    @Message("Upload")
    String upload();

    @Message("Rule pack")
    String rule_pack();

    @Message("Decision")
    String decision();

    @Message("Rectify by")
    String deadline();

    @Message("Revision")
    String revision();

    @Message("overridden by")
    String overridden_by();

    @Message("Findings")
    String findings();

    @Message("No findings.")
    String no_findings();

    @Message("Basis")
    String clause();

    @Message("Evidence")
    String evidence();

    @Message("Fix")
    String fix();

    @Message("waived by")
    String waived();

    @Message("missing")
    String missing();

    @Message("Reports")
    String downloads();

    @Message("Revision history")
    String history();

    @Message("Audit log")
    String audit();

    @Message("No human change yet.")
    String no_audit();

    @Message("#")
    String col_revision();

    @Message("Reason")
    String col_reason();

    @Message("Who")
    String col_actor();

    @Message("Action")
    String col_action();

    @Message("When")
    String col_at();

    @Message("Changes")
    String col_changes();

    @Message("Compare with the last accepted version")
    String diff_link();

    @Message("Version diff")
    String diff_title();

    @Message("against the last accepted version")
    String diff_against();

    @Message("This package has no earlier accepted version.")
    String diff_none();

    @Message("The stored analysis of one of the versions is missing.")
    String diff_facts_missing();

    @Message("Aspect")
    String diff_aspect();

    @Message("Added")
    String diff_added();

    @Message("Removed")
    String diff_removed();

    @Message("Unchanged")
    String diff_unchanged();

    @Message("Permissions")
    String aspect_permissions();

    @Message("SDKs")
    String aspect_sdks();

    @Message("Personal-information access")
    String aspect_pi();

    @Message("Signer")
    String aspect_signer();

    @Message("Privacy policy")
    String aspect_policy();

    @Message("Override")
    String override_title();

    @Message("What to change")
    String override_kind();

    @Message("The decision")
    String override_kind_decision();

    @Message("One finding (waive it)")
    String override_kind_finding();

    @Message("The deadline")
    String override_kind_deadline();

    @Message("New decision")
    String override_new_decision();

    @Message("Finding")
    String override_rule();

    @Message("Rectify by (RECTIFY only)")
    String override_rectify_by();

    @Message("Reason (mandatory, recorded in the audit log)")
    String override_reason();

    @Message("Review the change")
    String override_review();

    @Message("Confirm the override")
    String override_confirm_title();

    @Message("This publishes a new decision to the store and is recorded in the audit log.")
    String override_confirm_text();

    @Message("Confirm and publish")
    String override_confirm();

    @Message("Cancel")
    String override_cancel();

    @Message("Override published as revision")
    String override_done();

    @Message("The override was refused")
    String override_refused();

    @Message("Only reviewers can override.")
    String reviewer_only();

    @Message("Minors' apps")
    String minors_title();

    @Message("Open rectifications")
    String minors_open();

    @Message("Expired rectifications")
    String minors_expired();

    @Message("None.")
    String minors_none();



    @Message("Rule packs")
    String packs_title();

    @Message("Active pack")
    String packs_active();

    @Message("Rules")
    String packs_rules();

    @Message("Content hash")
    String packs_hash();

    @Message("Rule")
    String col_rule();

    @Message("Severity")
    String col_severity();

    @Message("Outcome")
    String col_outcome();

    @Message("Needs")
    String col_needs();

    @Message("Candidate dry-run")
    String packs_dry_run();


    @Message("Sign in")
    String login_title();

    @Message("Paste a bearer token (./gate up prints one per role).")
    String login_help();

    @Message("Token")
    String login_token();

    @Message("Sign in")
    String login_submit();

    @Message("The token was not accepted.")
    String login_failed();

    @Message("Not allowed")
    String forbidden_title();

    @Message("Your role does not allow this.")
    String forbidden_text();

    @Message("Form expired")
    String csrf_title();

    @Message("The form could not be verified. Reload the page and try again.")
    String csrf_text();

    @Message("No verdict for this upload.")
    String not_found();

    @Message("Back")
    String back();

    @Message("Next scheduled re-review")
    String minors_next_run();

    @Message("Last re-review run")
    String minors_last_run();

    @Message("not scheduled on this replica (gate.rereview.cron=off)")
    String minors_schedule_off();

    @Message("never")
    String minors_never();

    @Message("Re-review all listed minors' apps now")
    String minors_rereview_all();

    @Message("Re-review now")
    String minors_rereview_now();

    @Message("Listed apps aimed at minors")
    String minors_listed();

    @Message("Last re-review")
    String minors_last_review();

    @Message("Re-review runs")
    String minors_runs();

    @Message("Re-review run")
    String run_title();

    @Message("Started")
    String run_started();

    @Message("Finished")
    String run_finished();

    @Message("Trigger")
    String run_trigger();

    @Message("Scope")
    String run_scope();

    @Message("State")
    String run_state();

    @Message("Progress")
    String run_progress();

    @Message("Decisions changed")
    String run_changed();

    @Message("Unchanged")
    String run_unchanged();

    @Message("Other")
    String run_other();

    @Message("re-analysis")
    String run_reanalysis();

    @Message("failed")
    String run_failed();

    @Message("skipped")
    String run_skipped();

    @Message("Error")
    String run_error();

    @Message("Samples")
    String packs_samples();

    @Message("Stored candidate")
    String packs_candidate();

    @Message("last verdicts")
    String packs_last();

    @Message("Dry-run")
    String packs_dry_run_go();

    @Message("No stored pack other than the serving one; upload a zip instead.")
    String packs_no_candidates();

    @Message("or a pack zip (not stored)")
    String packs_upload();

    @Message("Dry-run of")
    String packs_dry_run_of();

    @Message("verdicts would change (decision or findings)")
    String packs_would_change();

    @Message("evaluated")
    String packs_evaluated();

    @Message("Rules added")
    String packs_rules_added();

    @Message("Rules resolved")
    String packs_rules_resolved();
}
