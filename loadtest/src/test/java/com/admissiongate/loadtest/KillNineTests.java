package com.admissiongate.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The automated, bounded kill -9 check (the 1,000-upload drill is loadtest/drills/kill9.sh): the packaged service
 * jar runs twice as child processes against the test stack (same consumer group, 2-partition store.uploads), 400
 * uploads are published, one replica is killed with SIGKILL once 100 are decided and restarted on the same port.
 * Every upload must end with exactly one verdict row and exactly one decision (by uploadId, distinct CloudEvent id),
 * none in the DLQ, and the outbox must drain. Runs from ./gate test after `mvn verify` packaged the jar.
 */
class KillNineTests {

    private static final Path ROOT = Path.of(System.getProperty("gate.root", "..")).toAbsolutePath().normalize();
    private static final int UPLOADS = 400;
    // a replica started in 30 s at load average ~10 here and in over 2 min at ~30; fail on loss, not on time
    private static final Duration READY = Duration.ofSeconds(240);
    private final List<Process> processes = new ArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopReplicas() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        executor.shutdownNow();
    }

    @Test
    void killMinusNineOfOneReplicaMidBatchLosesAndDuplicatesNothing() throws Exception {
        Path jar = ROOT.resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), "no service jar at " + jar + ": package it first (mvn package; ./gate test does)");
        String pgUrl = env("PG_JDBC_URL");
        env("KAFKA_BOOTSTRAP");
        env("S3_ENDPOINT");
        Path work = Files.createTempDirectory(ROOT.resolve("loadtest/target"), "killnine");
        Path apks = writeApks(work.resolve("apks"), 16);
        Path publicKey = writePublicKey(work);

        // leftovers of an earlier aborted run would only slow this batch down; the group has no member yet
        BacklogSkipper.run(new Args(new String[0], 0));
        int portA = freePort();
        int portB = freePort();
        Process a = start(jar, portA, publicKey, work);
        Process b = start(jar, portB, publicKey, work);
        awaitReady(portA, a, READY);
        awaitReady(portB, b, READY);

        FloodDriver flood = new FloodDriver(new Args(new String[]{"--apks", apks.toString(), "--min-size", "0",
                "--max-apks", "100", "--rate", "50", "--count", Integer.toString(UPLOADS), "--duration", "30s",
                "--drain", "300s", "--settle", "3s", "--label", "kill9-test", "--out", work.resolve("results").toString()}, 0));
        Future<Integer> rc = executor.submit(flood::run);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (flood.decided() < 100 && System.nanoTime() < deadline && !rc.isDone()) {
            Thread.sleep(50);
        }
        assertTrue(flood.decided() >= 100, "the gate decided only " + flood.decided() + " uploads in 90 s");
        assertTrue(flood.decided() < UPLOADS, "the batch was over before the kill; nothing was tested");

        a.destroyForcibly(); // SIGKILL: no shutdown hook, no offset commit, no outbox flush
        assertTrue(a.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, a.exitValue());
        Process again = start(jar, portA, publicKey, work);
        awaitReady(portA, again, READY);

        assertEquals(0, rc.get(420, TimeUnit.SECONDS), "flood driver verdict, see " + work.resolve("results"));
        JsonNode s = flood.summary();
        assertEquals(UPLOADS, s.get("published").asLong());
        assertEquals(UPLOADS, s.get("decided").asLong());
        assertEquals(0, s.get("missing").asLong());
        assertEquals(0, s.get("duplicateVerdicts").asLong());
        assertEquals(0, s.get("dlq").asLong());

        try (Connection db = DriverManager.getConnection(pgUrl, System.getenv().getOrDefault("PG_USER", "app"),
                System.getenv().getOrDefault("PG_PASSWORD", "app"))) {
            assertEquals(UPLOADS, longValue(db, "select count(distinct upload_id) from verdict where upload_id like '" + flood.runId() + "-%'"));
            assertEquals(UPLOADS, longValue(db, "select count(*) from verdict where upload_id like '" + flood.runId() + "-%'"));
            long unsent = -1;
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (unsent != 0 && System.nanoTime() < until) {
                unsent = longValue(db, "select count(*) from outbox where sent_at is null");
                Thread.sleep(unsent == 0 ? 0 : 250);
            }
            assertEquals(0, unsent, "outbox rows never relayed");
        }
        assertFalse(a.isAlive());
    }

    private static long longValue(Connection db, String sql) throws Exception {
        try (ResultSet r = db.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private Process start(Path jar, int port, Path publicKey, Path work) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx384m", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("GATE_HTTP_PORT", Integer.toString(port));
        env.put("GATE_HTTP_HOST", "127.0.0.1");
        env.put("GATE_ARTIFACT_CREATE_BUCKETS", "true");
        env.put("GATE_JWT_PUBLIC_KEY", publicKey.toString());
        pb.directory(work.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("replica-" + port + ".log").toFile()));
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void awaitReady(int port, Process p, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "replica on " + port + " exited during start-up");
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("replica on " + port + " not ready within " + limit);
    }

    /** Small distinct APK-shaped archives: the gate rejects them quickly, which is all a loss check needs. */
    private static Path writeApks(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(12);
        for (int i = 0; i < n; i++) {
            byte[] junk = new byte[2048 + i];
            rnd.nextBytes(junk);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("fixture-" + i + ".apk")))) {
                zip.putNextEntry(new ZipEntry("AndroidManifest.xml"));
                zip.write(junk, 0, 256);
                zip.putNextEntry(new ZipEntry("classes.dex"));
                zip.write(junk);
                zip.closeEntry();
            }
        }
        return dir;
    }

    private static Path writePublicKey(Path work) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path pem = work.resolve("publicKey.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return pem;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String env(String name) {
        String v = System.getenv(name);
        assertTrue(v != null && !v.isBlank(), name + " not set: run against the test stack (./gate test, or source .gate/test/env)");
        return v;
    }
}
