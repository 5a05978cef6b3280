package com.admissiongate.catalog;

/** Chinese and English display names; {@code zh} is null for SDKs known only from εxodus. */
public record LocalizedName(String zh, String en) {
}
