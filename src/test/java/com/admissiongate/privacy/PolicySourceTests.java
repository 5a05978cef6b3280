package com.admissiongate.privacy;

import com.admissiongate.artifact.ArtifactException;
import com.admissiongate.artifact.ArtifactStore;
import com.admissiongate.artifact.FetchedArtifact;
import com.admissiongate.catalog.CatalogLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Source selection and error mapping; the store is an in-memory stand-in for this one class. */
class PolicySourceTests {

    static PrivacyPolicyParser parser;
    final Map<String, byte[]> objects = new HashMap<>();
    ArtifactException failure;
    final ObjectMapper mapper = new ObjectMapper();

    final ArtifactStore store = new ArtifactStore() {
        @Override
        public FetchedArtifact fetch(String bucket, String key, long expectedSize, String expectedSha256) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] readObject(String bucket, String key, long maxBytes) {
            if (failure != null) {
                throw failure;
            }
            byte[] b = objects.get(bucket + "/" + key);
            if (b == null) {
                throw new ArtifactException(ArtifactException.Code.OBJECT_NOT_FOUND, "s3://" + bucket + "/" + key + " does not exist");
            }
            return b;
        }

        @Override
        public void ping() {
        }
    };

    @BeforeAll
    static void load() {
        parser = new PrivacyPolicyParser(PrivacyLimits.defaults(), CatalogLoader.fromClasspath().sdks());
    }

    private PolicySource source() {
        return new PolicySource(parser, store, new UrlPolicyFetcher(List.of(), new AddressGuard(AddressGuard.SYSTEM),
                1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
    }

    private ObjectNode submission(String key, String url) {
        ObjectNode s = mapper.createObjectNode();
        s.put("appName", "速记本");
        s.putObject("developer").put("id", "d").put("name", "示例科技有限公司");
        ObjectNode pp = s.putObject("privacyPolicy");
        if (key != null) {
            pp.put("objectKey", key);
        }
        if (url != null) {
            pp.put("url", url);
        }
        return s;
    }

    @Test
    void objectKeyIsReadFromTheUploadBucketAndParsed() {
        objects.put("uploads/policies/a.html", "<h1>速记本隐私政策</h1><p>我们收集手机号码用于登录。</p>".getBytes(StandardCharsets.UTF_8));

        PrivacyPolicyFacts f = source().resolve("uploads", submission("policies/a.html", "https://ignored.example/p"));

        assertThat(f.status()).isEqualTo("parsed");
        assertThat(f.source()).isEqualTo(new PrivacyPolicyFacts.Source("objectKey", "uploads/policies/a.html", null));
        assertThat(f.format()).isEqualTo("html");
        assertThat(f.mentionsApp()).isTrue();
        assertThat(f.mentionsOperator()).isFalse();
    }

    @Test
    void missingObjectIsAnUnavailablePolicyNotAnError() {
        PrivacyPolicyFacts f = source().resolve("uploads", submission("nope.html", null));

        assertThat(f.status()).isEqualTo("unavailable");
        assertThat(f.problems()).extracting(PolicyProblem::code).containsExactly("OBJECT_NOT_FOUND");
    }

    @Test
    void storeOutageIsThrownSoThePipelineRetries() {
        failure = new ArtifactException(ArtifactException.Code.STORE_UNAVAILABLE, "S3 down");

        assertThatThrownBy(() -> source().resolve("uploads", submission("a.html", null)))
                .isInstanceOf(ArtifactException.class).hasMessage("S3 down");
    }

    @Test
    void urlOffTheAllowlistIsRefusedNotFetched() {
        PrivacyPolicyFacts f = source().resolve("uploads", submission(null, "https://example.com/privacy"));

        assertThat(f.status()).isEqualTo("unavailable");
        assertThat(f.source().kind()).isEqualTo("url");
        assertThat(f.problems().get(0).code()).isEqualTo("HOST_NOT_ALLOWED");
    }

    @Test
    void noPolicyNamedGivesNull() {
        assertThat(source().resolve("uploads", submission(null, null))).isNull();
        assertThat(source().resolve("uploads", null)).isNull();
    }
}
