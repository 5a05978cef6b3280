package com.admissiongate.catalog;

import java.util.List;

/** Matches when every {@code allOf} telltale matches and, if {@code anyOf} is not empty, one of those. */
public record PackerSignature(List<Telltale> allOf, List<Telltale> anyOf, String note) {

    public PackerSignature {
        allOf = Lists.copy(allOf);
        anyOf = Lists.copy(anyOf);
    }
}
