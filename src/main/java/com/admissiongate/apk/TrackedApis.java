package com.admissiongate.apk;

import java.util.List;

/**
 * Smali method-reference prefixes whose call sites are listed in the Facts ({@code dex.callSites}).
 * A prefix is {@code Lpkg/Cls;->name(} (one method, any overload) or {@code Lpkg/Cls;->} (any
 * method of the class). Matching is on the class named in the instruction's method_id, as dexdump
 * prints it; calls through a subclass reference do not match.
 */
public record TrackedApis(List<String> prefixes) {

    /** Regulations §3 APIs plus the 16 APIs the corpus oracle counts. */
    public static TrackedApis defaults() {
        return new TrackedApis(List.of(
                "Landroid/telephony/TelephonyManager;->getDeviceId(",
                "Landroid/telephony/TelephonyManager;->getSubscriberId(",
                "Landroid/telephony/TelephonyManager;->getLine1Number(",
                "Landroid/telephony/TelephonyManager;->getSimSerialNumber(",
                "Landroid/telephony/TelephonyManager;->getImei(",
                "Landroid/telephony/TelephonyManager;->getMeid(",
                "Landroid/telephony/TelephonyManager;->getCellLocation(",
                "Landroid/telephony/TelephonyManager;->getAllCellInfo(",
                "Landroid/content/pm/PackageManager;->getInstalledPackages(",
                "Landroid/content/pm/PackageManager;->getInstalledApplications(",
                "Landroid/content/pm/PackageManager;->queryIntentActivities(",
                "Landroid/app/ActivityManager;->getRunningAppProcesses(",
                "Landroid/app/usage/UsageStatsManager;->queryUsageStats(",
                "Landroid/telephony/SmsManager;->",
                "Landroid/location/LocationManager;->getLastKnownLocation(",
                "Landroid/location/LocationManager;->requestLocationUpdates(",
                "Landroid/net/wifi/WifiManager;->getScanResults(",
                "Landroid/net/wifi/WifiInfo;->getMacAddress(",
                "Landroid/net/wifi/WifiInfo;->getBSSID(",
                "Ljava/net/NetworkInterface;->getHardwareAddress(",
                "Landroid/bluetooth/BluetoothAdapter;->getAddress(",
                "Landroid/bluetooth/BluetoothAdapter;->getBondedDevices(",
                "Landroid/bluetooth/BluetoothDevice;->getAddress(",
                "Landroid/os/Build;->getSerial(",
                "Landroid/provider/Settings$Secure;->getString(",
                "Landroid/accounts/AccountManager;->getAccounts(",
                "Landroid/content/ContentResolver;->query(",
                "Landroid/content/ClipboardManager;->getPrimaryClip(",
                "Landroid/hardware/Camera;->open(",
                "Landroid/hardware/camera2/CameraManager;->openCamera(",
                "Landroidx/camera/core/ImageCapture;->takePicture(",
                "Landroid/media/AudioRecord;->startRecording(",
                "Landroid/media/MediaRecorder;->setAudioSource(",
                "Landroid/hardware/biometrics/BiometricPrompt;->authenticate(",
                "Landroid/hardware/fingerprint/FingerprintManager;->authenticate(",
                "Landroid/webkit/WebView;->addJavascriptInterface(",
                "Ljava/lang/Runtime;->exec(",
                "Ldalvik/system/DexClassLoader;-><init>(",
                "Ljava/lang/Class;->forName(",
                "Ljava/lang/reflect/Method;->invoke(",
                "Ljavax/crypto/Cipher;->getInstance("));
    }
}
