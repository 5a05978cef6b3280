package com.admissiongate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Not a unit test: evaluates the full cn-app-pi pack 10 000 times on a realistic facts document (a mid-size
 * app with 14 SDKs, 20 permissions, 300 tracked call sites, 3 000 strings) and prints p50/p99.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/classpath.txt)
 * com.admissiongate.policy.PolicyTimingHarness}
 */
public final class PolicyTimingHarness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyTimingHarness() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long t0 = System.nanoTime();
        RulePack pack = new RulePackLoader().loadFromClasspath("policies/cn-app-pi");
        System.out.printf("pack load (cold, %d rules): %.1f ms%n", pack.rules().size(), (System.nanoTime() - t0) / 1e6);

        Map<String, ?> facts = PolicyTestSupport.map(realisticFacts());
        Map<String, ?> submission = PolicyTestSupport.map(PolicyTestSupport.patched("submission",
                "{\"appType\":\"学习教育类\",\"audience\":{\"minAge\":12,\"maxAge\":null,\"minorsTargeted\":true},"
                        + "\"declaredSdks\":[\"JPush\",\"友盟\",\"sdk3\",\"sdk4\",\"sdk5\",\"sdk6\"],"
                        + "\"permissionPurposes\":{\"android.permission.CAMERA\":\"拍照搜题\"}}"));
        Map<String, ?> history = PolicyTestSupport.map(PolicyTestSupport.patched("history",
                "{\"lastAccepted\":{\"versionCode\":110,\"sha256\":\"00\",\"signerCertSha256\":"
                        + "[\"3b0f8a4c6e2d1f5a7b9c0d2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a0b2c4d6e8f0a\"],"
                        + "\"lineageCertSha256\":[],\"permissions\":[],\"sdks\":[],\"policyHash\":null}}"));
        Map<String, ?> catalog = PolicyTestSupport.map(realisticCatalog());
        PolicyEvaluator evaluator = new PolicyEvaluator();
        Instant now = Instant.parse("2025-03-01T00:00:00Z");

        PolicyInput input = PolicyInput.of(facts, submission, history, catalog);
        Evaluation sample = evaluator.evaluate(pack, input, now);
        System.out.println("decision " + sample.decision() + ", findings " + sample.findings().stream()
                .map(f -> f.ruleId() + ":" + f.outcome()).toList());

        measure("evaluate (pre-converted PolicyInput)", iterations, () -> evaluator.evaluate(pack, input, now));
        measure("evaluate (incl. Map -> CEL conversion)", iterations,
                () -> evaluator.evaluate(pack, facts, submission, history, catalog, now));
    }

    private static void measure(String label, int iterations, Runnable run) {
        for (int i = 0; i < Math.max(2_000, iterations / 5); i++) {
            run.run();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            run.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-42s n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n", label, iterations,
                nanos[iterations / 2] / 1e6, nanos[(int) (iterations * 0.99)] / 1e6, nanos[iterations - 1] / 1e6);
    }

    static JsonNode realisticFacts() {
        ObjectNode facts = (ObjectNode) PolicyTestSupport.base("facts");
        ObjectNode manifest = (ObjectNode) facts.get("manifest");
        ArrayNode perms = manifest.putArray("permissions");
        for (String p : new String[] {"INTERNET", "ACCESS_NETWORK_STATE", "ACCESS_WIFI_STATE", "CAMERA", "RECORD_AUDIO",
                "READ_PHONE_STATE", "ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION", "READ_EXTERNAL_STORAGE",
                "WRITE_EXTERNAL_STORAGE", "POST_NOTIFICATIONS", "RECEIVE_BOOT_COMPLETED", "WAKE_LOCK", "VIBRATE",
                "FOREGROUND_SERVICE", "REQUEST_INSTALL_PACKAGES", "SYSTEM_ALERT_WINDOW", "QUERY_ALL_PACKAGES",
                "CHANGE_WIFI_STATE", "BLUETOOTH"}) {
            perms.addObject().put("name", "android.permission." + p).putNull("maxSdk").put("sdk23", false);
        }
        for (String kind : new String[] {"activities", "services", "receivers"}) {
            ArrayNode list = manifest.putArray(kind);
            for (int i = 0; i < (kind.equals("activities") ? 40 : 12); i++) {
                ObjectNode c = list.addObject();
                c.put("name", "com.example.app." + kind + ".C" + i).put("exported", i % 5 == 0).putNull("exportedAttr")
                        .putNull("permission").put("enabled", true).putNull("foregroundServiceType");
                c.putArray("authorities");
                ObjectNode filter = c.putArray("intentFilters").addObject();
                filter.putArray("actions").add(i == 0 && kind.equals("receivers")
                        ? "android.intent.action.BOOT_COMPLETED" : "com.example.ACTION_" + i);
                filter.putArray("categories");
                filter.putArray("data");
            }
        }
        ArrayNode sdks = facts.putArray("sdks");
        String[][] known = {{"jpush", "push", "CN", "cn.jpush.android"}, {"umeng", "analytics", "CN", "com.umeng"},
            {"pangle", "ads", "CN", "com.bytedance.sdk.openadsdk"}, {"firebase", "analytics", "US", "com.google.firebase"}};
        for (int i = 0; i < 14; i++) {
            String[] k = i < known.length ? known[i] : new String[] {"sdk" + i, "analytics", "CN", "com.vendor" + i};
            ObjectNode s = sdks.addObject().put("id", k[0]).put("name", k[0]).put("category", k[1]).put("country", k[2])
                    .put("present", true).put("initialised", i % 2 == 0).put("classes", 200 + i)
                    .put("consentGateCalled", false);
            s.putArray("matchedBy").addObject().put("kind", "class-prefix").put("value", k[3]);
            s.putArray("initEvidence");
        }
        ObjectNode dex = (ObjectNode) facts.get("dex");
        ArrayNode calls = dex.putArray("callSites");
        ObjectNode counts = dex.putObject("callSiteCounts");
        String[] callees = {"Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;",
            "Landroid/net/wifi/WifiManager;->getScanResults()Ljava/util/List;",
            "Landroid/content/pm/PackageManager;->queryIntentActivities(Landroid/content/Intent;I)Ljava/util/List;",
            "Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;",
            "Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;",
            "Landroid/content/ClipboardManager;->getPrimaryClip()Landroid/content/ClipData;"};
        for (int i = 0; i < 300; i++) {
            calls.addObject().put("callee", callees[i % callees.length]).put("caller", "Lcom/vendor" + (i % 14) + "/a/B" + i
                    + ";->m" + i + "()V");
        }
        for (String c : callees) {
            counts.put(c, 50);
        }
        ArrayNode http = dex.putArray("httpUrls");
        for (int i = 0; i < 60; i++) {
            http.add(i % 3 == 0 ? "http://schemas.android.com/apk/res/android" : "https://api" + i + ".example.com/x");
        }
        ArrayNode pi = facts.putArray("piAccess");
        String[] types = {"device-identifier", "coarse-location", "app-list", "precise-location", "hardware-identifier",
            "clipboard", "camera", "microphone"};
        for (int i = 0; i < 24; i++) {
            ObjectNode a = pi.addObject().put("piType", types[i % types.length]).put("sensitive", false)
                    .put("via", i % 3 == 0 ? "permission" : "api").put("attributedTo", i % 2 == 0 ? "app" : known[i % 4][0]);
            a.putArray("evidence").addObject().put("caller", "Lcom/x/Y;->z()V").put("callee", callees[i % callees.length]);
        }
        ObjectNode strings = (ObjectNode) facts.get("resources").get("strings");
        for (String locale : new String[] {"default", "zh"}) {
            ObjectNode s = strings.putObject(locale);
            for (int i = 0; i < 1_500; i++) {
                s.put("string_" + i, locale.equals("zh") ? "这是第" + i + "条界面文字" : "UI text number " + i);
            }
        }
        return facts;
    }

    static JsonNode realisticCatalog() {
        ObjectNode catalog = (ObjectNode) PolicyTestSupport.base("catalog");
        ObjectNode types = (ObjectNode) catalog.get("appTypes");
        for (int i = 0; i < 33; i++) {
            ObjectNode t = types.putObject("类型" + i + "类").put("id", 100 + i).put("noPi", i % 3 == 0);
            t.putArray("necessaryPi").add("phone-registered");
            t.putArray("allowedPermissions");
        }
        ObjectNode permissions = (ObjectNode) catalog.get("permissions");
        for (int i = 0; i < 120; i++) {
            permissions.putObject("android.permission.EXTRA_" + i).put("piType", "other").put("sensitive", false)
                    .put("dangerous", false).putNull("group");
        }
        ObjectNode sdks = (ObjectNode) catalog.get("sdks");
        for (int i = 0; i < 200; i++) {
            sdks.putObject("sdk" + i).put("name", "SDK " + i).put("nameZh", "SDK" + i).put("vendor", "v")
                    .put("category", "analytics").put("country", "CN").put("ads", false).put("face", false);
        }
        return catalog;
    }
}
