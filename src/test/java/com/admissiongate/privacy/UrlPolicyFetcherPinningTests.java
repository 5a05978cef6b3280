package com.admissiongate.privacy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNS rebinding: the fetcher connects to the address the guard vetted, never resolving again, while TLS still
 * names and verifies the policy host. A local HTTPS server stands in for the public address.
 */
class UrlPolicyFetcherPinningTests {

    static final String HOST = "policy.test";
    static final byte[] PAGE = "<html><body><p>隐私政策</p></body></html>".getBytes(StandardCharsets.UTF_8);

    HttpsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Public first, loopback on every later question: what a rebinding resolver answers. */
    static final class FlippingResolver implements AddressGuard.Resolver {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<InetAddress> resolve(String host) throws java.net.UnknownHostException {
            return List.of(InetAddress.getByName(calls.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1"));
        }
    }

    static KeyStore keyStore(String certHost, KeyPair kp, X509Certificate[] out) throws Exception {
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(new X500Name("CN=" + certHost), BigInteger.TEN,
                Date.from(Instant.now().minusSeconds(3600)), Date.from(Instant.now().plusSeconds(86400)),
                new X500Name("CN=" + certHost), SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, certHost)));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        out[0] = cert;
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", kp.getPrivate(), "pw".toCharArray(), new X509Certificate[]{cert});
        return ks;
    }

    /** Starts an HTTPS server whose certificate names {@code certHost}; returns a client context trusting it. */
    SSLContext start(String certHost) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        X509Certificate[] cert = new X509Certificate[1];
        KeyStore ks = keyStore(certHost, g.generateKeyPair(), cert);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext serverCtx = SSLContext.getInstance("TLS");
        serverCtx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverCtx));
        server.createContext("/privacy", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, PAGE.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(PAGE);
            }
        });
        server.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // length 0: the JDK server sends the body chunked
            try (OutputStream o = ex.getResponseBody()) {
                o.write(PAGE, 0, 10);
                o.flush();
                o.write(PAGE, 10, PAGE.length - 10);
            }
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/privacy");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("c", cert[0]);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        return client;
    }

    /** The production TLS connector, with the vetted address routed to the local server; records what it was given. */
    UrlPolicyFetcher fetcher(AddressGuard.Resolver resolver, SSLContext client, List<String> connectedTo, long maxBytes) {
        UrlPolicyFetcher.Connector tls = UrlPolicyFetcher.tls(client);
        int port = server.getAddress().getPort();
        return new UrlPolicyFetcher(List.of(HOST), new AddressGuard(resolver), maxBytes, Duration.ofSeconds(3),
                Duration.ofSeconds(10), 3, (address, p, host, timeout) -> {
                    connectedTo.add(address.getHostAddress() + ":" + p + " " + host);
                    return tls.connect(InetAddress.getLoopbackAddress(), port, host, timeout);
                });
    }

    @Test
    void connectsToTheVettedAddressAndNeverAsksTheResolverAgain() throws Exception {
        SSLContext client = start(HOST);
        FlippingResolver resolver = new FlippingResolver();
        List<String> connected = new ArrayList<>();
        UrlPolicyFetcher.Fetched f = fetcher(resolver, client, connected, 1 << 20).fetch("https://policy.test/privacy");
        assertThat(f.problem()).isNull();
        assertThat(f.bytes()).isEqualTo(PAGE);
        assertThat(f.mediaType()).isEqualTo("text/html; charset=utf-8");
        assertThat(connected).containsExactly("93.184.216.34:443 policy.test");
        assertThat(resolver.calls.get()).isEqualTo(1);
    }

    @Test
    void aRedirectHopIsVettedAgainAndARebindToLoopbackIsRefusedWithoutConnecting() throws Exception {
        SSLContext client = start(HOST);
        FlippingResolver resolver = new FlippingResolver();
        List<String> connected = new ArrayList<>();
        UrlPolicyFetcher.Fetched f = fetcher(resolver, client, connected, 1 << 20).fetch("https://policy.test/moved");
        assertThat(f.problem().code()).isEqualTo(PolicyProblem.Code.ADDRESS_NOT_ALLOWED.name());
        assertThat(f.problem().message()).contains("127.0.0.1");
        assertThat(connected).containsExactly("93.184.216.34:443 policy.test"); // only the first hop connected
        assertThat(resolver.calls.get()).isEqualTo(2);
    }

    @Test
    void tlsStillVerifiesTheOriginalHostName() throws Exception {
        SSLContext client = start("other.test");
        List<String> connected = new ArrayList<>();
        UrlPolicyFetcher.Fetched f = fetcher(h -> List.of(InetAddress.getByName("93.184.216.34")), client, connected, 1 << 20)
                .fetch("https://policy.test/privacy");
        assertThat(f.problem().code()).isEqualTo(PolicyProblem.Code.FETCH_FAILED.name());
        assertThat(f.bytes()).isNull();
        assertThat(connected).hasSize(1);
    }

    @Test
    void chunkedBodiesAreReadAndCappedAtMaxBytes() throws Exception {
        SSLContext client = start(HOST);
        AddressGuard.Resolver pub = h -> List.of(InetAddress.getByName("93.184.216.34"));
        UrlPolicyFetcher.Fetched ok = fetcher(pub, client, new ArrayList<>(), 1 << 20).fetch("https://policy.test/chunked");
        assertThat(ok.problem()).isNull();
        assertThat(ok.bytes()).isEqualTo(PAGE);
        UrlPolicyFetcher.Fetched big = fetcher(pub, client, new ArrayList<>(), 20).fetch("https://policy.test/chunked");
        assertThat(big.problem().code()).isEqualTo(PolicyProblem.Code.TOO_LARGE.name());
        UrlPolicyFetcher.Fetched declared = fetcher(pub, client, new ArrayList<>(), 20).fetch("https://policy.test/privacy");
        assertThat(declared.problem().code()).isEqualTo(PolicyProblem.Code.TOO_LARGE.name());
        assertThat(declared.problem().message()).contains("declares " + PAGE.length + " bytes");
    }
}
