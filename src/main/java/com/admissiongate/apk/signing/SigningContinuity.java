package com.admissiongate.apk.signing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether an update changed its signing key without a proof of rotation (SIGN-02).
 * Pure function over fingerprints; the caller supplies the previously accepted signer set.
 */
public final class SigningContinuity {

    public static final String NO_PREVIOUS_SIGNER = "NO_PREVIOUS_SIGNER";
    public static final String SAME_SIGNER = "SAME_SIGNER";
    public static final String ROTATED_WITH_LINEAGE = "ROTATED_WITH_LINEAGE";
    public static final String NEW_APK_HAS_NO_SIGNER = "NEW_APK_HAS_NO_SIGNER";
    public static final String SIGNER_CHANGED_WITHOUT_ROTATION = "SIGNER_CHANGED_WITHOUT_ROTATION";

    /**
     * @param changed  true when no certificate of the previous release is among the new signers or
     *                 in the new v3 lineage
     * @param reason   one of this class's reason constants
     */
    public record Decision(boolean changed, String reason, Evidence evidence) {
    }

    /** Normalised SHA-256 fingerprints; {@code matched} are previous certificates found again. */
    public record Evidence(List<String> previous, List<String> current, List<String> lineage,
                           List<String> matched) {
        public Evidence {
            previous = List.copyOf(previous);
            current = List.copyOf(current);
            lineage = List.copyOf(lineage);
            matched = List.copyOf(matched);
        }
    }

    private SigningContinuity() {
        // Hidden constructor
    }

    public static Decision decide(Collection<String> previousSignerSha256, SigningReport report) {
        Set<String> previous = normalized(previousSignerSha256);
        Set<String> current = new LinkedHashSet<>();
        report.signers().forEach(s -> current.add(s.certSha256()));
        Set<String> lineage = new LinkedHashSet<>();
        report.lineage().forEach(l -> lineage.add(l.certSha256()));

        List<String> matchedSigner = intersect(previous, current);
        List<String> matchedLineage = intersect(previous, lineage);
        Set<String> matched = new LinkedHashSet<>(matchedSigner);
        matched.addAll(matchedLineage);
        Evidence evidence = new Evidence(new ArrayList<>(previous), new ArrayList<>(current),
                new ArrayList<>(lineage), new ArrayList<>(matched));

        if (previous.isEmpty()) {
            return new Decision(false, NO_PREVIOUS_SIGNER, evidence);
        }
        if (!matchedSigner.isEmpty()) {
            return new Decision(false, SAME_SIGNER, evidence);
        }
        if (!matchedLineage.isEmpty()) {
            return new Decision(false, ROTATED_WITH_LINEAGE, evidence);
        }
        // An unsigned or unparseable update cannot show continuity either: fail closed.
        return new Decision(true, current.isEmpty() ? NEW_APK_HAS_NO_SIGNER : SIGNER_CHANGED_WITHOUT_ROTATION,
                evidence);
    }

    private static Set<String> normalized(Collection<String> fingerprints) {
        Set<String> out = new LinkedHashSet<>();
        if (fingerprints != null) {
            for (String f : fingerprints) {
                String n = Fingerprints.normalize(f);
                if (n != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static List<String> intersect(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>();
        for (String s : a) {
            if (b.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
