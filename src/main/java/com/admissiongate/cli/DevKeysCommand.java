package com.admissiongate.cli;

import io.smallrye.jwt.build.Jwt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * ./gate up's local login: a fresh RSA key pair per stack (never committed) and one bearer token per role.
 * Production verifies tokens of the store's OIDC provider instead (GATE_JWT_PUBLIC_KEY / issuer).
 */
@Command(name = "dev-keys", mixinStandardHelpOptions = true,
        description = "Generate a local JWT key pair (if missing) and print a dev token per role")
public class DevKeysCommand implements Callable<Integer> {

    public static final String ISSUER = "https://admission-gate.local";

    @Option(names = "--dir", required = true, description = "where publicKey.pem and privateKey.pem live")
    Path dir;

    @Option(names = "--hours", defaultValue = "12", description = "token lifetime (default ${DEFAULT-VALUE} h)")
    int hours;

    @Override
    public Integer call() throws Exception {
        PrivateKey key = ensureKeys(dir);
        for (String role : List.of("viewer", "reviewer", "admin")) {
            System.out.println(role + "=" + token(key, "dev-" + role, Set.of(role), Duration.ofHours(hours)));
        }
        return 0;
    }

    public static String token(PrivateKey key, String user, Set<String> groups, Duration ttl) {
        return Jwt.issuer(ISSUER).upn(user).subject(user).groups(groups).expiresIn(ttl).sign(key);
    }

    /** Creates the pair on first use; returns the private key. */
    public static PrivateKey ensureKeys(Path dir) throws Exception {
        Path pub = dir.resolve("publicKey.pem");
        Path priv = dir.resolve("privateKey.pem");
        if (!Files.exists(priv) || !Files.exists(pub)) {
            Files.createDirectories(dir);
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
        String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
