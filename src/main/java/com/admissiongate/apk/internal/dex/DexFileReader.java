package com.admissiongate.apk.internal.dex;

import com.admissiongate.apk.DexCode;
import com.admissiongate.apk.DexFacts;
import com.admissiongate.apk.DexIndex;
import com.admissiongate.apk.InvokeKind;
import com.admissiongate.apk.IssueCode;
import com.admissiongate.apk.internal.Bytes;
import com.admissiongate.apk.internal.Issues;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one DEX file from a byte array: header, id tables, class definitions and every code
 * item's instruction stream (linear sweep, as dexdump does), recording invoke-* call sites and
 * const-string loads. Every offset and index is checked against the file before use; the first
 * structural error of a file is reported and the file's remaining code is skipped or the
 * offending item ignored.
 *
 * @see <a href="https://source.android.com/docs/core/runtime/dex-format">DEX format</a>
 * @see <a href="https://source.android.com/docs/core/runtime/instruction-formats">Instruction formats</a>
 */
public final class DexFileReader {

    private static final int HEADER_SIZE = 0x70;
    private static final int ENDIAN_CONSTANT = 0x12345678;
    private static final int NO_INDEX = -1;

    /** Code units per opcode; payload pseudo-instructions (nop with high byte) are sized separately. */
    static final byte[] WIDTH = new byte[256];

    static {
        java.util.Arrays.fill(WIDTH, (byte) 1);
        int[][] ranges = {
            {0x02, 0x02, 2}, {0x03, 0x03, 3}, {0x05, 0x05, 2}, {0x06, 0x06, 3}, {0x08, 0x08, 2}, {0x09, 0x09, 3},
            {0x13, 0x13, 2}, {0x14, 0x14, 3}, {0x15, 0x16, 2}, {0x17, 0x17, 3}, {0x18, 0x18, 5}, {0x19, 0x1a, 2},
            {0x1b, 0x1b, 3}, {0x1c, 0x1c, 2}, {0x1f, 0x20, 2}, {0x22, 0x23, 2}, {0x24, 0x26, 3}, {0x29, 0x29, 2},
            {0x2a, 0x2c, 3}, {0x2d, 0x3d, 2}, {0x44, 0x6d, 2}, {0x6e, 0x72, 3}, {0x74, 0x78, 3}, {0x90, 0xaf, 2},
            {0xd0, 0xe2, 2}, {0xfa, 0xfb, 4}, {0xfc, 0xfd, 3}, {0xfe, 0xff, 2},
        };
        for (int[] r : ranges) {
            for (int op = r[0]; op <= r[1]; op++) {
                WIDTH[op] = (byte) r[2];
            }
        }
    }

    private final DexCollector out;
    private final Issues issues;
    private byte[] d;
    private int len;
    private String location;
    private int stringIdsOff;
    private int stringIdsSize;
    private int typeIdsOff;
    private int typeIdsSize;
    private int protoIdsOff;
    private int protoIdsSize;
    private int methodIdsOff;
    private int methodIdsSize;
    private String[] stringCache;
    /** Per proto_id of the current file: its "(Args)Ret" once built (a file has far fewer protos than method_ids). */
    private String[] protoCache;
    private boolean errorReported;
    private DexFileTables tables;

    public DexFileReader(DexCollector out, Issues issues) {
        this.out = out;
        this.issues = issues;
    }

    /**
     * Scans {@code dex} (the bytes of entry {@code source}); returns false when the file was not
     * fully analysed (an issue has been recorded).
     */
    public boolean read(byte[] dex, String name, String source) {
        this.d = dex;
        this.len = dex.length;
        this.location = source;
        this.errorReported = false;
        if (len < 8 || !Bytes.isDexMagic(dex, 0, 8)) {
            return fail(IssueCode.DEX_BAD_MAGIC, magic(dex));
        }
        if (len < HEADER_SIZE) {
            return fail(IssueCode.DEX_HEADER_TRUNCATED, len);
        }
        if (s32(40) != ENDIAN_CONSTANT) {
            return fail(IssueCode.DEX_MALFORMED, String.format("endian tag 0x%08x", s32(40)));
        }
        long fileSize = u32(32);
        if (fileSize != len) {
            issues.add(IssueCode.DEX_FILE_SIZE_MISMATCH, location, fileSize, len);
        }
        stringIdsSize = s32(56);
        stringIdsOff = s32(60);
        typeIdsSize = s32(64);
        typeIdsOff = s32(68);
        protoIdsSize = s32(72);
        protoIdsOff = s32(76);
        int fieldIdsSize = s32(80);
        int fieldIdsOff = s32(84);
        methodIdsSize = s32(88);
        methodIdsOff = s32(92);
        int classDefsSize = s32(96);
        int classDefsOff = s32(100);
        if (!table(IssueCode.DEX_STRING_IDS_OUT_OF_BOUNDS, stringIdsOff, stringIdsSize, 4)
                || !table(IssueCode.DEX_TYPE_IDS_OUT_OF_BOUNDS, typeIdsOff, typeIdsSize, 4)
                || !table(IssueCode.DEX_PROTO_IDS_OUT_OF_BOUNDS, protoIdsOff, protoIdsSize, 12)
                || !table(IssueCode.DEX_FIELD_IDS_OUT_OF_BOUNDS, fieldIdsOff, fieldIdsSize, 8)
                || !table(IssueCode.DEX_METHOD_IDS_OUT_OF_BOUNDS, methodIdsOff, methodIdsSize, 8)
                || !table(IssueCode.DEX_CLASS_DEFS_OUT_OF_BOUNDS, classDefsOff, classDefsSize, 32)) {
            return false;
        }
        stringCache = new String[stringIdsSize];
        protoCache = new String[protoIdsSize];
        out.files.add(new DexFacts.DexFile(name, source, len, classDefsSize, methodIdsSize, stringIdsSize));
        out.classCount += classDefsSize;
        out.methodIdCount += methodIdsSize;
        try {
            collectUrls();
            // Global ids of this file's method_ids, and whether each is tracked.
            int[] global = new int[methodIdsSize];
            String[] refs = new String[methodIdsSize];
            byte[] flags = new byte[methodIdsSize];
            DexIndex.Builder index = out.index;
            // a real file has at most 2^16 method_ids (invoke-* indices are 16 bits); a hostile table larger than
            // that is not reserved for up front, its ids may never all be read
            index.expect(Math.min(methodIdsSize, 1 << 16));
            // method_ids are sorted by class: its type and whether any tracked prefix names it are looked up once
            int clsIdx = -1;
            String cls = null;
            boolean mayMatch = false;
            for (int i = 0; i < methodIdsSize; i++) {
                int p = methodIdsOff + i * 8;
                int c = u16(p);
                if (c != clsIdx) {
                    cls = type(c);
                    clsIdx = c;
                    mayMatch = out.mayMatch(cls);
                }
                // the index keeps the class (this file's one String per type) and the sub-signature beside the ref,
                // so the call graph need not split ~10^5 refs into new strings and hash them again
                String methodName = string(s32(p + 4));
                int id = index.internParts(cls, methodName, proto(u16(p + 2)));
                String ref = index.method(id);
                refs[i] = ref;
                global[i] = id;
                flags[i] = mayMatch ? (byte) out.classify(cls, ref) : 0;
            }
            tables = new DexFileTables(dex, stringIdsOff, stringIdsSize, typeIdsOff, typeIdsSize, fieldIdsOff,
                    fieldIdsSize, global, stringCache);
            for (int c = 0; c < classDefsSize; c++) {
                readClass(classDefsOff + c * 32, global, refs, flags, source);
            }
        } catch (DexFormatError e) {
            return false;
        }
        return !errorReported;
    }

    /** Internal unwind after an issue was recorded. */
    private static final class DexFormatError extends RuntimeException {
        DexFormatError() {
            super(null, null, false, false);
        }
    }

    private DexFormatError error(IssueCode code, Object... args) {
        if (!errorReported) {
            issues.add(code, location, args);
            errorReported = true;
        }
        return new DexFormatError();
    }

    private boolean fail(IssueCode code, Object... args) {
        issues.add(code, location, args);
        return false;
    }

    private boolean table(IssueCode code, int off, int size, int item) {
        long o = off & 0xffffffffL;
        long s = size & 0xffffffffL;
        if (s > 0 && (o + s * item > len || o < HEADER_SIZE)) {
            issues.add(code, location, o, s, (long) len);
            return false;
        }
        return true;
    }

    private void readClass(int p, int[] global, String[] refs, byte[] flags, String source) {
        String cls = type(s32(p));
        int superIdx = s32(p + 8);
        String superName = superIdx == NO_INDEX ? null : type(superIdx);
        List<String> interfaces = typeList(s32(p + 12));
        int classDataOff = s32(p + 24);
        int[] defined = new int[0];
        if (classDataOff != 0) {
            defined = readClassData(classDataOff, global, refs, flags);
        }
        out.index.addClass(new DexIndex.DexClass(cls, superName, interfaces, source, defined));
    }

    private int[] readClassData(int off, int[] global, String[] refs, byte[] flags) {
        check("class_data_item", off, 4);
        pos = off;
        int staticFields = uleb();
        int instanceFields = uleb();
        int direct = uleb();
        int virtual = uleb();
        long fields = (staticFields & 0xffffffffL) + (instanceFields & 0xffffffffL);
        if (fields > len || (direct & 0xffffffffL) + (virtual & 0xffffffffL) > len) {
            throw error(IssueCode.DEX_DATA_OUT_OF_BOUNDS, "class_data_item member counts", off, len);
        }
        for (long i = 0; i < fields; i++) {
            uleb();
            uleb();
        }
        int[] defined = new int[direct + virtual];
        int k = 0;
        for (int list = 0; list < 2; list++) {
            int count = list == 0 ? direct : virtual;
            int methodIdx = 0;
            for (int i = 0; i < count; i++) {
                methodIdx += uleb();
                uleb();
                int codeOff = uleb();
                if (methodIdx < 0 || methodIdx >= methodIdsSize) {
                    throw error(IssueCode.DEX_INDEX_OUT_OF_BOUNDS, "method", methodIdx & 0xffffffffL, methodIdsSize);
                }
                defined[k++] = global[methodIdx];
                if (codeOff != 0) {
                    int saved = pos;
                    scanCode(codeOff, global[methodIdx], refs[methodIdx], global, refs, flags);
                    pos = saved;
                }
            }
        }
        return defined;
    }

    private void scanCode(int codeOff, int callerId, String caller, int[] global, String[] refs, byte[] flags) {
        check("code_item", codeOff, 16);
        long insnsSize = u32(codeOff + 12);
        int start = codeOff + 16;
        if (start + insnsSize * 2 > len) {
            throw error(IssueCode.DEX_DATA_OUT_OF_BOUNDS, "code_item insns (" + insnsSize + " units)", codeOff, len);
        }
        int end = start + (int) insnsSize * 2;
        int pc = start;
        DexIndex.Builder index = out.index;
        index.addCode(callerId, new DexCode(tables, start, (int) insnsSize, u16(codeOff), u16(codeOff + 2)));
        while (pc < end) {
            int unit = (d[pc] & 0xff) | ((d[pc + 1] & 0xff) << 8);
            int op = unit & 0xff;
            int width;
            if (op == 0 && unit != 0) {
                width = payloadWidth(pc, unit, end);
            } else {
                width = WIDTH[op];
                if (pc + width * 2 > end) {
                    // Truncated trailing instruction: dexdump stops here too.
                    break;
                }
                if ((op >= 0x6e && op <= 0x72) || (op >= 0x74 && op <= 0x78) || op == 0xfa || op == 0xfb) {
                    int m = (d[pc + 2] & 0xff) | ((d[pc + 3] & 0xff) << 8);
                    if (m >= methodIdsSize) {
                        throw error(IssueCode.DEX_INDEX_OUT_OF_BOUNDS, "invoked method", m, methodIdsSize);
                    }
                    index.addCallSite(callerId, global[m], kind(op));
                    int f = flags[m];
                    if (f != 0) {
                        out.site(f, refs[m], caller);
                    }
                } else if (op == 0xfc || op == 0xfd) {
                    index.addInvokeCustom();
                } else if (op == 0x1a) {
                    int s = (d[pc + 2] & 0xff) | ((d[pc + 3] & 0xff) << 8);
                    index.addString(callerId, string(s));
                } else if (op == 0x1b) {
                    index.addString(callerId, string(Bytes.s32(d, pc + 2)));
                }
            }
            pc += width * 2;
        }
    }

    private int payloadWidth(int pc, int unit, int end) {
        int ident = unit >>> 8;
        if (pc + 8 > end) {
            return 1;
        }
        switch (ident) {
            case 0x01: {
                int size = u16(pc + 2);
                return 4 + size * 2;
            }
            case 0x02: {
                int size = u16(pc + 2);
                return 2 + size * 4;
            }
            case 0x03: {
                int elemWidth = u16(pc + 2);
                long size = u32(pc + 4);
                long units = 4 + (size * elemWidth + 1) / 2;
                return units > Integer.MAX_VALUE / 4 ? Integer.MAX_VALUE / 4 : (int) units;
            }
            default:
                return 1;
        }
    }

    private static InvokeKind kind(int op) {
        switch (op) {
            case 0x6e: case 0x74: return InvokeKind.VIRTUAL;
            case 0x6f: case 0x75: return InvokeKind.SUPER;
            case 0x70: case 0x76: return InvokeKind.DIRECT;
            case 0x71: case 0x77: return InvokeKind.STATIC;
            case 0x72: case 0x78: return InvokeKind.INTERFACE;
            default: return InvokeKind.POLYMORPHIC;
        }
    }

    private void collectUrls() {
        for (int i = 0; i < stringIdsSize; i++) {
            int dataOff = s32(stringIdsOff + i * 4);
            if (dataOff < 0 || dataOff >= len) {
                continue;
            }
            int p = dataOff;
            // Skip the uleb128 utf16 length, then test the MUTF-8 bytes for "http".
            int n = 0;
            while (p < len && (d[p] & 0x80) != 0 && n < 5) {
                p++;
                n++;
            }
            p++;
            if (p + 7 <= len && (d[p] | 0x20) == 'h' && (d[p + 1] | 0x20) == 't' && (d[p + 2] | 0x20) == 't'
                    && (d[p + 3] | 0x20) == 'p') {
                String s = string(i);
                if (s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8)) {
                    out.url(s.length() > 2048 ? s.substring(0, 2048) : s);
                }
            }
        }
    }

    String string(int idx) {
        if (idx < 0 || idx >= stringIdsSize) {
            throw error(IssueCode.DEX_INDEX_OUT_OF_BOUNDS, "string", idx & 0xffffffffL, stringIdsSize);
        }
        String s = stringCache[idx];
        if (s == null) {
            int off = s32(stringIdsOff + idx * 4);
            check("string_data_item", off, 1);
            pos = off;
            int saved = pos;
            int utf16Len = uleb();
            s = Mutf8.decode(d, pos, len, utf16Len);
            if (s == null) {
                throw error(IssueCode.DEX_DATA_OUT_OF_BOUNDS, "string_data_item " + idx, saved, len);
            }
            stringCache[idx] = s;
        }
        return s;
    }

    private String type(int idx) {
        if (idx < 0 || idx >= typeIdsSize) {
            throw error(IssueCode.DEX_INDEX_OUT_OF_BOUNDS, "type", idx & 0xffffffffL, typeIdsSize);
        }
        return string(s32(typeIdsOff + idx * 4));
    }

    /** Argument words a method may take (Dalvik and the JVM alike); no real proto lists more parameters. */
    static final int MAX_PARAMETERS = 255;
    /** Characters of a method descriptor: a class file's constant pool entry holds at most this many bytes. */
    static final int MAX_DESCRIPTOR = 65_535;

    private String proto(int idx) {
        if (idx >= protoIdsSize) {
            throw error(IssueCode.DEX_INDEX_OUT_OF_BOUNDS, "proto", idx, protoIdsSize);
        }
        String known = protoCache[idx];
        if (known != null) {
            return known;
        }
        int p = protoIdsOff + idx * 12;
        String ret = type(s32(p + 4));
        int listOff = s32(p + 8);
        if (listOff != 0) {
            check("type_list", listOff, 4);
            long count = u32(listOff);
            if (count > MAX_PARAMETERS) {
                throw error(IssueCode.DEX_MALFORMED, "proto " + idx + " has " + count
                        + " parameters (a method takes at most " + MAX_PARAMETERS + " argument words)");
            }
        }
        List<String> params = typeList(listOff);
        // each type may be as long as the file: the bound keeps a hostile proto from filling the heap (a class file,
        // which d8 turns into DEX, cannot hold a longer descriptor)
        long length = 2L + ret.length();
        for (String t : params) {
            length += t.length();
        }
        if (length > MAX_DESCRIPTOR) {
            throw error(IssueCode.DEX_MALFORMED, "proto " + idx + " descriptor of " + length + " characters (limit "
                    + MAX_DESCRIPTOR + ")");
        }
        StringBuilder sb = new StringBuilder((int) length).append('(');
        for (String t : params) {
            sb.append(t);
        }
        String proto = sb.append(')').append(ret).toString();
        protoCache[idx] = proto;
        return proto;
    }

    private List<String> typeList(int off) {
        if (off == 0) {
            return List.of();
        }
        check("type_list", off, 4);
        long size = u32(off);
        if (off + 4 + size * 2 > len) {
            throw error(IssueCode.DEX_DATA_OUT_OF_BOUNDS, "type_list of " + size + " types", off, len);
        }
        List<String> types = new ArrayList<>((int) size);
        for (int i = 0; i < size; i++) {
            types.add(type(u16(off + 4 + i * 2)));
        }
        return types;
    }

    private void check(String what, int off, int need) {
        if (off < 0 || (long) off + need > len) {
            throw error(IssueCode.DEX_DATA_OUT_OF_BOUNDS, what, off & 0xffffffffL, len);
        }
    }

    private int pos;

    private int uleb() {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos >= len) {
                throw error(IssueCode.DEX_DATA_OUT_OF_BOUNDS, "uleb128", pos, len);
            }
            int b = d[pos++] & 0xff;
            result |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw error(IssueCode.DEX_MALFORMED, "uleb128 longer than 5 bytes at " + pos);
    }

    private int s32(int off) {
        return Bytes.s32(d, off);
    }

    private long u32(int off) {
        return Bytes.u32(d, off);
    }

    private int u16(int off) {
        return Bytes.u16(d, off);
    }

    private static String magic(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, b.length); i++) {
            int c = b[i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
