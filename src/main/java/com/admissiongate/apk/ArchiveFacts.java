package com.admissiongate.apk;

import java.util.List;
import java.util.Map;

/** ZIP container facts ({@code archive} in the Facts document). */
public record ArchiveFacts(
        int entryCount,
        long totalUncompressed,
        long totalCompressed,
        double maxCompressionRatio,
        Map<String, Integer> compressionMethods,
        List<String> duplicateNames,
        int entriesOutsideCentralDirectory,
        long prefixBytes,
        boolean prefixIsDex,
        int eocdCommentLength,
        SigningBlock signingBlock,
        boolean hasManifest,
        boolean hasResourcesArsc) {

    /** Location of the APK Signing Block and the ids of its ID-value pairs (hex, {@code 0x7109871a}). */
    public record SigningBlock(long offset, long size, List<String> ids) {
    }

    public static ArchiveFacts empty() {
        return new ArchiveFacts(0, 0, 0, 0.0, Map.of(), List.of(), 0, 0, false, 0, null, false, false);
    }
}
