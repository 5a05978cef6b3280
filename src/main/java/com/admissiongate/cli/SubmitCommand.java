package com.admissiongate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * ./gate submit: puts an APK in the upload bucket, publishes an upload event as the store pipeline would, waits for
 * the decision event and prints it. Talks to the stack of ./gate up (addresses from its env file).
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Upload an APK to the running gate and print its decision event")
public class SubmitCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the APK to submit")
    Path apk;

    @Option(names = "--meta", description = "submission metadata JSON (event data fields: package, versionCode, appType, audience, …)")
    Path meta;

    @Option(names = "--timeout", defaultValue = "60", description = "seconds to wait for the decision (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--bucket", defaultValue = "uploads")
    String bucket;

    @Override
    public Integer call() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        if (!Files.isRegularFile(apk)) {
            System.err.println("not a file: " + apk);
            return 2;
        }
        String sha = sha256(apk);
        long size = Files.size(apk);
        String uploadId = "cli-" + UUID.randomUUID();
        ObjectNode data = meta == null ? mapper.createObjectNode() : (ObjectNode) mapper.readTree(meta.toFile());
        data.put("uploadId", uploadId);
        if (!data.has("package") || !data.has("versionCode")) {
            // without metadata, submit what the APK says about itself (the gate cross-checks it with the manifest)
            var manifest = new com.admissiongate.apk.ApkAnalyzer().analyze(apk).manifest();
            String pkg = manifest == null || manifest.packageName() == null ? "com.example.selfcheck" : manifest.packageName();
            long vc = manifest == null || manifest.versionCode() == null ? 1 : manifest.versionCode();
            if (!data.has("package")) {
                data.put("package", pkg.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+") ? pkg : "com.example.selfcheck");
            }
            if (!data.has("versionCode")) {
                data.put("versionCode", vc);
            }
        }
        if (!data.has("developer")) {
            data.putObject("developer").put("id", "local-developer").put("name", "Local developer");
        }
        if (!data.has("appType")) {
            data.put("appType", "实用工具类");
        }
        if (!data.has("submittedAt")) {
            data.put("submittedAt", Instant.now().toString());
        }
        String key = "apk/" + uploadId + ".apk";
        data.putObject("object").put("bucket", bucket).put("key", key).put("sha256", sha).put("size", size);
        ObjectNode event = mapper.createObjectNode();
        event.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/gate-cli/submit")
                .put("type", "com.admissiongate.upload.requested.v1").put("time", Instant.now().toString())
                .put("datacontenttype", "application/json").set("data", data);

        MinioClient s3 = MinioClient.builder().endpoint(env("S3_ENDPOINT", "http://127.0.0.1:9000"))
                .credentials(env("S3_ACCESS_KEY", "local-identity"), env("S3_SECRET_KEY", "local-credential"))
                .region("us-east-1").build();
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
        s3.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key).filename(apk.toString()).build());
        System.err.printf("stored s3://%s/%s (%d bytes, sha256 %s)%n", bucket, key, size, sha);

        String bootstrap = env("KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap);
             KafkaProducer<String, String> producer = producer(bootstrap)) {
            ensureTopics(bootstrap);
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor("store.decisions", Duration.ofSeconds(10))) {
                parts.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position); // materialise the end offsets before publishing
            producer.send(new ProducerRecord<>("store.uploads", data.get("package").asText(),
                    mapper.writeValueAsString(event))).get();
            System.err.printf("published upload %s to store.uploads; waiting for the decision…%n", uploadId);
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode decision = mapper.readTree(rec.value());
                    if (uploadId.equals(decision.path("data").path("uploadId").asText())) {
                        System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(decision));
                        printSummary(decision.path("data"));
                        return 0;
                    }
                }
            }
        }
        System.err.println("no decision within " + timeoutSeconds + " s (is ./gate up running?)");
        return 1;
    }

    /** On a fresh stack nothing has been published yet; make sure the decision topic exists before we wait on it. */
    private static void ensureTopics(String bootstrap) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", bootstrap))) {
            var existing = admin.listTopics().names().get();
            List<org.apache.kafka.clients.admin.NewTopic> missing = new ArrayList<>();
            for (String t : List.of("store.uploads", "store.decisions", "store.uploads.dlq")) {
                if (!existing.contains(t)) {
                    missing.add(new org.apache.kafka.clients.admin.NewTopic(t, java.util.Optional.empty(), java.util.Optional.empty()));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static void printSummary(JsonNode d) {
        System.err.printf("%n%s  %s %s  (rule pack %s)%n", d.path("decision").asText(), d.path("package").asText(),
                d.path("versionCode").asText(), d.path("rulePackVersion").asText());
        if (d.hasNonNull("rectifyBy")) {
            System.err.println("rectify by " + d.get("rectifyBy").asText());
        }
        for (Iterator<JsonNode> it = d.path("findings").elements(); it.hasNext(); ) {
            JsonNode f = it.next();
            System.err.printf("  %-7s %-36s %s%n", f.path("outcome").asText(), f.path("ruleId").asText(),
                    f.path("message").path("en").asText());
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    private static String sha256(Path file) throws Exception {
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

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", bootstrap, "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(), "enable.auto.commit", "false"));
        return new KafkaConsumer<>(p);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", bootstrap, "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName(), "acks", "all"));
        return new KafkaProducer<>(p);
    }
}
