package com.admissiongate.analysis.behaviour;

import com.admissiongate.apk.DexCode;
import com.admissiongate.apk.DexIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One linear sweep per method (instructions in code order, register facts carried straight through, as a
 * dexdump-style reader sees them). Tracks per register the constant string, the class a new-instance made, and
 * whether the value is a stored consent flag; a branch on such a flag marks the instructions executed only when
 * the user agreed as <em>gated</em>: for {@code if-eqz flag, :L} the fall-through up to {@code :L}, for
 * {@code if-nez flag, :L} everything from {@code :L} on (the common {@code if (!agreed) return;} shape).
 */
final class MethodScanner {

    /** Stored agreement keys and flag fields/methods look like this (English and pinyin/Chinese names seen in apps). */
    static final Pattern CONSENT_NAME = Pattern.compile(
            "(?i).*(agree|consent|privacy|policy|protocol|accept|authori[sz]|grant|xieyi|yinsi|tongyi|同意|隐私|协议).*");
    /** The alternatives of {@link #CONSENT_NAME} alone: found without the backtracking its leading ".*" costs. */
    private static final Pattern CONSENT_WORD = Pattern.compile(
            "(?i)(agree|consent|privacy|policy|protocol|accept|authori[sz]|grant|xieyi|yinsi|tongyi|同意|隐私|协议)");

    /**
     * {@code CONSENT_NAME.matcher(s).matches()}, computed as a find of the word: ".*" matches anything but a line
     * terminator, so both agree on every string, and the find is several times cheaper on the ~10⁵ field, method
     * and key names of a large app.
     */
    static boolean isConsentName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return CONSENT_WORD.matcher(s).find();
    }

    private static final int P_KNOWN = 1;
    private static final int P_PERMISSION_REQUEST = 2;
    private static final int P_FLAG_READ_API = 4;
    private static final int P_STORED_STATE = 8;
    private static final int P_OBJECT_INIT = 16;
    private static final int P_FOR_NAME = 32;
    private static final int P_GET_METHOD = 64;
    private static final int P_METHOD_INVOKE = 128;

    private final DexIndex index;
    /** isFlagMethod per method id: 0 not asked yet, 1 false, 2 true; {@code flagMethodsKnown} counts the asked. */
    private final byte[] flagMethods;
    private int flagMethodsKnown;
    /** Per callee id, computed on first use: P_* bits of its ref. */
    private final byte[] props;
    private final CallGraph g;
    private final Insn in = new Insn();
    private String[] scratchStr = new String[64];
    private String[] scratchType = new String[64];
    private boolean[] scratchFlag = new boolean[64];
    private long[] scratchLit = new long[64];
    private boolean[] scratchHasLit = new boolean[64];
    private int[] scratchParam = new int[64];
    /** Per register: "C" + a Class's smali type, or "M" + a Method's {@code Lcls;->name(}, built from constants. */
    private String[] scratchRefl = new String[64];
    private final Insn inner = new Insn();
    /** Per scan, cleared at its start (one scanner scans one method at a time). */
    private final List<int[]> gated = new ArrayList<>();
    private final List<String> pendingPerms = new ArrayList<>();
    /** Per DEX file, per local field_id: what a read of the field tells (decoded once, not per instruction). */
    private final Map<DexCode.File, FieldRead[]> fieldReads = new IdentityHashMap<>();

    /**
     * A field ref as the sweep reads it: the ref's {@link CallGraph#fieldRefId} (-1: no such field), whether it is
     * a boolean named like a consent flag, the type when it is a singleton (a static field of its own class type,
     * d8's INSTANCE) and the declaring class.
     */
    private record FieldRead(int refId, boolean consentFlag, String singleton, String owner, boolean allowAll) {
    }

    private static final FieldRead NO_FIELD = new FieldRead(-1, false, null, null, false);
    static final String ALLOW_ALL_HOSTNAME_VERIFIER =
            "->ALLOW_ALL_HOSTNAME_VERIFIER:Lorg/apache/http/conn/ssl/X509HostnameVerifier;";

    MethodScanner(DexIndex index, CallGraph g) {
        this.index = index;
        this.g = g;
        this.flagMethods = new byte[index.methodCount()];
        this.props = new byte[index.methodCount()];
    }

    private FieldRead fieldRead(DexCode.File file, int idx) {
        FieldRead[] reads = fieldReads.get(file);
        if (reads == null || reads.length <= idx) {
            // idx is a 16-bit field_id: grow to it, at most 64 Ki entries per file
            FieldRead[] bigger = new FieldRead[Math.max(idx + 1, Math.min(reads == null ? 1024 : reads.length * 2,
                    1 << 16))];
            if (reads != null) {
                System.arraycopy(reads, 0, bigger, 0, reads.length);
            }
            reads = bigger;
            fieldReads.put(file, reads);
        }
        FieldRead r = reads[idx];
        if (r == null) {
            String f = file.field(idx);
            if (f == null) {
                r = NO_FIELD;
            } else {
                int colon = f.indexOf(':');
                String name = f.substring(f.indexOf("->") + 2, colon);
                String ftype = f.substring(colon + 1);
                boolean consent = ftype.equals("Z") && isConsentName(name);
                String singleton = ftype.startsWith("L") && f.startsWith(ftype + "->") ? ftype : null;
                r = new FieldRead(g.fieldRefId(f), consent, singleton, f.substring(0, f.indexOf("->")),
                        f.endsWith(ALLOW_ALL_HOSTNAME_VERIFIER));
            }
            reads[idx] = r;
        }
        return r;
    }

    private int props(int callee) {
        int p = props[callee];
        if (p == 0) {
            String ref = index.method(callee);
            p = P_KNOWN;
            String sub = g.sub(callee);
            // as isPermissionRequest and isFlagReadApi, on the sub-signature the call graph already split off
            p |= sub.startsWith("requestPermissions(") ? P_PERMISSION_REQUEST : 0;
            p |= sub.startsWith("getBoolean(Ljava/lang/String;Z)Z") || sub.startsWith("decodeBool(Ljava/lang/String;")
                    ? P_FLAG_READ_API : 0;
            p |= isStoredStateRead(ref) ? P_STORED_STATE : 0;
            p |= ref.startsWith("Ljava/lang/Object;-><init>") ? P_OBJECT_INIT : 0;
            p |= ref.startsWith("Ljava/lang/Class;->forName(") ? P_FOR_NAME : 0;
            p |= ref.startsWith("Ljava/lang/Class;->getMethod(") || ref.startsWith("Ljava/lang/Class;->getDeclaredMethod(")
                    ? P_GET_METHOD : 0;
            p |= ref.startsWith("Ljava/lang/reflect/Method;->invoke(") ? P_METHOD_INVOKE : 0;
            props[callee] = (byte) p;
        }
        return p;
    }


    MethodInfo scan(int methodId) {
        DexCode code = index.code(methodId);
        MethodInfo info = new MethodInfo();
        if (code == null) {
            return info;
        }
        int regs = Math.max(0, Math.min(code.registers(), 65536));
        if (scratchStr.length < regs) {
            int n = Math.max(regs, scratchStr.length * 2);
            scratchStr = new String[n];
            scratchType = new String[n];
            scratchFlag = new boolean[n];
            scratchLit = new long[n];
            scratchHasLit = new boolean[n];
            scratchParam = new int[n];
            scratchRefl = new String[n];
        }
        // one set of register arrays for every method of the scan, cleared up to this method's register count
        String[] str = scratchStr;
        String[] type = scratchType;
        boolean[] flag = scratchFlag;
        long[] lit = scratchLit;
        boolean[] hasLit = scratchHasLit;
        int[] param = scratchParam;
        String[] refl = scratchRefl;
        Arrays.fill(str, 0, regs, null);
        Arrays.fill(type, 0, regs, null);
        Arrays.fill(flag, 0, regs, false);
        Arrays.fill(lit, 0, regs, 0L);
        Arrays.fill(hasLit, 0, regs, false);
        Arrays.fill(param, 0, regs, -1);
        Arrays.fill(refl, 0, regs, null);
        String resultRefl = null;
        int firstParam = regs - code.ins();
        for (int r = Math.max(0, firstParam); r < regs; r++) {
            param[r] = r - firstParam;
        }
        boolean isStatic = isStatic(methodId);
        int thisReg = isStatic ? -1 : firstParam;
        List<int[]> gated = this.gated;
        gated.clear();
        List<String> pendingPerms = this.pendingPerms;
        pendingPerms.clear();
        boolean resultFlag = false;
        DexCode.File file = code.file();
        Insn in = this.in.reset(code);
        int lastConstTrueReturnReg = -1;
        boolean onlyConstTrueReturns = true;
        boolean anyReturnValue = false;
        while (in.next()) {
            info.insns++;
            int op = in.op;
            if (op < 0) {
                continue;
            }
            boolean isGated = inside(gated, in.pc);
            boolean nextResultFlag = false;
            String nextResultRefl = null;
            if (in.isInvoke()) {
                int callee = file.methodId(in.idx);
                if (callee >= 0) {
                    int props = props(callee);
                    List<String> strs = null;
                    for (int i = 0; i < in.argc; i++) {
                        int r = in.args[i];
                        if (r < regs && str[r] != null) {
                            if (strs == null) {
                                strs = new ArrayList<>(2);
                            }
                            strs.add(str[r]);
                        }
                        if (r < regs && type[r] != null && in.invokeBase() != Insn.INVOKE_DIRECT) {
                            addType(info, type[r], isGated, true);
                        }
                    }
                    boolean recvThis = in.argc > 0 && in.args[0] == thisReg && in.invokeBase() != Insn.INVOKE_STATIC;
                    String reflected = null;
                    if ((props & P_METHOD_INVOKE) != 0 && in.argc > 0 && in.args[0] < regs && refl[in.args[0]] != null
                            && refl[in.args[0]].startsWith("M")) {
                        reflected = refl[in.args[0]].substring(1);
                    }
                    info.sites.add(new MethodInfo.Site(in.pc, callee, in.invokeBase(), isGated,
                            strs == null ? List.of() : strs, recvThis, reflected));
                    if ((props & P_FOR_NAME) != 0 && in.argc > 0 && in.args[0] < regs && str[in.args[0]] != null) {
                        String name = str[in.args[0]];
                        if (!name.isEmpty() && name.indexOf('/') < 0 && name.indexOf(';') < 0) {
                            nextResultRefl = "CL" + name.replace('.', '/') + ";";
                        }
                    } else if ((props & P_GET_METHOD) != 0 && in.argc > 1 && in.args[0] < regs && in.args[1] < regs
                            && refl[in.args[0]] != null && refl[in.args[0]].startsWith("C") && str[in.args[1]] != null) {
                        nextResultRefl = "M" + refl[in.args[0]].substring(1) + "->" + str[in.args[1]] + "(";
                    }
                    if ((props & P_PERMISSION_REQUEST) != 0) {
                        info.addPermissionsAt(info.sites.size() - 1, List.copyOf(pendingPerms));
                        pendingPerms.clear();
                    }
                    if (in.invokeBase() == Insn.INVOKE_STATIC) {
                        addType(info, g.cls(callee), isGated, false);
                    }
                    if ((props & P_FOR_NAME) != 0 && strs != null) {
                        // Class.forName("a.b.C") with a constant name: C is loaded and, as a rule, instantiated
                        // (newInstance, a constructor) by reflection, which no new-instance shows
                        for (String name : strs) {
                            if (name.indexOf('/') < 0 && name.indexOf(';') < 0 && !name.isEmpty()) {
                                addType(info, "L" + name.replace('.', '/') + ";", isGated,
                                        true);
                            }
                        }
                    }
                    nextResultFlag = isFlagRead((props & P_FLAG_READ_API) != 0, strs) || isFlagMethod(callee);
                    if ((props & P_STORED_STATE) != 0) {
                        info.readsStoredState = true;
                    }
                    if ((props & P_OBJECT_INIT) == 0) {
                        info.throwsOrCalls = true;
                    }
                }
            } else {
                switch (op) {
                    case 0x01: case 0x02: case 0x03: case 0x04: case 0x05: case 0x06:
                    case 0x07: case 0x08: case 0x09:
                        if (in.a < regs && in.b < regs) {
                            str[in.a] = str[in.b];
                            type[in.a] = type[in.b];
                            flag[in.a] = flag[in.b];
                            lit[in.a] = lit[in.b];
                            hasLit[in.a] = hasLit[in.b];
                            param[in.a] = param[in.b];
                            refl[in.a] = refl[in.b];
                        }
                        break;
                    case 0x0a: case 0x0b: case 0x0c:
                        set(in.a, regs, str, type, flag, hasLit, param, refl);
                        if (in.a < regs) {
                            flag[in.a] = resultFlag;
                            refl[in.a] = op == 0x0c ? resultRefl : null;
                        }
                        break;
                    case 0x12: case 0x13: case 0x14: case 0x15:
                        set(in.a, regs, str, type, flag, hasLit, param, refl);
                        if (in.a < regs) {
                            lit[in.a] = in.lit;
                            hasLit[in.a] = true;
                        }
                        break;
                    case 0x1a: case 0x1b: {
                        set(in.a, regs, str, type, flag, hasLit, param, refl);
                        String s = file.string(in.idx);
                        if (in.a < regs) {
                            str[in.a] = s;
                        }
                        if (s != null && s.startsWith("android.permission.")) {
                            pendingPerms.add(s);
                        }
                        break;
                    }
                    case 0x1c: case 0x22: {
                        set(in.a, regs, str, type, flag, hasLit, param, refl);
                        String t = file.type(in.idx);
                        if (t != null) {
                            if (in.a < regs) {
                                type[in.a] = t;
                                refl[in.a] = op == 0x1c ? "C" + t : null;
                            }
                            addType(info, t, isGated, op == 0x22);
                        }
                        break;
                    }
                    case 0x27:
                        info.throwsOrCalls = true;
                        break;
                    case 0x0f: case 0x10: case 0x11:
                        anyReturnValue = true;
                        if (in.a < regs && hasLit[in.a] && lit[in.a] == 1) {
                            lastConstTrueReturnReg = in.a;
                        } else {
                            onlyConstTrueReturns = false;
                        }
                        break;
                    case 0x38: case 0x39:
                        if (in.a < regs && flag[in.a] && in.target > in.pc) {
                            if (op == 0x38) {
                                gated.add(new int[] {in.pc + in.width, in.target});
                            } else {
                                gated.add(new int[] {in.target, Integer.MAX_VALUE});
                            }
                        }
                        break;
                    case 0x44: case 0x45: case 0x46: case 0x47: case 0x48: case 0x49: case 0x4a:
                        if (in.b < regs && param[in.b] >= 0) {
                            info.readsParamArray = true;
                        }
                        set(in.a, regs, str, type, flag, hasLit, param, refl);
                        break;
                    default:
                        if (op >= 0x52 && op <= 0x58 || op >= 0x60 && op <= 0x66) {
                            boolean stat = op >= 0x60;
                            FieldRead f = fieldRead(file, in.idx);
                            set(in.a, regs, str, type, flag, hasLit, param, refl);
                            if (f.refId() >= 0) {
                                info.addFieldRead(f.refId());
                                info.readsAllowAllHostnameVerifier |= f.allowAll();
                                if (in.a < regs && f.consentFlag()) {
                                    flag[in.a] = true;
                                }
                                if (stat && op == 0x62 && in.a < regs && f.singleton() != null) {
                                    // singleton lambdas (d8: INSTANCE) are instantiated by their own <clinit>
                                    type[in.a] = f.singleton();
                                    addType(info, f.singleton(), isGated, true);
                                }
                                if (stat) {
                                    addType(info, f.owner(), isGated, false);
                                }
                            }
                        } else if (writesA(op)) {
                            set(in.a, regs, str, type, flag, hasLit, param, refl);
                        }
                        break;
                }
            }
            resultFlag = nextResultFlag;
            resultRefl = nextResultRefl;
        }
        info.returnsConstTrue = anyReturnValue && onlyConstTrueReturns && lastConstTrueReturnReg >= 0;
        return info;
    }

    /**
     * Adds a type use unless the method already recorded the same one. Every reader of {@link MethodInfo#types}
     * acts on the first of equal uses only (a set of instantiated types, a seen-set in the edge pass, putIfAbsent
     * of periodic roots), so dropping repeats changes nothing but the work: a method calling ten static helpers of
     * one class recorded the class ten times. Past {@link MethodInfo#DISTINCT_TYPES} uses the list is no longer searched.
     */
    private static void addType(MethodInfo info, String type, boolean gated, boolean instantiated) {
        List<MethodInfo.TypeUse> types = info.types;
        int n = types.size();
        if (n < MethodInfo.DISTINCT_TYPES) {
            for (int i = 0; i < n; i++) {
                MethodInfo.TypeUse u = types.get(i);
                if (u.gated() == gated && u.instantiated() == instantiated && u.type().equals(type)) {
                    return;
                }
            }
        }
        types.add(new MethodInfo.TypeUse(type, gated, instantiated));
    }

    private static boolean writesA(int op) {
        return op == 0x0d || (op >= 0x1f && op <= 0x21) || op == 0x23 || (op >= 0x2d && op <= 0x31)
                || (op >= 0x7b && op <= 0xe2);
    }

    private static void set(int a, int regs, String[] str, String[] type, boolean[] flag, boolean[] hasLit,
            int[] param, String[] refl) {
        if (a < regs) {
            refl[a] = null;
            str[a] = null;
            type[a] = null;
            flag[a] = false;
            hasLit[a] = false;
            param[a] = -1;
        }
        // wide results also overwrite a+1; stale facts there are harmless for the patterns read here
    }

    private static boolean inside(List<int[]> regions, int pc) {
        for (int i = 0, n = regions.size(); i < n; i++) {
            int[] r = regions.get(i);
            if (pc >= r[0] && pc < r[1]) {
                return true;
            }
        }
        return false;
    }

    static boolean isPermissionRequest(String ref) {
        int arrow = ref.indexOf("->");
        return ref.startsWith("requestPermissions(", arrow + 2);
    }

    private static boolean isStoredStateRead(String ref) {
        return ref.contains("shouldShowRequestPermissionRationale") || ref.startsWith("Landroid/content/SharedPreferences;->get")
                || ref.startsWith("Lcom/tencent/mmkv/MMKV;->decode");
    }

    /** SharedPreferences/MMKV boolean read whose key (when a constant) names an agreement. */
    private static boolean isFlagRead(boolean read, List<String> strs) {
        if (!read) {
            return false;
        }
        if (strs == null || strs.isEmpty()) {
            return true;
        }
        for (String s : strs) {
            if (isConsentName(s)) {
                return true;
            }
        }
        return false;
    }

    /** An app method answering "did the user agree?": named so, or returning such a read (two levels deep). */
    boolean isFlagMethod(int methodId) {
        int known = flagMethods[methodId];
        if (known != 0) {
            return known == 2;
        }
        String ref = index.method(methodId);
        if (!ref.endsWith(")Z") || index.code(methodId) == null) {
            flagMethods[methodId] = 1;
            flagMethodsKnown++;
            return false;
        }
        String name = ref.substring(ref.indexOf("->") + 2, ref.indexOf('('));
        boolean result = isConsentName(name);
        if (!result && flagMethodsKnown < 100_000) {
            result = returnsFlag(methodId);
        }
        flagMethods[methodId] = (byte) (result ? 2 : 1);
        flagMethodsKnown++;
        return result;
    }

    private boolean returnsFlag(int methodId) {
        DexCode code = index.code(methodId);
        if (code.insnsUnits() > 64) {
            return false;
        }
        int regs = Math.max(0, Math.min(code.registers(), 65536));
        boolean[] flag = new boolean[regs];
        boolean result = false;
        Insn in = inner.reset(code);
        DexCode.File file = code.file();
        while (in.next()) {
            if (in.isInvoke()) {
                int callee = file.methodId(in.idx);
                result = callee >= 0 && (props(callee) & P_FLAG_READ_API) != 0;
            } else if (in.op == 0x0a && in.a < regs) {
                flag[in.a] = result;
            } else if (in.op >= 0x60 && in.op <= 0x66 || in.op >= 0x52 && in.op <= 0x58) {
                String f = file.field(in.idx);
                if (in.a < regs) {
                    flag[in.a] = f != null && f.endsWith(":Z")
                            && isConsentName(f.substring(f.indexOf("->") + 2, f.indexOf(':')));
                }
            } else if (in.op == 0x0f) {
                return in.a < regs && flag[in.a];
            }
        }
        return false;
    }

    static String classOf(String ref) {
        return ref.substring(0, ref.indexOf("->"));
    }

    /** Static methods have no receiver; DexIndex keeps no access flags, so infer from the ins count. */
    private boolean isStatic(int methodId) {
        DexCode code = index.code(methodId);
        String ref = index.method(methodId);
        int words = argWords(ref);
        return code.ins() == words;
    }

    static int argWords(String ref) {
        int p = ref.indexOf('(') + 1;
        int close = ref.indexOf(')', p);
        int words = 0;
        while (p < close) {
            char c = ref.charAt(p);
            if (c == '[') {
                while (p < close && ref.charAt(p) == '[') {
                    p++;
                }
                if (p < close && ref.charAt(p) == 'L') {
                    p = ref.indexOf(';', p) + 1;
                } else {
                    p++;
                }
                words++;
            } else if (c == 'L') {
                p = ref.indexOf(';', p) + 1;
                words++;
            } else {
                words += c == 'J' || c == 'D' ? 2 : 1;
                p++;
            }
            if (p <= 0) {
                break;
            }
        }
        return words;
    }
}
