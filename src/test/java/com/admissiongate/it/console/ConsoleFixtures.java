package com.admissiongate.it.console;

import com.admissiongate.cli.DevKeysCommand;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Tokens signed with the test run's key (it.JwtTestKeys) and verdict rows written straight into the test Postgres. */
final class ConsoleFixtures {

    static final Path KEYS = Path.of("target/test-jwt");
    static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    private ConsoleFixtures() {
    }

    static String token(String user, String... roles) {
        try {
            return DevKeysCommand.token(DevKeysCommand.ensureKeys(KEYS), user, Set.of(roles), Duration.ofMinutes(30));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(env("PG_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/app"),
                env("PG_USER", "app"), env("PG_PASSWORD", "app"));
    }

    /**
     * A RECTIFY verdict (revision 1) of {@code pkg} with one RECTIFY finding (call-chain evidence) and one WARN finding
     * (manifest evidence); the submitted app name is the XSS payload.
     */
    static String rectifyVerdict(String pkg, String developer) throws SQLException {
        String id = "con-" + UUID.randomUUID();
        String findings = """
                [{"ruleId":"SDK-04-DEVICE-IDS","outcome":"RECTIFY","severity":"high","rectifyDays":15,
                  "title":{"zh":"SDK读取设备标识","en":"SDK reads device identifiers"},
                  "basis":[{"instrument":"工信部信管函〔2019〕337号","clause":"problem 1"}],
                  "message":{"zh":"SDK在同意前读取设备标识","en":"SDK reads device ids before consent"},
                  "evidence":["Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String; ← Lcom/sdk/Tracker;->init(Landroid/content/Context;)V"],
                  "fix":{"zh":"同意后再初始化","en":"Initialise after consent"}},
                 {"ruleId":"MIIT337-3-UNDISCLOSED-SHARING","outcome":"RECTIFY","severity":"high","rectifyDays":15,
                  "title":{"zh":"未声明的SDK获取个人信息","en":"Undeclared SDK accesses personal information"},
                  "basis":[{"instrument":"个人信息保护法","clause":"Art. 23"}],
                  "message":{"zh":"未声明","en":"not declared"},"evidence":["com.sdk.tracker → IMEI/OAID"],
                  "fix":{"zh":"声明","en":"Declare"}},
                 {"ruleId":"BG-01-SELF-START","outcome":"WARN","severity":"medium",
                  "title":{"zh":"自启动","en":"Self-start"},"basis":[],
                  "message":{"zh":"开机自启动","en":"Starts on boot"},
                  "evidence":["uses-permission android.permission.RECEIVE_BOOT_COMPLETED"],
                  "fix":{"zh":"删除","en":"Remove"}}]""";
        String submission = "{\"appName\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(XSS)
                + ",\"developer\":{\"id\":\"" + developer + "\",\"name\":\"Dev\"}}";
        LocalDate due = LocalDate.now().plusDays(15);
        try (Connection c = db()) {
            try (PreparedStatement s = c.prepareStatement("insert into verdict (upload_id, package_name, version_code,"
                    + " sha256, developer_id, app_type, minors_targeted, decision, rectify_by, reason, rule_pack_version,"
                    + " analyzer_version, findings, submission, decided_at) values (?, ?, 7, ?, ?, '实用工具类', true,"
                    + " 'RECTIFY', ?, 'UPLOAD', 'cn-app-pi@1.0.0', 'apk-test', cast(? as jsonb), cast(? as jsonb), now())")) {
                s.setString(1, id);
                s.setString(2, pkg);
                s.setString(3, "0".repeat(64));
                s.setString(4, developer);
                s.setObject(5, due);
                s.setString(6, findings);
                s.setString(7, submission);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into verdict_revision (upload_id, revision, decision,"
                    + " rectify_by, reason, rule_pack_version, findings, decided_at) select upload_id, 1, decision,"
                    + " rectify_by, reason, rule_pack_version, findings, decided_at from verdict where upload_id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
        return id;
    }

    /** The store's listing of {@code pkg}: the binary with {@code sha256} is LISTED. */
    static void listed(String pkg, String sha256) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("insert into listing (package_name,"
                + " version_code, sha256, state, at, event_id, updated_at) values (?, 7, ?, 'LISTED', now(), ?, now())"
                + " on conflict (package_name) do update set sha256 = excluded.sha256, state = 'LISTED'")) {
            s.setString(1, pkg);
            s.setString(2, sha256);
            s.setString(3, "console-" + UUID.randomUUID());
            s.executeUpdate();
        }
    }

    /** Runs one statement with string parameters; returns the updated row count. */
    static int update(String sql, String... args) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    /**
     * Re-review runs that other test classes started under a moved clock (years ahead) would fill the minors' page's
     * "latest runs" list ahead of this test's run; they are moved back to a year ago (no real run starts in the future).
     */
    static void backdateFutureRuns() throws SQLException {
        update("update re_review_run set started_at = now() - interval '365 days' where started_at > now() + interval '1 day'");
    }

    /** The first column of the first row, as text (null when there is no row). */
    static String scalar(String sql, String... args) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            var rs = s.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String decisionOf(String uploadId) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "select decision || ':' || revision from verdict where upload_id = ?")) {
            s.setString(1, uploadId);
            var rs = s.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * A zip of the bundled pack (src/main/resources/policies/cn-app-pi) as version {@code semver} without rule
     * {@code dropRule}: verdicts that had that rule's finding would change under it.
     */
    static byte[] packZip(String semver, String dropRule) throws Exception {
        Path dir = Path.of("src/main/resources/policies/cn-app-pi");
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(bos); var files = java.nio.file.Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals(dropRule + ".yaml")) {
                    continue;
                }
                String text = java.nio.file.Files.readString(p);
                if (name.equals("pack.yaml")) {
                    text = text.replaceFirst("(?m)^version: .*$", "version: " + semver)
                            .replace("  - " + dropRule + ".yaml\n", "");
                }
                z.putNextEntry(new java.util.zip.ZipEntry(name));
                z.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    static String env(String k, String d) {
        String v = System.getenv(k);
        return v == null || v.isBlank() ? d : v;
    }
}
