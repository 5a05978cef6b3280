package com.admissiongate.apk.internal.axml;

import com.admissiongate.apk.ResourcesFacts;
import java.util.List;

/**
 * Finds the password input fields of one compiled layout: elements with an {@code android:id} and an
 * {@code android:inputType} of a password variation (or the old {@code android:password="true"}). Their ids are
 * what {@code findViewById} gets in code, which makes the text read from those views a credentials source for the
 * flow analysis. Streams the parser's events (no tree): layouts are many and only three attributes matter.
 *
 * @see <a href="https://developer.android.com/reference/android/text/InputType">InputType</a>
 */
public final class LayoutPasswordFieldReader {

    static final int ATTR_ID = 0x010100d0;
    static final int ATTR_PASSWORD = 0x0101015c;
    static final int ATTR_INPUT_TYPE = 0x01010220;

    private LayoutPasswordFieldReader() {
    }

    /** Adds the password fields of {@code layout} (its archive path) to {@code out}, at most {@code max} in all. */
    public static void read(byte[] data, String layout, int maxStringPool, List<ResourcesFacts.PasswordField> out,
            int max) throws AxmlException {
        AxmlParser p = new AxmlParser(data, maxStringPool);
        int event;
        while ((event = p.next()) != AxmlParser.END_DOCUMENT) {
            if (event != AxmlParser.START_ELEMENT) {
                continue;
            }
            int id = 0;
            String kind = null;
            for (int i = 0, n = p.attributeCount(); i < n; i++) {
                int res = p.attributeResourceId(i);
                int type = p.attributeType(i);
                if (res == ATTR_ID && type == AxmlParser.TYPE_REFERENCE) {
                    id = p.attributeData(i);
                } else if (res == ATTR_INPUT_TYPE && type >= AxmlParser.TYPE_INT_DEC
                        && type <= AxmlParser.TYPE_INT_HEX) {
                    String k = passwordInputType(p.attributeData(i));
                    kind = k != null ? k : kind;
                } else if (res == ATTR_PASSWORD && type == AxmlParser.TYPE_INT_BOOLEAN && p.attributeData(i) != 0) {
                    kind = kind != null ? kind : "password";
                }
            }
            if (id != 0 && kind != null && out.size() < max) {
                out.add(new ResourcesFacts.PasswordField(String.format("0x%08x", id), layout, kind));
            }
        }
    }

    /**
     * The inputType flag name when {@code v} is a password variation: class TEXT with variation PASSWORD,
     * VISIBLE_PASSWORD or WEB_PASSWORD, or class NUMBER with variation PASSWORD; else null.
     */
    static String passwordInputType(int v) {
        int cls = v & 0xf;
        int variation = v & 0xff0;
        if (cls == 0x1) {
            return switch (variation) {
                case 0x80 -> "textPassword";
                case 0x90 -> "textVisiblePassword";
                case 0xe0 -> "textWebPassword";
                default -> null;
            };
        }
        return cls == 0x2 && variation == 0x10 ? "numberPassword" : null;
    }
}
