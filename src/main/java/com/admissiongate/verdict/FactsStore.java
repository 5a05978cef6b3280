package com.admissiongate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Read side of the facts table: the Facts a verdict was decided on, so nothing needs the APK again. */
@ApplicationScoped
public class FactsStore {

    private final ObjectMapper mapper;

    public FactsStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The stored Facts of {@code v}'s binary and analyzer version, or null; call inside a reactive session. */
    public Uni<JsonNode> of(Verdict v) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select document::text from facts where sha256 = :sha and analyzer_version = :ver", String.class)
                .setParameter("sha", v.sha256).setParameter("ver", v.analyzerVersion)
                .getResultList())
                .map(docs -> {
                    if (docs.isEmpty()) {
                        return null;
                    }
                    try {
                        return mapper.readTree(docs.get(0));
                    } catch (IOException e) {
                        throw new UncheckedIOException("stored facts of " + v.sha256 + " are not JSON", e);
                    }
                });
    }
}
