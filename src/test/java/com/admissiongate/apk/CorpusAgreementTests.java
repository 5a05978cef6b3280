package com.admissiongate.apk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opt-in agreement check against the corpus oracle (run with
 * {@code -Dtest=CorpusAgreementTests -Dgate.excludedGroups=none}; corpus at ../shared/corpus or
 * {@code -Dcorpus=...}). For every APK aapt could read: package, versionCode, versionName,
 * min/targetSdk (when aapt prints them), declared uses-permissions and component names must
 * match; tracked call-site counts must equal dexdump's sensitive_call_sites for every APK.
 */
@Tag("slow")
class CorpusAgreementTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void factsAgreeWithAaptAndDexdump() throws IOException {
        Path corpus = Path.of(System.getProperty("corpus", "/work/shared/corpus"));
        Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("apks")), "corpus not present");
        ApkAnalyzer analyzer = new ApkAnalyzer();
        List<String> mismatches = new ArrayList<>();
        int aaptReadable = 0;
        int dexChecked = 0;
        List<Path> apks;
        try (Stream<Path> s = Files.list(corpus.resolve("apks"))) {
            apks = s.sorted().toList();
        }
        for (Path apk : apks) {
            ApkReport r = analyzer.analyze(apk);
            JsonNode o = JSON.readTree(corpus.resolve("oracle").resolve(r.sha256().substring(0, 16) + ".json").toFile());
            JsonNode b = o.path("aapt_badging");
            ManifestFacts m = r.manifest();
            String file = apk.getFileName().toString();
            if (b.path("rc").asInt(-1) == 0) {
                aaptReadable++;
                check(mismatches, file, "package", m.packageName(), text(b, "package"));
                check(mismatches, file, "versionCode", str(m.versionCode()), text(b, "versionCode"));
                check(mismatches, file, "versionName", m.versionName(), text(b, "versionName"));
                check(mismatches, file, "minSdk", str(m.minSdk()), text(b, "minSdk"));
                check(mismatches, file, "targetSdk", str(m.targetSdk()), text(b, "targetSdk"));
                TreeSet<String> ours = new TreeSet<>();
                m.permissions().forEach(p -> ours.add(p.name()));
                TreeSet<String> theirs = new TreeSet<>();
                o.path("aapt_permissions").path("uses_permission").forEach(n -> theirs.add(n.asText()));
                check(mismatches, file, "permissions", ours, theirs);
                JsonNode comps = o.path("manifest").path("components");
                Map<String, List<ManifestFacts.Component>> byKind = Map.of("activity", m.activities(),
                        "activity-alias", m.activityAliases(), "service", m.services(), "receiver", m.receivers(),
                        "provider", m.providers());
                byKind.forEach((kind, list) -> {
                    TreeSet<String> a = new TreeSet<>();
                    list.forEach(c -> a.add(c.name() + "=" + c.exported()));
                    TreeSet<String> e = new TreeSet<>();
                    comps.path(kind).forEach(c -> e.add(c.path("name").asText() + "=" + c.path("exported").asBoolean()));
                    check(mismatches, file, kind, a, e);
                });
            }
            JsonNode dexdump = o.path("dexdump");
            if (dexdump.isObject() && !dexdump.has("error")) {
                dexChecked++;
                Map<String, Integer> expected = new TreeMap<>();
                dexdump.forEach(f -> f.path("sensitive_call_sites").fields()
                        .forEachRemaining(e -> expected.merge(e.getKey(), e.getValue().asInt(), Integer::sum)));
                Map<String, Integer> ours = new TreeMap<>();
                for (DexFacts.CallSite cs : r.dex().callSites()) {
                    String key = cs.callee().substring(0, cs.callee().indexOf('(')).replace("->", ".") + ":";
                    if (ORACLE_APIS.contains(key)) {
                        ours.merge(key, 1, Integer::sum);
                    }
                }
                check(mismatches, file, "sensitive_call_sites", ours, expected);
            }
        }
        System.out.printf("corpus: %d APKs, %d aapt-readable, %d with dexdump, %d mismatches%n", apks.size(),
                aaptReadable, dexChecked, mismatches.size());
        mismatches.forEach(System.out::println);
        assertThat(mismatches).isEmpty();
    }

    private static final java.util.Set<String> ORACLE_APIS = java.util.Set.of(
            "Landroid/telephony/TelephonyManager;.getDeviceId:", "Landroid/telephony/TelephonyManager;.getSubscriberId:",
            "Landroid/telephony/TelephonyManager;.getLine1Number:",
            "Landroid/telephony/TelephonyManager;.getSimSerialNumber:", "Landroid/telephony/TelephonyManager;.getImei:",
            "Landroid/content/pm/PackageManager;.getInstalledPackages:",
            "Landroid/content/pm/PackageManager;.getInstalledApplications:",
            "Landroid/telephony/SmsManager;.sendTextMessage:", "Landroid/location/LocationManager;.getLastKnownLocation:",
            "Landroid/webkit/WebView;.addJavascriptInterface:", "Ljava/lang/Runtime;.exec:",
            "Ldalvik/system/DexClassLoader;.<init>:", "Ljava/lang/Class;.forName:", "Ljava/lang/reflect/Method;.invoke:",
            "Ljavax/crypto/Cipher;.getInstance:", "Landroid/provider/Settings$Secure;.getString:");

    /** aapt omits minSdk/targetSdk/versionName when absent and prints versionCode=''; Android defaults them. */
    private static void check(List<String> out, String file, String field, Object ours, Object theirs) {
        if (theirs == null || "".equals(theirs)) {
            return;
        }
        if (!Objects.equals(ours, theirs)) {
            out.add(file + " " + field + ": ours=" + ours + " oracle=" + theirs);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
