import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;

/**
 * Runs zonky's embedded PostgreSQL on a fixed loopback port until SIGTERM, so scripts/infra-up.sh works on a
 * machine that has only a JDK and Maven. Usage: java -cp 'lib/*' EmbeddedPg.java PORT DATADIR READYFILE
 */
public class EmbeddedPg {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        Path ready = Path.of(args[2]);
        Files.createDirectories(data);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "200")
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE ROLE app LOGIN PASSWORD 'app'");
            st.execute("CREATE DATABASE app OWNER app");
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try { pg.close(); } catch (Exception ignored) { }
            stop.countDown();
        }));
        Files.writeString(ready, "ready\n");
        stop.await();
    }
}
