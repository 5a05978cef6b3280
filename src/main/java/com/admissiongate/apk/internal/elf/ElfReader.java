package com.admissiongate.apk.internal.elf;

import com.admissiongate.apk.internal.Bytes;

/**
 * Reads the ELF identification and program headers of a native library prefix to find its
 * class and whether every PT_LOAD segment works with 16 KiB pages (p_align a multiple of 16 KiB
 * and p_offset congruent to p_vaddr modulo 16 KiB), as Android 15's 16 KB page support requires.
 */
public final class ElfReader {

    public static final int PAGE_16K = 16384;
    private static final int PT_LOAD = 1;

    /** Class (32/64) and alignment; {@code aligned} null when the headers were not available. */
    public record ElfInfo(int elfClass, Boolean aligned16k) {
    }

    private ElfReader() {
    }

    /** Returns null when {@code b} is not an ELF header; throws nothing on truncation. */
    public static ElfInfo read(byte[] b) {
        if (b.length < 52 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
            return null;
        }
        int cls = b[4] == 2 ? 64 : b[4] == 1 ? 32 : 0;
        if (cls == 0 || b[5] != 1) {
            // Big-endian or unknown class: not an Android library.
            return cls == 0 ? null : new ElfInfo(cls, null);
        }
        long phoff;
        int phentsize;
        int phnum;
        if (cls == 64) {
            if (b.length < 64) {
                return new ElfInfo(cls, null);
            }
            phoff = Bytes.s64(b, 32);
            phentsize = Bytes.u16(b, 54);
            phnum = Bytes.u16(b, 56);
        } else {
            phoff = Bytes.u32(b, 28);
            phentsize = Bytes.u16(b, 42);
            phnum = Bytes.u16(b, 44);
        }
        int minEnt = cls == 64 ? 56 : 32;
        if (phoff < 0 || phentsize < minEnt || phoff + (long) phnum * phentsize > b.length) {
            return new ElfInfo(cls, null);
        }
        boolean aligned = true;
        int loads = 0;
        for (int i = 0; i < phnum; i++) {
            int p = (int) phoff + i * phentsize;
            if (Bytes.s32(b, p) != PT_LOAD) {
                continue;
            }
            loads++;
            long offset;
            long vaddr;
            long align;
            if (cls == 64) {
                offset = Bytes.s64(b, p + 8);
                vaddr = Bytes.s64(b, p + 16);
                align = Bytes.s64(b, p + 48);
            } else {
                offset = Bytes.u32(b, p + 4);
                vaddr = Bytes.u32(b, p + 8);
                align = Bytes.u32(b, p + 28);
            }
            if (align <= 0 || align % PAGE_16K != 0 || Math.floorMod(offset, PAGE_16K) != Math.floorMod(vaddr, PAGE_16K)) {
                aligned = false;
            }
        }
        return new ElfInfo(cls, loads == 0 ? null : aligned);
    }
}
