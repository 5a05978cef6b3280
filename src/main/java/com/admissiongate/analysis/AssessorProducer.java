package com.admissiongate.analysis;

import com.admissiongate.analysis.behaviour.BehaviourLimits;
import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.signing.SigningVerifier;
import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.catalog.Catalogs;
import com.admissiongate.artifact.ArtifactStore;
import com.admissiongate.config.GateConfig;
import com.admissiongate.config.PrivacyConfig;
import com.admissiongate.privacy.AddressGuard;
import com.admissiongate.privacy.BundledPolicies;
import com.admissiongate.privacy.PolicySource;
import com.admissiongate.privacy.PrivacyLimits;
import com.admissiongate.privacy.PrivacyPolicyParser;
import com.admissiongate.privacy.UrlPolicyFetcher;
import com.admissiongate.policy.OutcomeOverrides;
import com.admissiongate.policy.PolicyEvaluator;
import com.admissiongate.policy.RulePack;
import com.admissiongate.policy.RulePackLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Builds the assessor the pipeline runs: extractor + apksig + catalogs + the configured rule pack. Loaded eagerly at
 * start-up: a pack that does not compile stops the service instead of failing the first upload.
 */
@ApplicationScoped
public class AssessorProducer {

    private static final Logger LOG = Logger.getLogger(AssessorProducer.class);

    // Singleton, not ApplicationScoped: injection points get the PolicyAssessor itself (no client proxy hiding its
    // type), so PackRegistry can swap its pack and re-scans/reports can reach evaluate() and pack()
    @Produces
    @Singleton
    @Startup
    PolicyAssessor assessor(GateConfig config, PrivacyConfig privacy, ArtifactStore store, ObjectMapper mapper,
                            Clock clock) {
        ApkLimits limits = limits(config.archive());
        Catalogs catalogs = CatalogLoader.fromClasspath();
        SigningVerifier verifier = new SigningVerifier(limits.inMemoryMax());
        FactsAssembler assembler = new FactsAssembler(limits, behaviour(config.behaviour()),
                new BundledPolicies.Limits(privacy.assetMaxFiles(), privacy.assetMaxBytes()), catalogs,
                FactsAssembler.SigningStep.apksig(verifier), mapper, null);
        String packRef = config.policy().pack();
        RulePack pack;
        try {
            pack = packRef.startsWith("classpath:")
                    ? new RulePackLoader().loadFromClasspath(packRef.substring("classpath:".length()))
                    : new RulePackLoader().load(Path.of(packRef));
        } catch (com.admissiongate.policy.RulePackLoadException e) {
            throw new IllegalStateException("rule pack " + packRef + " does not load: " + e.getMessage(), e);
        }
        OutcomeOverrides overrides = OutcomeOverrides.none();
        if (config.policy().overrides().isPresent()) {
            try {
                overrides = OutcomeOverrides.load(Path.of(config.policy().overrides().get()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read gate.policy.overrides", e);
            }
        }
        LOG.infof("rule pack %s (%d rules), analyzer %s, catalogs %s, limits %s", pack.version(), pack.rules().size(),
                assembler.analyzerVersion(), catalogs.version(), limits);
        PolicySource policies = policySource(privacy, catalogs, store);
        LOG.infof("privacy policies: URL hosts %s, limits %s", privacy.allowedHosts().orElse(java.util.List.of()),
                privacyLimits(privacy));
        return new PolicyAssessor(assembler, pack, new PolicyEvaluator(overrides), mapper, clock,
                policies::resolve);
    }

    static PrivacyLimits privacyLimits(PrivacyConfig p) {
        return new PrivacyLimits(p.maxBytes(), p.maxChars(), p.maxPdfPages(), p.maxPdfMemory(), p.maxDomDepth(),
                p.parseTimeout()).validate();
    }

    /** The upload path's policy resolution, also used by re-review to fetch a URL policy again. */
    public static PolicySource policySource(PrivacyConfig p, Catalogs catalogs, ArtifactStore store) {
        PrivacyPolicyParser parser = new PrivacyPolicyParser(privacyLimits(p), catalogs.sdks());
        UrlPolicyFetcher fetcher = new UrlPolicyFetcher(p.allowedHosts().orElse(java.util.List.of()),
                new AddressGuard(AddressGuard.SYSTEM), p.maxBytes(), p.connectTimeout(), p.fetchTimeout(), p.maxRedirects());
        return new PolicySource(parser, store, fetcher);
    }

    /** gate.behaviour.* → behaviour-analysis bounds; zero or negative bounds stop start-up. */
    static BehaviourLimits behaviour(GateConfig.Behaviour b) {
        return new BehaviourLimits(b.maxEdges(), b.maxTargetsPerSite(), b.maxMillis(), b.flowRounds(), b.maxFindings())
                .validate();
    }

    /** gate.archive.* → analyzer limits; nonsense (negative sizes, entry cap above total) stops start-up. */
    static ApkLimits limits(GateConfig.Archive a) {
        return new ApkLimits(a.maxEntries(), a.maxTotalUncompressed(), a.maxEntryUncompressed(), a.maxRatio(),
                a.ratioMinSize(), a.maxNesting(), a.maxStringPool(), a.maxXmlSize(), a.maxArscSize(), a.maxDexSize(),
                a.maxStrings(), a.maxStringLength(), a.maxAssets(), a.maxUrls(), a.maxCallSites(), a.inMemoryMax()).validate();
    }
}
