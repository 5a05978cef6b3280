package com.admissiongate.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says where in the APK an evidence item points: a DEX method or class (smali notation, as the analyzer and the rule
 * pack write them), the manifest, or nowhere in particular. Rules format evidence freely ({@code callee ← caller},
 * {@code android.permission.CAMERA (camera)}, {@code targetSdkVersion 22}), so this only recognises the shapes the pack
 * produces and leaves the rest as plain evidence.
 */
public final class EvidenceLocator {

    public enum Kind { DEX, MANIFEST, OTHER }

    /**
     * @param text the evidence as a string
     * @param ref  the code location for {@link Kind#DEX}: the caller of a {@code callee ← caller} pair, else the first
     *             method or class named; null otherwise
     */
    public record Located(Kind kind, String text, SmaliRef ref) {
    }

    /**
     * A class ({@code Lcom/foo/Bar;}) or method ({@code Lcom/foo/Bar;->onCreate(Landroid/os/Bundle;)V}) in smali form.
     *
     * @param className dotted binary name, e.g. {@code com.foo.Bar$Inner}
     * @param member    method name, null for a class
     */
    public record SmaliRef(String smali, String className, String member) {

        public boolean isMethod() {
            return member != null;
        }

        /** {@code com.foo.Bar.onCreate} or {@code com.foo.Bar}: what a Java developer searches for. */
        public String qualifiedName() {
            return member == null ? className : className + "." + member;
        }

        public String simpleName() {
            return member != null ? member : className.substring(className.lastIndexOf('.') + 1);
        }
    }

    private static final String TYPE = "L[A-Za-z0-9_$\\-]+(?:/[A-Za-z0-9_$\\-]+)+;";
    private static final String FIELD_TYPE = "\\[*(?:[VZBSCIJFD]|" + TYPE + ")";
    private static final Pattern METHOD = Pattern.compile(
            "(" + TYPE + ")->([^\\s(]+)\\((?:" + FIELD_TYPE + ")*\\)" + FIELD_TYPE);
    private static final Pattern CLASS = Pattern.compile("(?<![A-Za-z0-9_$/])(" + TYPE + ")");
    private static final String ARROW = " ← ";
    /** Permission names (android.permission.X, com.android.permission.X, vendor ones) and manifest element words. */
    private static final Pattern MANIFEST = Pattern.compile(
            "\\b[a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)*\\.permission\\.[A-Z0-9_]+\\b"
                    + "|uses-permission|uses-sdk|<(?:application|activity|activity-alias|service|receiver|provider"
                    + "|meta-data|uses-feature|queries)\\b|\\b(?:target|min|max)SdkVersion\\b|usesCleartextTraffic"
                    + "|networkSecurityConfig|allowBackup|debuggable|testOnly|sharedUserId|foregroundServiceType"
                    + "|\\bexported\\b");

    private EvidenceLocator() {
    }

    public static Located locate(Object evidence) {
        String text = String.valueOf(evidence);
        int arrow = text.indexOf(ARROW);
        if (arrow >= 0) {
            SmaliRef caller = firstRef(text.substring(arrow + ARROW.length()));
            if (caller != null) {
                return new Located(Kind.DEX, text, caller);
            }
        }
        SmaliRef ref = firstRef(text);
        if (ref != null) {
            return new Located(Kind.DEX, text, ref);
        }
        if (MANIFEST.matcher(text).find()) {
            return new Located(Kind.MANIFEST, text, null);
        }
        return new Located(Kind.OTHER, text, null);
    }

    static SmaliRef firstRef(String s) {
        Matcher m = METHOD.matcher(s);
        if (m.find()) {
            return new SmaliRef(m.group(), dotted(m.group(1)), m.group(2));
        }
        Matcher c = CLASS.matcher(s);
        if (c.find()) {
            return new SmaliRef(c.group(1), dotted(c.group(1)), null);
        }
        return null;
    }

    private static String dotted(String type) {
        return type.substring(1, type.length() - 1).replace('/', '.');
    }
}
