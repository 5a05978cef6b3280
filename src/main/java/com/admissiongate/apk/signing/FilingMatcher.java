package com.admissiongate.apk.signing;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares an app filing (备案) with the APK's signers. Filings usually record the signing
 * certificate's MD5 and sometimes its SHA-256, typed by hand with colons and mixed case.
 * Every fingerprint the filing gives must belong to some signer of the APK (META-02).
 */
public final class FilingMatcher {

    public static final String MATCHED = "MATCHED";
    public static final String NO_FINGERPRINT_GIVEN = "NO_FINGERPRINT_GIVEN";
    public static final String FILING_NUMBER_MISSING = "FILING_NUMBER_MISSING";
    public static final String FINGERPRINT_MISMATCH = "FINGERPRINT_MISMATCH";

    /** The submission's {@code filing} object; any field may be null. */
    public record Filing(String number, String certSha256, String certMd5) {
    }

    /**
     * @param mismatch          true for a missing filing number or a fingerprint no signer has
     * @param unmatched         filing fingerprints (normalised) that no signer carries
     * @param matchedCertSha256 signers one of whose fingerprints the filing gave
     */
    public record Match(boolean mismatch, String reason, String filingNumber, List<String> unmatched,
                        List<String> matchedCertSha256, List<String> signerSha256, List<String> signerMd5) {
        public Match {
            unmatched = List.copyOf(unmatched);
            matchedCertSha256 = List.copyOf(matchedCertSha256);
            signerSha256 = List.copyOf(signerSha256);
            signerMd5 = List.copyOf(signerMd5);
        }
    }

    private FilingMatcher() {
        // Hidden constructor
    }

    public static Match match(Filing filing, SigningReport report) {
        List<String> sha256s = new ArrayList<>();
        List<String> md5s = new ArrayList<>();
        for (SigningReport.Signer s : report.signers()) {
            sha256s.add(s.certSha256());
            md5s.add(s.certMd5());
        }
        String number = filing == null || filing.number() == null || filing.number().isBlank()
                ? null : filing.number().trim();
        String sha256 = filing == null ? null : Fingerprints.normalize(filing.certSha256());
        String md5 = filing == null ? null : Fingerprints.normalize(filing.certMd5());

        List<String> unmatched = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        check(sha256, sha256s, sha256s, unmatched, matched);
        check(md5, md5s, sha256s, unmatched, matched);

        String reason;
        if (number == null) {
            reason = FILING_NUMBER_MISSING;
        } else if (!unmatched.isEmpty()) {
            reason = FINGERPRINT_MISMATCH;
        } else if (sha256 == null && md5 == null) {
            reason = NO_FINGERPRINT_GIVEN;
        } else {
            reason = MATCHED;
        }
        boolean mismatch = number == null || !unmatched.isEmpty();
        return new Match(mismatch, reason, number, unmatched, matched, sha256s, md5s);
    }

    private static void check(String given, List<String> candidates, List<String> sha256s,
                              List<String> unmatched, List<String> matched) {
        if (given == null) {
            return;
        }
        int index = candidates.indexOf(given);
        if (index < 0) {
            unmatched.add(given);
        } else if (!matched.contains(sha256s.get(index))) {
            matched.add(sha256s.get(index));
        }
    }
}
