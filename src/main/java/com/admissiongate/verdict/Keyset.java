package com.admissiongate.verdict;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Position in a list ordered by (time desc, id desc), sent to clients as an opaque cursor: base64url of
 * {@code v1|<ISO instant>|<id>}. Keyset paging stays exact and index-backed however deep the client pages, and rows
 * inserted meanwhile never shift a page (unlike offsets). Clients must treat the string as opaque.
 */
public record Keyset(Instant at, long id) {

    private static final String PREFIX = "v1|";

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for a null or blank cursor; {@link IllegalArgumentException} for anything this class did not write. */
    public static Keyset decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > 200) {
            throw new IllegalArgumentException("cursor too long");
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a cursor of this API");
            }
            String[] parts = s.substring(PREFIX.length()).split("\\|", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor of this API");
            }
            return new Keyset(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor of this API", e);
        }
    }
}
