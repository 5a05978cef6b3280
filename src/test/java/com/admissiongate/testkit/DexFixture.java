package com.admissiongate.testkit;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jf.dexlib2.AccessFlags;
import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.immutable.ImmutableClassDef;
import org.jf.dexlib2.immutable.ImmutableMethod;
import org.jf.dexlib2.immutable.ImmutableMethodImplementation;
import org.jf.dexlib2.immutable.ImmutableMethodParameter;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction10x;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction21c;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction35c;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction3rc;
import org.jf.dexlib2.immutable.reference.ImmutableMethodReference;
import org.jf.dexlib2.immutable.reference.ImmutableStringReference;
import org.jf.dexlib2.writer.io.MemoryDataStore;
import org.jf.dexlib2.writer.pool.DexPool;

/** Builds DEX files with dexlib2's writer: classes, methods and invoke/const-string code. Test-only. */
public final class DexFixture {

    private final List<ClassDef> classes = new ArrayList<>();

    public static DexFixture dex() {
        return new DexFixture();
    }

    /** Starts a class; finish it with {@link ClassBuilder#end()}. */
    public ClassBuilder cls(String type, String superType, String... interfaces) {
        return new ClassBuilder(this, type, superType, List.of(interfaces));
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

    /** Builder for one class. */
    public static final class ClassBuilder {
        private final DexFixture dex;
        private final String type;
        private final String superType;
        private final List<String> interfaces;
        private final List<ImmutableMethod> methods = new ArrayList<>();

        ClassBuilder(DexFixture dex, String type, String superType, List<String> interfaces) {
            this.dex = dex;
            this.type = type;
            this.superType = superType;
            this.interfaces = interfaces;
        }

        /** A public virtual method {@code name} with descriptor {@code desc} like {@code (I)V}. */
        public MethodBuilder method(String name, String desc) {
            return new MethodBuilder(this, name, desc);
        }

        public DexFixture end() {
            dex.classes.add(new ImmutableClassDef(type, AccessFlags.PUBLIC.getValue(), superType, interfaces, null,
                    null, null, methods));
            return dex;
        }
    }

    /** Builder for one method body. */
    public static final class MethodBuilder {
        private final ClassBuilder owner;
        private final String name;
        private final String desc;
        private final List<Instruction> code = new ArrayList<>();

        MethodBuilder(ClassBuilder owner, String name, String desc) {
            this.owner = owner;
            this.name = name;
            this.desc = desc;
        }

        public MethodBuilder invoke(Opcode op, String smaliRef) {
            ImmutableMethodReference ref = ref(smaliRef);
            int regs = op == Opcode.INVOKE_STATIC || op == Opcode.INVOKE_STATIC_RANGE ? 0 : 1;
            for (CharSequence p : ref.getParameterTypes()) {
                regs += p.charAt(0) == 'J' || p.charAt(0) == 'D' ? 2 : 1;
            }
            if (op.format == org.jf.dexlib2.Format.Format3rc) {
                code.add(new ImmutableInstruction3rc(op, 0, regs, ref));
            } else {
                code.add(new ImmutableInstruction35c(op, regs, 0, 0, 0, 0, 0, ref));
            }
            return this;
        }

        public MethodBuilder invokeVirtual(String smaliRef) {
            return invoke(Opcode.INVOKE_VIRTUAL, smaliRef);
        }

        public MethodBuilder invokeStatic(String smaliRef) {
            return invoke(Opcode.INVOKE_STATIC, smaliRef);
        }

        public MethodBuilder constString(String s) {
            code.add(new ImmutableInstruction21c(Opcode.CONST_STRING, 0, new ImmutableStringReference(s)));
            return this;
        }

        public ClassBuilder end() {
            code.add(new ImmutableInstruction10x(Opcode.RETURN_VOID));
            List<ImmutableMethodParameter> params = new ArrayList<>();
            for (String p : params(desc.substring(1, desc.indexOf(')')))) {
                params.add(new ImmutableMethodParameter(p, null, null));
            }
            String ret = desc.substring(desc.indexOf(')') + 1);
            owner.methods.add(new ImmutableMethod(owner.type, name, params, ret, AccessFlags.PUBLIC.getValue(), null,
                    null, new ImmutableMethodImplementation(16, code, null, null)));
            return owner;
        }
    }

    /** Parses {@code Lcls;->name(Args)Ret}. */
    static ImmutableMethodReference ref(String smali) {
        int arrow = smali.indexOf("->");
        int paren = smali.indexOf('(', arrow);
        int close = smali.indexOf(')', paren);
        return new ImmutableMethodReference(smali.substring(0, arrow), smali.substring(arrow + 2, paren),
                ImmutableList.copyOf(params(smali.substring(paren + 1, close))), smali.substring(close + 1));
    }

    static List<String> params(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (s.charAt(i) == '[') {
                i++;
            }
            if (s.charAt(i) == 'L') {
                i = s.indexOf(';', i);
            }
            i++;
            out.add(s.substring(start, i));
        }
        return out;
    }
}
