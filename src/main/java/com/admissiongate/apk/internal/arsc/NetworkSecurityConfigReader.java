package com.admissiongate.apk.internal.arsc;

import com.admissiongate.apk.ResourcesFacts;
import com.admissiongate.apk.internal.axml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a compiled network_security_config XML. Its attributes are not in the android
 * namespace, so they are looked up by name.
 *
 * @see <a href="https://developer.android.com/privacy-and-security/security-config">Network security configuration</a>
 */
public final class NetworkSecurityConfigReader {

    private NetworkSecurityConfigReader() {
    }

    public static ResourcesFacts.NetworkSecurityConfig read(XmlElement root) {
        Boolean base = null;
        boolean trustUser = false;
        List<ResourcesFacts.Domain> domains = new ArrayList<>();
        for (XmlElement c : root.children()) {
            if ("base-config".equals(c.name())) {
                base = bool(c, "cleartextTrafficPermitted");
                trustUser |= trustsUser(c);
            } else if ("domain-config".equals(c.name())) {
                collectDomains(c, domains, 0);
                trustUser |= trustsUser(c);
            }
        }
        return new ResourcesFacts.NetworkSecurityConfig(base, List.copyOf(domains), trustUser);
    }

    private static void collectDomains(XmlElement cfg, List<ResourcesFacts.Domain> out, int depth) {
        Boolean cleartext = bool(cfg, "cleartextTrafficPermitted");
        for (XmlElement d : cfg.children("domain")) {
            if (out.size() < 1000) {
                Boolean sub = bool(d, "includeSubdomains");
                out.add(new ResourcesFacts.Domain(d.text(), sub != null && sub, cleartext));
            }
        }
        if (depth < 8) {
            for (XmlElement nested : cfg.children("domain-config")) {
                collectDomains(nested, out, depth + 1);
            }
        }
    }

    private static boolean trustsUser(XmlElement cfg) {
        for (XmlElement ta : cfg.children("trust-anchors")) {
            for (XmlElement cert : ta.children("certificates")) {
                XmlElement.Attr src = cert.plainAttr("src");
                if (src != null && "user".equals(src.string())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Boolean bool(XmlElement e, String name) {
        XmlElement.Attr a = e.plainAttr(name);
        if (a == null) {
            return null;
        }
        if (a.type() == 0x12) {
            return a.data() != 0;
        }
        return "true".equals(a.string()) ? Boolean.TRUE : "false".equals(a.string()) ? Boolean.FALSE : null;
    }
}
