package com.admissiongate.analysis;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of judging one upload: decision, findings and the facts they rest on.
 *
 * @param facts     the Facts document (null when nothing could be analysed, e.g. the binary was never fetched)
 * @param retryable true when the decision came from an incomplete analysis and a re-run may change it
 */
public record Assessment(
        Decision decision,
        LocalDate rectifyBy,
        boolean retryable,
        String rulePackVersion,
        String analyzerVersion,
        List<Finding> findings,
        JsonNode facts,
        String signerSha256) {

    public enum Decision { ACCEPT, REJECT, RECTIFY }
}
