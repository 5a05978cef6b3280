package com.admissiongate.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the six catalog files, validates each against its JSON Schema (draft 2020-12) and a few
 * cross-file rules, and builds {@link Catalogs}. Any problem is a {@link CatalogException} naming
 * the file and the JSON pointer of the bad entry: a gate must not start with a catalog it cannot trust.
 */
public final class CatalogLoader {

    /** Catalog file names, in the order they are hashed into {@link Catalogs#version()}. */
    public static final List<String> FILES = List.of("sdks.json", "packers.json", "permissions.json", "apis.json",
            "app-types.json", "sdk-blocklist.json");

    static final String RESOURCE_DIR = "catalog/";
    static final String SCHEMA_DIR = "catalog/schema/";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int MAX_REPORTED = 5;

    record SdkFile(String version, String source, List<SdkEntry> sdks) {
    }

    record PackerFile(String version, String source, List<PackerEntry> packers) {
    }

    record PermissionFile(String version, String source, List<PermissionEntry> permissions) {
    }

    record ApiFile(String version, String source, List<ApiEntry> apis) {
    }

    record AppTypeFile(String version, String source, Map<String, PiCode> piCodes, List<AppType> appTypes) {
    }

    record BlocklistFile(String version, String source, List<BlocklistEntry> entries) {
    }

    private CatalogLoader() {
        // Hidden constructor
    }

    /** Loads the catalogs shipped on the classpath under {@code catalog/}. */
    public static Catalogs fromClasspath() {
        return load(null);
    }

    /**
     * Loads catalogs from {@code dir}; a file absent there falls back to the classpath copy, so an
     * operator can override only {@code sdk-blocklist.json}. Schemas always come from the classpath.
     */
    public static Catalogs fromDirectory(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("dir == null");
        }
        return load(dir);
    }

    private static Catalogs load(Path dir) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        Map<String, JsonNode> trees = new HashMap<>();
        for (String file : FILES) {
            byte[] bytes = read(dir, file);
            raw.put(file, bytes);
            JsonNode tree = parse(file, bytes);
            if (!BuildValidatedCatalogs.validatedAtBuild(file, bytes)) {
                validate(file, tree);
            }
            trees.put(file, tree);
        }
        SdkFile sdkFile = bind("sdks.json", trees, SdkFile.class);
        PackerFile packerFile = bind("packers.json", trees, PackerFile.class);
        PermissionFile permFile = bind("permissions.json", trees, PermissionFile.class);
        ApiFile apiFile = bind("apis.json", trees, ApiFile.class);
        AppTypeFile typeFile = bind("app-types.json", trees, AppTypeFile.class);
        BlocklistFile blockFile = bind("sdk-blocklist.json", trees, BlocklistFile.class);

        checkUnique("sdks.json", "/sdks", sdkFile.sdks().stream().map(SdkEntry::id).toList(), "id");
        checkUnique("packers.json", "/packers", packerFile.packers().stream().map(PackerEntry::id).toList(), "id");
        checkUnique("permissions.json", "/permissions",
                permFile.permissions().stream().map(PermissionEntry::name).toList(), "name");
        checkUnique("apis.json", "/apis", apiFile.apis().stream().map(ApiEntry::key).toList(), "key");
        checkUnique("app-types.json", "/appTypes", typeFile.appTypes().stream().map(AppType::name).toList(), "name");
        checkUnique("app-types.json", "/appTypes",
                typeFile.appTypes().stream().map(t -> String.valueOf(t.id())).toList(), "id");

        PermissionCatalog permissions = new PermissionCatalog(permFile.permissions());
        for (int i = 0; i < apiFile.apis().size(); i++) {
            String p = apiFile.apis().get(i).permission();
            if (p != null && permissions.get(p).isEmpty()) {
                throw new CatalogException("apis.json", "/apis/" + i + "/permission",
                        "permission '" + p + "' is not in permissions.json (entry '" + apiFile.apis().get(i).key() + "')");
            }
        }
        for (int i = 0; i < typeFile.appTypes().size(); i++) {
            AppType t = typeFile.appTypes().get(i);
            for (int j = 0; j < t.allowedPermissions().size(); j++) {
                String p = t.allowedPermissions().get(j);
                if (permissions.get(p).isEmpty()) {
                    throw new CatalogException("app-types.json", "/appTypes/" + i + "/allowedPermissions/" + j,
                            "permission '" + p + "' is not in permissions.json (entry '" + t.name() + "')");
                }
            }
        }
        SdkCatalog sdks = new SdkCatalog(sdkFile.sdks());
        for (int i = 0; i < blockFile.entries().size(); i++) {
            BlocklistEntry b = blockFile.entries().get(i);
            if (sdks.byId(b.sdkId()).isEmpty()) {
                throw new CatalogException("sdk-blocklist.json", "/entries/" + i + "/sdkId",
                        "unknown SDK id '" + b.sdkId() + "' (not in sdks.json)");
            }
        }
        String version = "sdks=" + sdkFile.version() + ";packers=" + packerFile.version() + ";permissions="
                + permFile.version() + ";apis=" + apiFile.version() + ";app-types=" + typeFile.version()
                + ";sdk-blocklist=" + blockFile.version() + ";sha256=" + contentHash(raw);
        return new Catalogs(sdks, new PackerCatalog(packerFile.packers()), permissions,
                new ApiCatalog(apiFile.apis()), new AppTypeCatalog(typeFile.appTypes(), typeFile.piCodes()),
                new SdkBlocklist(blockFile.entries()), version);
    }

    private static byte[] read(Path dir, String file) {
        try {
            if (dir != null) {
                Path p = dir.resolve(file);
                if (Files.isRegularFile(p)) {
                    return Files.readAllBytes(p);
                }
            }
            try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
                if (in == null) {
                    throw new CatalogException(file, "", "catalog file not found on the classpath ("
                            + RESOURCE_DIR + file + ")" + (dir == null ? "" : " nor in " + dir));
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new CatalogException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String file, byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CatalogException(file, "", "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CatalogException(file, "cannot parse: " + e.getMessage(), e);
        }
    }

    static JsonSchema schemaFor(String file) {
        String name = SCHEMA_DIR + file.replace(".json", ".schema.json");
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new CatalogException(file, "", "schema " + name + " not found on the classpath");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(in), config);
        } catch (IOException e) {
            throw new CatalogException(file, "cannot read schema " + name + ": " + e.getMessage(), e);
        }
    }

    private static void validate(String file, JsonNode tree) {
        Set<ValidationMessage> errors = schemaFor(file).validate(tree);
        if (errors.isEmpty()) {
            return;
        }
        List<ValidationMessage> sorted = errors.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getError))
                .toList();
        ValidationMessage first = sorted.get(0);
        String pointer = pointer(first);
        StringBuilder msg = new StringBuilder(first.getError());
        String entry = entryLabel(tree, pointer);
        if (entry != null) {
            msg.append(" (entry ").append(entry).append(')');
        }
        if (sorted.size() > 1) {
            msg.append("; ").append(sorted.size() - 1).append(" more:");
            for (ValidationMessage m : sorted.subList(1, Math.min(sorted.size(), MAX_REPORTED))) {
                msg.append(' ').append(pointer(m)).append(' ').append(m.getError()).append(';');
            }
        }
        throw new CatalogException(file, pointer, msg.toString());
    }

    private static String pointer(ValidationMessage m) {
        String p = m.getInstanceLocation().toString();
        return p.isEmpty() ? "/" : p;
    }

    /** "'jpush'" for a pointer under /sdks/3: the id-like field of the array element the error is in. */
    static String entryLabel(JsonNode tree, String pointer) {
        String[] parts = pointer.split("/");
        if (parts.length < 3) {
            return null;
        }
        JsonNode entry = tree.at("/" + parts[1] + "/" + parts[2]);
        if (!entry.isObject()) {
            return null;
        }
        String label = null;
        for (String key : List.of("id", "sdkId", "key", "name")) {
            JsonNode v = entry.get(key);
            String text = v == null ? null : v.isValueNode() ? v.asText() : v.path("en").asText(null);
            if (text != null && label == null) {
                label = "'" + text + "'";
            } else if (text != null && "name".equals(key)) {
                label = label + " (" + text + ")";
            }
        }
        if (label != null) {
            return label;
        }
        return "#" + parts[2];
    }

    private static <T> T bind(String file, Map<String, JsonNode> trees, Class<T> type) {
        try {
            return MAPPER.treeToValue(trees.get(file), type);
        } catch (JsonProcessingException e) {
            throw new CatalogException(file, "", "does not bind to " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private static void checkUnique(String file, String arrayPointer, List<String> keys, String field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(keys.get(i))) {
                throw new CatalogException(file, arrayPointer + "/" + i + "/" + field,
                        "duplicate " + field + " '" + keys.get(i) + "'");
            }
        }
    }

    private static String contentHash(Map<String, byte[]> raw) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : raw.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
