package com.admissiongate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** Talks to the real Kafka and S3 of the test stack the way the store's pipeline would. */
public final class StackClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private final String bootstrap = env("KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    private final MinioClient s3 = MinioClient.builder().endpoint(env("S3_ENDPOINT", "http://127.0.0.1:19000"))
            .credentials(env("S3_ACCESS_KEY", "local-identity"), env("S3_SECRET_KEY", "local-credential"))
            .region("us-east-1").build();
    private final KafkaProducer<String, String> producer;

    public StackClient() {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", bootstrap, "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName(), "acks", "all"));
        producer = new KafkaProducer<>(p);
    }

    public static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    public void put(String key, byte[] bytes) throws Exception {
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket("uploads").build())) {
            s3.makeBucket(MakeBucketArgs.builder().bucket("uploads").build());
        }
        s3.putObject(PutObjectArgs.builder().bucket("uploads").object(key)
                .stream(new ByteArrayInputStream(bytes), (long) bytes.length, -1L).build());
    }

    /** A valid upload event for an object already in the bucket. */
    public ObjectNode uploadEvent(String uploadId, String pkg, String key, byte[] bytes) throws Exception {
        ObjectNode data = JSON.createObjectNode();
        data.put("uploadId", uploadId).put("package", pkg).put("versionCode", 1).put("appType", "实用工具类")
                .put("submittedAt", Instant.now().toString());
        data.putObject("object").put("bucket", "uploads").put("key", key).put("sha256", sha256(bytes))
                .put("size", bytes.length);
        data.putObject("developer").put("id", "dev-1").put("name", "Test Developer");
        data.putObject("audience").put("minAge", 18).put("minorsTargeted", false);
        ObjectNode ce = JSON.createObjectNode();
        ce.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/tests")
                .put("type", "com.admissiongate.upload.requested.v1").put("time", Instant.now().toString())
                .put("datacontenttype", "application/json").set("data", data);
        return ce;
    }

    public void publish(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Reads a topic from the beginning until {@code timeout}, returning every record that matches. */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                     int stopAfter, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", bootstrap, "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(), "enable.auto.commit", "false",
                "allow.auto.create.topics", "true"));
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> parts = new ArrayList<>();
            while (parts.isEmpty() && System.nanoTime() < deadline) {
                List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
                }
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            while (System.nanoTime() < deadline && found.size() < stopAfter) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Uploads {@code apk} of {@code pkg} with {@code policy} uploaded next to it (privacyPolicy.objectKey, zh-Hans) as
     * developer {@code developerId}/{@code developerName}; waits for its decision and returns the event's data.
     */
    public JsonNode submitWithPolicy(String pkg, byte[] apk, String appName, String developerId, String developerName,
                                     byte[] policy, Duration timeout) throws Exception {
        String id = "it-" + java.util.UUID.randomUUID();
        String key = "apk/" + id + ".apk";
        put(key, apk);
        String policyKey = "policies/" + id + ".html";
        put(policyKey, policy);
        ObjectNode ev = uploadEvent(id, pkg, key, apk);
        ObjectNode data = (ObjectNode) ev.get("data");
        data.put("appName", appName);
        ((ObjectNode) data.get("developer")).put("id", developerId).put("name", developerName);
        data.putObject("privacyPolicy").put("objectKey", policyKey).put("language", "zh-Hans");
        publish("store.uploads", pkg, ev.toString());
        return awaitDecision(id, timeout).get("data");
    }

    public JsonNode awaitDecision(String uploadId, Duration timeout) throws Exception {
        List<ConsumerRecord<String, String>> recs = read("store.decisions",
                r -> r.value().contains("\"uploadId\":\"" + uploadId + "\""), 1, timeout);
        if (recs.isEmpty()) {
            throw new AssertionError("no decision for " + uploadId + " within " + timeout);
        }
        return JSON.readTree(recs.get(0).value());
    }

    static String env(String k, String d) {
        String v = System.getenv(k);
        return v == null || v.isBlank() ? d : v;
    }

    /**
     * For each member of the gate's consumer group that holds partitions of {@code topic}: how many. A sorted list,
     * e.g. [1, 1] for two consumers sharing two partitions.
     */
    public List<Integer> partitionsPerConsumer(String group, String topic) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            List<Integer> out = new ArrayList<>();
            for (org.apache.kafka.clients.admin.MemberDescription m : admin.describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get().members()) {
                int n = (int) m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic)).count();
                if (n > 0) {
                    out.add(n);
                }
            }
            out.sort(null);
            return out;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
