package com.admissiongate.apk;

import java.util.List;
import java.util.Map;

/** Facts from resources.arsc and res/xml ({@code resources} in the Facts document). */
public record ResourcesFacts(
        String appLabel,
        Map<String, Map<String, String>> strings,
        NetworkSecurityConfig networkSecurityConfig) {

    public record NetworkSecurityConfig(Boolean baseCleartextPermitted, List<Domain> domains,
            boolean trustUserCerts) {
    }

    public record Domain(String domain, boolean includeSubdomains, Boolean cleartextPermitted) {
    }

    public static ResourcesFacts empty() {
        return new ResourcesFacts(null, Map.of("default", Map.of(), "zh", Map.of()), null);
    }
}
