package com.admissiongate.privacy;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches a policy URL under the gate's rules: HTTPS only, host on the allowlist, every resolved address public
 * ({@link AddressGuard}), redirects followed by hand and only to the same host (each hop re-checked), body capped
 * at {@code maxBytes} and the whole exchange at {@code timeout}. A refusal is a {@link PolicyProblem}, never a fetch.
 *
 * <p>DNS rebinding: the host is resolved once per hop ({@link AddressGuard#vet}) and the TCP connection goes to
 * that vetted address; TLS still names the original host (SNI) and verifies the certificate against it. A resolver
 * that answers a public address to the check and loopback afterwards never gets asked again. The exchange is a
 * minimal HTTP/1.1 GET ({@code Connection: close}; Content-Length, chunked or close-delimited bodies).
 */
public final class UrlPolicyFetcher {

    /** Bytes plus the content type the server declared; or the problem that stopped the fetch. */
    public record Fetched(byte[] bytes, String mediaType, String finalUrl, PolicyProblem problem) {
        static Fetched refused(PolicyProblem p) {
            return new Fetched(null, null, null, p);
        }
    }

    private final List<String> allowedHosts;
    private final AddressGuard guard;
    private final long maxBytes;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final int maxRedirects;
    private final Connector connector;

    /**
     * Opens a TLS connection to a vetted address for {@code host}: the seam tests use to reach a local server; the
     * production one is {@link #tls(SSLContext)}.
     */
    @FunctionalInterface
    public interface Connector {
        Socket connect(InetAddress address, int port, String host, int connectTimeoutMillis) throws IOException;
    }

    public UrlPolicyFetcher(List<String> allowedHosts, AddressGuard guard, long maxBytes, Duration connectTimeout,
                            Duration timeout, int maxRedirects) {
        this(allowedHosts, guard, maxBytes, connectTimeout, timeout, maxRedirects, tls(defaultContext()));
    }

    public UrlPolicyFetcher(List<String> allowedHosts, AddressGuard guard, long maxBytes, Duration connectTimeout,
                            Duration timeout, int maxRedirects, Connector connector) {
        this.connector = connector;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.guard = guard;
        this.maxBytes = maxBytes;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** TCP to exactly {@code address}, then TLS with SNI {@code host} and HTTPS hostname verification of {@code host}. */
    public static Connector tls(SSLContext context) {
        return (address, port, host, connectTimeoutMillis) -> {
            Socket raw = new Socket();
            try {
                raw.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
                SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                p.setServerNames(List.of(new SNIHostName(host)));
                ssl.setSSLParameters(p);
                ssl.setSoTimeout(connectTimeoutMillis);
                ssl.startHandshake();
                return ssl;
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        };
    }

    /** Checks a URL without fetching it: null when it may be fetched. */
    public PolicyProblem check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return PolicyProblem.fatal(PolicyProblem.Code.URL_INVALID, "not a URL: " + e.getMessage());
        }
        return check(uri);
    }

    private PolicyProblem check(URI uri) {
        PolicyProblem p = checkUrl(uri);
        return p != null ? p : guard.check(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /** Scheme, host and allowlist; the addresses are the guard's. */
    private PolicyProblem checkUrl(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return PolicyProblem.fatal(PolicyProblem.Code.URL_NOT_HTTPS, "only https:// policy URLs are fetched: " + uri);
        }
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null) {
            return PolicyProblem.fatal(PolicyProblem.Code.URL_INVALID, "no plain host in " + uri);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!allowed(host)) {
            return PolicyProblem.fatal(PolicyProblem.Code.HOST_NOT_ALLOWED, host + " is not in gate.privacy.allowed-hosts");
        }
        return null;
    }

    private boolean allowed(String host) {
        for (String a : allowedHosts) {
            if (a.startsWith(".") ? host.endsWith(a) || host.equals(a.substring(1)) : host.equals(a)) {
                return true;
            }
        }
        return false;
    }

    public Fetched fetch(String url) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.URL_INVALID, "not a URL: " + e.getMessage()));
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        for (int hop = 0; ; hop++) {
            PolicyProblem p = checkUrl(uri);
            if (p != null) {
                return Fetched.refused(p);
            }
            AddressGuard.Vetted vetted = guard.vet(host);
            if (vetted.problem() != null) {
                return Fetched.refused(vetted.problem());
            }
            if (deadline - System.nanoTime() <= 0) {
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.TIMEOUT, "fetching " + url + " timed out"));
            }
            Response resp;
            try {
                resp = exchange(uri, vetted.addresses(), deadline);
            } catch (SocketTimeoutException e) {
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.TIMEOUT, "fetching " + uri + " timed out"));
            } catch (IOException | RuntimeException e) {
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.FETCH_FAILED, "fetching " + uri + ": " + e));
            }
            if (resp.problem() != null) {
                return Fetched.refused(resp.problem());
            }
            int status = resp.status();
            if (status >= 300 && status < 400) {
                String location = resp.headers().get("location");
                if (location == null || hop >= maxRedirects) {
                    return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.REDIRECT_REFUSED,
                            location == null ? "redirect without Location" : "more than " + maxRedirects + " redirects"));
                }
                URI next;
                try {
                    next = uri.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.REDIRECT_REFUSED, "bad Location: " + location));
                }
                if (next.getHost() == null || !next.getHost().toLowerCase(Locale.ROOT).equals(host)) {
                    return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.REDIRECT_REFUSED,
                            "redirect from " + host + " to another host: " + next));
                }
                uri = next;
                continue;
            }
            if (status != 200) {
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.HTTP_STATUS, uri + " answered HTTP " + status));
            }
            return new Fetched(resp.body(), resp.headers().get("content-type"), uri.toString(), null);
        }
    }

    private record Response(int status, Map<String, String> headers, byte[] body, PolicyProblem problem) {
    }

    /** One GET over a connection pinned to the first vetted address that accepts it; the body only for 200. */
    private Response exchange(URI uri, List<InetAddress> addresses, long deadline) throws IOException {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        int connectMillis = (int) Math.max(1, Math.min(connectTimeout.toMillis(), (deadline - System.nanoTime()) / 1_000_000));
        Socket socket = null;
        IOException last = null;
        for (InetAddress a : addresses) {
            try {
                socket = connector.connect(a, port, host, connectMillis);
                break;
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                last = e;
            }
        }
        if (socket == null) {
            throw last != null ? last : new IOException("no address to connect to");
        }
        try (Socket s = socket) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + (uri.getPort() == -1 ? "" : ":" + port)
                    + "\r\nAccept: text/html, text/plain, application/pdf;q=0.9, */*;q=0.1\r\nAccept-Encoding: identity"
                    + "\r\nUser-Agent: admission-gate\r\nConnection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            DeadlineInput in = new DeadlineInput(s, deadline);
            String statusLine = in.line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x response: " + statusLine);
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("bad status line: " + statusLine);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = in.line(); !h.isEmpty(); h = in.line()) {
                int c = h.indexOf(':');
                if (c > 0) {
                    headers.putIfAbsent(h.substring(0, c).strip().toLowerCase(Locale.ROOT), h.substring(c + 1).strip());
                }
                if (headers.size() > 200) {
                    throw new IOException("too many response headers");
                }
            }
            if (status != 200) {
                return new Response(status, headers, null, null);
            }
            long declared = -1;
            try {
                declared = Long.parseLong(headers.getOrDefault("content-length", "-1"));
            } catch (NumberFormatException ignored) {
                // treated as absent: the body is read to the cap
            }
            if (declared > maxBytes) {
                return new Response(status, headers, null, PolicyProblem.fatal(PolicyProblem.Code.TOO_LARGE,
                        uri + " declares " + declared + " bytes, more than " + maxBytes));
            }
            byte[] body = "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))
                    ? in.chunked(maxBytes + 1) : in.bytes(declared >= 0 ? declared : maxBytes + 1);
            if (body.length > maxBytes) {
                return new Response(status, headers, null, PolicyProblem.fatal(PolicyProblem.Code.TOO_LARGE,
                        uri + " is larger than " + maxBytes + " bytes"));
            }
            return new Response(status, headers, body, null);
        }
    }

    /** Reads with the socket timeout set to what is left of the deadline before every read: a trickle ends there. */
    private static final class DeadlineInput {
        private static final int MAX_LINE = 16 * 1024;
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final byte[] buf = new byte[8192];
        private int pos;
        private int len;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        private boolean fill() throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline reached");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            len = in.read(buf);
            pos = 0;
            return len > 0;
        }

        private int read() throws IOException {
            if (pos >= len && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xff;
        }

        String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = read(); c != '\n'; c = read()) {
                if (c < 0) {
                    throw new IOException("connection closed inside the response head");
                }
                if (b.length() >= MAX_LINE) {
                    throw new IOException("response header line longer than " + MAX_LINE);
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        /** Up to {@code max} bytes, fewer at end of stream. */
        byte[] bytes(long max) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy(out, max);
            return out.toByteArray();
        }

        private void copy(ByteArrayOutputStream out, long n) throws IOException {
            long left = n;
            while (left > 0) {
                if (pos >= len && !fill()) {
                    return;
                }
                int k = (int) Math.min(left, len - pos);
                out.write(buf, pos, k);
                pos += k;
                left -= k;
            }
        }

        /** A chunked body, stopping once more than {@code cap - 1} bytes arrived. */
        byte[] chunked(long cap) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (out.size() < cap) {
                String size = line();
                int semi = size.indexOf(';');
                long n;
                try {
                    n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + size);
                }
                if (n == 0) {
                    break;
                }
                int before = out.size();
                copy(out, Math.min(n, cap - out.size()));
                if (out.size() - before < Math.min(n, cap - before)) {
                    throw new IOException("connection closed inside a chunk");
                }
                if (out.size() >= cap) {
                    break;
                }
                line();
            }
            return out.toByteArray();
        }
    }

    Duration connectTimeout() {
        return connectTimeout;
    }
}
