package com.admissiongate.apk;

/**
 * Stable issue codes emitted by {@link ApkAnalyzer}. Each carries a severity and a printf
 * template whose arguments are the real numbers found in the input.
 */
public enum IssueCode {
    IO_ERROR(Severity.ERROR, "I/O error: %1$s"),
    ANALYSIS_FAILED(Severity.ERROR, "%1$s analysis failed: %2$s"),

    ZIP_EOCD_NOT_FOUND(Severity.ERROR,
            "End of central directory record not found in the last %1$d bytes of a %2$d-byte file"),
    ZIP_EOCD_COMMENT_MISMATCH(Severity.WARNING,
            "EOCD at %1$d declares a %2$d-byte comment but %3$d bytes follow it"),
    ZIP_MULTI_DISK(Severity.ERROR, "Multi-disk archives are not supported (disk %1$d, cd disk %2$d)"),
    ZIP64_MALFORMED(Severity.ERROR, "ZIP64 end of central directory is malformed: %1$s"),
    ZIP_CENTRAL_DIRECTORY_OUT_OF_BOUNDS(Severity.ERROR,
            "Central directory [offset %1$d, size %2$d] lies outside the %3$d bytes before the EOCD"),
    ZIP_CENTRAL_DIRECTORY_TRUNCATED(Severity.ERROR,
            "Central directory record %1$d at offset %2$d is truncated or has a bad signature"),
    ZIP_ENTRY_COUNT_MISMATCH(Severity.WARNING, "EOCD declares %1$d entries, central directory holds %2$d"),
    ZIP_TOO_MANY_ENTRIES(Severity.ERROR, "Archive has %1$d entries, limit is %2$d"),
    ZIP_GARBAGE_BEFORE_EOCD(Severity.WARNING,
            "%1$d bytes between the end of the central directory (%2$d) and the EOCD (%3$d)"),
    ZIP_PREFIX_BYTES(Severity.WARNING, "%1$d bytes precede the first local file header"),
    ZIP_PREFIX_DEX(Severity.ERROR,
            "The %1$d bytes before the first local file header are a DEX file (Janus, CVE-2017-13156)"),
    ZIP_LOCAL_HEADER_INVALID(Severity.ERROR, "Local file header at offset %1$d is missing or truncated"),
    ZIP_LOCAL_HEADER_NAME_MISMATCH(Severity.ERROR,
            "Local file header names '%1$s' but the central directory names '%2$s'"),
    ZIP_LOCAL_HEADER_METHOD_MISMATCH(Severity.WARNING,
            "Local file header compression method %1$d differs from central directory method %2$d"),
    ZIP_ENTRY_OUT_OF_BOUNDS(Severity.ERROR,
            "Entry data [offset %1$d, size %2$d] extends past the central directory start %3$d"),
    ZIP_ENTRIES_OUTSIDE_CENTRAL_DIRECTORY(Severity.WARNING,
            "%1$d local file headers are not referenced by the central directory"),
    ZIP_DUPLICATE_ENTRY(Severity.ERROR, "Entry name '%1$s' occurs %2$d times"),
    ZIP_ENTRY_PATH_TRAVERSAL(Severity.ERROR, "Entry name '%1$s' escapes the archive root"),
    ZIP_ENTRY_BACKSLASH(Severity.WARNING, "Entry name '%1$s' contains a backslash"),
    ZIP_ENTRY_NUL_IN_NAME(Severity.ERROR, "Entry name '%1$s' contains a NUL byte at index %2$d"),
    ZIP_ENTRY_TOO_LARGE(Severity.ERROR, "Entry declares %1$d uncompressed bytes, limit is %2$d"),
    ZIP_TOTAL_SIZE_EXCEEDED(Severity.ERROR, "Entries declare %1$d uncompressed bytes in total, limit is %2$d"),
    ZIP_RATIO_EXCEEDED(Severity.ERROR, "Entry compression ratio %1$.1f (%2$d / %3$d bytes) exceeds %4$.1f"),
    ZIP_UNKNOWN_COMPRESSION_METHOD(Severity.WARNING, "Entry uses unsupported compression method %1$d"),
    ZIP_ENTRY_ENCRYPTED(Severity.WARNING, "Entry has the encryption flag set (general purpose flags 0x%1$04x)"),
    ZIP_ENTRY_SIZE_MISMATCH(Severity.ERROR, "Entry inflates to more than its declared %1$d bytes"),
    ZIP_INFLATE_FAILED(Severity.ERROR, "Entry could not be inflated: %1$s"),
    APK_SIG_BLOCK_MALFORMED(Severity.WARNING, "APK Signing Block is malformed: %1$s"),

    AXML_NOT_BINARY_XML(Severity.ERROR, "Not a binary XML document (chunk type 0x%1$04x, %2$d bytes)"),
    AXML_CHUNK_OUT_OF_BOUNDS(Severity.ERROR,
            "Chunk type 0x%1$04x at offset %2$d declares size %3$d (header %4$d) but %5$d bytes remain"),
    AXML_STRING_POOL_OUT_OF_BOUNDS(Severity.ERROR, "String pool: %1$s"),
    AXML_STRING_POOL_TOO_LARGE(Severity.ERROR, "String pool has %1$d bytes, limit is %2$d"),
    AXML_STRING_INDEX_OUT_OF_BOUNDS(Severity.ERROR, "String index %1$d outside a pool of %2$d strings"),
    AXML_ATTRIBUTE_OUT_OF_BOUNDS(Severity.ERROR,
            "Element at offset %1$d: %2$d attributes of %3$d bytes from %4$d exceed the %5$d-byte chunk"),
    AXML_MALFORMED(Severity.ERROR, "Binary XML is malformed: %1$s"),

    MANIFEST_MISSING(Severity.ERROR, "AndroidManifest.xml is missing"),
    MANIFEST_UNREADABLE(Severity.ERROR, "AndroidManifest.xml could not be read: %1$s"),
    MANIFEST_BAD_ROOT(Severity.ERROR, "Root element is <%1$s>, expected <manifest>"),
    MANIFEST_NO_PACKAGE(Severity.ERROR, "<manifest> has no package attribute"),
    MANIFEST_MULTIPLE_APPLICATION(Severity.WARNING, "%1$d <application> elements; Android uses the first"),
    MANIFEST_SDK_CODENAME(Severity.INFO, "%1$s is the codename '%2$s'; treated as development SDK %3$d"),

    ARSC_MALFORMED(Severity.WARNING, "resources.arsc is malformed: %1$s"),
    ARSC_REFERENCE_UNRESOLVED(Severity.WARNING, "Resource reference %1$s used by %2$s could not be resolved"),
    ARSC_LIMIT_REACHED(Severity.INFO, "Only the first %1$d strings of locale '%2$s' were collected"),
    NSC_MALFORMED(Severity.WARNING, "Network security config could not be read: %1$s"),
    LAYOUT_MALFORMED(Severity.WARNING, "Layout %1$s could not be read for password fields: %2$s"),

    DEX_BAD_MAGIC(Severity.ERROR, "Not a DEX file (magic %1$s)"),
    DEX_HEADER_TRUNCATED(Severity.ERROR, "DEX has %1$d bytes, header needs 112"),
    DEX_FILE_SIZE_MISMATCH(Severity.WARNING, "DEX header file_size %1$d differs from the %2$d bytes present"),
    DEX_TOO_LARGE(Severity.ERROR, "DEX has %1$d bytes, limit is %2$d"),
    DEX_STRING_IDS_OUT_OF_BOUNDS(Severity.ERROR, "string_ids [offset %1$d, count %2$d] outside %3$d bytes"),
    DEX_TYPE_IDS_OUT_OF_BOUNDS(Severity.ERROR, "type_ids [offset %1$d, count %2$d] outside %3$d bytes"),
    DEX_PROTO_IDS_OUT_OF_BOUNDS(Severity.ERROR, "proto_ids [offset %1$d, count %2$d] outside %3$d bytes"),
    DEX_FIELD_IDS_OUT_OF_BOUNDS(Severity.ERROR, "field_ids [offset %1$d, count %2$d] outside %3$d bytes"),
    DEX_METHOD_IDS_OUT_OF_BOUNDS(Severity.ERROR, "method_ids [offset %1$d, count %2$d] outside %3$d bytes"),
    DEX_CLASS_DEFS_OUT_OF_BOUNDS(Severity.ERROR, "class_defs [offset %1$d, count %2$d] outside %3$d bytes"),
    DEX_DATA_OUT_OF_BOUNDS(Severity.ERROR, "%1$s at offset %2$d lies outside the %3$d-byte file"),
    DEX_INDEX_OUT_OF_BOUNDS(Severity.ERROR, "%1$s index %2$d outside a table of %3$d"),
    DEX_MALFORMED(Severity.ERROR, "DEX is malformed: %1$s"),
    DEX_OUTSIDE_CLASSES(Severity.WARNING, "DEX code stored outside classes*.dex (%1$s)"),

    NATIVE_ELF_MALFORMED(Severity.WARNING, "Native library is not a valid ELF file: %1$s"),
    NESTED_TOO_DEEP(Severity.WARNING, "Nested archive at depth %1$d exceeds the nesting limit %2$d"),
    NESTED_ARCHIVE_MALFORMED(Severity.WARNING, "Nested archive could not be read: %1$s"),
    LIMIT_REACHED(Severity.INFO, "Only the first %1$d %2$s were kept");

    private final Severity severity;
    private final String template;

    IssueCode(Severity severity, String template) {
        this.severity = severity;
        this.template = template;
    }

    public Severity severity() {
        return severity;
    }

    public String template() {
        return template;
    }

    String format(Object... args) {
        try {
            return String.format(java.util.Locale.ROOT, template, args);
        } catch (java.util.IllegalFormatException e) {
            return template + " " + java.util.Arrays.toString(args);
        }
    }
}
