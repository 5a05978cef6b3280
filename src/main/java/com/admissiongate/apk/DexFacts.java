package com.admissiongate.apk;

import java.util.List;
import java.util.Map;

/** Facts from DEX code ({@code dex} in the Facts document). Method refs are smali notation. */
public record DexFacts(
        List<DexFile> files,
        int classCount,
        int methodIdCount,
        List<CallSite> callSites,
        Map<String, Integer> callSiteCounts,
        List<String> httpUrls,
        List<String> urls,
        List<CallSite> reflection,
        List<CallSite> dynamicLoading) {

    /** One DEX file; {@code source} is the entry path holding it ({@code name} for classes*.dex). */
    public record DexFile(String name, String source, long size, int classes, int methodIds, int stringIds) {
    }

    /** An invoke-* instruction in {@code caller} whose method_id names {@code callee}. */
    public record CallSite(String callee, String caller) {
    }

    public static DexFacts empty() {
        return new DexFacts(List.of(), 0, 0, List.of(), Map.of(), List.of(), List.of(), List.of(), List.of());
    }
}
