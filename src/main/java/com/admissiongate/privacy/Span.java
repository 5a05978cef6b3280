package com.admissiongate.privacy;

/**
 * Evidence inside the extracted policy text: character offsets {@code [start, end)} of a sentence (UTF-16 units of
 * the text {@link PolicyDocumentReader} produced, so a reviewer can re-derive them) and the sentence, cut at
 * {@value #MAX_QUOTE} characters.
 */
public record Span(int start, int end, String text) {

    static final int MAX_QUOTE = 160;

    static Span of(String doc, int start, int end) {
        String q = doc.substring(start, end).strip();
        if (q.length() > MAX_QUOTE) {
            q = q.substring(0, MAX_QUOTE) + "…";
        }
        return new Span(start, end, q);
    }
}
