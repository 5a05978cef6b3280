package com.admissiongate.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every console response (pages, fragments, CSS, JS, errors): no inline script or style, no
 * framing, no MIME sniffing, no referrer leaving the console, no caching of pages that show unpublished decisions.
 * Also remembers {@code ?lang=} in a cookie so the language survives navigation.
 */
@ApplicationScoped
public class ConsoleHeadersFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::headers, 100);
    }

    void headers(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.equals("/console") || path.startsWith("/console/")) {
            rc.response().headers()
                    .set("Content-Security-Policy", CSP)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer")
                    .set("X-Frame-Options", "DENY")
                    .set("Cache-Control", "no-store");
            String lang = rc.request().getParam("lang");
            if (ConsoleLocale.supported(lang)) {
                rc.response().addCookie(Cookie.cookie(ConsoleLocale.COOKIE, lang).setPath("/console").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setMaxAge(365L * 24 * 3600));
            }
        }
        rc.next();
    }
}
