/**
 * Versioned knowledge catalogs (SDKs, packers, permissions, APIs, app types, SDK blocklist) and the
 * detectors that apply them to extracted APK facts. Plain Java: no framework imports, so the CLI and
 * the analyzer can use it without a container.
 */
package com.admissiongate.catalog;
