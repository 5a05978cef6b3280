package com.admissiongate.apk;

import com.admissiongate.apk.internal.ByteArraySource;
import com.admissiongate.apk.internal.Bytes;
import com.admissiongate.apk.internal.Issues;
import com.admissiongate.apk.internal.arsc.ArscReader;
import com.admissiongate.apk.internal.arsc.NetworkSecurityConfigReader;
import com.admissiongate.apk.internal.arsc.ResourceTable;
import com.admissiongate.apk.internal.axml.AxmlException;
import com.admissiongate.apk.internal.axml.LayoutPasswordFieldReader;
import com.admissiongate.apk.internal.axml.ManifestParser;
import com.admissiongate.apk.internal.axml.XmlElement;
import com.admissiongate.apk.internal.axml.XmlTreeReader;
import com.admissiongate.apk.internal.dex.DexCollector;
import com.admissiongate.apk.internal.dex.DexFileReader;
import com.admissiongate.apk.internal.elf.ElfReader;
import com.admissiongate.apk.internal.zip.EntryException;
import com.admissiongate.apk.internal.zip.EntryReader;
import com.admissiongate.apk.internal.zip.ZipArchive;
import com.admissiongate.apk.internal.zip.ZipArchiveReader;
import com.admissiongate.apk.internal.zip.ZipEntryRecord;
import com.admissiongate.apk.io.ByteSource;
import com.admissiongate.apk.io.ByteSources;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;

/**
 * Extracts the analyzer's part of the Facts document from an APK. Thread-safe: each call to
 * {@link #analyze} uses its own state. Malformed input never throws: it is reported as issues
 * and the report says {@code complete=false}.
 */
public final class ApkAnalyzer {

    public static final String VERSION = "apk-0.1.2";

    private static final Pattern CLASSES_DEX = Pattern.compile("classes(\\d*)\\.dex");
    private static final Pattern NATIVE_LIB = Pattern.compile("lib/([^/]+)/([^/]+\\.so)");
    private static final int ELF_PREFIX = 64 * 1024;
    private static final int MAX_NESTED_ARCHIVE = 64 << 20;

    private final ApkLimits limits;
    private final TrackedApis tracked;
    private final Executor hashExecutor;

    public ApkAnalyzer() {
        this(ApkLimits.defaults(), TrackedApis.defaults());
    }

    /** @throws IllegalArgumentException when {@code limits} do not validate */
    public ApkAnalyzer(ApkLimits limits, TrackedApis tracked) {
        this(limits, tracked, null);
    }

    /**
     * @param hashExecutor when not null, the file's SHA-256 (a full pass over the file: 0.3–0.7 CPU-s for 20 MB under
     *                     C1) is computed there while this thread parses; null computes it first, inline
     */
    public ApkAnalyzer(ApkLimits limits, TrackedApis tracked, Executor hashExecutor) {
        this.hashExecutor = hashExecutor;
        this.limits = Objects.requireNonNull(limits, "limits == null").validate();
        this.tracked = Objects.requireNonNull(tracked, "tracked == null");
    }

    /** Analyzes the file at {@code apk}; I/O failures become an {@code IO_ERROR} issue. */
    public ApkReport analyze(Path apk) {
        Objects.requireNonNull(apk, "apk == null");
        try (ByteSource src = ByteSources.open(apk, limits.inMemoryMax())) {
            return analyze(src);
        } catch (IOException e) {
            Issues issues = new Issues();
            issues.incomplete("zip", IssueCode.IO_ERROR, apk.toString(), String.valueOf(e.getMessage()));
            return new ApkReport(null, 0, VERSION, false, issues.incompleteAreas(), issues.issues(),
                    ArchiveFacts.empty(), ManifestFacts.empty(), ResourcesFacts.empty(), DexFacts.empty(),
                    List.of(), List.of(), List.of(), DexIndex.empty());
        }
    }

    /** Analyzes bytes from {@code src}; the caller keeps ownership of the source. */
    public ApkReport analyze(ByteSource src) {
        return new Run(src).run();
    }

    /** State of one analysis. */
    private final class Run {
        private final ByteSource src;
        private final Issues issues = new Issues();
        private final DexCollector dex = new DexCollector(limits, tracked);
        private final List<NativeLib> nativeLibs = new ArrayList<>();
        private final List<String> assets = new ArrayList<>();
        private final List<NestedArchive> nested = new ArrayList<>();
        private ZipArchive zip;
        private EntryReader reader;
        private ResourceTable table = ResourceTable.empty();
        private ManifestFacts manifest = ManifestFacts.empty();
        private ResourcesFacts resources = ResourcesFacts.empty();
        private String sha256;

        Run(ByteSource src) {
            this.src = src;
        }

        ApkReport run() {
            FutureTask<String> hashing = hashExecutor == null ? null : new FutureTask<>(this::digest);
            if (hashing != null) {
                hashExecutor.execute(hashing);
            } else {
                guard("zip", () -> sha256 = digest());
            }
            guard("zip", () -> zip = new ZipArchiveReader(limits, issues, "zip", "").read(src));
            if (zip == null) {
                zip = new ZipArchive(src, List.of(), java.util.Map.of(), ArchiveFacts.empty(), false);
            }
            try (EntryReader r = new EntryReader(src)) {
                reader = r;
                guard("resources", this::readResourceTable);
                guard("manifest", this::readManifest);
                guard("resources", this::readResources);
                guard("dex", this::readEntries);
            }
            if (hashing != null) {
                guard("zip", () -> sha256 = await(hashing));
            }
            List<Incomplete> incomplete = issues.incompleteAreas();
            return new ApkReport(sha256, src.size(), VERSION, incomplete.isEmpty(), incomplete, issues.issues(),
                    zip.facts(), manifest, resources, dex.facts(), List.copyOf(nativeLibs), List.copyOf(assets),
                    List.copyOf(nested), dex.index());
        }

        /** Last-resort isolation: a bug or resource exhaustion in one area must not lose the others. */
        private void guard(String area, IoTask task) {
            try {
                task.run();
            } catch (IOException e) {
                issues.incomplete(area, IssueCode.IO_ERROR, null, String.valueOf(e.getMessage()));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                issues.incomplete(area, IssueCode.ANALYSIS_FAILED, null, area, e.toString());
            }
        }

        private String await(FutureTask<String> hashing) throws IOException {
            try {
                return hashing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while hashing", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IOException(String.valueOf(cause), cause);
            }
        }

        private String digest() throws IOException {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long size = src.size();
            for (long p = 0; p < size; ) {
                int n = (int) Math.min(buf.capacity(), size - p);
                buf.clear().limit(n);
                src.read(p, buf);
                buf.flip();
                md.update(buf);
                p += n;
            }
            return HexFormat.of().formatHex(md.digest());
        }

        private byte[] entryBytes(ZipEntryRecord e, int max, String area) throws IOException {
            try {
                return reader.read(e, max);
            } catch (EntryException ex) {
                issues.incomplete(area, ex.code(), e.name(), ex.args());
                return null;
            }
        }

        private void readResourceTable() throws IOException {
            ZipEntryRecord e = zip.entry("resources.arsc");
            if (e == null) {
                return;
            }
            byte[] b = entryBytes(e, limits.maxArscSize(), "resources");
            if (b == null) {
                return;
            }
            try {
                table = new ArscReader(limits, issues).read(b);
            } catch (AxmlException ex) {
                issues.incomplete("resources", ex.code(), "resources.arsc", ex.args());
            }
        }

        private void readManifest() throws IOException {
            ZipEntryRecord e = zip.entry("AndroidManifest.xml");
            if (e == null) {
                issues.incomplete("manifest", IssueCode.MANIFEST_MISSING, null);
                return;
            }
            byte[] b = entryBytes(e, limits.maxXmlSize(), "manifest");
            if (b == null) {
                return;
            }
            try {
                XmlElement root = XmlTreeReader.read(b, limits.maxStringPool());
                manifest = new ManifestParser(issues, table::resolveString).parse(root);
            } catch (AxmlException ex) {
                issues.incomplete("manifest", ex.code(), "AndroidManifest.xml", ex.args());
            }
        }

        private void readResources() throws IOException {
            String label = manifest.application().label();
            String appLabel = label != null && label.startsWith("@0x") ? null : label;
            ResourcesFacts.NetworkSecurityConfig nsc = null;
            String nscRef = manifest.application().networkSecurityConfig();
            if (nscRef != null && nscRef.startsWith("@0x")) {
                String path = table.resolveString((int) Long.parseLong(nscRef.substring(3), 16));
                ZipEntryRecord e = path == null ? null : zip.entry(path);
                if (e == null) {
                    issues.add(IssueCode.ARSC_REFERENCE_UNRESOLVED, "AndroidManifest.xml", nscRef,
                            "networkSecurityConfig");
                } else {
                    byte[] b = entryBytes(e, limits.maxXmlSize(), "resources");
                    if (b != null) {
                        try {
                            nsc = NetworkSecurityConfigReader.read(XmlTreeReader.read(b, limits.maxStringPool()));
                        } catch (AxmlException ex) {
                            issues.add(IssueCode.NSC_MALFORMED, path, ex.code().name() + ": "
                                    + ex.code().template());
                            issues.markIncomplete("resources", ex.code().name());
                        }
                    }
                }
            }
            resources = new ResourcesFacts(appLabel, table.localeStrings(), nsc, passwordFields());
        }

        /**
         * Password inputs declared in res/layout*&#47;*.xml. A layout that cannot be read is a warning only: the
         * fields feed flow evidence (a credentials source), which no verdict depends on being complete.
         */
        private List<ResourcesFacts.PasswordField> passwordFields() throws IOException {
            List<ResourcesFacts.PasswordField> out = new ArrayList<>();
            for (ZipEntryRecord e : zip.entries()) {
                String name = e.name();
                if (e.isDirectory() || !e.readable() || !name.startsWith("res/layout") || !name.endsWith(".xml")) {
                    continue;
                }
                if (e.uncompressedSize() > limits.maxXmlSize()) {
                    issues.add(IssueCode.LAYOUT_MALFORMED, name, name,
                            e.uncompressedSize() + " bytes, more than maxXmlSize " + limits.maxXmlSize());
                    continue;
                }
                byte[] b = entryBytes(e, limits.maxXmlSize(), "resources");
                if (b == null) {
                    continue;
                }
                try {
                    LayoutPasswordFieldReader.read(b, name, limits.maxStringPool(), out, limits.maxCallSites());
                    if (out.size() >= limits.maxCallSites()) {
                        issues.add(IssueCode.LIMIT_REACHED, "res/layout", limits.maxCallSites(), "password fields");
                        break;
                    }
                } catch (AxmlException ex) {
                    issues.add(IssueCode.LAYOUT_MALFORMED, name, name, ex.code().name() + ": " + ex.code().template());
                }
            }
            return List.copyOf(out);
        }

        private void readEntries() throws IOException {
            List<ZipEntryRecord> dexEntries = new ArrayList<>();
            boolean assetsCapped = false;
            for (ZipEntryRecord e : zip.entries()) {
                String name = e.name();
                if (e.isDirectory()) {
                    continue;
                }
                if (CLASSES_DEX.matcher(name).matches()) {
                    dexEntries.add(e);
                    continue;
                }
                if (name.startsWith("assets/")) {
                    if (assets.size() < limits.maxAssets()) {
                        assets.add(name);
                    } else {
                        assetsCapped = true;
                    }
                }
                var m = NATIVE_LIB.matcher(name);
                if (m.matches()) {
                    nativeLibs.add(nativeLib(e, m.group(1), m.group(2)));
                    continue;
                }
                if (name.equals("AndroidManifest.xml") || name.equals("resources.arsc") || !e.readable()
                        || e.uncompressedSize() < 8) {
                    continue;
                }
                byte[] head = prefix(e, 8, "nested");
                if (head == null) {
                    continue;
                }
                if (Bytes.isDexMagic(head, 0, head.length)) {
                    issues.add(IssueCode.DEX_OUTSIDE_CLASSES, name, name);
                    nested.add(new NestedArchive(name, "dex", 1));
                    readDex(e, name, name, reader);
                } else if (isZip(head)) {
                    nestedArchive(e, "", reader, 1);
                }
            }
            if (assetsCapped) {
                issues.add(IssueCode.LIMIT_REACHED, "assets/", limits.maxAssets(), "asset paths");
            }
            dexEntries.sort((a, b) -> Integer.compare(dexNumber(a.name()), dexNumber(b.name())));
            for (ZipEntryRecord e : dexEntries) {
                readDex(e, e.name(), e.name(), reader);
            }
            if (dex.callSitesCapped()) {
                issues.add(IssueCode.LIMIT_REACHED, null, limits.maxCallSites(), "call sites per list");
            }
            if (dex.urlsCapped()) {
                issues.add(IssueCode.LIMIT_REACHED, null, limits.maxUrls(), "URLs");
            }
        }

        /** An entry whose first bytes cannot be read was not inspected, so {@code area} is incomplete. */
        private byte[] prefix(ZipEntryRecord e, int n, String area) throws IOException {
            try {
                return reader.readPrefix(e, n);
            } catch (EntryException ex) {
                issues.incomplete(area, ex.code(), e.name(), ex.args());
                return null;
            }
        }

        private void readDex(ZipEntryRecord e, String name, String source, EntryReader r) throws IOException {
            if (e.uncompressedSize() > limits.maxDexSize()) {
                issues.incomplete("dex", IssueCode.DEX_TOO_LARGE, source, e.uncompressedSize(),
                        (long) limits.maxDexSize());
                return;
            }
            byte[] b;
            try {
                b = r.read(e, limits.maxDexSize());
            } catch (EntryException ex) {
                issues.incomplete("dex", ex.code(), source, ex.args());
                return;
            }
            if (!new DexFileReader(dex, issues).read(b, name, source)) {
                issues.markIncomplete("dex", "DEX_MALFORMED");
            }
        }

        private NativeLib nativeLib(ZipEntryRecord e, String abi, String name) throws IOException {
            Integer elfClass = null;
            Boolean aligned = null;
            byte[] head = e.readable() ? prefix(e, ELF_PREFIX, "native") : null;
            if (head != null) {
                ElfReader.ElfInfo info = ElfReader.read(head);
                if (info == null) {
                    issues.add(IssueCode.NATIVE_ELF_MALFORMED, e.name(), "no ELF header in " + head.length + " bytes");
                } else {
                    elfClass = info.elfClass();
                    aligned = info.aligned16k();
                }
            }
            return new NativeLib(e.name(), abi, name, e.uncompressedSize(), elfClass, aligned);
        }

        private void nestedArchive(ZipEntryRecord e, String outer, EntryReader r, int depth) throws IOException {
            String path = outer + e.name();
            String lower = e.name().toLowerCase(Locale.ROOT);
            String kind = lower.endsWith(".apk") ? "apk" : lower.endsWith(".jar") ? "jar" : "zip";
            nested.add(new NestedArchive(path, kind, depth));
            if (depth > limits.maxNesting()) {
                issues.add(IssueCode.NESTED_TOO_DEEP, path, depth, limits.maxNesting());
                return;
            }
            byte[] b;
            try {
                b = r.read(e, (int) Math.min(MAX_NESTED_ARCHIVE, limits.maxEntryUncompressed()));
            } catch (EntryException ex) {
                issues.add(IssueCode.NESTED_ARCHIVE_MALFORMED, path, ex.code().name());
                issues.markIncomplete("nested", ex.code().name());
                return;
            }
            ByteSource inner = new ByteArraySource(b, 0, b.length);
            ZipArchive z = new ZipArchiveReader(limits, issues, "nested", path + "!").read(inner);
            try (EntryReader ir = new EntryReader(inner)) {
                for (ZipEntryRecord ie : z.entries()) {
                    if (ie.isDirectory() || !ie.readable() || ie.uncompressedSize() < 8) {
                        continue;
                    }
                    byte[] head;
                    String innerPath = path + "!" + ie.name();
                    try {
                        head = ir.readPrefix(ie, 8);
                    } catch (EntryException ex) {
                        issues.incomplete("nested", ex.code(), innerPath, ex.args());
                        continue;
                    }
                    if (Bytes.isDexMagic(head, 0, head.length)) {
                        nested.add(new NestedArchive(innerPath, "dex", depth + 1));
                        readDex(ie, innerPath, innerPath, ir);
                    } else if (isZip(head)) {
                        nestedArchive(ie, path + "!", ir, depth + 1);
                    }
                }
            }
        }
    }

    private static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static int dexNumber(String name) {
        var m = CLASSES_DEX.matcher(name);
        if (!m.matches() || m.group(1).isEmpty()) {
            return 1;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    @FunctionalInterface
    private interface IoTask {
        void run() throws IOException;
    }
}
