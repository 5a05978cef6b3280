package com.admissiongate.console;

import com.admissiongate.rest.Roles;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Console sign-in with a pasted JWT (the store's OIDC provider, or a dev token printed by {@code ./gate up}). The
 * token is verified exactly as the API verifies bearer tokens and must carry a gate role; it is then kept in an
 * HttpOnly, SameSite=Strict cookie scoped to /console, which smallrye-jwt reads (mp.jwt.token.cookie). The login form
 * itself is protected by a double-submit token, so another site cannot sign a reviewer into an attacker's session.
 */
@PermitAll
@Path("/console")
public class LoginPageResource {

    static final String LOGIN_CSRF_COOKIE = "gate_login_csrf";
    private static final Set<String> ROLES = Set.of(Roles.VIEWER, Roles.REVIEWER, Roles.ADMIN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JWTParser parser;
    private final PageFactory pages;
    private final ConsoleSession session;

    public LoginPageResource(JWTParser parser, PageFactory pages, ConsoleSession session) {
        this.parser = parser;
        this.pages = pages;
        this.session = session;
    }

    @GET
    @Path("/login")
    public Response form(@Context UriInfo uri, @Context HttpHeaders headers) {
        return form(uri, headers, false, 200);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm("token") String token, @RestForm("csrf") String csrf,
                          @CookieParam(LOGIN_CSRF_COOKIE) String csrfCookie, @Context UriInfo uri,
                          @Context HttpHeaders headers) {
        if (csrf == null || csrfCookie == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.US_ASCII),
                csrfCookie.getBytes(StandardCharsets.US_ASCII))) {
            return ConsoleErrors.csrf(pages, uri, headers);
        }
        JsonWebToken jwt;
        try {
            jwt = token == null || token.isBlank() || token.length() > 16_384 ? null : parser.parse(token.strip());
        } catch (ParseException e) {
            jwt = null;
        }
        if (jwt == null || jwt.getGroups().stream().noneMatch(ROLES::contains)) {
            return form(uri, headers, true, 401);
        }
        int maxAge = (int) Math.max(0, Math.min(Integer.MAX_VALUE, jwt.getExpirationTime() - Instant.now().getEpochSecond()));
        return Response.seeOther(URI.create("/console/queue"))
                .cookie(cookie(ConsoleSession.SESSION_COOKIE, token.strip(), "/console", maxAge, uri),
                        cookie(LOGIN_CSRF_COOKIE, "", "/console/login", 0, uri))
                .build();
    }

    /** Signs out: needs the session's CSRF token, so another site cannot log a reviewer out either. */
    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@RestForm("csrf") String csrf, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (!session.csrfValid(csrf)) {
            return ConsoleErrors.csrf(pages, uri, headers);
        }
        return Response.seeOther(URI.create("/console/login"))
                .cookie(cookie(ConsoleSession.SESSION_COOKIE, "", "/console", 0, uri)).build();
    }

    private Response form(UriInfo uri, HttpHeaders headers, boolean failed, int status) {
        Page page = pages.page(uri, headers, "login");
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        return Response.fromResponse(ConsoleErrors.page(status, page, ConsoleTemplates.login(page, token, failed)))
                .cookie(cookie(LOGIN_CSRF_COOKIE, token, "/console/login", 1800, uri)).build();
    }

    private static NewCookie cookie(String name, String value, String path, int maxAge, UriInfo uri) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).httpOnly(true)
                .secure("https".equals(uri.getBaseUri().getScheme())).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
