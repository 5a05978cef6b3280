package com.admissiongate.privacy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * SSRF guard: a policy host is fetched only when every address it resolves to is public. Refused: loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 incl. cloud metadata, fe80::/10),
 * unspecified, multicast, CGNAT 100.64/10, 0/8, 192.0.0/24, benchmark 198.18/15, 240/4 and IPv4-mapped forms.
 */
public final class AddressGuard {

    /** The resolver, replaceable so tests can feed a rebinding answer. */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    private final Resolver resolver;

    public AddressGuard(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The addresses a host resolved to, all public; or the problem (then {@code addresses} is empty). */
    public record Vetted(List<InetAddress> addresses, PolicyProblem problem) {
    }

    /** @return null when every address is public, else the problem (DNS_FAILED or ADDRESS_NOT_ALLOWED) */
    public PolicyProblem check(String host) {
        return vet(host).problem();
    }

    /**
     * Resolves once and checks every answer: connect only to the returned addresses, never resolve the host again
     * (a second answer could be a rebinding to a private address).
     */
    public Vetted vet(String host) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return refused(PolicyProblem.fatal(PolicyProblem.Code.DNS_FAILED, "cannot resolve " + host));
        }
        if (addresses == null || addresses.isEmpty()) {
            return refused(PolicyProblem.fatal(PolicyProblem.Code.DNS_FAILED, "no address for " + host));
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return refused(PolicyProblem.fatal(PolicyProblem.Code.ADDRESS_NOT_ALLOWED,
                        host + " resolves to the non-public address " + a.getHostAddress()));
            }
        }
        return new Vetted(List.copyOf(addresses), null);
    }

    private static Vetted refused(PolicyProblem p) {
        return new Vetted(List.of(), p);
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return false; // unique local fc00::/7
            }
            boolean mapped = true; // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) || (b[10] == 0 && b[11] == 0))) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xFF;
            int o1 = b[1] & 0xFF;
            int o2 = b[2] & 0xFF;
            return !(o0 == 0 || o0 >= 240 || (o0 == 100 && o1 >= 64 && o1 <= 127) || (o0 == 192 && o1 == 0 && o2 == 0)
                    || (o0 == 198 && (o1 == 18 || o1 == 19)));
        }
        return false;
    }
}
