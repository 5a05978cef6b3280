package com.admissiongate.privacy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** URL refusals happen before any connection: scheme, allowlist, user info, private addresses. */
class UrlPolicyFetcherTests {

    private UrlPolicyFetcher fetcher(String... hosts) {
        return new UrlPolicyFetcher(List.of(hosts), new AddressGuard(AddressGuard.SYSTEM), 1024, Duration.ofSeconds(1),
                Duration.ofSeconds(2), 3);
    }

    @Test
    void plainHttpIsRefused() {
        UrlPolicyFetcher.Fetched f = fetcher("example.com").fetch("http://example.com/privacy");

        assertThat(f.bytes()).isNull();
        assertThat(f.problem().code()).isEqualTo("URL_NOT_HTTPS");
    }

    @Test
    void hostOffTheAllowlistIsRefused() {
        assertThat(fetcher("policies.example.com").fetch("https://evil.example/privacy").problem().code())
                .isEqualTo("HOST_NOT_ALLOWED");
        assertThat(fetcher().fetch("https://example.com/privacy").problem().message())
                .isEqualTo("example.com is not in gate.privacy.allowed-hosts");
    }

    @Test
    void domainEntryCoversSubdomainsButNotLookalikes() {
        UrlPolicyFetcher f = fetcher(".example.com");

        assertThat(f.check("https://notexample.com/p").code()).isEqualTo("HOST_NOT_ALLOWED");
        assertThat(f.check("https://a.example.com.evil.io/p").code()).isEqualTo("HOST_NOT_ALLOWED");
    }

    @Test
    void allowlistedHostOnAPrivateAddressIsRefusedWithoutConnecting() {
        assertThat(fetcher("localhost").fetch("https://localhost/privacy").problem().code()).isEqualTo("ADDRESS_NOT_ALLOWED");
        assertThat(fetcher("169.254.169.254").fetch("https://169.254.169.254/latest/meta-data/").problem().code())
                .isEqualTo("ADDRESS_NOT_ALLOWED");
        assertThat(fetcher("10.1.2.3").check("https://10.1.2.3/p").code()).isEqualTo("ADDRESS_NOT_ALLOWED");
    }

    @Test
    void userInfoAndGarbageAreRefused() {
        assertThat(fetcher("example.com").check("https://user@example.com/p").code()).isEqualTo("URL_INVALID");
        assertThat(fetcher("example.com").fetch("https://exa mple.com/p").problem().code()).isEqualTo("URL_INVALID");
        assertThat(fetcher("example.com").check("file:///etc/passwd").code()).isEqualTo("URL_NOT_HTTPS");
    }
}
