package com.admissiongate.it;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V7: {@code facts.document_text} is exactly {@code document::text} after every insert and every update of the
 * document (the re-review page query reads it instead of converting the jsonb per row), against the real Postgres.
 */
@QuarkusTest
@WithTestResource(JwtTestKeys.class)
class FactsDocumentTextTests {

    @Inject
    Pool pool;

    @Test
    void documentTextFollowsTheDocumentOnInsertAndUpdate() {
        String sha = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        pool.preparedQuery("insert into facts (sha256, analyzer_version, document) values ($1, 'v7-test', "
                        + "cast(cast($2 as text) as jsonb))")
                .execute(Tuple.of(sha, "{\"b\":[1,2.50,{\"z\":null}],\"a\":\"中文\",\"n\":12345678901234567890}"))
                .await().indefinitely();
        assertThat(text(sha)).isEqualTo("{\"a\": \"中文\", \"b\": [1, 2.50, {\"z\": null}], \"n\": 12345678901234567890}");
        assertThat(same(sha)).isTrue();

        pool.preparedQuery("update facts set document = jsonb_set(document, '{a}', '\"changed\"') where sha256 = $1")
                .execute(Tuple.of(sha)).await().indefinitely();
        assertThat(text(sha)).isEqualTo("{\"a\": \"changed\", \"b\": [1, 2.50, {\"z\": null}], \"n\": 12345678901234567890}");
        assertThat(same(sha)).isTrue();
    }

    private String text(String sha) {
        Row r = pool.preparedQuery("select document_text from facts where sha256 = $1").execute(Tuple.of(sha))
                .await().indefinitely().iterator().next();
        return r.getString(0);
    }

    private boolean same(String sha) {
        return pool.preparedQuery("select document_text = document::text from facts where sha256 = $1")
                .execute(Tuple.of(sha)).await().indefinitely().iterator().next().getBoolean(0);
    }
}
