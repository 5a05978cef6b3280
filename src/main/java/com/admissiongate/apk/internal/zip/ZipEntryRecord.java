package com.admissiongate.apk.internal.zip;

/**
 * A central-directory entry after local-header cross-checks. {@code dataOffset} is -1 when the
 * local header was unusable; {@code readable} is false when the data cannot be extracted
 * (bad local header, out-of-bounds data, unknown method, encryption, limits).
 */
public record ZipEntryRecord(
        String name,
        int index,
        int method,
        int flags,
        long crc,
        long compressedSize,
        long uncompressedSize,
        long localHeaderOffset,
        long dataOffset,
        boolean readable) {

    public boolean isDirectory() {
        return name.endsWith("/");
    }

    public double ratio() {
        return compressedSize <= 0 ? (uncompressedSize > 0 ? uncompressedSize : 0.0)
                : (double) uncompressedSize / compressedSize;
    }
}
