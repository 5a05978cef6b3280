package com.admissiongate.apk;

/** An archive or DEX found inside an entry; {@code kind} is apk, jar, zip or dex. */
public record NestedArchive(String path, String kind, int depth) {
}
