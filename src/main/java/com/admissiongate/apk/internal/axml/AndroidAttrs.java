package com.admissiongate.apk.internal.axml;

/**
 * Framework attribute resource ids ({@code android.R.attr}), from the platform's public.xml.
 * Android's package parser identifies attributes by these ids, not by their names.
 */
public final class AndroidAttrs {

    public static final int LABEL = 0x01010001;
    public static final int NAME = 0x01010003;
    public static final int PERMISSION = 0x01010006;
    public static final int PROTECTION_LEVEL = 0x01010009;
    public static final int SHARED_USER_ID = 0x0101000b;
    public static final int ENABLED = 0x0101000e;
    public static final int DEBUGGABLE = 0x0101000f;
    public static final int EXPORTED = 0x01010010;
    public static final int AUTHORITIES = 0x01010018;
    public static final int VALUE = 0x01010024;
    public static final int RESOURCE = 0x01010025;
    public static final int MIME_TYPE = 0x01010026;
    public static final int SCHEME = 0x01010027;
    public static final int HOST = 0x01010028;
    public static final int PORT = 0x01010029;
    public static final int PATH = 0x0101002a;
    public static final int PATH_PREFIX = 0x0101002b;
    public static final int PATH_PATTERN = 0x0101002c;
    public static final int TARGET_ACTIVITY = 0x01010202;
    public static final int MIN_SDK_VERSION = 0x0101020c;
    public static final int VERSION_CODE = 0x0101021b;
    public static final int VERSION_NAME = 0x0101021c;
    public static final int TARGET_SDK_VERSION = 0x01010270;
    public static final int MAX_SDK_VERSION = 0x01010271;
    public static final int TEST_ONLY = 0x01010272;
    public static final int ALLOW_BACKUP = 0x01010280;
    public static final int REQUIRED = 0x0101028e;
    public static final int EXTRACT_NATIVE_LIBS = 0x010104ea;
    public static final int FULL_BACKUP_CONTENT = 0x010104eb;
    public static final int USES_CLEARTEXT_TRAFFIC = 0x010104ec;
    public static final int NETWORK_SECURITY_CONFIG = 0x01010527;
    public static final int COMPILE_SDK_VERSION = 0x01010572;
    public static final int VERSION_CODE_MAJOR = 0x01010576;
    public static final int FOREGROUND_SERVICE_TYPE = 0x01010599;
    public static final int DATA_EXTRACTION_RULES = 0x0101063e;

    private AndroidAttrs() {
    }
}
