package com.admissiongate.analysis.behaviour;

import com.admissiongate.apk.DexCode;
import com.admissiongate.apk.DexIndex;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the flow sweep knows about each register within one basic block:
 * <ul>
 * <li>its object's type: the class a new-instance made (exact), or the declared return type of the call whose
 * result it holds or the type it was cast to (that class or a subtype), to narrow dispatch;</li>
 * <li>for an array read out of another array (aget-object), the register holding that outer array, so a store into
 * the inner one taints the outer one too (String[][]);</li>
 * <li>constant strings, Class and Method objects built from them (Class.forName, getMethod), for Method.invoke;</li>
 * <li>maps the block created and filled with constant keys only, to keep those keys apart;</li>
 * <li>the buffer or stream a wrapper was made on (new Formatter(sb)), which its writes reach.</li>
 * </ul>
 * Joins are not tracked: every block starts knowing nothing, which keeps the answers sound (no type means every
 * dispatch target, no key means the whole map).
 */
final class BlockRegisters {

    private final DexIndex index;
    /** Per method id: its ref's declared return type, "" for a primitive or void; null until asked. */
    private final String[] returnTypes;
    private String[] type = new String[16];
    private boolean[] exact = new boolean[16];
    private String pendingResult;
    /** Reflection within the block: a register's constant string, Class (its smali type) and Method (class, name). */
    private String[] constant = new String[16];
    /** Integer constants the block loaded (const/4 … const/high16), such as a view id for findViewById. */
    private int[] intConstant = new int[16];
    /** Per register: the constant file name the stream it holds was opened on for writing (openFileOutput…). */
    private String[] fileOf = new String[16];
    private String pendingFile;
    private boolean[] hasInt = new boolean[16];
    private String[] classConstant = new String[16];
    private String[] methodClass = new String[16];
    private String[] methodName = new String[16];
    /**
     * Per register: a map the block created (new HashMap…) and has only put constant keys into, as key → taint, so
     * get("untainted") does not return what put("tainted", id) stored; null when unknown or no longer exact.
     */
    private Map<String, Long>[] maps = newMaps(16);
    private static final Set<String> MAP_TYPES = Set.of("Ljava/util/HashMap;",
            "Ljava/util/LinkedHashMap;", "Ljava/util/TreeMap;", "Ljava/util/Hashtable;",
            "Ljava/util/concurrent/ConcurrentHashMap;", "Landroid/util/ArrayMap;");
    /**
     * Per register: the register holding the buffer or stream its object writes into (new Formatter(sb),
     * new PrintWriter(out)…), valid while that one's version is; -1 for none.
     */
    private int[] wraps = new int[16];
    private int[] wrapsVersion = new int[16];
    private String pendingClass;
    private String pendingMethodClass;
    private String pendingMethodName;
    /** Per register: the register its array was read from (aget-object), or -1; valid while that one's version is. */
    private int[] origin = new int[16];
    private int[] originVersion = new int[16];
    /** Per register: bumped on every write, so an origin whose register was overwritten since is ignored. */
    private int[] version = new int[16];

    BlockRegisters(DexIndex index) {
        this.index = index;
        this.returnTypes = new String[index.methodCount()];
    }

    void reset(int regs) {
        if (type.length < regs) {
            type = new String[regs];
            exact = new boolean[regs];
            origin = new int[regs];
            originVersion = new int[regs];
            version = new int[regs];
            constant = new String[regs];
            intConstant = new int[regs];
            fileOf = new String[regs];
            hasInt = new boolean[regs];
            classConstant = new String[regs];
            methodClass = new String[regs];
            methodName = new String[regs];
            maps = newMaps(regs);
            wraps = new int[regs];
            wrapsVersion = new int[regs];
        } else {
            Arrays.fill(maps, 0, regs, null);
            Arrays.fill(type, 0, regs, null);
            Arrays.fill(constant, 0, regs, null);
            Arrays.fill(hasInt, 0, regs, false);
            Arrays.fill(fileOf, 0, regs, null);
            Arrays.fill(classConstant, 0, regs, null);
            Arrays.fill(methodClass, 0, regs, null);
            Arrays.fill(methodName, 0, regs, null);
        }
        pendingClass = null;
        pendingMethodClass = null;
        pendingMethodName = null;
        pendingFile = null;
        Arrays.fill(origin, 0, regs, -1);
        Arrays.fill(wraps, 0, regs, -1);
        pendingResult = null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long>[] newMaps(int n) {
        return new Map[n];
    }

    static boolean isMapType(String cls) {
        return MAP_TYPES.contains(cls);
    }

    /** The constant string {@code reg} holds, when the block loaded it. */
    String constant(int reg) {
        return constant[reg];
    }

    /** Whether {@code reg} holds an int constant the block loaded. */
    boolean hasInt(int reg) {
        return hasInt[reg];
    }

    /** The int constant in {@code reg}; meaningful when {@link #hasInt}. */
    int intConstant(int reg) {
        return intConstant[reg];
    }

    /** The constant file name the output stream in {@code reg} was opened on, or null. */
    String file(int reg) {
        return fileOf[reg];
    }

    /** Key → taint of the exact local map in {@code reg}, or null. */
    Map<String, Long> localMap(int reg) {
        return maps[reg];
    }

    /** The map in {@code reg} is no longer exact (a non-constant key, another call got it, an alias). */
    void dropMap(int reg) {
        maps[reg] = null;
    }

    /** Class of the java.lang.reflect.Method in {@code reg} (smali), when the block built it from constants. */
    String reflectedClass(int reg) {
        return methodClass[reg];
    }

    /** Name of the java.lang.reflect.Method in {@code reg}, when the block built it from constants. */
    String reflectedName(int reg) {
        return methodName[reg];
    }

    /** The register holding the array {@code reg}'s array was read from, if it still holds it; else -1. */
    int arrayOrigin(int reg) {
        int o = origin[reg];
        return o >= 0 && version[o] == originVersion[reg] ? o : -1;
    }

    boolean known(int reg) {
        return type[reg] != null;
    }

    String type(int reg) {
        return type[reg];
    }

    boolean exact(int reg) {
        return exact[reg];
    }

    /** Updates the register written by the instruction {@code in} has just executed. */
    void after(Insn in, DexCode.File file, int regs) {
        int op = in.op;
        String result = pendingResult;
        String resultClass = pendingClass;
        String resultMethodClass = pendingMethodClass;
        String resultMethodName = pendingMethodName;
        String resultFile = pendingFile;
        pendingFile = null;
        pendingResult = null;
        pendingClass = null;
        pendingMethodClass = null;
        pendingMethodName = null;
        if (in.isInvoke()) {
            int callee = file.methodId(in.idx);
            pendingResult = callee < 0 ? null : returnType(callee);
            if (callee >= 0) {
                reflection(in, callee, regs);
                wrapper(in, callee, regs);
                openedFile(in, callee, regs);
            }
            return;
        }
        if (in.a >= regs) {
            return;
        }
        // check-cast writes its register with the same object: everything known about it stays
        boolean writes = writesA(op) && op != 0x1f;
        if (writes) {
            version[in.a]++;
            origin[in.a] = -1;
            wraps[in.a] = -1;
            if (op == 0x46 && in.b < regs && in.b != in.a) {
                origin[in.a] = in.b;
                originVersion[in.a] = version[in.b];
            }
            constant[in.a] = op == 0x1a || op == 0x1b ? file.string(in.idx) : null;
            hasInt[in.a] = op >= 0x12 && op <= 0x15;
            intConstant[in.a] = (int) in.lit;
            if (op >= 0x01 && op <= 0x03 && in.b < regs) {
                hasInt[in.a] = hasInt[in.b];
                intConstant[in.a] = intConstant[in.b];
            }
            classConstant[in.a] = op == 0x1c ? file.type(in.idx) : op == 0x0c ? resultClass : null;
            methodClass[in.a] = op == 0x0c ? resultMethodClass : null;
            methodName[in.a] = op == 0x0c ? resultMethodName : null;
            fileOf[in.a] = op == 0x0c ? resultFile : null;
            // a type index outside the file's table names no type (null, which Set.of's contains rejects)
            String made = op == 0x22 ? file.type(in.idx) : null;
            maps[in.a] = made != null && MAP_TYPES.contains(made) ? new HashMap<>() : null;
            if (op >= 0x07 && op <= 0x09 && in.b < regs) {
                // a second name for the same map: keys could change through either, so neither stays exact
                maps[in.b] = null;
                constant[in.a] = constant[in.b];
                classConstant[in.a] = classConstant[in.b];
                methodClass[in.a] = methodClass[in.b];
                methodName[in.a] = methodName[in.b];
                fileOf[in.a] = fileOf[in.b];
            }
        }
        switch (op) {
            case 0x07: case 0x08: case 0x09:
                if (in.b < regs) {
                    type[in.a] = type[in.b];
                    exact[in.a] = exact[in.b];
                }
                break;
            case 0x0c:
                set(in.a, result, false);
                break;
            case 0x22:
                set(in.a, file.type(in.idx), true);
                break;
            case 0x1f:
                if (type[in.a] == null) {
                    set(in.a, file.type(in.idx), false);
                }
                break;
            default:
                if (writesA(op)) {
                    type[in.a] = null;
                }
                break;
        }
    }

    private void set(int reg, String t, boolean isExact) {
        type[reg] = t != null && t.startsWith("L") ? t : null;
        exact[reg] = isExact;
    }

    /**
     * Class.forName("a.b.C") and a Class's getMethod/getDeclaredMethod("name", …) with constants: what the next
     * move-result-object holds.
     */
    private void reflection(Insn in, int callee, int regs) {
        if (in.argc == 0 || in.args[0] >= regs) {
            return;
        }
        String ref = index.method(callee);
        if (!ref.startsWith("Ljava/lang/Class;->")) {
            return;
        }
        if (ref.startsWith("Ljava/lang/Class;->forName(")) {
            String name = constant[in.args[0]];
            if (name != null && !name.isEmpty() && name.indexOf('/') < 0 && name.indexOf(';') < 0) {
                pendingClass = "L" + name.replace('.', '/') + ";";
            }
        } else if ((ref.startsWith("Ljava/lang/Class;->getMethod(")
                || ref.startsWith("Ljava/lang/Class;->getDeclaredMethod(")) && in.argc > 1 && in.args[1] < regs) {
            String cls = classConstant[in.args[0]];
            String name = constant[in.args[1]];
            if (cls != null && name != null) {
                pendingMethodClass = cls;
                pendingMethodName = name;
            }
        }
    }

    /**
     * openFileOutput("name", mode) (what the next move-result-object holds) and new FileOutputStream("path"…) (the
     * receiver) with a constant name: the stream writes into that file.
     */
    private void openedFile(Insn in, int callee, int regs) {
        if (in.argc < 2 || in.args[1] >= regs || constant[in.args[1]] == null) {
            return;
        }
        String ref = index.method(callee);
        int arrow = ref.indexOf("->");
        if (ref.startsWith("openFileOutput(Ljava/lang/String;", arrow + 2)) {
            pendingFile = constant[in.args[1]];
        } else if (in.invokeBase() == Insn.INVOKE_DIRECT && in.args[0] < regs
                && ref.startsWith("Ljava/io/FileOutputStream;-><init>(Ljava/lang/String;")) {
            fileOf[in.args[0]] = constant[in.args[1]];
        }
    }

    /** Where what is written to the object in {@code reg} ends up besides the object: a register, or -1. */
    int wrapped(int reg) {
        int w = wraps[reg];
        return w >= 0 && version[w] == wrapsVersion[reg] ? w : -1;
    }

    private static final String[] WRAPPED_TYPES = {"(Ljava/lang/Appendable;", "(Ljava/io/OutputStream;",
        "(Ljava/io/Writer;", "(Ljava/lang/StringBuffer;", "(Ljava/lang/StringBuilder;"};

    /** A framework constructor whose first parameter is a buffer or stream: the new object writes into it. */
    private void wrapper(Insn in, int callee, int regs) {
        if (in.invokeBase() != Insn.INVOKE_DIRECT || in.argc < 2 || in.args[0] >= regs || in.args[1] >= regs
                || in.args[0] == in.args[1]) {
            return;
        }
        String ref = index.method(callee);
        int init = ref.indexOf("-><init>(");
        if (init < 0) {
            return;
        }
        for (String t : WRAPPED_TYPES) {
            if (ref.startsWith(t, init + 8)) {
                wraps[in.args[0]] = in.args[1];
                wrapsVersion[in.args[0]] = version[in.args[1]];
                return;
            }
        }
    }

    /** Declared return type of method ref {@code id} (the smali after ')') when it is a class, else null. */
    private String returnType(int id) {
        String known = returnTypes[id];
        if (known == null) {
            String ref = index.method(id);
            int close = ref.lastIndexOf(')');
            known = close >= 0 && close + 1 < ref.length() && ref.charAt(close + 1) == 'L' ? ref.substring(close + 1)
                    : "";
            returnTypes[id] = known;
        }
        return known.isEmpty() ? null : known;
    }

    /** Instructions that write register A (moves, consts, results, comparisons, arithmetic, field and array reads). */
    static boolean writesA(int op) {
        return (op >= 0x01 && op <= 0x0d) || (op >= 0x12 && op <= 0x1c) || (op >= 0x1f && op <= 0x23)
                || (op >= 0x2d && op <= 0x31) || (op >= 0x44 && op <= 0x4a) || (op >= 0x52 && op <= 0x58)
                || (op >= 0x60 && op <= 0x66) || (op >= 0x7b && op <= 0xe2);
    }
}
