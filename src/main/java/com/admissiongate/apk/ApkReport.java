package com.admissiongate.apk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Immutable result of {@link ApkAnalyzer#analyze}: the analyzer's part of the Facts document.
 * The full DEX index is available through {@link #dexIndex()} but is not serialized.
 */
@JsonPropertyOrder({"sha256", "size", "analyzerVersion", "complete", "incomplete", "issues", "archive",
    "manifest", "resources", "dex", "nativeLibs", "assets", "nested"})
public record ApkReport(
        String sha256,
        long size,
        String analyzerVersion,
        boolean complete,
        List<Incomplete> incomplete,
        List<Issue> issues,
        ArchiveFacts archive,
        ManifestFacts manifest,
        ResourcesFacts resources,
        DexFacts dex,
        List<NativeLib> nativeLibs,
        List<String> assets,
        List<NestedArchive> nested,
        @JsonIgnore DexIndex dexIndex) {

    /** True when an issue with this code was reported. */
    public boolean hasIssue(IssueCode code) {
        for (Issue i : issues) {
            if (i.code().equals(code.name())) {
                return true;
            }
        }
        return false;
    }
}
