package com.admissiongate.console;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.util.Locale;

/** Page language: {@code ?lang=} (remembered in a cookie by {@link ConsoleHeadersFilter}), the cookie, then the browser. */
final class ConsoleLocale {

    static final String COOKIE = "gate_lang";

    private ConsoleLocale() {
    }

    static String of(UriInfo uri, HttpHeaders headers) {
        String q = uri.getQueryParameters().getFirst("lang");
        if (supported(q)) {
            return q;
        }
        Cookie c = headers.getCookies().get(COOKIE);
        if (c != null && supported(c.getValue())) {
            return c.getValue();
        }
        for (Locale l : headers.getAcceptableLanguages()) {
            if ("en".equals(l.getLanguage()) || "zh".equals(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        return "zh";
    }

    static boolean supported(String lang) {
        return "zh".equals(lang) || "en".equals(lang);
    }
}
