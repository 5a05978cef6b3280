package com.admissiongate.apk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Facts from AndroidManifest.xml. Attributes are looked up by framework resource id, as
 * Android does. Application attributes are the raw values ({@code null} when absent), not
 * platform defaults; component {@code exported} is the effective value.
 */
@JsonPropertyOrder({"package", "versionCode", "versionCodeMajor", "versionName", "minSdk", "targetSdk",
    "maxSdk", "compileSdk", "sharedUserId", "permissions", "declaredPermissions", "application",
    "activities", "activityAliases", "services", "receivers", "providers", "launcherActivity",
    "metaData", "queries", "usesFeatures"})
public record ManifestFacts(
        @JsonProperty("package") String packageName,
        Long versionCode,
        Long versionCodeMajor,
        String versionName,
        Integer minSdk,
        Integer targetSdk,
        Integer maxSdk,
        Integer compileSdk,
        String sharedUserId,
        List<UsesPermission> permissions,
        List<DeclaredPermission> declaredPermissions,
        Application application,
        List<Component> activities,
        List<Component> activityAliases,
        List<Component> services,
        List<Component> receivers,
        List<Component> providers,
        String launcherActivity,
        List<MetaData> metaData,
        Queries queries,
        List<UsesFeature> usesFeatures) {

    public record UsesPermission(String name, Integer maxSdk, boolean sdk23) {
    }

    public record DeclaredPermission(String name, String protectionLevel) {
    }

    public record Application(String name, String label, Boolean debuggable, Boolean allowBackup,
            String fullBackupContent, String dataExtractionRules, Boolean usesCleartextTraffic,
            String networkSecurityConfig, Boolean testOnly, Boolean extractNativeLibs) {

        public static Application empty() {
            return new Application(null, null, null, null, null, null, null, null, null, null);
        }
    }

    public record Component(String name, boolean exported, Boolean exportedAttr, String permission,
            boolean enabled, List<String> authorities, String foregroundServiceType,
            List<IntentFilter> intentFilters) {
    }

    public record IntentFilter(List<String> actions, List<String> categories, List<Data> data) {
    }

    public record Data(String scheme, String host, String port, String path, String mimeType) {
    }

    public record MetaData(String name, String value, String resource) {
    }

    public record Queries(List<String> packages, List<String> intents, List<String> providers) {
    }

    public record UsesFeature(String name, boolean required) {
    }

    public static ManifestFacts empty() {
        return new ManifestFacts(null, null, null, null, null, null, null, null, null, List.of(), List.of(),
                Application.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(),
                new Queries(List.of(), List.of(), List.of()), List.of());
    }
}
