package com.admissiongate.catalog;

/**
 * One invoke of a tracked API, both sides in smali: {@code caller} = {@code Lcom/app/Main;->onCreate()V},
 * {@code callee} = {@code Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;}. For a
 * content URI the callee is the URI string constant and the caller the method that loads it.
 */
public record CallSite(String caller, String callee) {
}
