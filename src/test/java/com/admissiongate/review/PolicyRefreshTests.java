package com.admissiongate.review;

import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.policy.CelJson;
import com.admissiongate.privacy.AddressGuard;
import com.admissiongate.privacy.PolicySource;
import com.admissiongate.privacy.PrivacyLimits;
import com.admissiongate.privacy.PrivacyPolicyParser;
import com.admissiongate.privacy.UrlPolicyFetcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PolicyRefresh#fetches} (over CEL values, what the re-review's reuse check has) says yes exactly when
 * {@link PolicyRefresh#fresh} (over a Jackson tree) fetches something. No host is allowed, so every fetch is refused
 * before any network access and still yields a section.
 */
class PolicyRefreshTests {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static PolicyRefresh refresh(boolean enabled) {
        PolicySource source = new PolicySource(new PrivacyPolicyParser(PrivacyLimits.defaults(),
                CatalogLoader.fromClasspath().sdks()), null, new UrlPolicyFetcher(List.of(),
                new AddressGuard(AddressGuard.SYSTEM), 1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
        return new PolicyRefresh(source, MAPPER, enabled);
    }

    @Test
    void fetchesAgreesWithFreshOnEveryShapeOfPrivacyPolicy() throws Exception {
        List<String> policies = List.of(
                "{\"url\":\"https://policy.example.net/p\"}",
                "{\"url\":\"https://policy.example.net/p\",\"objectKey\":null}",
                "{\"url\":\"https://policy.example.net/p\",\"objectKey\":\"policies/p.html\"}",
                "{\"url\":\"https://policy.example.net/p\",\"objectKey\":\"  \"}",
                "{\"url\":\"   \"}",
                "{\"url\":42}",
                "{\"url\":null}",
                "{\"objectKey\":\"policies/p.html\"}",
                "{}",
                "null",
                "\"https://policy.example.net/p\"",
                "[\"https://policy.example.net/p\"]");
        int fetched = 0;
        for (boolean enabled : List.of(true, false)) {
            PolicyRefresh r = refresh(enabled);
            for (String pp : policies) {
                String submission = "{\"uploadId\":\"u1\",\"privacyPolicy\":" + pp + "}";
                boolean fresh = r.fresh(MAPPER.readTree(submission)) != null;
                assertThat(r.fetches(CelJson.readObject(submission))).as(enabled + " " + pp).isEqualTo(fresh);
                fetched += fresh ? 1 : 0;
            }
            assertThat(r.fetches(CelJson.readObject("{\"uploadId\":\"u1\"}"))).isFalse();
        }
        assertThat(fetched).as("the URL-only shapes, with refresh on").isEqualTo(3);
    }
}
