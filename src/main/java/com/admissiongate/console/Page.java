package com.admissiongate.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What every console page needs besides its own data: language, the signed-in operator, the CSRF token for its
 * forms, the link that switches language on the same URL, and which navigation entry is current.
 */
public record Page(String lang, String user, boolean canOverride, boolean isAdmin, String csrf, String switchHref,
                   String nav) {

    public boolean zh() {
        return "zh".equals(lang);
    }

    /** Picks the text of the page language from a {zh, en} map as the rule pack writes them, falling back to the other. */
    public String pick(Map<String, String> text) {
        if (text == null) {
            return "";
        }
        String v = text.get(lang);
        return v != null ? v : text.getOrDefault(zh() ? "en" : "zh", "");
    }

    public String pick(String zhText, String enText) {
        return zh() ? zhText : enText;
    }

    /** The same path and query with {@code lang} set to the other language. */
    static String switchHref(String path, Map<String, List<String>> query, String lang) {
        StringBuilder b = new StringBuilder(path).append("?lang=").append("zh".equals(lang) ? "en" : "zh");
        query.forEach((k, vs) -> {
            if (!"lang".equals(k)) {
                for (String v : vs) {
                    b.append('&').append(enc(k)).append('=').append(enc(v));
                }
            }
        });
        return b.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
