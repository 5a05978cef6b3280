package com.admissiongate.catalog;

/**
 * One packer telltale. Kinds: {@code entry} exact ZIP entry name, {@code entryPrefix} entry name prefix,
 * {@code fileName} last path component of any entry, {@code nativeLib} file name of a {@code lib/} entry,
 * {@code classPrefix} dotted class-name prefix.
 */
public record Telltale(String kind, String value) {
}
