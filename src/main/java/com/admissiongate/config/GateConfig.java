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

    Behaviour behaviour();

    /**
     * Bounds of the static behaviour analysis (call graph, pre-consent reachability, flows). Hitting one never fails
     * the upload by itself: the Facts mark area {@code behaviour} incomplete and rules that need it fail closed.
     */
    interface Behaviour {
        /** Call-graph edges built before the analysis stops. */
        @WithDefault("4000000")
        int maxEdges();

        /** Dispatch targets followed from one virtual/interface call site. */
        @WithDefault("1024")
        int maxTargetsPerSite();

        /** Wall-clock budget of the whole behaviour analysis of one APK (milliseconds). */
        @WithDefault("20000")
        long maxMillis();

        /** Rounds of inter-procedural flow summary propagation. */
        @WithDefault("6")
        int flowRounds();

        /** Findings kept per behaviour list. */
        @WithDefault("200")
        int maxFindings();
    }

    /** Rule pack and operator overrides. */
    interface Policy {
        /** Rule pack: a directory on disk, or a classpath directory prefixed with "classpath:". */
        @WithDefault("classpath:policies/cn-app-pi")
        String pack();

        /** Optional YAML of per-rule, per-app-type outcome overrides (docs/policy.md). */
        Optional<String> overrides();
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

    /**
     * Limits of the APK analyzer (apk/ApkLimits), validated at start-up. Exceeding one never crashes: it becomes an
     * issue, the area is marked incomplete and the rule pack fails closed (REJECT with GATE-INCOMPLETE or SEC-00).
     */
    interface Archive {
        /** Central-directory entries read. */
        @WithDefault("65536")
        int maxEntries();

        /** Sum of declared uncompressed sizes (bytes, 2 GiB). */
        @WithDefault("2147483648")
        long maxTotalUncompressed();

        /** Declared uncompressed size of one inflated entry (bytes, 512 MiB). */
        @WithDefault("536870912")
        long maxEntryUncompressed();

        /** Uncompressed/compressed ratio above which an entry is a zip bomb. */
        @WithDefault("200")
        double maxRatio();

        /** Entries smaller than this (bytes) are exempt from the ratio check: small text compresses well. */
        @WithDefault("1048576")
        long ratioMinSize();

        /** Depth of nested APK/JAR/ZIP/DEX inspected. */
        @WithDefault("2")
        int maxNesting();

        /** Bytes of one binary-XML or resource-table string pool. */
        @WithDefault("8388608")
        int maxStringPool();

        /** Bytes of one inflated binary XML file. */
        @WithDefault("16777216")
        int maxXmlSize();

        /** Bytes of the inflated resources.arsc. */
        @WithDefault("67108864")
        int maxArscSize();

        /** Bytes of one DEX file (held in memory while scanned; size the heap for it). */
        @WithDefault("268435456")
        int maxDexSize();

        /** Resource strings collected per locale. */
        @WithDefault("5000")
        int maxStrings();

        /** Characters kept per collected string. */
        @WithDefault("1024")
        int maxStringLength();

        /** Asset paths listed in the Facts. */
        @WithDefault("2000")
        int maxAssets();

        /** URL constants listed in the Facts. */
        @WithDefault("2000")
        int maxUrls();

        /** Tracked, reflection and dynamic-loading call sites listed in the Facts. */
        @WithDefault("20000")
        int maxCallSites();

        /**
         * APKs up to this size (bytes, 64 MiB) are read whole into the heap once, for the extractor and apksig alike;
         * larger ones from the temp file as needed (slower: a system call per read, a copy per apksig chunk); 0
         * never. A consumer holds one such copy: size the heap for concurrency × this.
         */
        @WithDefault("67108864")
        long inMemoryMax();
    }

    /** Retry of transient failures (S3, Postgres) before a message goes to the DLQ. */
    interface Pipeline {
        /**
         * 12 tries with backoff 0.5 s doubling to 20 s (±50 % jitter) wait at least ~66 s in total, so a dependency
         * outage of 30 s (a broker or S3 restart) never exhausts a good upload's tries (8 could, at ~26 s).
         */
        @WithDefault("12")
        int maxAttempts();

        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("20s")
        Duration maxBackoff();

        /** Value of the CloudEvents "source" attribute on published decisions. */
        @WithDefault("/admission-gate")
        String eventSource();

        /**
         * An upload of bytes already analysed (same SHA-256, same analyzer version, analysis complete) is judged on
         * the stored Facts with its own privacy policy instead of being analysed again. The binary is still
         * downloaded and its SHA-256 checked first. Off: every upload is analysed.
         */
        @WithDefault("true")
        boolean reuseFacts();
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
