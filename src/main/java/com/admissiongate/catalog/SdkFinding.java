package com.admissiongate.catalog;

import java.util.List;

/**
 * One entry of the Facts {@code sdks[]} array. {@code present}: the SDK's code or manifest/native/asset
 * fingerprints are in the APK (see docs/catalogs.md for the class-count rule); {@code initialised}: code
 * outside the SDK calls one of its init APIs; {@code consentGateCalled}: code outside the SDK calls its
 * vendor privacy switch.
 */
public record SdkFinding(String id, String name, String category, String country, boolean present,
        boolean initialised, List<Match> matchedBy, int classes, List<CallSite> initEvidence,
        boolean consentGateCalled) {

    public SdkFinding {
        matchedBy = Lists.copy(matchedBy);
        initEvidence = Lists.copy(initEvidence);
    }
}
