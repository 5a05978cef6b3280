package com.admissiongate.catalog;

import java.util.List;

/** Operator-maintained blocked SDK versions (rule SDK-03-BLOCKLISTED). */
public final class SdkBlocklist {

    private final List<BlocklistEntry> entries;

    SdkBlocklist(List<BlocklistEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<BlocklistEntry> entries() {
        return entries;
    }

    public List<BlocklistEntry> forSdk(String sdkId) {
        return entries.stream().filter(e -> e.sdkId().equals(sdkId)).toList();
    }
}
