package com.admissiongate.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a policy URL under the gate's rules: HTTPS only, host on the allowlist, every resolved address public
 * ({@link AddressGuard}), redirects followed by hand and only to the same host (each hop re-checked), body capped
 * at {@code maxBytes} and the whole exchange at {@code timeout}. A refusal is a {@link PolicyProblem}, never a fetch.
 *
 * <p>Residual risk: the JDK client resolves the host again when it connects, so a DNS answer that changes between
 * the check and the connect (rebinding) is not caught here; production egress should also go through a proxy or
 * network policy that blocks private ranges.
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
    private final HttpClient client;

    public UrlPolicyFetcher(List<String> allowedHosts, AddressGuard guard, long maxBytes, Duration connectTimeout,
                            Duration timeout, int maxRedirects) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.guard = guard;
        this.maxBytes = maxBytes;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                .build();
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
        return guard.check(host);
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
            PolicyProblem p = check(uri);
            if (p != null) {
                return Fetched.refused(p);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.TIMEOUT, "fetching " + url + " timed out"));
            }
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left)).GET()
                    .header("Accept", "text/html, text/plain, application/pdf;q=0.9, */*;q=0.1").build();
            HttpResponse<InputStream> resp;
            try {
                resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.net.http.HttpTimeoutException e) {
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.TIMEOUT, "fetching " + uri + " timed out"));
            } catch (IOException e) {
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.FETCH_FAILED, "fetching " + uri + ": " + e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.FETCH_FAILED, "interrupted"));
            }
            int status = resp.statusCode();
            if (status >= 300 && status < 400) {
                close(resp.body());
                String location = resp.headers().firstValue("Location").orElse(null);
                if (location == null || hop >= maxRedirects) {
                    return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.REDIRECT_REFUSED,
                            location == null ? "redirect without Location" : "more than " + maxRedirects + " redirects"));
                }
                URI next = uri.resolve(location);
                if (next.getHost() == null || !next.getHost().toLowerCase(Locale.ROOT).equals(host)) {
                    return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.REDIRECT_REFUSED,
                            "redirect from " + host + " to another host: " + next));
                }
                uri = next;
                continue;
            }
            if (status != 200) {
                close(resp.body());
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.HTTP_STATUS, uri + " answered HTTP " + status));
            }
            long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                close(resp.body());
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.TOO_LARGE,
                        uri + " declares " + declared + " bytes, more than " + maxBytes));
            }
            return body(resp, uri, deadline);
        }
    }

    /** Reads the body on a helper thread so a trickling server hits the deadline, not an endless read. */
    private Fetched body(HttpResponse<InputStream> resp, URI uri, long deadline) {
        InputStream in = resp.body();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            byte[] b = read.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (b.length > maxBytes) {
                return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.TOO_LARGE, uri + " is larger than " + maxBytes + " bytes"));
            }
            return new Fetched(b, resp.headers().firstValue("Content-Type").orElse(null), uri.toString(), null);
        } catch (TimeoutException e) {
            return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.TIMEOUT, "reading " + uri + " timed out"));
        } catch (ExecutionException e) {
            return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.FETCH_FAILED, "reading " + uri + ": " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetched.refused(PolicyProblem.fatal(PolicyProblem.Code.FETCH_FAILED, "interrupted"));
        } finally {
            read.cancel(true);
            close(in);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to do with a body we refuse
        }
    }

    Duration connectTimeout() {
        return connectTimeout;
    }
}
