package com.admissiongate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.DexBackedMethod;
import org.jf.dexlib2.iface.MethodImplementation;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.reference.Reference;
import org.jf.dexlib2.iface.reference.StringReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opt-in accuracy check over the shared corpus (run with {@code -Dgate.excludedGroups= -Dtest=CorpusSdkCheckTest}).
 * Classes and call sites come from dexlib2 here, in the test only, until the project's own extractor exists.
 * Compares the catalog with εxodus's own method (its code_signature regexes searched in smali class names)
 * and checks the getDeviceId → piAccess chain against the dexdump oracle. Writes
 * {@code target/corpus-sdk-check.md}.
 */
@Tag("slow")
class CorpusSdkCheckTest {

    static final Path CORPUS = Path.of("/work/shared/corpus");
    static final Path EXODUS = Path.of("/work/shared/data/exodus-trackers.json");
    static final String GET_DEVICE_ID = "Landroid/telephony/TelephonyManager;->getDeviceId(";
    static final ObjectMapper MAPPER = new ObjectMapper();

    record Extracted(List<String> classes, List<String> nativeLibs, List<String> assets, List<CallSite> callSites) {
    }

    @Test
    void catalogAgreesWithExodusRegexesAndDeviceIdChainMatchesOracle() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS.resolve("apks")) && Files.exists(EXODUS), "corpus not available");
        Catalogs catalogs = CatalogLoader.fromClasspath();
        SdkDetector detector = new SdkDetector(catalogs.sdks());
        PiAccessDeriver deriver = new PiAccessDeriver(catalogs);
        Map<Integer, Pattern> exodus = exodusPatterns();
        Map<String, JsonNode> oracle = oracleByFile();
        Tracked tracked = new Tracked(catalogs);

        int apks = 0;
        int unreadable = 0;
        int withDex = 0;
        long classesTotal = 0;
        long extractNanos = 0;
        long detectNanos = 0;
        Map<String, Integer> exodusHits = new TreeMap<>();
        Map<String, Integer> catalogHits = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        int deviceIdApks = 0;
        List<String> deviceIdMismatch = new ArrayList<>();
        StringBuilder perApk = new StringBuilder();

        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS.resolve("apks"))) {
            files = s.filter(p -> p.toString().endsWith(".apk")).sorted().toList();
        }
        for (Path apk : files) {
            apks++;
            long t0 = System.nanoTime();
            Extracted ex;
            try {
                ex = extract(apk, tracked);
            } catch (IOException | RuntimeException e) {
                unreadable++;
                continue;
            }
            long t1 = System.nanoTime();
            extractNanos += t1 - t0;
            if (ex.classes().isEmpty()) {
                continue;
            }
            withDex++;
            classesTotal += ex.classes().size();
            List<SdkFinding> found = detector.detect(new SdkInputs(ex.classes(), List.of(), ex.nativeLibs(), ex.assets(),
                    ex.callSites()));
            List<PiAccess> access = deriver.derive(List.of(), ex.callSites(), found);
            detectNanos += System.nanoTime() - t1;

            Set<Integer> byRegex = new TreeSet<>();
            for (Map.Entry<Integer, Pattern> p : exodus.entrySet()) {
                for (String c : ex.classes()) {
                    if (p.getValue().matcher(c).find()) {
                        byRegex.add(p.getKey());
                        break;
                    }
                }
            }
            Set<Integer> byCatalog = new TreeSet<>();
            for (SdkFinding f : found) {
                if (f.present()) {
                    catalogHits.merge(f.id(), 1, Integer::sum);
                    catalogs.sdks().byId(f.id()).map(SdkEntry::exodusId).ifPresent(byCatalog::add);
                }
            }
            byRegex.forEach(id -> exodusHits.merge(exodusName(catalogs, id), 1, Integer::sum));
            String name = apk.getFileName().toString();
            for (Integer id : byRegex) {
                if (!byCatalog.contains(id)) {
                    String why = explainMissing(catalogs, exodus.get(id), id, ex.classes(), found);
                    differences.add(name + "\texodus-only\t" + exodusName(catalogs, id) + "\t" + why);
                    if (why.startsWith("UNEXPLAINED")) {
                        unexplained.add(name + " " + id);
                    }
                }
            }
            for (SdkFinding f : found) {
                Integer id = catalogs.sdks().byId(f.id()).map(SdkEntry::exodusId).orElse(null);
                if (f.present() && (id == null || !byRegex.contains(id))) {
                    String why = id == null ? "not an εxodus tracker (curated/LibChecker entry)"
                            : "UNEXPLAINED catalog-only εxodus tracker";
                    differences.add(name + "\tcatalog-only\t" + f.id() + " (" + f.classes() + " classes, "
                            + f.matchedBy() + ")\t" + why);
                    if (why.startsWith("UNEXPLAINED")) {
                        unexplained.add(name + " " + f.id());
                    }
                }
            }
            if (!byRegex.isEmpty() || found.stream().anyMatch(SdkFinding::present)) {
                perApk.append("| ").append(name).append(" | ")
                        .append(byRegex.stream().map(i -> exodusName(catalogs, i)).collect(Collectors.joining(", ")))
                        .append(" | ").append(found.stream().filter(SdkFinding::present)
                                .map(f -> f.id() + " (" + f.classes() + ")").collect(Collectors.joining(", ")))
                        .append(" | ").append(sdkOracle(oracle.get(name))).append(" |\n");
            }

            List<CallSite> deviceIdCalls = ex.callSites().stream().filter(c -> c.callee().startsWith(GET_DEVICE_ID))
                    .toList();
            int oracleCount = oracleDeviceIdSites(oracle.get(name));
            if (oracleCount > 0 || !deviceIdCalls.isEmpty()) {
                deviceIdApks++;
                Set<PiEvidence> evidence = access.stream()
                        .filter(a -> a.piType().equals("device-identifier") && a.via().equals("api"))
                        .flatMap(a -> a.evidence().stream()).collect(Collectors.toSet());
                boolean allCallersThere = deviceIdCalls.stream().allMatch(c -> evidence.contains(PiEvidence.call(c)));
                if (deviceIdCalls.size() != oracleCount || !allCallersThere) {
                    deviceIdMismatch.add(name + " oracle=" + oracleCount + " dexlib2=" + deviceIdCalls.size()
                            + " inPiAccess=" + allCallersThere);
                }
            }
        }

        StringBuilder md = new StringBuilder();
        md.append("# Corpus SDK check\n\n");
        md.append("APKs: ").append(apks).append(", unreadable by java.util.zip/dexlib2: ").append(unreadable)
                .append(", with classes: ").append(withDex).append(", classes: ").append(classesTotal).append("\n\n");
        md.append("dexlib2 extraction ").append(extractNanos / 1_000_000).append(" ms; SDK+packer-free detection and ")
                .append("piAccess derivation ").append(detectNanos / 1_000_000).append(" ms (")
                .append(String.format("%.1f", 100.0 * detectNanos / Math.max(1, extractNanos))).append(" %)\n\n");
        md.append("εxodus regex hits (APKs per tracker): ").append(exodusHits).append("\n\n");
        md.append("Catalog hits (APKs per SDK): ").append(catalogHits).append("\n\n");
        md.append("getDeviceId APKs: ").append(deviceIdApks).append(", mismatches: ").append(deviceIdMismatch).append("\n\n");
        md.append("## Differences\n\n```\n").append(String.join("\n", differences)).append("\n```\n\n");
        md.append("## APKs with trackers or SDKs\n\n| APK | εxodus regex | catalog (classes) | oracle sdks |\n|---|---|---|---|\n")
                .append(perApk);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/corpus-sdk-check.md"), md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);

        assertThat(unexplained).isEmpty();
        assertThat(deviceIdMismatch).isEmpty();
        assertThat(deviceIdApks).isGreaterThanOrEqualTo(97);
    }

    /** Why εxodus's regex finds a tracker the catalog does not report as present. */
    static String explainMissing(Catalogs catalogs, Pattern regex, int exodusId, List<String> classes,
            List<SdkFinding> found) {
        SdkEntry sdk = catalogs.sdks().entries().stream().filter(e -> Integer.valueOf(exodusId).equals(e.exodusId()))
                .findFirst().orElseThrow();
        List<String> hits = classes.stream().filter(c -> regex.matcher(c).find()).toList();
        long covered = hits.stream().filter(c -> catalogs.sdks().covers(sdk, c)).count();
        String sample = hits.get(0);
        if (covered == 0 && sdk.sources().contains("regulations")) {
            return "curated prefixes " + sdk.fingerprints().classPrefixes() + " replace εxodus '"
                    + sdk.exodusCodeSignature() + "' (e.g. " + sample + ")";
        }
        if (covered == 0) {
            return "regex matches across a segment boundary or mid-name, prefixes match whole segments (e.g. "
                    + sample + ", " + hits.size() + " classes)";
        }
        boolean listed = found.stream().anyMatch(f -> f.id().equals(sdk.id()));
        if (covered > 0 && !listed || covered < 5) {
            return "below the class threshold: " + covered + " class(es) under a short prefix (e.g. " + sample + ")";
        }
        return "UNEXPLAINED (" + covered + " covered classes, e.g. " + sample + ")";
    }

    static String exodusName(Catalogs catalogs, int id) {
        return catalogs.sdks().entries().stream().filter(e -> Integer.valueOf(id).equals(e.exodusId()))
                .map(SdkEntry::id).findFirst().orElse("exodus-" + id);
    }

    static Map<Integer, Pattern> exodusPatterns() throws IOException {
        Map<Integer, Pattern> out = new TreeMap<>();
        JsonNode trackers = MAPPER.readTree(EXODUS.toFile()).get("trackers");
        trackers.forEach(t -> {
            String sig = t.path("code_signature").asText("");
            if (sig.length() > 3) { // εxodus and MobSF skip signatures of 3 characters or fewer
                out.put(t.get("id").asInt(), Pattern.compile(sig));
            }
        });
        return out;
    }

    static Map<String, JsonNode> oracleByFile() throws IOException {
        Map<String, JsonNode> out = new HashMap<>();
        try (Stream<Path> s = Files.list(CORPUS.resolve("oracle"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".json")).toList()) {
                JsonNode n = MAPPER.readTree(p.toFile());
                if (n.has("file")) {
                    out.put(n.get("file").asText(), n);
                }
            }
        }
        return out;
    }

    static int oracleDeviceIdSites(JsonNode oracle) {
        if (oracle == null) {
            return 0;
        }
        return oracle.path("dex_totals").path("sensitive_call_sites")
                .path("Landroid/telephony/TelephonyManager;.getDeviceId:").asInt(0);
    }

    static String sdkOracle(JsonNode oracle) {
        return oracle == null ? "" : oracle.path("sdks").toString();
    }

    /** Which references to keep as call sites: the catalogs' tracked prefixes and content URIs. */
    static final class Tracked {
        final Map<String, List<String>> memberPrefixesByClass = new HashMap<>();
        final List<String> classPrefixes = new ArrayList<>();
        final Set<String> uris;

        Tracked(Catalogs catalogs) {
            for (String p : catalogs.trackedCalleePrefixes()) {
                int arrow = p.indexOf("->");
                if (arrow < 0) {
                    classPrefixes.add(p);
                } else {
                    memberPrefixesByClass.computeIfAbsent(p.substring(0, arrow), k -> new ArrayList<>()).add(p);
                }
            }
            uris = catalogs.trackedContentUris();
        }

        boolean keep(String definingClass, String ref) {
            for (String p : memberPrefixesByClass.getOrDefault(definingClass, List.of())) {
                if (ref.startsWith(p)) {
                    return true;
                }
            }
            for (String p : classPrefixes) {
                if (definingClass.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        boolean keepUri(String s) {
            for (String u : uris) {
                if (s.startsWith(u)) {
                    return true;
                }
            }
            return false;
        }
    }

    static Extracted extract(Path apk, Tracked tracked) throws IOException {
        List<String> classes = new ArrayList<>();
        List<String> libs = new ArrayList<>();
        List<String> assets = new ArrayList<>();
        Set<CallSite> calls = new LinkedHashSet<>();
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String n = e.getName();
                if (n.startsWith("lib/") && n.endsWith(".so")) {
                    libs.add(n);
                } else if (n.startsWith("assets/")) {
                    assets.add(n);
                } else if (n.matches("classes\\d*\\.dex")) {
                    byte[] bytes;
                    try (InputStream in = zip.getInputStream(e)) {
                        bytes = in.readAllBytes();
                    }
                    DexBackedDexFile dex = new DexBackedDexFile(Opcodes.getDefault(), bytes);
                    for (DexBackedClassDef c : dex.getClasses()) {
                        classes.add(c.getType());
                        for (DexBackedMethod m : c.getMethods()) {
                            MethodImplementation impl = m.getImplementation();
                            if (impl == null) {
                                continue;
                            }
                            String caller = null;
                            for (Instruction insn : impl.getInstructions()) {
                                if (!(insn instanceof ReferenceInstruction ri)) {
                                    continue;
                                }
                                String callee = callee(ri.getReference(), tracked);
                                if (callee != null) {
                                    if (caller == null) {
                                        caller = c.getType() + "->" + m.getName() + "("
                                                + String.join("", m.getParameterTypes()) + ")" + m.getReturnType();
                                    }
                                    calls.add(new CallSite(caller, callee));
                                }
                            }
                        }
                    }
                }
            }
        }
        // Deduplicated per (caller, callee); the oracle counts invoke instructions, so two calls of the
        // same API in one method would show up as a count mismatch (none in this corpus).
        return new Extracted(classes, libs, assets, new ArrayList<>(calls));
    }

    private static String callee(Reference ref, Tracked tracked) {
        if (ref instanceof MethodReference mr) {
            String s = mr.getDefiningClass() + "->" + mr.getName() + "(" + String.join("", mr.getParameterTypes()) + ")"
                    + mr.getReturnType();
            return tracked.keep(mr.getDefiningClass(), s) ? s : null;
        }
        if (ref instanceof FieldReference fr) {
            String s = fr.getDefiningClass() + "->" + fr.getName() + ":" + fr.getType();
            return tracked.keep(fr.getDefiningClass(), s) ? s : null;
        }
        if (ref instanceof StringReference sr) {
            return tracked.keepUri(sr.getString()) ? sr.getString() : null;
        }
        return null;
    }
}
