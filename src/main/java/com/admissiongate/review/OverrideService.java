package com.admissiongate.review;

import com.admissiongate.verdict.Verdict;
import com.admissiongate.verdict.VerdictRevisions;
import com.admissiongate.verdict.VerdictRevisions.Change;
import com.admissiongate.verdict.VerdictRevisions.Revised;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * Human decisions on a verdict: override the decision, waive one finding, set or extend a rectification deadline.
 * Each one is a new revision (published with {@code overriddenBy}) plus an audit entry in the same transaction.
 * Used by the operator REST API and the review console alike, so both enforce the same rules.
 */
@ApplicationScoped
public class OverrideService {

    static final Set<String> DECISIONS = Set.of("ACCEPT", "REJECT", "RECTIFY");
    /** Deadline of a RECTIFY override when the reviewer gives none (matches the rule pack's default). */
    static final int DEFAULT_RECTIFY_DAYS = com.admissiongate.policy.DecisionPolicy.DEFAULT_RECTIFY_DAYS;

    private final VerdictRevisions revisions;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final Clock clock;

    public OverrideService(VerdictRevisions revisions, AuditLog audit, ObjectMapper mapper, Clock clock) {
        this.revisions = revisions;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Replaces the decision. {@code rectifyBy} is used for RECTIFY only (default today + 30 days) and must not be in
     * the past. Emits null when the upload has no verdict.
     */
    public Uni<Revised> overrideDecision(String uploadId, String decision, LocalDate rectifyBy, String reason,
                                         String actor) {
        if (blank(reason)) {
            return reasonRequired();
        }
        if (decision == null || !DECISIONS.contains(decision)) {
            return Uni.createFrom().failure(new OverrideRefused("INVALID_DECISION",
                    "decision must be one of ACCEPT, REJECT, RECTIFY"));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate due = "RECTIFY".equals(decision)
                ? (rectifyBy == null ? today.plusDays(DEFAULT_RECTIFY_DAYS) : rectifyBy) : null;
        if (due != null && due.isBefore(today)) {
            return Uni.createFrom().failure(new OverrideRefused("DEADLINE_IN_PAST",
                    "rectifyBy " + due + " is before today (" + today + ")"));
        }
        return revisions.revise(uploadId,
                v -> new Change(decision, due, "OVERRIDE", v.rulePackVersion, v.findings, actor, now),
                (v, r) -> audit.append(actor, AuditAction.OVERRIDE_DECISION, "upload:" + uploadId, reason,
                        r.before(), Map.of("decision", v.decision, "rectifyBy", String.valueOf(v.rectifyBy)), now));
    }

    /**
     * Waives one finding (by rule id): it stays in the list marked {@code waived} with who and why, and the decision is
     * recomputed from the findings that remain, the same way the rule pack combines them.
     */
    public Uni<Revised> waiveFinding(String uploadId, String ruleId, String reason, String actor) {
        if (blank(reason)) {
            return reasonRequired();
        }
        Instant now = clock.instant();
        return revisions.revise(uploadId, v -> waived(v, ruleId, reason, actor, now),
                (v, r) -> audit.append(actor, AuditAction.OVERRIDE_FINDING, "upload:" + uploadId, reason,
                        r.before(), Map.of("waivedRuleId", ruleId, "decision", v.decision), now));
    }

    /** Sets or extends the deadline of a RECTIFY verdict (audited; the pipeline gets the new deadline). */
    public Uni<Revised> setDeadline(String uploadId, LocalDate rectifyBy, String reason, String actor) {
        if (blank(reason)) {
            return reasonRequired();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (rectifyBy == null || rectifyBy.isBefore(today)) {
            return Uni.createFrom().failure(new OverrideRefused("DEADLINE_IN_PAST",
                    "rectifyBy must be today (" + today + ") or later"));
        }
        return revisions.revise(uploadId, v -> {
            if (!"RECTIFY".equals(v.decision)) {
                throw new OverrideRefused("NOT_RECTIFY", "upload " + uploadId + " is " + v.decision
                        + "; only a RECTIFY decision has a deadline");
            }
            return new Change(v.decision, rectifyBy, "OVERRIDE", v.rulePackVersion, v.findings, actor, now);
        }, (v, r) -> audit.append(actor, AuditAction.DEADLINE_CHANGE, "upload:" + uploadId, reason,
                Map.of("rectifyBy", String.valueOf(r.before().rectifyBy())),
                Map.of("rectifyBy", String.valueOf(rectifyBy)), now));
    }

    private Change waived(Verdict v, String ruleId, String reason, String actor, Instant now) {
        ArrayNode findings;
        try {
            findings = (ArrayNode) mapper.readTree(v.findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings of " + v.uploadId + " are not JSON", e);
        }
        boolean found = false;
        for (JsonNode f : findings) {
            ObjectNode finding = (ObjectNode) f;
            if (finding.path("ruleId").asText().equals(ruleId) && !finding.has("waived")) {
                finding.putObject("waived").put("by", actor).put("reason", reason).put("at", now.toString());
                found = true;
            }
        }
        if (!found) {
            throw new OverrideRefused("FINDING_NOT_FOUND", "upload " + v.uploadId + " has no open finding " + ruleId);
        }
        WaiverCarryOver.Open open = WaiverCarryOver.open(findings);
        String decision = open.decision();
        LocalDate due = null;
        if ("RECTIFY".equals(decision)) {
            // keep a deadline already given; a decision that becomes RECTIFY only now starts its clock today
            due = v.rectifyBy != null ? v.rectifyBy : LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(open.minRectifyDays());
        }
        return new Change(decision, due, "OVERRIDE", v.rulePackVersion, findings.toString(), actor, now);
    }

    private static boolean blank(String reason) {
        return reason == null || reason.isBlank();
    }

    private static <T> Uni<T> reasonRequired() {
        return Uni.createFrom().failure(new OverrideRefused("REASON_REQUIRED", "a reason is mandatory for every human change"));
    }
}
