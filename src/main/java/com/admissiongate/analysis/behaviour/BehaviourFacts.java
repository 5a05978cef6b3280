package com.admissiongate.analysis.behaviour;

import java.util.List;

/**
 * The Facts {@code behaviour} section (contracts/facts.schema.json, docs/facts.md). Method references are smali
 * ({@code Lpkg/Cls;->name(Args)Ret}); a chain runs from an entry point to the API, both included.
 */
public record BehaviourFacts(
        boolean complete,
        String incompleteReason,
        Stats stats,
        List<EntryPoint> entryPoints,
        List<PreConsent> preConsent,
        List<PermissionRequest> permissionRequests,
        List<Chain> denialExits,
        List<Chain> resumeRequests,
        List<TlsBypass> tlsBypass,
        List<DynamicLoad> dynamicLoading,
        List<Periodic> periodic,
        List<CrossPackageStart> crossPackageStarts,
        List<Chain> clipboardReads,
        List<String> unreachablePiTypes,
        List<Flow> flows,
        List<String> cutLists) {

    public record Stats(int methodsWithCode, int edges, int entryPoints, int reachablePreConsent) {
    }

    /** kind: application, provider, receiver, launcher. */
    public record EntryPoint(String kind, String method) {
    }

    /** kind: api (catalog §3 API), content-uri, sdk-init; sdkSwitch: the SDK's own consent API is called too. */
    public record PreConsent(String kind, String api, String piType, boolean sensitive, String sdk, Boolean sdkSwitch,
            List<String> chain) {
    }

    public record PermissionRequest(String method, String component, boolean launcher, int dangerousGroups,
            List<String> groups, List<String> permissions) {
    }

    /** A chain ending in an API of interest ({@code api}), from {@code root}. */
    public record Chain(String root, String api, List<String> chain) {
    }

    /** kind: trust-all-certificates, allow-all-hostnames, ssl-error-proceed. */
    public record TlsBypass(String kind, String method, String sdk) {
    }

    public record DynamicLoad(String method, String api, boolean downloaded, String sdk) {
    }

    public record Periodic(String trigger, String api, String piType, String sdk, List<String> chain) {
    }

    /** kind: explicit-component (another package's component started/bound) or sdk-wakeup (vendor wake switch). */
    public record CrossPackageStart(String kind, String method, String targetPackage, String api) {
    }

    /**
     * sinkKind: network, sms, file, log, ipc, process (a command line); attributedTo: "app" or an SDK id; callSite: code-unit offset of the
     * sink call in {@code method} (the address {@code dexdump -d} prints), so two calls of one sink API in one
     * method are two flows a reviewer can tell apart; via: {@link #DATA} or {@link #CONTROL} (absent in Facts
     * written before beh-0.4.0: data).
     */
    public record Flow(String source, String piType, String sink, String sinkKind, String method, String attributedTo,
            int callSite, String via) {
        /** The source's value (or something computed from it) reaches the sink. */
        public static final String DATA = "data";
        /**
         * Only whether or what the sink is called depends on the source: it runs in code a branch on the source
         * decides (an implicit flow), so what it sends reveals something about the source, not the source itself.
         */
        public static final String CONTROL = "control";
    }
}
