package com.admissiongate.catalog;

/**
 * A PI-touching API: {@code key} is a smali method/field-ref or class prefix
 * ({@code Landroid/telephony/TelephonyManager;->getDeviceId}) or a content URI ({@code content://sms}).
 * {@code kind} is method, field, class or contentUri.
 */
public record ApiEntry(String key, String kind, String piType, boolean sensitive, String permission, String note) {

    public boolean isContentUri() {
        return "contentUri".equals(kind);
    }
}
