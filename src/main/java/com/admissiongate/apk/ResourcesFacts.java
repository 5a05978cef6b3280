package com.admissiongate.apk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts from resources.arsc, res/xml and res/layout ({@code resources} in the Facts document).
 *
 * @param passwordFields views the layouts declare as password inputs, by id: what the behaviour analysis treats
 *                       as a credentials source when code reads their text
 */
public record ResourcesFacts(
        String appLabel,
        Map<String, Map<String, String>> strings,
        NetworkSecurityConfig networkSecurityConfig,
        List<PasswordField> passwordFields) {

    /**
     * A password input in a layout.
     *
     * @param id        its android:id, {@code 0x7f070001}
     * @param layout    archive path of the layout declaring it
     * @param inputType textPassword, textVisiblePassword, textWebPassword, numberPassword, or password
     *                  (android:password="true")
     */
    public record PasswordField(String id, String layout, String inputType) {
    }

    public record NetworkSecurityConfig(Boolean baseCleartextPermitted, List<Domain> domains,
            boolean trustUserCerts) {
    }

    public record Domain(String domain, boolean includeSubdomains, Boolean cleartextPermitted) {
    }

    public static ResourcesFacts empty() {
        return new ResourcesFacts(null, noStrings(), null, List.of());
    }

    /**
     * The {@code strings} of an APK without resources: both locale buckets, empty, in the order the arsc reader
     * writes them ("default", then "zh"). Not {@code Map.of}: its iteration order changes from one JVM to the next,
     * and the Facts document of the same APK must come out byte for byte the same in every process.
     */
    public static Map<String, Map<String, String>> noStrings() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("default", Map.of());
        m.put("zh", Map.of());
        return Collections.unmodifiableMap(m);
    }
}
