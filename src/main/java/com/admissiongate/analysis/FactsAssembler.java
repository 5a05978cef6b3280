package com.admissiongate.analysis;

import com.admissiongate.analysis.behaviour.BehaviourAnalyzer;
import com.admissiongate.analysis.behaviour.BehaviourFacts;
import com.admissiongate.analysis.behaviour.BehaviourLimits;
import com.admissiongate.apk.ApkAnalyzer;
import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.DexFacts;
import com.admissiongate.apk.DexIndex;
import com.admissiongate.apk.ManifestFacts;
import com.admissiongate.apk.NativeLib;
import com.admissiongate.apk.TrackedApis;
import com.admissiongate.apk.io.ByteSources;
import com.admissiongate.catalog.CallSite;
import com.admissiongate.catalog.Catalogs;
import com.admissiongate.catalog.PackerDetector;
import com.admissiongate.catalog.PackerFinding;
import com.admissiongate.catalog.PiAccessDeriver;
import com.admissiongate.catalog.SdkDetector;
import com.admissiongate.catalog.SdkFinding;
import com.admissiongate.catalog.SdkInputs;
import com.admissiongate.privacy.AppTextScanner;
import com.admissiongate.privacy.BundledPolicies;
import com.admissiongate.privacy.PrivacyLimits;
import com.admissiongate.privacy.PrivacyPolicyFacts;
import com.admissiongate.privacy.PrivacyPolicyParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.BiFunction;

/**
 * One APK → the immutable Facts document (contracts/facts.schema.json): the extractor's report plus signing, SDKs,
 * PI access and packer. Plain Java so the service, the CLI and the benchmarks run exactly the same analysis.
 */
public final class FactsAssembler {

    public static final int SCHEMA_VERSION = 1;

    private final ApkAnalyzer analyzer;
    private final long inMemoryMax;
    private final Catalogs catalogs;
    private final SdkDetector sdkDetector;
    private final PackerDetector packerDetector;
    private final PiAccessDeriver piDeriver;
    private final SigningStep signing;
    private final ObjectMapper mapper;
    private final String analyzerVersion;
    private final Set<String> contentUris;
    private final BehaviourAnalyzer behaviour;
    private final AppTextScanner appText = new AppTextScanner();
    private final Executor signingExecutor;

    public FactsAssembler(ApkLimits limits, Catalogs catalogs, BiFunction<Path, Integer, Object> signing,
                          ObjectMapper mapper) {
        this(limits, BehaviourLimits.defaults(), catalogs, signing, mapper);
    }

    /**
     * @param signing produces the `signing` section from (apk, manifest minSdk or null); null until signing lands
     */
    public FactsAssembler(ApkLimits limits, BehaviourLimits behaviourLimits, Catalogs catalogs,
                          BiFunction<Path, Integer, Object> signing, ObjectMapper mapper) {
        this(limits, behaviourLimits, BundledPolicies.Limits.defaults(), catalogs, signing, mapper);
    }

    private final BundledPolicies bundled;
    private final PrivacyPolicyParser bundledParser;

    /** @param bundledLimits how many policy/agreement assets are read, and how large each may be */
    public FactsAssembler(ApkLimits limits, BehaviourLimits behaviourLimits, BundledPolicies.Limits bundledLimits,
                          Catalogs catalogs, BiFunction<Path, Integer, Object> signing, ObjectMapper mapper) {
        this(limits, behaviourLimits, bundledLimits, catalogs,
                signing == null ? null : (apk, minSdk) -> signing.apply(apk, minSdk.get()), mapper, null);
    }

    /** Produces the `signing` section; asks for the manifest's minSdk only if it needs it. */
    @FunctionalInterface
    public interface SigningStep {
        Object verify(Path apk, java.util.function.Supplier<Integer> minSdk);

        /**
         * As {@link #verify(Path, java.util.function.Supplier)} with the file's bytes when the assembler has read it
         * whole ({@code bytes} null otherwise); a step that cannot use them verifies the file.
         */
        default Object verify(Path apk, byte[] bytes, java.util.function.Supplier<Integer> minSdk) {
            return verify(apk, minSdk);
        }

        /** apksig through {@code verifier}, on the assembler's copy of the bytes when there is one. */
        static SigningStep apksig(com.admissiongate.apk.signing.SigningVerifier verifier) {
            return new SigningStep() {
                @Override
                public Object verify(Path apk, java.util.function.Supplier<Integer> minSdk) {
                    return verifier.verifyDeferringMinSdk(apk, minSdk, null);
                }

                @Override
                public Object verify(Path apk, byte[] bytes, java.util.function.Supplier<Integer> minSdk) {
                    return bytes == null ? verify(apk, minSdk) : verifier.verifyDeferringMinSdk(bytes, minSdk, null);
                }
            };
        }
    }

    /**
     * @param signingExecutor when not null, signature verification (apksig: three SHA-256 passes over the whole file
     *                        for a v1+v2+v3 APK) and the file's own SHA-256 run there, each as its own task, while
     *                        this thread extracts and analyses the DEX code; the developer's cold self-check has two
     *                        idle cores and nothing else to do with them. The manifest's minSdk, which apksig needs
     *                        only when it cannot read the manifest itself, is handed over when the extractor has it.
     */
    public FactsAssembler(ApkLimits limits, BehaviourLimits behaviourLimits, BundledPolicies.Limits bundledLimits,
                          Catalogs catalogs, SigningStep signing, ObjectMapper mapper, Executor signingExecutor) {
        this.signingExecutor = signingExecutor;
        this.bundled = new BundledPolicies(bundledLimits);
        this.bundledParser = new PrivacyPolicyParser(PrivacyLimits.defaults(), catalogs.sdks());
        List<String> tracked = new ArrayList<>(TrackedApis.defaults().prefixes());
        // SDK init and consent-gate APIs must be call sites too, or "initialised" can never be observed
        for (String p : catalogs.trackedCalleePrefixes()) {
            if (p.contains("->") && !tracked.contains(p)) {
                tracked.add(p);
            }
        }
        this.analyzer = new ApkAnalyzer(limits, new TrackedApis(List.copyOf(tracked)), signingExecutor);
        this.inMemoryMax = limits.inMemoryMax();
        this.catalogs = catalogs;
        this.sdkDetector = new SdkDetector(catalogs.sdks());
        this.packerDetector = new PackerDetector(catalogs.packers());
        this.piDeriver = new PiAccessDeriver(catalogs);
        this.signing = signing;
        this.mapper = mapper;
        this.contentUris = catalogs.trackedContentUris();
        this.behaviour = new BehaviourAnalyzer(catalogs, behaviourLimits);
        // facts depend on the extractor and on the catalogs that classify them: both are in the cache key
        this.analyzerVersion = ApkAnalyzer.VERSION + "+" + BehaviourAnalyzer.VERSION + "+" + BundledPolicies.VERSION + "+"
                + catalogs.version().replaceAll(".*sha256=", "cat-");
    }

    public String analyzerVersion() {
        return analyzerVersion;
    }

    public Catalogs catalogs() {
        return catalogs;
    }

    public ObjectNode assemble(Path apk) {
        // one read for the extractor and apksig alike (ApkLimits#inMemoryMax); null: each reads the file itself
        byte[] bytes = readWhole(apk);
        CompletableFuture<Integer> minSdkLater = new CompletableFuture<>();
        Future<Object> signed = startSigning(apk, bytes, minSdkLater);
        ApkReport report = null;
        try {
            report = bytes == null ? analyzer.analyze(apk) : analyzer.analyze(ByteSources.wrap(bytes));
        } finally {
            // never leave the signing task waiting, whatever the extractor did
            minSdkLater.complete(report == null || report.manifest() == null ? null : report.manifest().minSdk());
        }
        ObjectNode facts = mapper.createObjectNode();
        facts.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode base = mapper.valueToTree(report);
        facts.setAll(base);
        facts.put("analyzerVersion", analyzerVersion);
        ArrayNode incomplete = (ArrayNode) facts.get("incomplete");
        boolean complete = report.complete();

        Object sig = null;
        if (signing != null) {
            Integer minSdk = report.manifest() == null ? null : report.manifest().minSdk();
            try {
                sig = signed == null ? signing.verify(apk, bytes, () -> minSdk) : awaitSigning(signed);
            } catch (RuntimeException e) {
                incomplete.addObject().put("area", "signing").put("reason", "signing verification failed: " + e.getMessage());
                complete = false;
            }
        } else {
            incomplete.addObject().put("area", "signing").put("reason", "signing verification not available");
            complete = false;
        }
        facts.set("signing", sig == null ? null : mapper.valueToTree(sig));

        try {
            List<CallSite> sites = callSites(report);
            List<SdkFinding> sdks = sdkDetector.detect(new SdkInputs(classNames(report.dexIndex()), components(report.manifest()),
                    nativeLibNames(report.nativeLibs()), report.assets(), sites));
            List<String> entries = new ArrayList<>(report.assets());
            report.nativeLibs().forEach(l -> entries.add(l.path()));
            report.dex().files().forEach(f -> entries.add(f.source()));
            PackerFinding packer = packerDetector.detect(entries, nativeLibNames(report.nativeLibs()),
                    classNames(report.dexIndex()));
            List<String> perms = report.manifest() == null ? List.of()
                    : report.manifest().permissions().stream().map(ManifestFacts.UsesPermission::name).toList();
            facts.set("sdks", mapper.valueToTree(sdks));
            facts.set("piAccess", mapper.valueToTree(piDeriver.derive(perms, sites, sdks)));
            facts.set("packer", packer == null ? null : mapper.valueToTree(packer));
        } catch (RuntimeException | StackOverflowError e) {
            incomplete.addObject().put("area", "sdk").put("reason", "SDK/PI detection failed: " + e);
            facts.putArray("sdks");
            facts.putArray("piAccess");
            facts.putNull("packer");
            complete = false;
        }
        try {
            BehaviourFacts b = behaviour.analyze(report.dexIndex() == null ? DexIndex.empty() : report.dexIndex(),
                    report.manifest(), report.resources() == null ? List.of() : report.resources().passwordFields());
            facts.set("behaviour", mapper.valueToTree(b));
            if (!b.complete()) {
                incomplete.addObject().put("area", "behaviour").put("reason", b.incompleteReason());
                complete = false;
            }
        } catch (RuntimeException | StackOverflowError e) {
            incomplete.addObject().put("area", "behaviour").put("reason", "behaviour analysis failed: " + e);
            facts.putNull("behaviour");
            complete = false;
        }
        // per-APK: what the app's own strings say about consent (issue #9); the policy itself is per submission and is
        // set by PolicyAssessor (null here: "no policy document considered")
        // bundled policy/agreement pages (assets/privacy.html …) are app text too, and the policy when none is named
        List<BundledPolicies.Asset> pages = bundled.read(apk, report.assets());
        java.util.Map<String, List<String>> pageBlocks = new java.util.LinkedHashMap<>();
        for (BundledPolicies.Asset a : pages) {
            pageBlocks.put(a.path(), BundledPolicies.blocks(a, bundledParser.limits()));
        }
        try {
            facts.set("appText", mapper.valueToTree(appText.scan(report.resources() == null ? null
                    : report.resources().strings(), pageBlocks)));
        } catch (RuntimeException | StackOverflowError e) {
            incomplete.addObject().put("area", "resources").put("reason", "app text scan failed: " + e);
            facts.set("appText", mapper.valueToTree(appText.scan(null)));
            complete = false;
        }
        BundledPolicies.Asset policy = pages.stream().filter(a -> BundledPolicies.isPrivacyPolicy(a.path())).findFirst()
                .orElse(null);
        if (policy == null) {
            facts.putNull("privacyPolicy");
        } else {
            // the submission's own policy (objectKey/url) replaces this one in PolicyAssessor
            facts.set("privacyPolicy", mapper.valueToTree(bundledParser.parse(policy.bytes(), null, policy.path(),
                    new PrivacyPolicyFacts.Source("asset", policy.path(), null), PrivacyPolicyParser.Context.NONE)));
        }
        facts.put("complete", complete);
        return facts;
    }

    /**
     * The signing step on the executor, or null to run it inline. The task asks for minSdk only after the extractor
     * has read the manifest; apksig reads the manifest itself first, so in the common case it never waits.
     */
    private Future<Object> startSigning(Path apk, byte[] bytes, CompletableFuture<Integer> minSdkLater) {
        if (signing == null || signingExecutor == null) {
            return null;
        }
        FutureTask<Object> task = new FutureTask<>(() -> signing.verify(apk, bytes, minSdkLater::join));
        signingExecutor.execute(task);
        return task;
    }

    /**
     * The whole file when it is at most {@code inMemoryMax} bytes, else null; null too when it cannot be read, so the
     * extractor's and apksig's own reads report the failure as they do for any file.
     */
    private byte[] readWhole(Path apk) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(apk)) {
            return ByteSources.readWhole(ch, inMemoryMax);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static Object awaitSigning(Future<Object> signed) {
        try {
            return signed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying signatures", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(String.valueOf(cause), cause);
        }
    }

    private List<CallSite> callSites(ApkReport report) {
        List<CallSite> sites = new ArrayList<>();
        for (DexFacts.CallSite s : report.dex().callSites()) {
            sites.add(new CallSite(s.caller(), s.callee()));
        }
        DexIndex index = report.dexIndex();
        if (index != null && !contentUris.isEmpty()) {
            // a content URI loaded as a constant is how contacts/SMS/call-log reads show up in code
            for (int m = 0; m < index.methodCount(); m++) {
                for (String s : index.strings(m)) {
                    for (String uri : contentUris) {
                        if (s.startsWith(uri)) {
                            sites.add(new CallSite(index.method(m), uri));
                        }
                    }
                }
            }
        }
        return sites;
    }

    private static List<String> classNames(DexIndex index) {
        if (index == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(index.classes().size());
        index.classes().forEach(c -> names.add(c.name()));
        return names;
    }

    private static List<String> components(ManifestFacts m) {
        if (m == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (List<ManifestFacts.Component> list : List.of(m.activities(), m.activityAliases(), m.services(),
                m.receivers(), m.providers())) {
            list.forEach(c -> out.add(c.name()));
        }
        return List.copyOf(out);
    }

    private static List<String> nativeLibNames(List<NativeLib> libs) {
        return libs.stream().map(NativeLib::name).toList();
    }
}
