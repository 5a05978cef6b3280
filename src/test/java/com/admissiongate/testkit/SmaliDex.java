package com.admissiongate.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jf.dexlib2.AccessFlags;
import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.builder.Label;
import org.jf.dexlib2.builder.MethodImplementationBuilder;
import org.jf.dexlib2.builder.instruction.BuilderInstruction10t;
import org.jf.dexlib2.builder.instruction.BuilderInstruction10x;
import org.jf.dexlib2.builder.instruction.BuilderInstruction11n;
import org.jf.dexlib2.builder.instruction.BuilderInstruction11x;
import org.jf.dexlib2.builder.instruction.BuilderInstruction12x;
import org.jf.dexlib2.builder.instruction.BuilderInstruction21c;
import org.jf.dexlib2.builder.instruction.BuilderInstruction21t;
import org.jf.dexlib2.builder.instruction.BuilderInstruction22c;
import org.jf.dexlib2.builder.instruction.BuilderInstruction23x;
import org.jf.dexlib2.builder.instruction.BuilderInstruction35c;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.reference.Reference;
import org.jf.dexlib2.immutable.ImmutableClassDef;
import org.jf.dexlib2.immutable.ImmutableMethod;
import org.jf.dexlib2.immutable.ImmutableMethodParameter;
import org.jf.dexlib2.immutable.reference.ImmutableFieldReference;
import org.jf.dexlib2.immutable.reference.ImmutableStringReference;
import org.jf.dexlib2.immutable.reference.ImmutableTypeReference;
import org.jf.dexlib2.writer.io.MemoryDataStore;
import org.jf.dexlib2.writer.pool.DexPool;

/**
 * Builds DEX files from a small smali subset (dexlib2's builder does the encoding), so behaviour fixtures read like
 * the code an analyst would see. Supported: invoke-{virtual,super,direct,static,interface} {vX, …}, move-result[-object],
 * move-object, const/4, const-string, const-class, new-instance, check-cast, sget/sput and iget/iput variants,
 * aget/aput[-object], new-array, if-eqz/if-nez/if-eq/if-ne, goto, :label, .catch/.catchall {:from .. :to} :handler,
 * move-exception, return-void, return[-object], throw. Registers are
 * vN, or pN for parameters (p0 = this for instance methods). Test-only.
 */
public final class SmaliDex {

    private final List<ClassDef> classes = new ArrayList<>();

    public static SmaliDex dex() {
        return new SmaliDex();
    }

    /** Adds a class; methods are given as {@link #method} strings. */
    public SmaliDex cls(String type, String superType, List<String> interfaces, Method... methods) {
        List<ImmutableMethod> ms = new ArrayList<>();
        for (Method m : methods) {
            ms.add(m.build(type));
        }
        classes.add(new ImmutableClassDef(type, AccessFlags.PUBLIC.getValue(), superType, interfaces, null, null, null,
                ms));
        return this;
    }

    public SmaliDex cls(String type, String superType, Method... methods) {
        return cls(type, superType, List.of(), methods);
    }

    /** An instance method {@code name(desc)} with {@code locals} registers besides the parameters. */
    public static Method method(String nameAndDesc, int locals, String... code) {
        return new Method(nameAndDesc, false, locals, List.of(code));
    }

    public static Method staticMethod(String nameAndDesc, int locals, String... code) {
        return new Method(nameAndDesc, true, locals, List.of(code));
    }

    /** A method of a class under construction. */
    public record Method(String nameAndDesc, boolean isStatic, int locals, List<String> code) {

        ImmutableMethod build(String owner) {
            String name = nameAndDesc.substring(0, nameAndDesc.indexOf('('));
            String params = nameAndDesc.substring(nameAndDesc.indexOf('(') + 1, nameAndDesc.indexOf(')'));
            String ret = nameAndDesc.substring(nameAndDesc.indexOf(')') + 1);
            List<String> ps = DexFixture.params(params);
            int ins = isStatic ? 0 : 1;
            for (String p : ps) {
                ins += p.equals("J") || p.equals("D") ? 2 : 1;
            }
            int regs = locals + ins;
            MethodImplementationBuilder b = new MethodImplementationBuilder(regs);
            for (String raw : code) {
                String line = raw.trim();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith(":")) {
                    b.addLabel(line.substring(1));
                    continue;
                }
                if (line.startsWith(".catch")) {
                    // .catch Lx/Y; {:from .. :to} :handler   or   .catchall {:from .. :to} :handler
                    String range = line.substring(line.indexOf('{') + 1, line.indexOf('}'));
                    String[] ends = range.split("\\s*\\.\\.\\s*");
                    Label from = label(b, ends[0]);
                    Label to = label(b, ends[1]);
                    Label handler = label(b, line.substring(line.indexOf('}') + 1));
                    if (line.startsWith(".catchall")) {
                        b.addCatch(from, to, handler);
                    } else {
                        b.addCatch(line.substring(".catch".length(), line.indexOf('{')).trim(), from, to, handler);
                    }
                    continue;
                }
                int sp = line.indexOf(' ');
                String op = sp < 0 ? line : line.substring(0, sp);
                String rest = sp < 0 ? "" : line.substring(sp + 1).trim();
                Opcode opcode = Opcodes.forApi(26).getOpcodeByName(op);
                if (opcode == null) {
                    throw new IllegalArgumentException("unknown opcode " + op);
                }
                b.addInstruction(insn(b, opcode, rest, locals));
            }
            List<ImmutableMethodParameter> mp = new ArrayList<>();
            for (String p : ps) {
                mp.add(new ImmutableMethodParameter(p, null, null));
            }
            int flags = AccessFlags.PUBLIC.getValue() | (isStatic ? AccessFlags.STATIC.getValue() : 0)
                    | (name.startsWith("<") ? AccessFlags.CONSTRUCTOR.getValue() : 0);
            return new ImmutableMethod(owner, name, mp, ret, flags, null, null, b.getMethodImplementation());
        }

        private static org.jf.dexlib2.builder.BuilderInstruction insn(MethodImplementationBuilder b, Opcode op,
                String rest, int locals) {
            switch (op.format) {
                case Format10x:
                    return new BuilderInstruction10x(op);
                case Format11x:
                    return new BuilderInstruction11x(op, reg(rest, locals));
                case Format11n: {
                    String[] a = rest.split(",\\s*");
                    return new BuilderInstruction11n(op, reg(a[0], locals), Integer.decode(a[1]));
                }
                case Format12x: {
                    String[] a = rest.split(",\\s*");
                    return new BuilderInstruction12x(op, reg(a[0], locals), reg(a[1], locals));
                }
                case Format21ih: {
                    String[] a = rest.split(",\\s*");
                    return new org.jf.dexlib2.builder.instruction.BuilderInstruction21ih(op, reg(a[0], locals),
                            Integer.decode(a[1]));
                }
                case Format31i: {
                    String[] a = rest.split(",\\s*");
                    return new org.jf.dexlib2.builder.instruction.BuilderInstruction31i(op, reg(a[0], locals),
                            Integer.decode(a[1]));
                }
                case Format10t:
                    return new BuilderInstruction10t(op, label(b, rest));
                case Format21t: {
                    String[] a = rest.split(",\\s*");
                    return new BuilderInstruction21t(op, reg(a[0], locals), label(b, a[1]));
                }
                case Format22t: {
                    String[] a = rest.split(",\\s*");
                    return new org.jf.dexlib2.builder.instruction.BuilderInstruction22t(op, reg(a[0], locals),
                            reg(a[1], locals), label(b, a[2]));
                }
                case Format21c: {
                    int comma = rest.indexOf(',');
                    return new BuilderInstruction21c(op, reg(rest.substring(0, comma), locals),
                            ref(op, rest.substring(comma + 1).trim()));
                }
                case Format22c: {
                    String[] a = rest.split(",\\s*", 3);
                    return new BuilderInstruction22c(op, reg(a[0], locals), reg(a[1], locals), ref(op, a[2]));
                }
                case Format23x: {
                    String[] a = rest.split(",\\s*");
                    return new BuilderInstruction23x(op, reg(a[0], locals), reg(a[1], locals), reg(a[2], locals));
                }
                case Format35c: {
                    String regs = rest.substring(rest.indexOf('{') + 1, rest.indexOf('}')).trim();
                    String target = rest.substring(rest.indexOf('}') + 1).replaceFirst("^\\s*,\\s*", "");
                    int[] r = new int[5];
                    int n = 0;
                    if (!regs.isEmpty()) {
                        for (String s : regs.split(",\\s*")) {
                            r[n++] = reg(s, locals);
                        }
                    }
                    return new BuilderInstruction35c(op, n, r[0], r[1], r[2], r[3], r[4], DexFixture.ref(target));
                }
                default:
                    throw new IllegalArgumentException("format " + op.format + " not supported: " + op.name);
            }
        }

        private static Label label(MethodImplementationBuilder b, String name) {
            return b.getLabel(name.trim().substring(1));
        }

        private static int reg(String s, int locals) {
            s = s.trim();
            int n = Integer.parseInt(s.substring(1));
            return s.charAt(0) == 'p' ? locals + n : n;
        }

        private static Reference ref(Opcode op, String s) {
            if (s.startsWith("\"")) {
                return new ImmutableStringReference(s.substring(1, s.length() - 1));
            }
            if (s.contains("->")) {
                int arrow = s.indexOf("->");
                int colon = s.indexOf(':', arrow);
                return new ImmutableFieldReference(s.substring(0, arrow), s.substring(arrow + 2, colon),
                        s.substring(colon + 1));
            }
            return new ImmutableTypeReference(s);
        }
    }

    public byte[] build() {
        DexPool pool = new DexPool(Opcodes.forApi(26));
        for (ClassDef c : classes) {
            pool.internClass(c);
        }
        MemoryDataStore store = new MemoryDataStore();
        try {
            pool.writeTo(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(store.getBuffer(), store.getSize());
    }

}
