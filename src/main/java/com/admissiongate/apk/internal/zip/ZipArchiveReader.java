package com.admissiongate.apk.internal.zip;

import static com.admissiongate.apk.internal.Bytes.s64;
import static com.admissiongate.apk.internal.Bytes.u16;
import static com.admissiongate.apk.internal.Bytes.u32;

import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.ArchiveFacts;
import com.admissiongate.apk.IssueCode;
import com.admissiongate.apk.internal.Bytes;
import com.admissiongate.apk.internal.Issues;
import com.admissiongate.apk.io.ByteSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-written ZIP central-directory reader. Reads only the EOCD, the central directory, the
 * local headers and the APK Signing Block footer; every offset is checked against the source
 * before it is used. Failures become issues; the result is partial rather than an exception.
 *
 * @see <a href="https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT">APPNOTE.TXT</a>
 */
public final class ZipArchiveReader {

    static final int EOCD_SIG = 0x06054b50;
    static final int CD_SIG = 0x02014b50;
    static final int LFH_SIG = 0x04034b50;
    static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    static final int ZIP64_EOCD_SIG = 0x06064b50;
    static final int EOCD_SIZE = 22;
    static final int CD_HEADER_SIZE = 46;
    static final int LFH_SIZE = 30;
    static final int MAX_COMMENT = 0xffff;
    private static final long MAX_CD_BYTES = 256L << 20;
    private static final byte[] SIG_BLOCK_MAGIC = "APK Sig Block 42".getBytes(StandardCharsets.US_ASCII);

    private final ApkLimits limits;
    private final Issues issues;
    private final String area;
    private final String location;

    /**
     * @param area     incomplete-area name to use ("zip" for the APK, "nested" for inner archives)
     * @param location prefix for issue locations ("" for the APK itself, "outer.apk!" when nested)
     */
    public ZipArchiveReader(ApkLimits limits, Issues issues, String area, String location) {
        this.limits = limits;
        this.issues = issues;
        this.area = area;
        this.location = location;
    }

    public ZipArchive read(ByteSource src) throws IOException {
        long size = src.size();
        int tailLen = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
        if (tailLen < EOCD_SIZE) {
            return fail(src, IssueCode.ZIP_EOCD_NOT_FOUND, tailLen, size);
        }
        byte[] tail = src.readBytes(size - tailLen, tailLen);
        int eocdRel = -1;
        for (int i = tailLen - EOCD_SIZE; i >= 0; i--) {
            if (Bytes.s32(tail, i) == EOCD_SIG) {
                int commentLen = u16(tail, i + 20);
                if (commentLen <= tailLen - i - EOCD_SIZE) {
                    eocdRel = i;
                    break;
                }
            }
        }
        if (eocdRel < 0) {
            return fail(src, IssueCode.ZIP_EOCD_NOT_FOUND, tailLen, size);
        }
        long eocdOffset = size - tailLen + eocdRel;
        int commentLen = u16(tail, eocdRel + 20);
        int trailing = tailLen - eocdRel - EOCD_SIZE;
        if (commentLen != trailing) {
            issues.add(IssueCode.ZIP_EOCD_COMMENT_MISMATCH, location, eocdOffset, commentLen, trailing);
        }
        int disk = u16(tail, eocdRel + 4);
        int cdDisk = u16(tail, eocdRel + 6);
        long totalEntries = u16(tail, eocdRel + 10);
        long cdSize = u32(tail, eocdRel + 12);
        long cdOffset = u32(tail, eocdRel + 16);
        long cdBoundary = eocdOffset;
        if (disk != 0 || cdDisk != 0) {
            issues.add(IssueCode.ZIP_MULTI_DISK, location, disk, cdDisk);
        }
        if (totalEntries == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
            long[] z = readZip64(src, eocdOffset);
            if (z != null) {
                totalEntries = z[0];
                cdSize = z[1];
                cdOffset = z[2];
                cdBoundary = z[3];
            }
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset > cdBoundary || cdSize > cdBoundary - cdOffset) {
            issues.incomplete(area, IssueCode.ZIP_CENTRAL_DIRECTORY_OUT_OF_BOUNDS, location, cdOffset, cdSize,
                    cdBoundary);
            return new ZipArchive(src, List.of(), Map.of(), emptyFacts(commentLen), false);
        }
        if (cdOffset + cdSize < cdBoundary) {
            issues.add(IssueCode.ZIP_GARBAGE_BEFORE_EOCD, location, cdBoundary - cdOffset - cdSize,
                    cdOffset + cdSize, cdBoundary);
        }
        boolean complete = true;
        boolean nulInName = false;
        if (cdSize > MAX_CD_BYTES) {
            issues.incomplete(area, IssueCode.ZIP_TOO_MANY_ENTRIES, location, totalEntries, limits.maxEntries());
            return new ZipArchive(src, List.of(), Map.of(), emptyFacts(commentLen), false);
        }
        if (totalEntries > limits.maxEntries()) {
            issues.incomplete(area, IssueCode.ZIP_TOO_MANY_ENTRIES, location, totalEntries, limits.maxEntries());
            totalEntries = limits.maxEntries();
            complete = false;
        }
        byte[] cd = src.readBytes(cdOffset, (int) cdSize);
        SigningBlockInfo sigBlock = readSigningBlock(src, cdOffset);
        long dataBoundary = sigBlock != null ? sigBlock.offset : cdOffset;

        List<ZipEntryRecord> entries = new ArrayList<>();
        Map<String, Integer> nameCounts = new LinkedHashMap<>();
        long totalUncompressed = 0;
        long totalCompressed = 0;
        double maxRatio = 0;
        boolean totalReported = false;
        Map<String, Integer> methods = new TreeMap<>();
        int pos = 0;
        for (int idx = 0; idx < totalEntries; idx++) {
            if (pos + CD_HEADER_SIZE > cd.length || Bytes.s32(cd, pos) != CD_SIG) {
                issues.incomplete(area, IssueCode.ZIP_CENTRAL_DIRECTORY_TRUNCATED, location, idx, cdOffset + pos);
                complete = false;
                break;
            }
            int flags = u16(cd, pos + 8);
            int method = u16(cd, pos + 10);
            long crc = u32(cd, pos + 16);
            long csize = u32(cd, pos + 20);
            long usize = u32(cd, pos + 24);
            int nameLen = u16(cd, pos + 28);
            int extraLen = u16(cd, pos + 30);
            int commentLength = u16(cd, pos + 32);
            long lho = u32(cd, pos + 42);
            int recordLen = CD_HEADER_SIZE + nameLen + extraLen + commentLength;
            if (pos + (long) recordLen > cd.length) {
                issues.incomplete(area, IssueCode.ZIP_CENTRAL_DIRECTORY_TRUNCATED, location, idx, cdOffset + pos);
                complete = false;
                break;
            }
            byte[] nameBytes = Arrays.copyOfRange(cd, pos + CD_HEADER_SIZE, pos + CD_HEADER_SIZE + nameLen);
            if (usize == 0xffffffffL || csize == 0xffffffffL || lho == 0xffffffffL) {
                long[] z = zip64Extra(cd, pos + CD_HEADER_SIZE + nameLen, extraLen, usize, csize, lho);
                usize = z[0];
                csize = z[1];
                lho = z[2];
            }
            pos += recordLen;
            String name = new String(nameBytes, StandardCharsets.UTF_8);
            String loc = location + name;
            boolean readable = checkName(name, nameBytes, loc);
            nulInName |= !readable;
            methods.merge(Integer.toString(method), 1, Integer::sum);
            nameCounts.merge(name, 1, Integer::sum);
            totalUncompressed += usize;
            totalCompressed += csize;
            double ratio = csize > 0 ? (double) usize / csize : (usize > 0 ? usize : 0);
            maxRatio = Math.max(maxRatio, ratio);
            if (method != 0 && method != 8) {
                issues.add(IssueCode.ZIP_UNKNOWN_COMPRESSION_METHOD, loc, method);
                readable = false;
            }
            if ((flags & 1) != 0) {
                issues.add(IssueCode.ZIP_ENTRY_ENCRYPTED, loc, flags);
            }
            if (usize > limits.maxEntryUncompressed()) {
                issues.add(IssueCode.ZIP_ENTRY_TOO_LARGE, loc, usize, limits.maxEntryUncompressed());
                readable = false;
            } else if (usize > limits.ratioMinSize() && ratio > limits.maxRatio()) {
                issues.add(IssueCode.ZIP_RATIO_EXCEEDED, loc, ratio, usize, csize, limits.maxRatio());
                readable = false;
            }
            if (!totalReported && totalUncompressed > limits.maxTotalUncompressed()) {
                issues.add(IssueCode.ZIP_TOTAL_SIZE_EXCEEDED, location, totalUncompressed,
                        limits.maxTotalUncompressed());
                totalReported = true;
            }
            if (totalReported) {
                readable = false;
            }
            long dataOffset = -1;
            if (lho < 0 || lho + LFH_SIZE > dataBoundary) {
                issues.add(IssueCode.ZIP_LOCAL_HEADER_INVALID, loc, lho);
                readable = false;
            } else {
                // One read for header plus name: the local name nearly always has the CD name's length.
                int guess = (int) Math.min(LFH_SIZE + nameLen, dataBoundary - lho);
                byte[] lfh = src.readBytes(lho, guess);
                int lNameLen = u16(lfh, 26);
                int lExtraLen = u16(lfh, 28);
                if (Bytes.s32(lfh, 0) != LFH_SIG || lho + LFH_SIZE + lNameLen > dataBoundary) {
                    issues.add(IssueCode.ZIP_LOCAL_HEADER_INVALID, loc, lho);
                    readable = false;
                } else {
                    byte[] lName = lNameLen == guess - LFH_SIZE
                            ? Arrays.copyOfRange(lfh, LFH_SIZE, guess)
                            : src.readBytes(lho + LFH_SIZE, lNameLen);
                    if (!Arrays.equals(lName, nameBytes)) {
                        issues.add(IssueCode.ZIP_LOCAL_HEADER_NAME_MISMATCH, loc,
                                new String(lName, StandardCharsets.UTF_8), name);
                    }
                    int lMethod = u16(lfh, 8);
                    if (lMethod != method) {
                        issues.add(IssueCode.ZIP_LOCAL_HEADER_METHOD_MISMATCH, loc, lMethod, method);
                    }
                    dataOffset = lho + LFH_SIZE + lNameLen + lExtraLen;
                    if (dataOffset + csize > dataBoundary) {
                        issues.add(IssueCode.ZIP_ENTRY_OUT_OF_BOUNDS, loc, dataOffset, csize, dataBoundary);
                        readable = false;
                    }
                }
            }
            entries.add(new ZipEntryRecord(name, idx, method, flags, crc, csize, usize, lho, dataOffset, readable));
        }
        if (entries.size() < totalEntries && complete) {
            issues.add(IssueCode.ZIP_ENTRY_COUNT_MISMATCH, location, totalEntries, entries.size());
        }
        for (ZipEntryRecord e : entries) {
            if (!e.readable() && !(e.isDirectory() && e.uncompressedSize() == 0)) {
                issues.markIncomplete(area, "ZIP_ENTRY_UNREADABLE");
                break;
            }
        }
        if (nulInName) {
            // an empty directory is exempt above, but a NUL in any name is a hostile archive (two readers can see
            // two different names): fail closed whatever the entry is (found by ZipFuzzTests)
            issues.markIncomplete(area, "ZIP_ENTRY_NUL_IN_NAME");
        }
        List<String> duplicates = new ArrayList<>();
        nameCounts.forEach((n, c) -> {
            if (c > 1) {
                duplicates.add(n);
                issues.add(IssueCode.ZIP_DUPLICATE_ENTRY, location + n, n, c);
            }
        });
        Map<String, ZipEntryRecord> byName = new HashMap<>();
        for (ZipEntryRecord e : entries) {
            byName.putIfAbsent(e.name(), e);
        }
        long prefix = 0;
        boolean prefixIsDex = false;
        long firstLocal = entries.isEmpty() ? (sigBlock != null ? sigBlock.offset : cdOffset)
                : entries.stream().mapToLong(ZipEntryRecord::localHeaderOffset).min().getAsLong();
        if (firstLocal > 0 && firstLocal <= size) {
            prefix = firstLocal;
            byte[] head = src.readBytes(0, (int) Math.min(8, prefix));
            prefixIsDex = Bytes.isDexMagic(head, 0, head.length);
            if (prefixIsDex) {
                issues.add(IssueCode.ZIP_PREFIX_DEX, location, prefix);
            } else {
                issues.add(IssueCode.ZIP_PREFIX_BYTES, location, prefix);
            }
        }
        int outside = countEntriesOutsideCd(src, entries, dataBoundary);
        if (outside > 0) {
            issues.add(IssueCode.ZIP_ENTRIES_OUTSIDE_CENTRAL_DIRECTORY, location, outside);
        }
        ArchiveFacts.SigningBlock sb = sigBlock == null ? null
                : new ArchiveFacts.SigningBlock(sigBlock.offset, sigBlock.size, List.copyOf(sigBlock.ids));
        ArchiveFacts facts = new ArchiveFacts(entries.size(), totalUncompressed, totalCompressed,
                Math.round(maxRatio * 100.0) / 100.0, java.util.Collections.unmodifiableMap(methods), List.copyOf(duplicates), outside,
                prefix, prefixIsDex, commentLen, sb, byName.containsKey("AndroidManifest.xml"),
                byName.containsKey("resources.arsc"));
        return new ZipArchive(src, List.copyOf(entries), Map.copyOf(byName), facts, complete);
    }

    private boolean checkName(String name, byte[] raw, String loc) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                issues.add(IssueCode.ZIP_ENTRY_NUL_IN_NAME, loc.replace('\0', '?'), name.replace('\0', '?'), i);
                return false;
            }
        }
        if (name.indexOf('\\') >= 0) {
            issues.add(IssueCode.ZIP_ENTRY_BACKSLASH, loc, name);
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.equals("..") || n.startsWith("../") || n.contains("/../") || n.endsWith("/..")
                || (n.length() > 1 && n.charAt(1) == ':')) {
            issues.add(IssueCode.ZIP_ENTRY_PATH_TRAVERSAL, loc, name);
        }
        return true;
    }

    /** Returns {totalEntries, cdSize, cdOffset, zip64EocdOffset} or null (issue added). */
    private long[] readZip64(ByteSource src, long eocdOffset) throws IOException {
        if (eocdOffset < 20) {
            return null;
        }
        byte[] loc = src.readBytes(eocdOffset - 20, 20);
        if (Bytes.s32(loc, 0) != ZIP64_LOCATOR_SIG) {
            // Plain ZIP with 0xffff entries or similar: not ZIP64 after all.
            return null;
        }
        long recOffset = s64(loc, 8);
        if (recOffset < 0 || recOffset + 56 > eocdOffset - 20) {
            issues.add(IssueCode.ZIP64_MALFORMED, location, "record offset " + recOffset + " outside the file");
            return null;
        }
        byte[] rec = src.readBytes(recOffset, 56);
        if (Bytes.s32(rec, 0) != ZIP64_EOCD_SIG) {
            issues.add(IssueCode.ZIP64_MALFORMED, location, "bad signature at " + recOffset);
            return null;
        }
        return new long[] {s64(rec, 32), s64(rec, 40), s64(rec, 48), recOffset};
    }

    private static long[] zip64Extra(byte[] cd, int off, int len, long usize, long csize, long lho) {
        int end = off + len;
        while (off + 4 <= end) {
            int id = u16(cd, off);
            int sz = u16(cd, off + 2);
            int p = off + 4;
            if (p + sz > end) {
                break;
            }
            if (id == 1) {
                int q = p;
                if (usize == 0xffffffffL && q + 8 <= p + sz) {
                    usize = s64(cd, q);
                    q += 8;
                }
                if (csize == 0xffffffffL && q + 8 <= p + sz) {
                    csize = s64(cd, q);
                    q += 8;
                }
                if (lho == 0xffffffffL && q + 8 <= p + sz) {
                    lho = s64(cd, q);
                }
                break;
            }
            off = p + sz;
        }
        return new long[] {usize, csize, lho};
    }

    private record SigningBlockInfo(long offset, long size, List<String> ids) {
    }

    /** @see <a href="https://source.android.com/docs/security/features/apksigning/v2">APK Signing Block</a> */
    private SigningBlockInfo readSigningBlock(ByteSource src, long cdOffset) throws IOException {
        if (cdOffset < 32) {
            return null;
        }
        byte[] footer = src.readBytes(cdOffset - 24, 24);
        if (!Arrays.equals(Arrays.copyOfRange(footer, 8, 24), SIG_BLOCK_MAGIC)) {
            return null;
        }
        long sizeInFooter = s64(footer, 0);
        if (sizeInFooter < 24 || sizeInFooter > cdOffset - 8) {
            issues.add(IssueCode.APK_SIG_BLOCK_MALFORMED, location,
                    "size " + sizeInFooter + " does not fit before the central directory at " + cdOffset);
            return null;
        }
        long start = cdOffset - sizeInFooter - 8;
        long sizeInHeader = s64(src.readBytes(start, 8), 0);
        if (sizeInHeader != sizeInFooter) {
            issues.add(IssueCode.APK_SIG_BLOCK_MALFORMED, location,
                    "header size " + sizeInHeader + " differs from footer size " + sizeInFooter);
            return null;
        }
        List<String> ids = new ArrayList<>();
        long p = start + 8;
        long end = cdOffset - 24;
        while (p < end) {
            if (end - p < 12) {
                issues.add(IssueCode.APK_SIG_BLOCK_MALFORMED, location, "truncated pair at " + p);
                break;
            }
            byte[] h = src.readBytes(p, 12);
            long len = s64(h, 0);
            if (len < 4 || len > end - p - 8) {
                issues.add(IssueCode.APK_SIG_BLOCK_MALFORMED, location,
                        "pair at " + p + " declares length " + len + ", " + (end - p - 8) + " bytes remain");
                break;
            }
            ids.add(String.format("0x%08x", Bytes.s32(h, 8)));
            if (ids.size() > 1000) {
                break;
            }
            p += 8 + len;
        }
        return new SigningBlockInfo(start, sizeInFooter + 8, ids);
    }

    /** Walks the gaps between referenced entries looking for local headers the CD does not list. */
    private int countEntriesOutsideCd(ByteSource src, List<ZipEntryRecord> entries, long boundary)
            throws IOException {
        List<ZipEntryRecord> sorted = new ArrayList<>();
        for (ZipEntryRecord e : entries) {
            if (e.dataOffset() >= 0) {
                sorted.add(e);
            }
        }
        sorted.sort(Comparator.comparingLong(ZipEntryRecord::localHeaderOffset));
        int count = 0;
        for (int i = 0; i < sorted.size() && count < 100_000; i++) {
            ZipEntryRecord e = sorted.get(i);
            long gapEnd = i + 1 < sorted.size() ? sorted.get(i + 1).localHeaderOffset() : boundary;
            long p = e.dataOffset() + e.compressedSize();
            if ((e.flags() & 8) != 0) {
                p += skipDataDescriptor(src, p, gapEnd);
            }
            while (p >= 0 && p + LFH_SIZE <= gapEnd && count < 100_000) {
                byte[] h = src.readBytes(p, LFH_SIZE);
                if (Bytes.s32(h, 0) != LFH_SIG) {
                    break;
                }
                count++;
                p += LFH_SIZE + u16(h, 26) + u16(h, 28) + u32(h, 18);
            }
        }
        return count;
    }

    private static long skipDataDescriptor(ByteSource src, long p, long gapEnd) throws IOException {
        if (p + 4 <= gapEnd && Bytes.s32(src.readBytes(p, 4), 0) == 0x08074b50) {
            return 16;
        }
        return 12;
    }

    private ZipArchive fail(ByteSource src, IssueCode code, Object... args) {
        issues.incomplete(area, code, location.isEmpty() ? null : location, args);
        return new ZipArchive(src, List.of(), Map.of(), emptyFacts(0), false);
    }

    private static ArchiveFacts emptyFacts(int commentLen) {
        return new ArchiveFacts(0, 0, 0, 0.0, Map.of(), List.of(), 0, 0, false, commentLen, null, false, false);
    }
}
