package com.admissiongate.catalog;

import java.util.List;

/** An SDK and the versions an operator blocks, with the notice that names them. */
public record BlocklistEntry(String sdkId, List<String> versions, String reason, String basis, String addedAt) {

    public BlocklistEntry {
        versions = Lists.copy(versions);
    }
}
