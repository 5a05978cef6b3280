package com.admissiongate.apk.internal.zip;

import com.admissiongate.apk.ArchiveFacts;
import com.admissiongate.apk.io.ByteSource;
import java.util.List;
import java.util.Map;

/**
 * A parsed ZIP: its entries (central directory order) plus container facts. {@code byName}
 * maps a name to its first entry, as Android's zip reader resolves duplicates by first hit.
 */
public record ZipArchive(ByteSource source, List<ZipEntryRecord> entries, Map<String, ZipEntryRecord> byName,
        ArchiveFacts facts, boolean complete) {

    public ZipEntryRecord entry(String name) {
        return byName.get(name);
    }
}
