package com.admissiongate.it;

import com.admissiongate.cli.DevKeysCommand;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** A key pair made for this test run (target/test-jwt), and tokens signed with it, as an OIDC provider would. */
public class JwtTestKeys implements QuarkusTestResourceLifecycleManager {

    static final Path DIR = Path.of("target/test-jwt");

    @Override
    public Map<String, String> start() {
        try {
            DevKeysCommand.ensureKeys(DIR);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("mp.jwt.verify.publickey.location", DIR.resolve("publicKey.pem").toAbsolutePath().toString());
    }

    @Override
    public void stop() {
    }

    static String token(String... roles) {
        try {
            PrivateKey key = DevKeysCommand.ensureKeys(DIR);
            return DevKeysCommand.token(key, "test-user", Set.of(roles), Duration.ofMinutes(30));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
