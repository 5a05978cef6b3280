package com.admissiongate.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * Upload flood: stages real APKs in the upload bucket, publishes upload events on store.uploads at a fixed rate
 * (open loop: latency counts from the scheduled send time, so a stalled gate cannot hide behind a slow driver),
 * watches store.decisions and store.uploads.dlq, and checks that every upload got exactly one decision.
 * Every loop is bounded by count and time.
 */
final class FloodDriver {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPLOADS = "store.uploads";
    private static final String DECISIONS = "store.decisions";
    private static final String DLQ = "store.uploads.dlq";

    record Apk(Path path, String sha256, long size, String pkg, long versionCode, String key) {
    }

    /** What the watcher saw for one uploadId. */
    static final class Outcome {
        final Set<String> eventIds = new HashSet<>();
        int deliveries;
        String decision;
    }

    private final Args args;
    private final String bootstrap;
    private final String runId;
    private final Map<String, Long> scheduledAt = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> dlq = new ConcurrentHashMap<>();
    /** Partition and offset each upload event got from the broker (send callback). */
    private final Map<String, long[]> sentAt = new ConcurrentHashMap<>();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final AtomicLongArray partitions = new AtomicLongArray(64);
    private final AtomicLong sendErrors = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile long t0;
    private volatile ObjectNode summary;

    FloodDriver(Args args) {
        this.args = args;
        this.bootstrap = args.get("bootstrap", "KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        this.runId = args.get("run-id", "lt-" + stamp + "-" + UUID.randomUUID().toString().substring(0, 6));
        if (!runId.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new IllegalArgumentException("--run-id must match [A-Za-z0-9._:-]{1,100}");
        }
    }

    int run() throws Exception {
        double rate = args.doubleValue("rate", 20);
        Duration duration = args.duration("duration", Duration.ofSeconds(300));
        long count = Long.parseLong(args.get("count", Long.toString(Math.round(rate * duration.toMillis() / 1000.0))));
        Duration drain = args.duration("drain", Duration.ofSeconds(120));
        Duration settle = args.duration("settle", Duration.ofSeconds(5));
        String label = args.get("label", "flood");
        Path out = Path.of(args.get("out", "loadtest/results"));
        String keyMode = args.get("key", "package");
        if (rate <= 0 || count <= 0 || count > 1_000_000) {
            throw new IllegalArgumentException("need 0 < rate and 0 < count ≤ 1,000,000");
        }
        // the publishing window may never exceed --duration: a bounded loop even when count/rate is larger
        Duration publishWindow = Duration.ofMillis(Math.min(duration.toMillis(), Math.round(count * 1000 / rate) + 1000));

        List<Apk> apks = stage(selectApks());
        System.err.printf("[flood] run %s: %d uploads at %.1f/s (≤ %d s), %d distinct APKs (mean %.2f MB), bootstrap %s, load %s%n",
                runId, count, rate, publishWindow.toSeconds(), apks.size(),
                apks.stream().mapToLong(Apk::size).average().orElse(0) / 1e6, bootstrap, Machine.loadAverage());
        ensureTopics();
        String loadBefore = Machine.loadAverage();
        List<Long> servicePids = pids(args.get("service-pids", null));
        List<Long> stackPids = pids(args.get("stack-pids", null));
        long serviceCpu0 = Machine.cpuMillis(servicePids);
        long stackCpu0 = Machine.cpuMillis(stackPids);

        KafkaConsumer<String, String> consumer = consumer();
        List<TopicPartition> parts = new ArrayList<>();
        for (String t : List.of(DECISIONS, DLQ)) {
            for (PartitionInfo p : consumer.partitionsFor(t, Duration.ofSeconds(20))) {
                parts.add(new TopicPartition(t, p.partition()));
            }
        }
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position); // fix the start before the first upload goes out
        Thread watcher = new Thread(() -> watch(consumer), "decision-watcher");
        watcher.setDaemon(true);

        long published = 0;
        long publishEnd;
        try (KafkaProducer<String, String> producer = producer()) {
            t0 = System.nanoTime();
            watcher.start();
            long deadline = t0 + publishWindow.toNanos();
            long nextProgress = t0 + 5_000_000_000L;
            double intervalNanos = 1e9 / rate;
            for (long i = 0; i < count; i++) {
                long due = t0 + Math.round(i * intervalNanos);
                if (due > deadline) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Apk apk = apks.get((int) (i % apks.size()));
                String uploadId = runId + "-" + i;
                scheduledAt.put(uploadId, due);
                String key = "upload".equals(keyMode) ? uploadId : apk.pkg();
                producer.send(new ProducerRecord<>(UPLOADS, key, event(uploadId, apk)), (md, e) -> {
                    if (e != null) {
                        sendErrors.incrementAndGet();
                        System.err.println("[flood] send failed: " + e);
                    } else {
                        partitions.incrementAndGet(Math.min(63, md.partition()));
                        sentAt.put(uploadId, new long[] {md.partition(), md.offset()});
                    }
                });
                published++;
                if (System.nanoTime() > nextProgress) {
                    progress(published);
                    nextProgress += 5_000_000_000L;
                }
            }
            producer.flush();
            publishEnd = System.nanoTime();
        }
        String loadAtPublishEnd = Machine.loadAverage();
        long drainDeadline = System.nanoTime() + drain.toNanos();
        long nextProgress = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < drainDeadline && answered() < published) {
            Thread.sleep(100);
            if (System.nanoTime() > nextProgress) {
                progress(published);
                nextProgress += 5_000_000_000L;
            }
        }
        Thread.sleep(settle.toMillis()); // late duplicates show up here
        stop.set(true);
        watcher.join(5000);
        String loadAfter = Machine.loadAverage();
        long serviceCpu = Machine.cpuMillis(servicePids) - serviceCpu0;
        long stackCpu = Machine.cpuMillis(stackPids) - stackCpu0;

        Summary s = summarize(label, rate, published, publishEnd, apks, loadBefore, loadAtPublishEnd, loadAfter);
        summary = s.json();
        long decidedNow = s.json().get("decided").asLong();
        if (!servicePids.isEmpty() && decidedNow > 0) {
            // CPU per upload does not depend on the other load on a shared machine; wall-clock throughput does
            double svcMs = serviceCpu / (double) decidedNow;
            double stackMs = stackPids.isEmpty() ? 0 : stackCpu / (double) decidedNow;
            double projected = Machine.cores() * 1000.0 / Math.max(0.001, svcMs + stackMs);
            summary.put("serviceCpuMsPerUpload", round(svcMs)).put("stackCpuMsPerUpload", round(stackMs))
                    .put("projectedUploadsPerSecond", round(projected));
            s = new Summary(s.markdown().replace("\nPlots:", String.format(Locale.ROOT,
                    "CPU per decided upload (from /proc; includes work on uploads still in flight at the end): service %.0f ms, "
                            + "Kafka + S3 + PostgreSQL %.0f ms; %d cores free of anything else would decide about %.1f uploads/s "
                            + "(driver excluded).%n%nPlots:", svcMs, stackMs, Machine.cores(), projected)), summary, s.ok());
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(label + ".md"), s.markdown());
        Files.writeString(out.resolve(label + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s.json()));
        String caption = String.format(Locale.ROOT, "%s — %d uploads at %.1f/s, %s, load avg %s → %s", label, published, rate,
                s.json().get("apkMeanMb").asText() + " MB APKs", loadBefore, loadAfter);
        Files.writeString(out.resolve(label + "-latency.svg"),
                SvgPlot.render(caption, latency.timePanels("end-to-end latency by completion second", "decisions per second")));
        Files.writeString(out.resolve(label + "-percentiles.svg"),
                SvgPlot.render(caption, List.of(latency.percentilePanel("end-to-end latency percentiles"))));
        System.out.print(s.markdown());
        System.err.printf("[flood] wrote %s/%s.{md,json} and -latency.svg, -percentiles.svg%n", out, label);
        return s.ok() ? 0 : 3;
    }

    /**
     * Uploads without a verdict at the end, split by the gate's consumer group position: an upload at an offset at
     * or above its partition's committed offset (or in a partition the group never committed) has not been consumed
     * yet or is being processed — a backlog; one below it was consumed and acknowledged, so a missing verdict there
     * is a lost decision. {@code unknown}: no broker offset (the send failed) or the group's offsets could not be
     * read ({@code committed} null); counted as lost, never as backlog.
     */
    record Backlog(long queued, long lost, long unknown) {
        static Backlog of(List<long[]> missingAt, Map<Integer, Long> committed) {
            long queued = 0;
            long lost = 0;
            long unknown = 0;
            for (long[] at : missingAt) {
                if (at == null || committed == null) {
                    unknown++;
                    lost++;
                    continue;
                }
                Long c = committed.get((int) at[0]);
                if (c == null || at[1] >= c) {
                    queued++;
                } else {
                    lost++;
                }
            }
            return new Backlog(queued, lost, unknown);
        }
    }

    /** Committed offsets of the gate's group on store.uploads by partition (--group, default admission-gate). */
    private Map<Integer, Long> committedOffsets() {
        String group = args.get("group", "admission-gate");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<Integer, Long> out = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((tp, om) -> {
                        if (UPLOADS.equals(tp.topic()) && om != null) {
                            out.put(tp.partition(), om.offset());
                        }
                    });
            return out;
        } catch (Exception e) {
            System.err.println("[flood] could not read the committed offsets of group " + group + ": " + e);
            return null; // Backlog counts every missing upload as lost
        }
    }

    /** Uploads of this run with a decision so far (the kill -9 test injects its fault on this). */
    long decided() {
        return outcomes.size();
    }

    /** The run's figures once {@link #run} returned. */
    ObjectNode summary() {
        return summary;
    }

    String runId() {
        return runId;
    }

    private long answered() {
        return outcomes.size() + dlq.keySet().stream().filter(k -> !outcomes.containsKey(k)).count();
    }

    private void progress(long published) {
        System.err.printf(Locale.ROOT, "[flood] %5.0f s  published %d  decided %d  dlq %d  p99 %.0f ms  load %s%n",
                (System.nanoTime() - t0) / 1e9, published, outcomes.size(), dlq.size(), latency.ms(99), Machine.loadAverage());
    }

    private void watch(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    try {
                        JsonNode n = JSON.readTree(r.value());
                        String uploadId = n.path("data").path("uploadId").asText("");
                        if (!uploadId.startsWith(runId + "-")) {
                            continue;
                        }
                        if (DLQ.equals(r.topic())) {
                            Header h = r.headers().lastHeader("dead-letter-reason");
                            dlq.put(uploadId, h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8));
                            continue;
                        }
                        Outcome o = outcomes.computeIfAbsent(uploadId, k -> new Outcome());
                        synchronized (o) {
                            o.deliveries++;
                            o.eventIds.add(n.path("id").asText());
                            if (o.decision == null) {
                                o.decision = n.path("data").path("decision").asText();
                                Long due = scheduledAt.get(uploadId);
                                if (due != null) {
                                    latency.record((now - t0) / 1_000_000_000L, (now - due) / 1000);
                                }
                            }
                        }
                    } catch (Exception e) {
                        // not JSON or not ours: another producer on a shared topic
                    }
                }
            }
        }
    }

    record Summary(String markdown, ObjectNode json, boolean ok) {
    }

    private Summary summarize(String label, double rate, long published, long publishEnd, List<Apk> apks,
                              String loadBefore, String loadMid, String loadAfter) {
        long decided = 0;
        long dupVerdicts = 0;
        long redeliveries = 0;
        Map<String, Long> byDecision = new TreeMap<>();
        // broker partition/offset of each upload with neither a verdict nor a DLQ entry (null: the send failed)
        List<long[]> missingAt = new ArrayList<>();
        for (int i = 0; i < published; i++) {
            String id = runId + "-" + i;
            Outcome o = outcomes.get(id);
            if (o == null) {
                if (!dlq.containsKey(id)) {
                    missingAt.add(sentAt.get(id));
                }
                continue;
            }
            decided++;
            if (o.eventIds.size() > 1) {
                dupVerdicts++;
            }
            redeliveries += o.deliveries - o.eventIds.size();
            byDecision.merge(o.decision, 1L, Long::sum);
        }
        long dlqOnly = dlq.keySet().stream().filter(k -> !outcomes.containsKey(k)).count();
        long missing = published - decided - dlqOnly;
        Map<Integer, Long> committed = missingAt.isEmpty() ? Map.of() : committedOffsets();
        Backlog backlog = Backlog.of(missingAt, committed);
        double publishSeconds = (publishEnd - t0) / 1e9;
        double spanSeconds = Math.max(publishSeconds, latency.count() == 0 ? 0 : lastCompletionSeconds());
        double throughput = spanSeconds <= 0 ? 0 : decided / spanSeconds;
        double apkMeanMb = apks.stream().mapToLong(Apk::size).average().orElse(0) / 1e6;
        StringBuilder parts = new StringBuilder();
        for (int p = 0; p < 64; p++) {
            if (partitions.get(p) > 0) {
                parts.append(parts.length() == 0 ? "" : " / ").append("p").append(p).append(": ").append(partitions.get(p));
            }
        }
        // a valid upload in the DLQ has no decision: a failure, unless the run feeds poison on purpose (--allow-dlq)
        boolean allowDlq = Boolean.parseBoolean(args.get("allow-dlq", "false"));
        boolean ok = missing == 0 && dupVerdicts == 0 && sendErrors.get() == 0 && (allowDlq || dlqOnly == 0);
        // a saturated run ends with a backlog: uploads the group has not consumed yet are queued, not lost
        boolean clean = backlog.lost() == 0 && dupVerdicts == 0 && sendErrors.get() == 0 && (allowDlq || dlqOnly == 0);
        String verdict = ok ? "PASS" : clean ? "BACKLOG" : "FAIL";

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### %s (run `%s`, %s)%n%n", label, runId, Instant.now().toString().substring(0, 19) + "Z"));
        md.append(String.format(Locale.ROOT, "Offered %.1f uploads/s of %d distinct real APKs (mean %.2f MB) for %.0f s; %d cores; "
                + "load average (1/5/15 min) before %s, at end of publishing %s, after %s (shared machine).%n%n",
                rate, apks.size(), apkMeanMb, publishSeconds, Machine.cores(), loadBefore, loadMid, loadAfter));
        md.append("| published | decided | DLQ | missing | duplicate verdicts | redelivered events | offered /s | decided /s | peak 10 s /s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f |%n%n",
                published, decided, dlqOnly, missing, dupVerdicts, redeliveries, published / Math.max(0.001, publishSeconds),
                throughput, latency.peakRate(10), latency.ms(50), latency.ms(90), latency.ms(99), latency.ms(99.9), latency.maxMs()));
        md.append(String.format(Locale.ROOT, "Correctness: %s — every upload has exactly one verdict: %s. Decisions: %s. "
                + "Upload partitions: %s. Send errors: %d.%n", verdict, decided == published && dupVerdicts == 0 ? "yes" : "no",
                byDecision, parts, sendErrors.get()));
        if (missing > 0) {
            md.append(String.format(Locale.ROOT, "Without a verdict: %d — %d still queued or in flight when the drain ended "
                    + "(offset at or above the group's committed offset: not consumed yet, not lost), %d consumed without a "
                    + "verdict or DLQ entry (lost)%s.%n", missing, backlog.queued(), backlog.lost(),
                    backlog.unknown() == 0 ? "" : " (" + backlog.unknown()
                            + " of them counted as lost because the send failed or the group's offsets could not be read)"));
        }
        if (!dlq.isEmpty()) {
            md.append("DLQ reasons (first): ").append(dlq.values().iterator().next()).append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nPlots: [latency over time](%s-latency.svg), [percentile curve](%s-percentiles.svg)%n",
                label, label));

        ObjectNode j = JSON.createObjectNode();
        j.put("label", label).put("runId", runId).put("published", published).put("decided", decided).put("dlq", dlqOnly)
                .put("missing", missing).put("queuedAtEnd", backlog.queued()).put("lost", backlog.lost())
                .put("correctness", verdict).put("duplicateVerdicts", dupVerdicts).put("redeliveredEvents", redeliveries)
                .put("sendErrors", sendErrors.get()).put("offeredRate", rate).put("decidedPerSecond", round(throughput))
                .put("peak10sPerSecond", round(latency.peakRate(10))).put("p50ms", round(latency.ms(50)))
                .put("p90ms", round(latency.ms(90))).put("p99ms", round(latency.ms(99))).put("p999ms", round(latency.ms(99.9)))
                .put("maxMs", round(latency.maxMs())).put("apkMeanMb", round(apkMeanMb)).put("apks", apks.size())
                .put("loadBefore", loadBefore).put("loadAtPublishEnd", loadMid).put("loadAfter", loadAfter)
                .put("cores", Machine.cores()).put("ok", ok);
        ObjectNode d = j.putObject("decisions");
        byDecision.forEach(d::put);
        return new Summary(md.toString(), j, ok);
    }

    private double lastCompletionSeconds() {
        return latency.seconds();
    }

    static List<Long> pids(String csv) {
        List<Long> list = new ArrayList<>();
        if (csv != null) {
            for (String p : csv.split("[,\\s]+")) {
                if (!p.isBlank()) {
                    list.add(Long.parseLong(p.trim()));
                }
            }
        }
        return list;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private String event(String uploadId, Apk apk) {
        ObjectNode data = JSON.createObjectNode();
        data.put("uploadId", uploadId).put("package", apk.pkg()).put("versionCode", apk.versionCode())
                .put("appType", "实用工具类").put("submittedAt", Instant.now().toString());
        data.putObject("object").put("bucket", "uploads").put("key", apk.key()).put("sha256", apk.sha256()).put("size", apk.size());
        data.putObject("developer").put("id", "loadtest").put("name", "Load test");
        data.putObject("audience").put("minAge", 18).put("minorsTargeted", false);
        ObjectNode ce = JSON.createObjectNode();
        ce.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/loadtest/flood")
                .put("type", "com.admissiongate.upload.requested.v1").put("time", Instant.now().toString())
                .put("datacontenttype", "application/json").set("data", data);
        return ce.toString();
    }

    /** Real APKs of about the requested size; package and versionCode from the corpus oracle when there is one. */
    private List<Apk> selectApks() throws Exception {
        // the corpus sits next to the checkout; a git worktree is one level deeper
        String dflt = Files.isDirectory(Path.of("../shared/corpus/apks")) || !Files.isDirectory(Path.of("../../shared/corpus/apks"))
                ? "../shared/corpus/apks" : "../../shared/corpus/apks";
        Path dir = Path.of(args.get("apks", dflt));
        long minSize = Args.parseSize(args.get("min-size", "2m"));
        int max = args.intValue("max-apks", 8);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".apk")).filter(p -> size(p) >= minSize)
                    .sorted(Comparator.comparingLong(FloodDriver::size).reversed().thenComparing(Path::toString))
                    .limit(max).toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *.apk of at least " + minSize + " bytes in " + dir + " (try --min-size)");
        }
        List<Apk> apks = new ArrayList<>();
        int n = 0;
        for (Path f : files) {
            String sha = sha256(f);
            String pkg = "com.loadtest.app" + n;
            long vc = 1;
            Path oracle = dir.resolveSibling("oracle").resolve(sha.substring(0, 16) + ".json");
            if (Files.isRegularFile(oracle)) {
                JsonNode badging = JSON.readTree(oracle.toFile()).path("aapt_badging");
                if (badging.path("package").isTextual() && badging.path("package").asText().matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+")) {
                    pkg = badging.path("package").asText();
                }
                vc = badging.path("versionCode").asLong(1);
            }
            apks.add(new Apk(f, sha, Files.size(f), pkg, vc, "loadtest/" + sha + ".apk"));
            n++;
        }
        return apks;
    }

    /** One object per distinct APK; every upload event points at one, and the gate downloads it each time. */
    private List<Apk> stage(List<Apk> apks) throws Exception {
        MinioClient s3 = MinioClient.builder().endpoint(args.get("s3", "S3_ENDPOINT", "http://127.0.0.1:9000"))
                .credentials(args.get("s3-access-key", "S3_ACCESS_KEY", "local-identity"),
                        args.get("s3-secret-key", "S3_SECRET_KEY", "local-credential"))
                .region("us-east-1").build();
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket("uploads").build())) {
            s3.makeBucket(MakeBucketArgs.builder().bucket("uploads").build());
        }
        for (Apk a : apks) {
            boolean present;
            try {
                present = s3.statObject(StatObjectArgs.builder().bucket("uploads").object(a.key()).build()).size() == a.size();
            } catch (Exception e) {
                present = false;
            }
            if (!present) {
                s3.uploadObject(UploadObjectArgs.builder().bucket("uploads").object(a.key()).filename(a.path().toString()).build());
            }
        }
        return apks;
    }

    private void ensureTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String t : List.of(UPLOADS, DECISIONS, DLQ)) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, Optional.empty(), Optional.empty()));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", bootstrap, "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(), "enable.auto.commit", "false",
                "max.poll.records", "2000"));
        return new KafkaConsumer<>(p);
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", bootstrap, "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName(), "acks", "all", "linger.ms", "2",
                "enable.idempotence", "true", "delivery.timeout.ms", "120000"));
        return new KafkaProducer<>(p);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return -1;
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
