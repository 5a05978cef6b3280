package com.admissiongate.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * An integration test that talks to the real stack from outside the service, as the store does: one
 * {@link StackClient} (a Kafka producer, an S3 client) per test class, opened before its first test and closed after
 * its last. Test classes run one at a time, so the one static field serves whichever class is running.
 */
abstract class StackTest {

    static StackClient stack;

    @BeforeAll
    static void connect() {
        stack = new StackClient();
    }

    @AfterAll
    static void disconnect() {
        stack.close();
    }
}
