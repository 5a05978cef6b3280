package com.admissiongate.report.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares one Facts document with the corpus oracle for the same APK (aapt, dexdump, apksigner, the oracle's
 * package-family SDK counts, and the DroidBench getDeviceId chain), adding one row per field to an
 * {@link AgreementTally}. Fields the oracle does not know (aapt failed, no dex, value absent) are not counted:
 * aapt omits minSdk/targetSdk/versionName when the manifest has none and prints versionCode='', while Android
 * applies defaults, so an absent oracle value says nothing about ours.
 */
public final class OracleComparator {

    public static final String PACKAGE = "package";
    public static final String VERSION_CODE = "versionCode";
    public static final String VERSION_NAME = "versionName";
    public static final String MIN_SDK = "minSdk";
    public static final String TARGET_SDK = "targetSdk";
    public static final String PERMISSIONS = "permissions";
    public static final String COMPONENTS_PREFIX = "components.";
    public static final String CALLS_PREFIX = "calls ";
    public static final String SIGNING_MIN_SDK = "signing verdict (manifest minSdk)";
    public static final String SIGNING_API24 = "signing verdict (API 24+)";
    public static final String SIGNER_CERT = "signer cert SHA-256";
    public static final String SDK_FAMILIES = "SDKs in oracle package families";
    public static final String DEVICE_ID_CHAIN = "DroidBench getDeviceId → piAccess";

    static final String GET_DEVICE_ID_KEY = "Landroid/telephony/TelephonyManager;.getDeviceId:";

    /** The 16 APIs whose invoke sites dexdump counted, in the oracle's key form {@code Lcls;.name:}. */
    public static final List<String> ORACLE_APIS = List.of(
            GET_DEVICE_ID_KEY, "Landroid/telephony/TelephonyManager;.getSubscriberId:",
            "Landroid/telephony/TelephonyManager;.getLine1Number:",
            "Landroid/telephony/TelephonyManager;.getSimSerialNumber:", "Landroid/telephony/TelephonyManager;.getImei:",
            "Landroid/content/pm/PackageManager;.getInstalledPackages:",
            "Landroid/content/pm/PackageManager;.getInstalledApplications:",
            "Landroid/telephony/SmsManager;.sendTextMessage:", "Landroid/location/LocationManager;.getLastKnownLocation:",
            "Landroid/webkit/WebView;.addJavascriptInterface:", "Ljava/lang/Runtime;.exec:",
            "Ldalvik/system/DexClassLoader;.<init>:", "Ljava/lang/Class;.forName:", "Ljava/lang/reflect/Method;.invoke:",
            "Ljavax/crypto/Cipher;.getInstance:", "Landroid/provider/Settings$Secure;.getString:");

    /** Oracle {@code sdks} names → the dotted package they count classes under. */
    public static final Map<String, String> ORACLE_SDK_PACKAGES = orderedMap(
            "gms-ads", "com.google.android.gms.ads", "firebase", "com.google.firebase",
            "gms", "com.google.android.gms", "support-lib", "android.support", "androidx", "androidx",
            "junit", "junit");

    private static final String[] COMPONENT_KINDS = {"activity", "activity-alias", "service", "receiver", "provider"};
    private static final String[] FACTS_COMPONENT_KEYS = {"activities", "activityAliases", "services", "receivers",
        "providers"};

    private final Map<String, Set<String>> catalogIdsByFamily;

    /**
     * @param catalogClassPrefixes catalog SDK id → its dotted class prefixes; decides which catalog SDKs fall in
     *                             each oracle package family
     */
    public OracleComparator(Map<String, List<String>> catalogClassPrefixes) {
        Map<String, Set<String>> byFamily = new LinkedHashMap<>();
        ORACLE_SDK_PACKAGES.keySet().forEach(family -> byFamily.put(family, new TreeSet<>()));
        // each prefix goes to the deepest family only: AdMob is gms-ads, not also gms
        catalogClassPrefixes.forEach((id, prefixes) -> {
            for (String p : prefixes) {
                String best = null;
                for (Map.Entry<String, String> f : ORACLE_SDK_PACKAGES.entrySet()) {
                    String pkg = f.getValue();
                    if ((p.equals(pkg) || p.startsWith(pkg + "."))
                            && (best == null || pkg.length() > ORACLE_SDK_PACKAGES.get(best).length())) {
                        best = f.getKey();
                    }
                }
                if (best != null) {
                    byFamily.get(best).add(id);
                }
            }
        });
        this.catalogIdsByFamily = byFamily;
    }

    public Map<String, Set<String>> catalogIdsByFamily() {
        return catalogIdsByFamily;
    }

    /** All comparisons for one APK; {@code droidBench} enables the getDeviceId → piAccess chain check. */
    public void compare(String apk, JsonNode facts, JsonNode oracle, boolean droidBench, AgreementTally tally) {
        compareManifest(apk, facts, oracle, tally);
        compareCallSites(apk, facts, oracle, tally);
        compareSigning(apk, facts, oracle, tally);
        compareSdks(apk, facts, oracle, tally);
        if (droidBench) {
            compareDeviceIdChain(apk, facts, oracle, tally);
        }
    }

    /** aapt dump badging / permissions / xmltree, only for APKs whose badging aapt could produce (rc 0). */
    public void compareManifest(String apk, JsonNode facts, JsonNode oracle, AgreementTally tally) {
        JsonNode b = oracle.path("aapt_badging");
        if (b.path("rc").asInt(-1) != 0) {
            return;
        }
        JsonNode m = facts.path("manifest");
        scalar(tally, apk, PACKAGE, text(m, "package"), text(b, "package"));
        scalar(tally, apk, VERSION_CODE, text(m, "versionCode"), text(b, "versionCode"));
        scalar(tally, apk, VERSION_NAME, text(m, "versionName"), text(b, "versionName"));
        scalar(tally, apk, MIN_SDK, text(m, "minSdk"), text(b, "minSdk"));
        scalar(tally, apk, TARGET_SDK, text(m, "targetSdk"), text(b, "targetSdk"));
        JsonNode theirPerms = oracle.path("aapt_permissions").path("uses_permission");
        if (theirPerms.isArray()) {
            setCompare(tally, apk, PERMISSIONS, names(m.path("permissions"), n -> n.path("name").asText()),
                    names(theirPerms, JsonNode::asText));
        }
        JsonNode comps = oracle.path("manifest").path("components");
        if (comps.isObject()) {
            for (int i = 0; i < COMPONENT_KINDS.length; i++) {
                String field = COMPONENTS_PREFIX + COMPONENT_KINDS[i];
                // name=exported: the effective exported flag is what the export rules judge
                Set<String> ours = names(m.path(FACTS_COMPONENT_KEYS[i]),
                        c -> c.path("name").asText() + "=" + c.path("exported").asBoolean());
                Set<String> theirs = names(comps.path(COMPONENT_KINDS[i]),
                        c -> c.path("name").asText() + "=" + c.path("exported").asBoolean());
                setCompare(tally, apk, field, ours, theirs);
            }
        }
    }

    /** dexdump's invoke-* counts per API, summed over the APK's dex files, against Facts callSiteCounts. */
    public void compareCallSites(String apk, JsonNode facts, JsonNode oracle, AgreementTally tally) {
        JsonNode dexdump = oracle.path("dexdump");
        if (!dexdump.isObject() || dexdump.isEmpty() || dexdump.has("error")) {
            return;
        }
        Map<String, Integer> expected = new TreeMap<>();
        dexdump.forEach(f -> f.path("sensitive_call_sites").fields()
                .forEachRemaining(e -> expected.merge(e.getKey(), e.getValue().asInt(), Integer::sum)));
        Map<String, Integer> ours = oracleKeyedCounts(facts.path("dex").path("callSiteCounts"));
        for (String api : ORACLE_APIS) {
            String field = CALLS_PREFIX + api.substring(0, api.length() - 1);
            tally.compare(field, apk, ours.getOrDefault(api, 0), expected.getOrDefault(api, 0),
                    KnownDifferences.explain(apk, field));
        }
    }

    /** Facts callSiteCounts (full smali callee → n) regrouped into the oracle's {@code Lcls;.name:} keys. */
    static Map<String, Integer> oracleKeyedCounts(JsonNode callSiteCounts) {
        Map<String, Integer> out = new TreeMap<>();
        callSiteCounts.fields().forEachRemaining(e -> {
            String callee = e.getKey();
            int paren = callee.indexOf('(');
            if (paren > 0 && callee.contains("->")) {
                out.merge(callee.substring(0, paren).replace("->", ".") + ":", e.getValue().asInt(), Integer::sum);
            }
        });
        return out;
    }

    /**
     * apksigner as-is (manifest minSdk), its --min-sdk-version 24 re-run and, where the JDK lacked RSA-PSS, the
     * BouncyCastle re-runs, against Facts signing.verified / verifiedApi24 and the primary signers' certificates.
     */
    public void compareSigning(String apk, JsonNode facts, JsonNode oracle, AgreementTally tally) {
        JsonNode o = oracle.path("apksigner");
        if (!o.isObject()) {
            return;
        }
        boolean bc = o.has("with_bouncycastle");
        JsonNode minSdk = bc ? o.path("with_bouncycastle") : o;
        JsonNode api24 = bc ? o.path("with_bouncycastle_min_sdk_24") : o.path("min_sdk_24");
        boolean oracleVerified = minSdk.path("verified").asBoolean(false);
        boolean oracleApi24 = oracleVerified || api24.path("verified").asBoolean(false);
        JsonNode certSource = oracleVerified ? minSdk : oracleApi24 ? api24 : null;
        Set<String> oracleCerts = new TreeSet<>();
        if (certSource != null) {
            certSource.path("cert_sha256").forEach(c -> oracleCerts.add(c.path("sha256").asText()));
        }
        JsonNode s = facts.path("signing");
        boolean verified = s.path("verified").asBoolean(false);
        boolean verifiedApi24 = s.path("verifiedApi24").asBoolean(false);
        Set<String> certs = new TreeSet<>();
        if (verifiedApi24) {
            s.path("signers").forEach(signer -> {
                if (signer.path("primary").asBoolean(false)) {
                    certs.add(signer.path("certSha256").asText());
                }
            });
        }
        String ourNote = signingNote(s);
        String oracleNote = bc ? " (BouncyCastle re-run)" : "";
        tally.record(SIGNING_MIN_SDK, apk, verified == oracleVerified, verified + ourNote,
                oracleVerified + oracleNote, KnownDifferences.explain(apk, SIGNING_MIN_SDK));
        tally.record(SIGNING_API24, apk, verifiedApi24 == oracleApi24, verifiedApi24 + ourNote,
                oracleApi24 + oracleNote, KnownDifferences.explain(apk, SIGNING_API24));
        tally.compare(SIGNER_CERT, apk, certs, oracleCerts, KnownDifferences.explain(apk, SIGNER_CERT));
    }

    private static String signingNote(JsonNode s) {
        if (s.isMissingNode() || s.isNull()) {
            return " (no signing section)";
        }
        if (s.hasNonNull("exception")) {
            return " (" + s.path("exception").asText() + ")";
        }
        JsonNode e = s.path("errors");
        return e.isArray() && !e.isEmpty() ? " (" + e.get(0).path("code").asText() + ")" : "";
    }

    /**
     * The oracle counts classes under six package families; only families the catalog has SDK entries for can be
     * compared (support library, androidx and junit are libraries, not PI-collecting SDKs, and are not in the
     * catalog). Per APK: the families in which Facts reports a present SDK vs the families the oracle saw classes in.
     * Present SDKs outside those families are noted, not counted: the oracle does not look for them.
     */
    public void compareSdks(String apk, JsonNode facts, JsonNode oracle, AgreementTally tally) {
        JsonNode theirs = oracle.path("sdks");
        Map<String, JsonNode> present = new TreeMap<>();
        Map<String, JsonNode> all = new TreeMap<>();
        facts.path("sdks").forEach(f -> {
            all.put(f.path("id").asText(), f);
            if (f.path("present").asBoolean(false)) {
                present.put(f.path("id").asText(), f);
            }
        });
        Set<String> ourFamilies = new TreeSet<>();
        Set<String> oracleFamilies = new TreeSet<>();
        List<String> why = new ArrayList<>();
        catalogIdsByFamily.forEach((family, ids) -> {
            if (ids.isEmpty()) {
                return;
            }
            boolean ours = ids.stream().anyMatch(present::containsKey);
            int oracleClasses = theirs.path(family).asInt(0);
            if (ours) {
                ourFamilies.add(family);
            }
            if (oracleClasses > 0) {
                oracleFamilies.add(family);
            }
            if (ours != oracleClasses > 0) {
                why.add(explainFamily(family, oracleClasses, ids, all));
            }
        });
        Set<String> inFamilies = new TreeSet<>();
        catalogIdsByFamily.values().forEach(inFamilies::addAll);
        present.keySet().stream().filter(id -> !inFamilies.contains(id)).forEach(id -> tally.note(SDK_FAMILIES, apk,
                id + " (" + present.get(id).path("classes").asInt() + " classes)", "-",
                "catalog SDK outside the oracle's six package families; the oracle does not look for it"));
        if (ourFamilies.isEmpty() && oracleFamilies.isEmpty()) {
            tally.record(SDK_FAMILIES, apk, true, "[]", "[]", null);
            return;
        }
        tally.record(SDK_FAMILIES, apk, ourFamilies.equals(oracleFamilies),
                ourFamilies + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")"),
                oracleFamilies + " " + theirs, KnownDifferences.explain(apk, SDK_FAMILIES));
    }

    /** What Facts say about a family the two sides disagree on, for the disagreement row. */
    private static String explainFamily(String family, int oracleClasses, Set<String> ids, Map<String, JsonNode> all) {
        List<String> attributed = new ArrayList<>();
        for (String id : ids) {
            JsonNode f = all.get(id);
            if (f != null) {
                attributed.add(id + " classes=" + f.path("classes").asInt() + " present=" + f.path("present").asBoolean());
            }
        }
        return family + ": oracle " + oracleClasses + " classes under " + ORACLE_SDK_PACKAGES.get(family)
                + ", Facts " + (attributed.isEmpty() ? "no finding for " + ids : attributed);
    }

    /**
     * DroidBench: every APK that calls TelephonyManager.getDeviceId must have as many call sites as dexdump counts
     * and every one of them, with its exact caller method, in a {@code piAccess} device-identifier entry via api.
     */
    public void compareDeviceIdChain(String apk, JsonNode facts, JsonNode oracle, AgreementTally tally) {
        int oracleCount = oracle.path("dex_totals").path("sensitive_call_sites").path(GET_DEVICE_ID_KEY).asInt(0);
        int ourCount = oracleKeyedCounts(facts.path("dex").path("callSiteCounts")).getOrDefault(GET_DEVICE_ID_KEY, 0);
        if (oracleCount == 0 && ourCount == 0) {
            return;
        }
        Set<String> evidence = new TreeSet<>();
        facts.path("piAccess").forEach(a -> {
            if ("device-identifier".equals(a.path("piType").asText()) && "api".equals(a.path("via").asText())) {
                a.path("evidence").forEach(e -> evidence.add(e.path("caller").asText() + " " + e.path("callee").asText()));
            }
        });
        List<String> missing = new ArrayList<>();
        Set<String> callers = new TreeSet<>();
        facts.path("dex").path("callSites").forEach(c -> {
            String callee = c.path("callee").asText();
            if (callee.startsWith("Landroid/telephony/TelephonyManager;->getDeviceId(")) {
                callers.add(c.path("caller").asText());
                if (!evidence.contains(c.path("caller").asText() + " " + callee)) {
                    missing.add(c.path("caller").asText());
                }
            }
        });
        boolean agree = ourCount == oracleCount && missing.isEmpty() && !callers.isEmpty();
        String ours = ourCount + " call site(s) in " + callers + (missing.isEmpty() ? ", all in piAccess"
                : ", missing from piAccess: " + missing);
        tally.record(DEVICE_ID_CHAIN, apk, agree, ours, oracleCount + " call site(s)",
                KnownDifferences.explain(apk, DEVICE_ID_CHAIN));
    }

    private static void scalar(AgreementTally tally, String apk, String field, String ours, String oracle) {
        if (oracle == null || oracle.isEmpty()) {
            return;
        }
        tally.compare(field, apk, ours, oracle, KnownDifferences.explain(apk, field));
    }

    private static void setCompare(AgreementTally tally, String apk, String field, Set<String> ours, Set<String> theirs) {
        if (ours.equals(theirs)) {
            tally.record(field, apk, true, "", "", null);
            return;
        }
        Set<String> onlyOurs = new TreeSet<>(ours);
        onlyOurs.removeAll(theirs);
        Set<String> onlyTheirs = new TreeSet<>(theirs);
        onlyTheirs.removeAll(ours);
        tally.record(field, apk, false, "only ours " + onlyOurs, "only oracle " + onlyTheirs,
                KnownDifferences.explain(apk, field));
    }

    private static Set<String> names(JsonNode array, Function<JsonNode, String> key) {
        Set<String> out = new TreeSet<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(key.apply(n)));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
