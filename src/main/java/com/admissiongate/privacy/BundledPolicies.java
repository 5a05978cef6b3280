package com.admissiongate.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Policy and agreement pages an app ships in its assets ({@code assets/privacy.html}, {@code assets/user_agreement.txt},
 * …): their text counts as app text (consent wording in bundled HTML), and when the upload names no policy the bundled
 * privacy policy is parsed as the policy (source kind {@code asset}). Plain Java. Bounded: at most {@code maxFiles}
 * assets, each read to at most {@code maxBytes} inflated bytes (a larger one is skipped, so a compression bomb costs
 * {@code maxBytes}); any I/O problem skips the asset. Never throws.
 */
public final class BundledPolicies {

    /** Part of the Facts analyzer version: bump when what is read from assets changes. */
    public static final String VERSION = "txt-0.1.0";

    public record Limits(int maxFiles, int maxBytes) {
        public static Limits defaults() {
            return new Limits(5, 512 * 1024);
        }
    }

    public record Asset(String path, byte[] bytes) {
    }

    /** A page whose file name says policy/agreement, in HTML or text. */
    static final Pattern POLICY_PATH = Pattern.compile(
            "assets/(?:[^/]*/)*[^/]*(privacy|policy|agreement|protocol|terms|隐私|协议|政策|条款|yinsi|xieyi|zhengce)[^/]*\\.(html?|txt)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIVACY_PATH = Pattern.compile("privacy|policy|隐私|政策|yinsi|zhengce", Pattern.CASE_INSENSITIVE);

    private final Limits limits;

    public BundledPolicies(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** Whether the asset reads as the privacy policy itself (not a user agreement). */
    public static boolean isPrivacyPolicy(String path) {
        return PRIVACY_PATH.matcher(fileName(path)).find();
    }

    /** The policy-like asset paths, privacy policies first, then by path; at most {@code max}. */
    public static List<String> candidates(List<String> assetPaths, int max) {
        if (assetPaths == null) {
            return List.of();
        }
        return assetPaths.stream().filter(p -> p != null && POLICY_PATH.matcher(p).matches())
                .sorted(Comparator.comparing((String p) -> !isPrivacyPolicy(p)).thenComparing(p -> p))
                .limit(Math.max(0, max)).toList();
    }

    /** Reads the candidates among {@code assetPaths} from the APK. */
    public List<Asset> read(Path apk, List<String> assetPaths) {
        List<String> wanted = candidates(assetPaths, limits.maxFiles());
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Asset> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            for (String path : wanted) {
                ZipEntry e = zip.getEntry(path);
                if (e == null || e.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] b = in.readNBytes(limits.maxBytes() + 1);
                    if (b.length <= limits.maxBytes() && b.length > 0) {
                        out.add(new Asset(path, b));
                    }
                } catch (IOException | RuntimeException ex) {
                    // unreadable entry: skipped, the analyzer reports archive problems itself
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.copyOf(out);
        }
        return List.copyOf(out);
    }

    /** The asset's text blocks (paragraphs, list items, buttons, table rows), bounded by {@code limits}. */
    public static List<String> blocks(Asset asset, PrivacyLimits limits) {
        try {
            PolicyDocumentReader.Result r = new PolicyDocumentReader(limits).read(asset.bytes(), null, asset.path());
            if (!r.ok()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (PolicyText.Block b : r.text().blocks()) {
                out.add(b.text(r.text().text()));
            }
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private static String fileName(String path) {
        int s = path.lastIndexOf('/');
        return (s >= 0 ? path.substring(s + 1) : path).toLowerCase(Locale.ROOT);
    }
}
