package com.admissiongate.apk.signing;

import com.admissiongate.apk.signing.SigningReport.BlockId;
import com.android.apksig.apk.ApkSigningBlockNotFoundException;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.util.DataSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists the id/value pairs of the APK Signing Block. apksig locates the block (EOCD, central
 * directory offset, "APK Sig Block 42" magic); the pairs are walked here because apksig only
 * exposes the ids of the schemes it verifies.
 *
 * @see <a href="https://source.android.com/docs/security/features/apksigning/v2#apk-signing-block">APK Signing Block</a>
 */
final class ApkSigningBlockReader {

    /** Outcome; {@code problem} is null unless the pair list was cut short by a malformed pair. */
    record Ids(List<BlockId> ids, String problem) {
    }

    static final int V2 = 0x7109871a;
    static final int V3 = 0xf05368c0;
    static final int V31 = 0x1b93ad61;
    static final int VERITY_PADDING = 0x42726577;
    static final int SOURCE_STAMP_V1 = 0x2b09189e;
    static final int SOURCE_STAMP_V2 = 0x6dff800d;
    static final int FROSTING = 0x2146444e;
    static final int MEITUAN = 0x71777777;
    static final int DEPENDENCY_METADATA = 0x504b4453;

    // Block layout: u64 size, pairs, u64 size, 16-byte magic.
    private static final int HEADER = 8;
    private static final int FOOTER = 24;
    private static final int PAIR_HEADER = 12;
    private static final int MAX_PAIRS = 4096;

    private ApkSigningBlockReader() {
        // Hidden constructor
    }

    static Ids read(DataSource apk, ApkUtils.ZipSections sections) throws IOException {
        DataSource block;
        try {
            block = ApkUtils.findApkSigningBlock(apk, sections).getContents();
        } catch (ApkSigningBlockNotFoundException e) {
            return new Ids(List.of(), null);
        }
        long end = block.size() - FOOTER;
        long offset = HEADER;
        List<BlockId> ids = new ArrayList<>();
        while (offset < end) {
            if (ids.size() == MAX_PAIRS) {
                return new Ids(ids, "more than " + MAX_PAIRS + " pairs; stopped at offset " + offset);
            }
            if (end - offset < PAIR_HEADER) {
                return new Ids(ids, "pair header at offset " + offset + " needs " + PAIR_HEADER
                        + " bytes, " + (end - offset) + " left");
            }
            ByteBuffer header = block.getByteBuffer(offset, PAIR_HEADER).order(ByteOrder.LITTLE_ENDIAN);
            long length = header.getLong();
            int id = header.getInt();
            // The length counts the 4-byte id; compare in long so a huge value cannot wrap.
            if (length < 4 || length > end - offset - 8) {
                return new Ids(ids, "pair 0x" + hex(id) + " at offset " + offset + " declares length "
                        + length + ", " + (end - offset - 8) + " bytes left");
            }
            ids.add(new BlockId("0x" + hex(id), nameOf(id)));
            offset += 8 + length;
        }
        return new Ids(ids, null);
    }

    static String nameOf(int id) {
        switch (id) {
            case V2: return "v2";
            case V3: return "v3";
            case V31: return "v31";
            case VERITY_PADDING: return "verity-padding";
            case SOURCE_STAMP_V1:
            case SOURCE_STAMP_V2: return "source-stamp";
            case FROSTING: return "frosting";
            case MEITUAN: return "meituan";
            case DEPENDENCY_METADATA: return "dependency-metadata";
            default: return "unknown";
        }
    }

    private static String hex(int id) {
        return String.format(Locale.ROOT, "%08x", id);
    }
}
