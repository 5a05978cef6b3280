package com.admissiongate.catalog;

import java.util.List;

/** A packer (hardening service) and its alternative signatures. */
public record PackerEntry(String id, LocalizedName name, List<PackerSignature> signatures, String note) {

    public PackerEntry {
        signatures = Lists.copy(signatures);
    }
}
