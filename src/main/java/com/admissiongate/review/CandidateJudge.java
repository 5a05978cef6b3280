package com.admissiongate.review;

import com.admissiongate.analysis.Assessment;
import com.admissiongate.analysis.PolicyAssessor;
import com.admissiongate.config.ReReviewConfig;
import com.admissiongate.policy.DecisionPolicy;
import com.admissiongate.verdict.FindingsDiff;
import com.admissiongate.verdict.HistoryService;
import com.admissiongate.verdict.Verdict;
import com.admissiongate.verdict.VerdictRevisions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one re-review candidate: its stored Facts under the active pack, by the reuse check ({@link ReusePlan}:
 * most are settled there) or in full, into an {@link Outcome}: the same outcome, a changed verdict with its diff and
 * deadline, or an error. Nothing is written here; the only I/O is a privacy policy named by URL fetched again
 * ({@link PolicyRefresh}). Runs on worker threads; {@link ReReviewer} reads the pages, hands it the candidates and
 * writes what it decides.
 */
@ApplicationScoped
public class CandidateJudge {

    private static final Logger LOG = Logger.getLogger(CandidateJudge.class);

    /** An evaluated candidate: {@code change} null = same outcome; {@code error} set = evaluation failed. */
    record Outcome(ReReviewCandidate candidate, VerdictRevisions.Change change, String error, FindingsDiff diff,
                   JsonNode findings) {

        Outcome(ReReviewCandidate candidate, VerdictRevisions.Change change, String error) {
            this(candidate, change, error, null, null);
        }
    }

    /**
     * What the reuse check found for one candidate: settled ({@code outcome} set), or the new results of the rules it
     * evaluated, to be merged once the whole findings are read ({@code results} set), or neither: evaluate in full.
     * {@code submission} is set once the privacy policy was fetched again ({@code fresh}, null = keep the stored
     * section), so no later step parses or fetches them a second time.
     */
    record Checked(ReReviewCandidate candidate, Outcome outcome, JsonNode submission, JsonNode fresh,
                   List<com.admissiongate.policy.RuleResult> results) {

        static Checked full(ReReviewCandidate c) {
            return new Checked(c, null, null, null, null);
        }

        Checked with(ReReviewCandidate c) {
            return new Checked(c, outcome, submission, fresh, results);
        }
    }

    private final HistoryService history;
    private final ObjectMapper mapper;
    private final ReReviewConfig config;
    private final PolicyRefresh policies;

    public CandidateJudge(HistoryService history, ObjectMapper mapper, ReReviewConfig config, PolicyRefresh policies) {
        this.history = history;
        this.mapper = mapper;
        this.config = config;
        this.policies = policies;
    }

    /**
     * The reuse check of one candidate ({@link ReusePlan}) over the Facts sections and the findings summary its page
     * brought: settled when certainly unchanged; else the new results of the rules evaluated again, for
     * {@link #merge}. Evaluate in full when its pack has no usable basis, history names key changes, a URL policy
     * fetched again differs from the stored section, or anything fails. Runs on a worker thread.
     */
    Checked byReuse(ReReviewCandidate c, PolicyAssessor pa, ReusePlan plan) {
        ReusePlan.Base base = plan.base(c.rulePackVersion());
        if (base == null || c.facts() == null || !base.covers(c.decidedAt())) {
            return Checked.full(c);
        }
        try {
            JsonNode history = historyOf(c);
            if (com.admissiongate.analysis.KeyChanges.applies(history)) {
                return Checked.full(c); // resolved against the whole Facts tree: the full path does that
            }
            // submission and Facts text straight into CEL values; a Jackson tree of the submission only when a
            // policy is fetched or the verdict may change (the outcome's deadline reads it)
            java.util.Map<String, Object> submission = com.admissiongate.policy.CelJson.readObject(c.submission());
            java.util.Map<String, Object> facts = com.admissiongate.policy.CelJson.readObject(c.facts());
            JsonNode tree = null;
            JsonNode fresh = null;
            if (policies.fetches(submission)) {
                tree = mapper.readTree(c.submission());
                fresh = policies.fresh(tree);
            }
            if (fresh != null && !sameJson(fresh, facts.get("privacyPolicy"))) {
                return new Checked(c, null, tree, fresh, null);
            }
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> historyCel = (java.util.Map<String, Object>) com.admissiongate.policy.CelValues.fromJson(history);
            List<com.admissiongate.policy.RuleResult> results =
                    pa.evaluateRules(plan.active(), base.evaluate(), facts, submission, historyCel);
            if (ReusePlan.unchanged(base, mapper.readTree(c.findings()), c.decision(), results)) {
                return new Checked(c, new Outcome(c, null, null), null, null, null);
            }
            return new Checked(c, null, tree != null ? tree : mapper.readTree(c.submission()), fresh, results);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debugf("re-review of %s: reuse check failed (%s), evaluating in full", c.uploadId(), e.toString());
            return Checked.full(c);
        }
    }

    /**
     * A changed verdict rebuilt from its whole stored findings and the results {@link #byReuse} evaluated: exactly
     * what a full evaluation gives, or null (evaluate in full) when the stored findings cannot be merged.
     */
    Outcome merge(Checked ch, PolicyAssessor pa, ReusePlan plan, Instant now) {
        ReReviewCandidate c = ch.candidate();
        try {
            JsonNode stored = mapper.readTree(c.findings());
            List<JsonNode> added = new ArrayList<>();
            pa.findings(plan.active(), ch.results()).forEach(f -> added.add(mapper.valueToTree(f)));
            ReusePlan.Merged merged = plan.merge(plan.base(c.rulePackVersion()), stored, ch.results(), added);
            return merged == null ? null
                    : outcome(c, stored, merged.findings(), merged.decision(), plan.active().version(), ch.submission(), now);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debugf("re-review of %s: merge failed (%s), evaluating in full", c.uploadId(), e.toString());
            return null;
        }
    }

    /**
     * Whether JSON {@code j} is the CEL value {@code cel} ({@link com.admissiongate.policy.CelJson} output), converted
     * as the full path converts a policy fetched again ({@link com.admissiongate.policy.CelValues#fromJson}). Used to
     * see whether that policy is the section stored with the Facts; a false "different" only costs a full evaluation.
     */
    static boolean sameJson(JsonNode j, Object cel) {
        return cel != null && com.admissiongate.policy.CelValues.fromJson(j).equals(cel);
    }

    /**
     * Judges one candidate's stored Facts under the active pack; runs on a worker thread. {@code known}: what a reuse
     * check already parsed and fetched (its submission and fresh policy), or null.
     */
    Outcome evaluate(ReReviewCandidate c, PolicyAssessor pa, Instant now, Checked known) {
        try {
            boolean fetched = known != null && known.submission() != null;
            JsonNode submission = fetched ? known.submission() : mapper.readTree(c.submission());
            JsonNode fresh = fetched ? known.fresh() : policies.fresh(submission);
            // the Facts text straight into CEL values: no tree (docs/benchmarks.md, re-review CPU per app)
            Assessment a = pa.evaluateStored(c.facts(), submission, historyOf(c), fresh);
            return outcome(c, mapper.readTree(c.findings()), (ArrayNode) mapper.valueToTree(a.findings()),
                    a.decision().name(), a.rulePackVersion(), submission, now);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("re-review of %s failed: %s", c.uploadId(), e.toString());
            return new Outcome(c, null, e.toString());
        }
    }

    /**
     * The outcome of fresh findings against the stored verdict: a reviewer's waiver on this upload survives the
     * re-evaluation ({@link WaiverCarryOver}); no change when the decision and the rules that fired are the same.
     */
    private Outcome outcome(ReReviewCandidate c, JsonNode stored, ArrayNode freshFindings, String decision,
                            String rulePackVersion, JsonNode submission, Instant now) throws JsonProcessingException {
        WaiverCarryOver.Result w = WaiverCarryOver.apply(stored, freshFindings, decision);
        FindingsDiff diff = FindingsDiff.between(c.decision(), stored, w.decision(), w.findings());
        if (diff.isEmpty()) {
            return new Outcome(c, null, null);
        }
        LocalDate rectifyBy = !"RECTIFY".equals(w.decision()) ? null
                : w.carried() == 0 ? rectifyBy(rulesMinRectifyDays(w.findings()), c, submission, now)
                : rectifyBy(w.minRectifyDays(), c, submission, now);
        return new Outcome(c, new VerdictRevisions.Change(w.decision(), rectifyBy, "RE_REVIEW",
                rulePackVersion, mapper.writeValueAsString(w.findings()), null, now), null, diff, w.findings());
    }

    /** The earliest rectifyDays of the RECTIFY findings (null: none says, the default applies). */
    static Integer rulesMinRectifyDays(JsonNode findings) {
        Integer days = null;
        for (JsonNode f : findings) {
            if ("RECTIFY".equals(f.path("outcome").asText()) && f.path("rectifyDays").isInt()) {
                int d = f.path("rectifyDays").asInt();
                days = days == null ? d : Math.min(days, d);
            }
        }
        return days;
    }

    /**
     * The package history as {@code HistoryService.forPackage(package, uploadId)} builds it for a decided upload,
     * from the columns the page query brought along (ReReviewHistoryTests compares the two).
     */
    public JsonNode historyOf(ReReviewCandidate c) throws JsonProcessingException {
        ReReviewCandidate.HistoryInputs h = c.history();
        JsonNode history = lastAcceptedHistory(h);
        ArrayNode keys = ((ObjectNode) history).putArray("registeredKeyChanges");
        h.registeredKeyChanges().forEach(keys::add);
        return HistoryService.putShares(history, h.policySharedWith());
    }

    private JsonNode lastAcceptedHistory(ReReviewCandidate.HistoryInputs h) throws JsonProcessingException {
        if (h.uploadId() == null) {
            return history.toHistory(null, null);
        }
        Verdict last = new Verdict();
        last.uploadId = h.uploadId();
        last.versionCode = h.versionCode();
        last.sha256 = h.sha256();
        last.signerSha256 = h.signer();
        ObjectNode facts = null;
        if (h.facts()) {
            facts = mapper.createObjectNode();
            if (h.signing() != null) {
                facts.set("signing", mapper.readTree(h.signing()));
            }
            if (h.permissions() != null) {
                facts.putObject("manifest").set("permissions", mapper.readTree(h.permissions()));
            }
            if (h.sdks() != null) {
                facts.set("sdks", mapper.readTree(h.sdks()));
            }
            if (h.policySha256() != null) {
                facts.putObject("privacyPolicy").put("sha256", h.policySha256());
            }
        }
        return history.toHistory(last, facts);
    }

    /**
     * Deadline of a RECTIFY re-review decision: {@code minDays} (the earliest rectifyDays of the RECTIFY findings left
     * open; null = {@link DecisionPolicy#DEFAULT_RECTIFY_DAYS}), or, for apps aimed at minors,
     * {@code gate.rereview.minors-rectify-days} when set. Counted from the re-review, not the upload.
     */
    LocalDate rectifyBy(Integer minDays, ReReviewCandidate c, JsonNode submission, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (config.minorsRectifyDays().isPresent() && aimedAtMinors(c, submission)) {
            return today.plusDays(config.minorsRectifyDays().get());
        }
        return today.plusDays(minDays == null ? DecisionPolicy.DEFAULT_RECTIFY_DAYS : minDays);
    }

    static boolean aimedAtMinors(ReReviewCandidate c, JsonNode submission) {
        JsonNode audience = submission.path("audience");
        return c.minorsTargeted() || audience.path("minorsTargeted").asBoolean(false)
                || (audience.hasNonNull("minAge") && audience.get("minAge").asInt() < 18)
                || (audience.hasNonNull("maxAge") && audience.get("maxAge").asInt() < 18);
    }
}
