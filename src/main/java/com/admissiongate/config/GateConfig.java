package com.admissiongate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Typed configuration of the gate. Every limit lives here with a sane default; nothing is a Java constant. */
@ConfigMapping(prefix = "gate")
public interface GateConfig {

    S3 s3();

    Artifact artifact();

    Archive archive();

    Pipeline pipeline();

    Outbox outbox();

    Policy policy();

    /** Rule pack and operator overrides. */
    interface Policy {
        /** Rule pack: a directory on disk, or a classpath directory prefixed with "classpath:". */
        @WithDefault("classpath:policies/cn-app-pi")
        String pack();

        /** Optional YAML of per-rule, per-app-type outcome overrides (docs/policy.md). */
        Optional<String> overrides();

        /**
         * Interim mode: only archive integrity checks, never ACCEPT. For diagnosing the pipeline without analysis.
         */
        @WithDefault("false")
        boolean archiveChecksOnly();
    }

    /** S3 endpoint the binaries are read from. */
    interface S3 {
        /** Endpoint URL, e.g. http://127.0.0.1:9000. */
        String endpoint();

        String accessKey();

        String secretKey();

        @WithDefault("us-east-1")
        String region();

        /** Timeout of the readiness probe against S3. */
        @WithDefault("2s")
        Duration healthTimeout();
    }

    /** Fetching an uploaded binary. */
    interface Artifact {
        /**
         * Buckets an upload event may point at. Anything else is refused without a fetch: the event is
         * untrusted input and must not make the gate read arbitrary objects.
         */
        @WithDefault("uploads")
        Set<String> allowedBuckets();

        /** Largest binary the gate downloads (bytes); larger ones are REJECTed unread. Default 1 GiB. */
        @WithDefault("1073741824")
        long maxSize();

        /** Create the allowed buckets at start-up when missing (local stack and tests only). */
        @WithDefault("false")
        boolean createBuckets();

        /** Directory for downloaded binaries; default the JVM temp dir. Files are deleted after analysis. */
        Optional<String> tempDir();
    }

    /** Interim archive checks; the APK analyzer has its own limits. */
    interface Archive {
        @WithDefault("65536")
        int maxEntries();

        /** Sum of declared uncompressed sizes, default 2 GiB. */
        @WithDefault("2147483648")
        long maxTotalUncompressed();

        /** Largest declared uncompressed/compressed ratio of one entry (zip bombs). */
        @WithDefault("200")
        int maxRatio();
    }

    /** Retry of transient failures (S3, Postgres) before a message goes to the DLQ. */
    interface Pipeline {
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("20s")
        Duration maxBackoff();

        /** Value of the CloudEvents "source" attribute on published decisions. */
        @WithDefault("/admission-gate")
        String eventSource();
    }

    /** Outbox relay. */
    interface Outbox {
        /**
         * Safety-net period; the relay also runs right after every verdict commit, so this bounds only the latency
         * of rows left behind by a crash. Quarkus' scheduler does not go below 1 s.
         */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("100")
        int batchSize();
    }
}
