package com.admissiongate.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A rule pack as operators upload it: a zip of {@code pack.yaml} and the rule files, optionally inside one top
 * directory, with optional samples under {@code samples/} (the layout of {@link SampleSuiteRunner}).
 *
 * <p>The zip is hostile until proven otherwise: its size, entry count and the bytes actually inflated (not the sizes
 * the headers claim) are capped, every name must be a plain relative path of safe segments, nothing but YAML and
 * JSON files is accepted, and nothing is written to disk except samples into a private temp directory that is
 * deleted after the run. Any violation refuses the whole archive with a stable {@link Refused#code()}.
 */
public final class RulePackArchive {

    /** Caps applied while reading; see gate.ops.pack-* for the defaults. */
    public record Limits(long maxZipSize, long maxUncompressed, int maxEntries) {
    }

    /** The archive is refused; {@code code} is stable (PACK_TOO_LARGE, PACK_NOT_ZIP, PACK_UNSAFE_PATH, ...). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refused(String code, String detail) {
            super(detail);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_DEPTH = 4;
    static final String SAMPLES = "samples/";

    private final Map<String, byte[]> packFiles;
    private final Map<String, byte[]> sampleFiles;

    private RulePackArchive(Map<String, byte[]> packFiles, Map<String, byte[]> sampleFiles) {
        this.packFiles = packFiles;
        this.sampleFiles = sampleFiles;
    }

    public static RulePackArchive read(byte[] zip, Limits limits) throws Refused {
        if (zip == null || zip.length == 0) {
            throw new Refused("PACK_NOT_ZIP", "the body is empty; send the pack as a zip");
        }
        if (zip.length > limits.maxZipSize()) {
            throw new Refused("PACK_TOO_LARGE", "the zip is larger than " + limits.maxZipSize() + " bytes");
        }
        Map<String, byte[]> all = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new Refused("PACK_TOO_MANY_ENTRIES", "more than " + limits.maxEntries() + " entries");
                }
                String name = e.getName();
                if (e.isDirectory()) {
                    checkName(name.substring(0, Math.max(0, name.length() - 1)));
                    continue;
                }
                checkName(name);
                byte[] bytes = readCapped(in, limits.maxUncompressed() - total);
                total += bytes.length;
                if (all.put(name, bytes) != null) {
                    throw new Refused("PACK_DUPLICATE_ENTRY", "entry " + name + " appears twice");
                }
            }
        } catch (ZipException e) {
            throw new Refused("PACK_NOT_ZIP", "not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            throw new Refused("PACK_NOT_ZIP", "not a readable zip");
        }
        if (all.isEmpty()) {
            throw new Refused("PACK_NOT_ZIP", "the zip holds no files");
        }
        return split(stripTopDirectory(all));
    }

    private static void checkName(String name) throws Refused {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0) {
            throw new Refused("PACK_UNSAFE_PATH", "entry name is not a plain relative path: " + printable(name));
        }
        String[] segments = name.split("/", -1);
        if (segments.length > MAX_DEPTH + 1) {
            throw new Refused("PACK_UNSAFE_PATH", "entry nested too deep: " + printable(name));
        }
        for (String s : segments) {
            if (s.equals(".") || s.equals("..") || !SEGMENT.matcher(s).matches()) {
                throw new Refused("PACK_UNSAFE_PATH", "entry name is not a plain relative path: " + printable(name));
            }
        }
    }

    /** Inflates at most {@code budget} bytes: a bomb is detected by what it produces, whatever its headers claim. */
    private static byte[] readCapped(InputStream in, long budget) throws IOException, Refused {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > budget) {
                throw new Refused("PACK_ZIP_BOMB", "the zip inflates to more than the allowed total size");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    /** A zip of the pack's directory has every entry under one folder; the pack is that folder's content. */
    private static Map<String, byte[]> stripTopDirectory(Map<String, byte[]> all) {
        if (all.containsKey(RulePackLoader.PACK_FILE)) {
            return all;
        }
        String first = all.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return all;
        }
        String prefix = first.substring(0, slash + 1);
        Map<String, byte[]> out = new TreeMap<>();
        for (var e : all.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                return all;
            }
            out.put(e.getKey().substring(prefix.length()), e.getValue());
        }
        return out;
    }

    private static RulePackArchive split(Map<String, byte[]> files) throws Refused {
        Map<String, byte[]> pack = new TreeMap<>();
        Map<String, byte[]> samples = new TreeMap<>();
        for (var e : files.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(SAMPLES) && (name.endsWith(".json") || name.endsWith(".yaml"))) {
                samples.put(name.substring(SAMPLES.length()), e.getValue());
            } else if (name.indexOf('/') < 0 && name.endsWith(".yaml")) {
                pack.put(name, e.getValue());
            } else {
                throw new Refused("PACK_UNEXPECTED_FILE", "a pack holds pack.yaml, <RULE-ID>.yaml and samples/**.json|yaml; "
                        + "found " + printable(name));
            }
        }
        if (!pack.containsKey(RulePackLoader.PACK_FILE)) {
            throw new Refused("PACK_INVALID", "pack.yaml is missing");
        }
        return new RulePackArchive(pack, samples);
    }

    /** Compiles the pack: schema, CEL and index checks of {@link RulePackLoader}, every problem reported. */
    public RulePack load(String location) throws RulePackLoadException {
        return new RulePackLoader().load(location, packFiles);
    }

    public boolean hasSamples() {
        return !sampleFiles.isEmpty();
    }

    /** Sample files of one rule, relative to its sample directory (expected.yaml, case/facts.json, ...). */
    public Map<String, byte[]> samplesOf(String ruleId) {
        Map<String, byte[]> out = new TreeMap<>();
        String prefix = ruleId + "/";
        sampleFiles.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /**
     * Runs the archive's samples against {@code pack}; returns one line per failing case or missing base document,
     * empty when all pass (or there are no samples).
     */
    public List<String> runSamples(RulePack pack) {
        List<String> problems = new ArrayList<>();
        if (sampleFiles.isEmpty()) {
            return problems;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gate-pack-samples");
            for (var e : sampleFiles.entrySet()) {
                // names were checked segment by segment in read(); resolve stays inside dir
                Path target = dir.resolve(e.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    problems.add(e.getKey() + ": outside the samples directory");
                    return problems;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
            for (String base : SampleSuiteRunner.DOCUMENTS) {
                if (!Files.isRegularFile(dir.resolve(SampleSuiteRunner.BASE_DIR).resolve(base + ".json"))) {
                    problems.add("samples/_base/" + base + ".json: missing");
                }
            }
            if (!problems.isEmpty()) {
                return problems;
            }
            for (SampleSuiteRunner.CaseResult r : new SampleSuiteRunner(dir).run(pack)) {
                if (!r.passed()) {
                    problems.add("samples/" + r.ruleId() + "/" + r.caseName() + ": " + r.problem());
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("samples: cannot be run: " + e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
        return problems;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind holds only the operator's own sample documents
        }
    }

    private static String printable(String name) {
        String cut = name.length() > 120 ? name.substring(0, 120) + "…" : name;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
