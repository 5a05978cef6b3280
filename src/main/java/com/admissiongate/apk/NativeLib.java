package com.admissiongate.apk;

/**
 * A {@code lib/<abi>/*.so} entry. {@code pageAligned16k} is true when every PT_LOAD segment has
 * p_align, p_offset and p_vaddr compatible with 16 KiB pages; null when the ELF was unreadable.
 */
public record NativeLib(String path, String abi, String name, long size, Integer elfClass,
        Boolean pageAligned16k) {
}
