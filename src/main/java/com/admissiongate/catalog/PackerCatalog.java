package com.admissiongate.catalog;

import java.util.List;
import java.util.Optional;

/** Packer telltales of {@code packers.json}, in file order (the detector reports the first match). */
public final class PackerCatalog {

    private final List<PackerEntry> entries;

    PackerCatalog(List<PackerEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<PackerEntry> entries() {
        return entries;
    }

    public Optional<PackerEntry> byId(String id) {
        return entries.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
