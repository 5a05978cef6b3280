package com.admissiongate.catalog;

import java.util.List;

/** The Facts {@code packer} object: packer id, display name and the telltales found. */
public record PackerFinding(String id, String name, List<Match> evidence) {

    public PackerFinding {
        evidence = Lists.copy(evidence);
    }
}
