package com.admissiongate.catalog;

import java.util.List;

/** One SDK of {@code sdks.json}. */
public record SdkEntry(String id, LocalizedName name, String vendor, String category, String country,
        SdkFingerprints fingerprints, List<String> piTypes, List<String> permissions, List<String> initApis,
        ConsentGate consentGate, boolean ads, boolean face, List<String> sources, Integer exodusId,
        String exodusCodeSignature, List<String> libcheckerLabels, Integer minClasses, String note) {

    public SdkEntry {
        fingerprints = fingerprints == null ? new SdkFingerprints(null, null, null, null, null) : fingerprints;
        piTypes = Lists.copy(piTypes);
        permissions = Lists.copy(permissions);
        initApis = Lists.copy(initApis);
        sources = Lists.copy(sources);
        libcheckerLabels = Lists.copy(libcheckerLabels);
    }
}
