package com.admissiongate.console;

import com.admissiongate.rest.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The signed-in operator of one console request and the CSRF token bound to their session.
 *
 * <p>The CSRF token is an HMAC keyed with the raw JWT that authenticated the request (from the HttpOnly cookie or the
 * bearer header). A cross-site page cannot read the token, so it cannot compute the HMAC; the server needs no state
 * and no shared secret, so every replica verifies every form; a new login yields a new token.
 */
@RequestScoped
public class ConsoleSession {

    static final String SESSION_COOKIE = "gate_session";
    private static final byte[] PURPOSE = "admission-gate console csrf v1".getBytes(StandardCharsets.UTF_8);

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public ConsoleSession(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean canOverride() {
        return identity.hasRole(Roles.REVIEWER);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** Empty when nobody is signed in (the login page); forms are only rendered for signed-in operators. */
    public String csrfToken() {
        String raw = jwt == null ? null : jwt.getRawToken();
        return raw == null ? "" : csrfFor(raw);
    }

    /** Constant-time comparison against the token this session would issue. */
    public boolean csrfValid(String presented) {
        String expected = csrfToken();
        return presented != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    static String csrfFor(String rawJwt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rawJwt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(PURPOSE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
