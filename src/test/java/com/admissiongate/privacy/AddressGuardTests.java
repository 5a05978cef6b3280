package com.admissiongate.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSRF guard with the system resolver's real answers for literal and local names. */
class AddressGuardTests {

    private final AddressGuard guard = new AddressGuard(AddressGuard.SYSTEM);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.1.2", "172.16.5.4", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:10.0.0.1",
            "::ffff:127.0.0.1", "224.0.0.1", "198.18.0.1", "localhost"})
    void nonPublicAddressesAreRefused(String host) {
        PolicyProblem p = guard.check(host);

        assertThat(p).as(host).isNotNull();
        assertThat(p.code()).isEqualTo("ADDRESS_NOT_ALLOWED");
        assertThat(p.message()).startsWith(host + " resolves to the non-public address ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"})
    void publicLiteralsPass(String host) {
        assertThat(guard.check(host)).isNull();
    }

    @Test
    void oneBadAddressAmongGoodOnesIsEnough() {
        AddressGuard mixed = new AddressGuard(h -> List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("10.0.0.7")));

        assertThat(mixed.check("policy.example.com").message())
                .isEqualTo("policy.example.com resolves to the non-public address 10.0.0.7");
    }

    @Test
    void unresolvableHostIsAProblem() {
        AddressGuard none = new AddressGuard(h -> {
            throw new java.net.UnknownHostException(h);
        });

        assertThat(none.check("nx.example").code()).isEqualTo("DNS_FAILED");
    }
}
