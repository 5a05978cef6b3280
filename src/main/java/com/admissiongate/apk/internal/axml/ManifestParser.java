package com.admissiongate.apk.internal.axml;

import static com.admissiongate.apk.internal.axml.AndroidAttrs.*;

import com.admissiongate.apk.IssueCode;
import com.admissiongate.apk.ManifestFacts;
import com.admissiongate.apk.ManifestFacts.Component;
import com.admissiongate.apk.ManifestFacts.Data;
import com.admissiongate.apk.ManifestFacts.IntentFilter;
import com.admissiongate.apk.internal.Issues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Turns the AndroidManifest.xml element tree into {@link ManifestFacts}, following the
 * platform's package parser: framework attributes by resource id, component names resolved
 * against the package, {@code <uses-permission>} accepted anywhere directly under
 * {@code <manifest>} (also after {@code </application>}), effective {@code exported} per the
 * pre-Android-12 defaults.
 */
public final class ManifestParser {

    /** Development SDK level Android assigns to a codename minSdk/targetSdk. */
    static final int DEV_SDK = 10000;

    private static final String[] FGS_TYPES = {"dataSync", "mediaPlayback", "phoneCall", "location",
        "connectedDevice", "mediaProjection", "camera", "microphone", "health", "remoteMessaging",
        "systemExempted", "shortService", "fileManagement", "mediaProcessing"};

    private final Issues issues;
    private final IntFunction<String> stringResolver;

    /** @param stringResolver resolves a string resource id for the default config, or returns null */
    public ManifestParser(Issues issues, IntFunction<String> stringResolver) {
        this.issues = issues;
        this.stringResolver = stringResolver;
    }

    public ManifestFacts parse(XmlElement root) {
        if (!"manifest".equals(root.name())) {
            issues.incomplete("manifest", IssueCode.MANIFEST_BAD_ROOT, "AndroidManifest.xml", root.name());
            return ManifestFacts.empty();
        }
        XmlElement.Attr pkgAttr = root.plainAttr("package");
        String pkg = pkgAttr == null ? null : pkgAttr.string();
        if (pkg == null || pkg.isEmpty()) {
            issues.add(IssueCode.MANIFEST_NO_PACKAGE, "AndroidManifest.xml");
        }
        Long vcMinor = intAttr(root, VERSION_CODE);
        Long vcMajor = intAttr(root, VERSION_CODE_MAJOR);
        Long versionCode = null;
        if (vcMinor != null || vcMajor != null) {
            long minor = vcMinor == null ? 0 : vcMinor & 0xffffffffL;
            versionCode = ((vcMajor == null ? 0 : vcMajor) << 32) | minor;
        }
        String versionName = resolvedString(root, VERSION_NAME, "versionName");
        Integer compileSdk = intAttr(root, COMPILE_SDK_VERSION) == null ? null
                : intAttr(root, COMPILE_SDK_VERSION).intValue();
        String sharedUserId = root.string(SHARED_USER_ID);

        Integer minSdk = null;
        Integer targetSdk = null;
        Integer maxSdk = null;
        List<ManifestFacts.UsesPermission> perms = new ArrayList<>();
        List<ManifestFacts.DeclaredPermission> declared = new ArrayList<>();
        List<ManifestFacts.UsesFeature> features = new ArrayList<>();
        List<String> qPackages = new ArrayList<>();
        List<String> qIntents = new ArrayList<>();
        List<String> qProviders = new ArrayList<>();
        XmlElement application = null;
        int applicationCount = 0;
        for (XmlElement c : root.children()) {
            switch (c.name() == null ? "" : c.name()) {
                case "uses-sdk":
                    // Android reads the first <uses-sdk> only.
                    if (minSdk == null && targetSdk == null) {
                        minSdk = sdk(c, MIN_SDK_VERSION, "minSdkVersion");
                        targetSdk = sdk(c, TARGET_SDK_VERSION, "targetSdkVersion");
                        Long max = intAttr(c, MAX_SDK_VERSION);
                        maxSdk = max == null ? null : max.intValue();
                    }
                    break;
                case "uses-permission":
                case "uses-permission-sdk-23":
                case "uses-permission-sdk-m": {
                    String n = c.string(NAME);
                    if (n != null) {
                        Long max = intAttr(c, MAX_SDK_VERSION);
                        perms.add(new ManifestFacts.UsesPermission(n, max == null ? null : max.intValue(),
                                !c.name().equals("uses-permission")));
                    }
                    break;
                }
                case "permission": {
                    String n = c.string(NAME);
                    if (n != null) {
                        declared.add(new ManifestFacts.DeclaredPermission(n, protectionLevel(c)));
                    }
                    break;
                }
                case "uses-feature": {
                    Boolean req = c.bool(REQUIRED);
                    String n = c.string(NAME);
                    if (n != null) {
                        features.add(new ManifestFacts.UsesFeature(n, req == null || req));
                    }
                    break;
                }
                case "queries":
                    for (XmlElement q : c.children()) {
                        if ("package".equals(q.name()) && q.string(NAME) != null) {
                            qPackages.add(q.string(NAME));
                        } else if ("provider".equals(q.name()) && q.string(AUTHORITIES) != null) {
                            qProviders.add(q.string(AUTHORITIES));
                        } else if ("intent".equals(q.name())) {
                            for (XmlElement a : q.children("action")) {
                                if (a.string(NAME) != null) {
                                    qIntents.add(a.string(NAME));
                                }
                            }
                        }
                    }
                    break;
                case "application":
                    applicationCount++;
                    if (application == null) {
                        application = c;
                    }
                    break;
                default:
                    break;
            }
        }
        if (applicationCount > 1) {
            issues.add(IssueCode.MANIFEST_MULTIPLE_APPLICATION, "AndroidManifest.xml", applicationCount);
        }
        int effectiveMin = minSdk == null ? 1 : minSdk;
        int effectiveTarget = targetSdk == null ? effectiveMin : targetSdk;
        minSdk = effectiveMin;
        targetSdk = effectiveTarget;

        List<Component> activities = new ArrayList<>();
        List<Component> aliases = new ArrayList<>();
        List<Component> services = new ArrayList<>();
        List<Component> receivers = new ArrayList<>();
        List<Component> providers = new ArrayList<>();
        List<ManifestFacts.MetaData> metaData = new ArrayList<>();
        ManifestFacts.Application app = ManifestFacts.Application.empty();
        String launcher = null;
        if (application != null) {
            String label = resolvedString(application, LABEL, "application label");
            String fbc = application.string(FULL_BACKUP_CONTENT);
            app = new ManifestFacts.Application(className(pkg, application.string(NAME)), label,
                    application.bool(DEBUGGABLE), application.bool(ALLOW_BACKUP), fbc,
                    application.string(DATA_EXTRACTION_RULES), application.bool(USES_CLEARTEXT_TRAFFIC),
                    application.string(NETWORK_SECURITY_CONFIG), application.bool(TEST_ONLY),
                    application.bool(EXTRACT_NATIVE_LIBS));
            for (XmlElement c : application.children()) {
                String tag = c.name() == null ? "" : c.name();
                switch (tag) {
                    case "activity":
                    case "activity-alias":
                    case "service":
                    case "receiver":
                    case "provider": {
                        Component comp = component(pkg, c, tag, effectiveTarget);
                        if (comp == null) {
                            break;
                        }
                        if (tag.equals("activity")) {
                            activities.add(comp);
                        } else if (tag.equals("activity-alias")) {
                            aliases.add(comp);
                        } else if (tag.equals("service")) {
                            services.add(comp);
                        } else if (tag.equals("receiver")) {
                            receivers.add(comp);
                        } else {
                            providers.add(comp);
                        }
                        if (launcher == null && (tag.equals("activity") || tag.equals("activity-alias"))
                                && isLauncher(comp)) {
                            launcher = comp.name();
                        }
                        break;
                    }
                    case "meta-data":
                        metaData.add(metaData(c));
                        break;
                    default:
                        break;
                }
            }
        }
        return new ManifestFacts(pkg, versionCode, vcMajor, versionName, minSdk, targetSdk, maxSdk, compileSdk,
                sharedUserId, List.copyOf(perms), List.copyOf(declared), app, List.copyOf(activities),
                List.copyOf(aliases), List.copyOf(services), List.copyOf(receivers), List.copyOf(providers),
                launcher, List.copyOf(metaData),
                new ManifestFacts.Queries(List.copyOf(qPackages), List.copyOf(qIntents), List.copyOf(qProviders)),
                List.copyOf(features));
    }

    private Component component(String pkg, XmlElement c, String tag, int targetSdk) {
        String rawName = c.string(NAME);
        if (rawName == null || rawName.isEmpty()) {
            return null;
        }
        String name = className(pkg, rawName);
        List<IntentFilter> filters = new ArrayList<>();
        for (XmlElement f : c.children("intent-filter")) {
            List<String> actions = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            List<Data> data = new ArrayList<>();
            for (XmlElement x : f.children()) {
                if ("action".equals(x.name()) && x.string(NAME) != null) {
                    actions.add(x.string(NAME));
                } else if ("category".equals(x.name()) && x.string(NAME) != null) {
                    categories.add(x.string(NAME));
                } else if ("data".equals(x.name())) {
                    String path = x.string(PATH);
                    if (path == null) {
                        path = x.string(PATH_PREFIX);
                    }
                    if (path == null) {
                        path = x.string(PATH_PATTERN);
                    }
                    data.add(new Data(x.string(SCHEME), x.string(HOST), x.string(PORT), path, x.string(MIME_TYPE)));
                }
            }
            filters.add(new IntentFilter(List.copyOf(actions), List.copyOf(categories), List.copyOf(data)));
        }
        Boolean exportedAttr = c.bool(EXPORTED);
        boolean exported;
        if (exportedAttr != null) {
            exported = exportedAttr;
        } else if (tag.equals("provider")) {
            exported = targetSdk <= 16;
        } else {
            exported = !filters.isEmpty();
        }
        Boolean enabled = c.bool(ENABLED);
        List<String> authorities = new ArrayList<>();
        String auth = c.string(AUTHORITIES);
        if (auth != null) {
            for (String a : auth.split(";")) {
                if (!a.isBlank()) {
                    authorities.add(a.trim());
                }
            }
        }
        return new Component(name, exported, exportedAttr, c.string(PERMISSION), enabled == null || enabled,
                List.copyOf(authorities), foregroundServiceType(c), List.copyOf(filters));
    }

    private static boolean isLauncher(Component c) {
        for (IntentFilter f : c.intentFilters()) {
            if (f.actions().contains("android.intent.action.MAIN")
                    && f.categories().contains("android.intent.category.LAUNCHER")) {
                return true;
            }
        }
        return false;
    }

    private static ManifestFacts.MetaData metaData(XmlElement c) {
        XmlElement.Attr v = c.attr(VALUE);
        XmlElement.Attr r = c.attr(RESOURCE);
        return new ManifestFacts.MetaData(c.string(NAME), v == null ? null : v.string(),
                r == null ? null : r.string());
    }

    /** Android's buildClassName: ".Foo" and "Foo" are relative to the package, "a.Foo" is absolute. */
    static String className(String pkg, String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (name.charAt(0) == '.') {
            return pkg == null ? name : pkg + name;
        }
        if (name.indexOf('.') < 0) {
            return pkg == null ? name : pkg + "." + name;
        }
        return name;
    }

    private static String foregroundServiceType(XmlElement c) {
        XmlElement.Attr a = c.attr(FOREGROUND_SERVICE_TYPE);
        if (a == null) {
            return null;
        }
        if (a.type() != AxmlParser.TYPE_INT_HEX && a.type() != AxmlParser.TYPE_INT_DEC) {
            return a.string();
        }
        int v = a.data();
        if (v == -1) {
            return "manifest";
        }
        if (v == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < FGS_TYPES.length; i++) {
            if ((v & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(FGS_TYPES[i]);
            }
        }
        if ((v & 0x40000000) != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append("specialUse");
        }
        return sb.length() == 0 ? "0x" + Integer.toHexString(v) : sb.toString();
    }

    private static String protectionLevel(XmlElement c) {
        XmlElement.Attr a = c.attr(PROTECTION_LEVEL);
        if (a == null) {
            return "normal";
        }
        if (a.type() != AxmlParser.TYPE_INT_HEX && a.type() != AxmlParser.TYPE_INT_DEC) {
            return a.string();
        }
        int v = a.data();
        String base;
        switch (v & 0xf) {
            case 0: base = "normal"; break;
            case 1: base = "dangerous"; break;
            case 2: base = "signature"; break;
            case 3: base = "signatureOrSystem"; break;
            case 4: base = "internal"; break;
            default: base = "0x" + Integer.toHexString(v & 0xf); break;
        }
        StringBuilder sb = new StringBuilder(base);
        String[] flags = {"privileged", "system", "development", "appop", "pre23", "installer", "verifier",
            "preinstalled", "setup", "instant", "runtime", "oem", "vendorPrivileged", "textClassifier",
            "configurator", "incidentReportApprover", "appPredictor", "companion", "retailDemo",
            "recents", "role", "knownSigner"};
        for (int i = 0; i < flags.length; i++) {
            if ((v & (0x10 << i)) != 0) {
                sb.append('|').append(flags[i]);
            }
        }
        return sb.toString();
    }

    private static Long intAttr(XmlElement e, int id) {
        XmlElement.Attr a = e.attr(id);
        if (a == null) {
            return null;
        }
        if (a.type() >= AxmlParser.TYPE_INT_DEC && a.type() <= 0x1f) {
            return (long) a.data();
        }
        if (a.type() == AxmlParser.TYPE_STRING && a.string() != null) {
            try {
                return Long.parseLong(a.string().trim());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    /** An SDK level: integer, numeric string, or codename (→ {@link #DEV_SDK}, as Android does). */
    private Integer sdk(XmlElement e, int id, String what) {
        XmlElement.Attr a = e.attr(id);
        if (a == null) {
            return null;
        }
        Long v = intAttr(e, id);
        if (v != null) {
            return v.intValue();
        }
        if (a.type() == AxmlParser.TYPE_STRING && a.string() != null && !a.string().isEmpty()) {
            issues.add(IssueCode.MANIFEST_SDK_CODENAME, "AndroidManifest.xml", what, a.string(), DEV_SDK);
            return DEV_SDK;
        }
        return null;
    }

    private String resolvedString(XmlElement e, int id, String what) {
        XmlElement.Attr a = e.attr(id);
        if (a == null) {
            return null;
        }
        if (a.isReference()) {
            String s = stringResolver.apply(a.data());
            if (s == null) {
                issues.add(IssueCode.ARSC_REFERENCE_UNRESOLVED, "AndroidManifest.xml", a.string(), what);
                return a.string();
            }
            return s;
        }
        return a.string();
    }
}
