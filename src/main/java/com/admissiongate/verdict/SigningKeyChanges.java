package com.admissiongate.verdict;

import com.admissiongate.review.AuditAction;
import com.admissiongate.review.AuditLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Registers a deliberate signing-key change of a package, with its audit entry in the same transaction.
 * {@link HistoryService} hands registered certificates to the assessor, which lets the next upload signed by one of
 * them pass SIGN-02 (history.keyChangeRegistered); an upload signed by any other new key is still rejected.
 */
@ApplicationScoped
public class SigningKeyChanges {

    private final AuditLog audit;
    private final Clock clock;

    public SigningKeyChanges(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<SigningKeyChange> register(String packageName, String newCertSha256, String reason, String actor) {
        SigningKeyChange c = new SigningKeyChange();
        c.packageName = packageName;
        c.newCertSha256 = newCertSha256.toLowerCase(Locale.ROOT);
        c.reason = reason;
        c.registeredBy = actor;
        c.registeredAt = clock.instant();
        return Panache.withTransaction(() -> Verdict.<Verdict>find(
                        "packageName = ?1 and decision = 'ACCEPT' order by versionCode desc, decidedAt desc", packageName)
                .firstResult()
                .chain(last -> c.<SigningKeyChange>persist().call(() -> {
                    Map<String, Object> before = new LinkedHashMap<>();
                    before.put("listedSignerSha256", last == null ? null : last.signerSha256);
                    before.put("listedUploadId", last == null ? null : last.uploadId);
                    return audit.append(actor, AuditAction.SIGNING_KEY_CHANGE, "package:" + packageName, reason,
                            before, Map.of("newCertSha256", c.newCertSha256), c.registeredAt);
                })));
    }
}
