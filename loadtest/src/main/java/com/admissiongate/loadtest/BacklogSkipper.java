package com.admissiongate.loadtest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Moves the gate's consumer group to the end of store.uploads, so a drill does not start behind the leftovers of an
 * aborted run. Kafka refuses this while the group has members: it only works with every replica stopped.
 */
final class BacklogSkipper {

    private BacklogSkipper() {
    }

    static int run(Args args) throws Exception {
        String bootstrap = args.get("bootstrap", "KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        String group = args.get("group", "admission-gate");
        String topic = args.get("topic", "store.uploads");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get(20, TimeUnit.SECONDS).contains(topic)) {
                System.err.println("[skip-backlog] no topic " + topic + " yet; nothing to skip");
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
            admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS)
                    .forEach((tp, info) -> target.put(tp, new OffsetAndMetadata(info.offset())));
            Map<TopicPartition, OffsetAndMetadata> before = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            long skipped = 0;
            for (var e : target.entrySet()) {
                OffsetAndMetadata b = before.get(e.getKey());
                skipped += e.getValue().offset() - (b == null ? 0 : b.offset());
            }
            // the broker refuses while the group has members; a replica killed with SIGKILL stays a member until its
            // session times out (45 s by default), so wait for that instead of failing at once (bounded)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args.get("wait-seconds", "GATE_SKIP_WAIT_SECONDS", "90")));
            while (true) {
                try {
                    admin.alterConsumerGroupOffsets(group, target).all().get(20, TimeUnit.SECONDS);
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownMemberIdException)
                            || System.nanoTime() > deadline) {
                        throw e;
                    }
                    System.err.printf("[skip-backlog] group %s still has members (a killed replica's session?); retrying%n", group);
                    Thread.sleep(2000);
                }
            }
            System.err.printf("[skip-backlog] group %s now at the end of %s (%d unconsumed records skipped)%n", group, topic, skipped);
        }
        return 0;
    }
}
