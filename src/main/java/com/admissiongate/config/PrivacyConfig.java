package com.admissiongate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reading the developer's privacy policy (issue #9, docs/privacy-policy.md). URLs are fetched only from
 * {@code allowed-hosts}, over HTTPS, never from private or loopback addresses; everything else becomes a finding.
 */
@ConfigMapping(prefix = "gate.privacy")
public interface PrivacyConfig {

    /**
     * Hosts a policy URL may point at: exact names, or ".example.com" for the domain and its subdomains. Empty (the
     * default): no URL is fetched; policies must be uploaded next to the APK (privacyPolicy.objectKey).
     */
    Optional<List<String>> allowedHosts();

    /** Largest policy document read from S3 or a URL (bytes). */
    @WithDefault("5242880")
    long maxBytes();

    /** Characters of extracted text kept; the rest is dropped with TEXT_TRUNCATED. */
    @WithDefault("2000000")
    int maxChars();

    /** PDF pages read. */
    @WithDefault("300")
    int maxPdfPages();

    /** Memory PDFBox may use for decoded streams (bytes): a compression bomb ends here, not in the heap. */
    @WithDefault("67108864")
    long maxPdfMemory();

    /** Deepest HTML element nesting accepted. */
    @WithDefault("256")
    int maxDomDepth();

    /** Wall time for extracting and analysing one policy. */
    @WithDefault("5s")
    Duration parseTimeout();

    /** TCP connect timeout of a policy URL. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Total time for fetching a policy URL, redirects and body included. */
    @WithDefault("10s")
    Duration fetchTimeout();

    /** Redirects followed, each to the same host only. */
    @WithDefault("3")
    int maxRedirects();

    /** Policy/agreement pages read from an APK's assets (assets/privacy.html, …) as app text and fallback policy. */
    @WithDefault("5")
    int assetMaxFiles();

    /** Largest such asset read (inflated bytes); a larger one is skipped. */
    @WithDefault("524288")
    int assetMaxBytes();
}
