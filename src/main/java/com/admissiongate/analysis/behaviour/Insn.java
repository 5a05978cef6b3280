package com.admissiongate.analysis.behaviour;

import com.admissiongate.apk.DexCode;

/**
 * One decoded Dalvik instruction, reused while sweeping a method (a mutable cursor, not a value). Only the
 * operands the behaviour analyses read are decoded: registers, literal, the pool index and branch target.
 * Positions are in 16-bit code units from the method's first instruction.
 */
final class Insn {

    static final int INVOKE_VIRTUAL = 0x6e;
    static final int INVOKE_SUPER = 0x6f;
    static final int INVOKE_DIRECT = 0x70;
    static final int INVOKE_STATIC = 0x71;
    static final int INVOKE_INTERFACE = 0x72;

    private static final byte[] WIDTH = new byte[256];

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

    private static final byte[] FORMAT = new byte[256];

    static {
        for (int op = 0; op < 256; op++) {
            FORMAT[op] = (byte) format(op);
        }
    }

    /** The method's DEX bytes and where its instructions start: read directly, not through the File interface. */
    private byte[] bytes;
    private int off;
    private int units;
    int pc;
    int width;
    int op;
    int a;
    int b;
    int c;
    long lit;
    int idx;
    int target;
    int argc;
    final int[] args = new int[256];

    Insn(DexCode code) {
        reset(code);
    }

    Insn() {
    }

    /** Moves the cursor to the start of {@code code} (one cursor per sweep loop, not per method: args is 1 KiB). */
    Insn reset(DexCode code) {
        this.bytes = code.file().bytes();
        this.off = code.insnsOff();
        this.units = code.insnsUnits();
        this.pc = 0;
        this.width = 0;
        return this;
    }

    /** Moves the cursor (already {@link #reset} to this method) so that {@link #next} decodes the instruction at pc. */
    Insn seek(int pc) {
        this.pc = pc;
        this.width = 0;
        return this;
    }

    /** Same as {@link DexCode#unit}: code unit {@code i}, or -1 outside the method. */
    private int unit(int i) {
        if (i < 0 || i >= units) {
            return -1;
        }
        int p = off + i * 2;
        return (bytes[p] & 0xff) | ((bytes[p + 1] & 0xff) << 8);
    }

    /** Moves to the next instruction; false at the end or on a truncated instruction. */
    boolean next() {
        pc += width;
        width = 0;
        int n = units;
        if (pc >= n) {
            return false;
        }
        int u = unit(pc);
        op = u & 0xff;
        if (op == 0 && u != 0) {
            width = payloadWidth(u);
            op = -1;
            return pc + width <= n || finish(n);
        }
        width = WIDTH[op];
        if (pc + width > n) {
            return false;
        }
        decode(u);
        return true;
    }

    private boolean finish(int n) {
        width = n - pc;
        return true;
    }

    private int payloadWidth(int u) {
        int ident = u >>> 8;
        long w;
        switch (ident) {
            case 1: w = 4L + (long) unit(pc + 1) * 2; break;
            case 2: w = 2L + (long) unit(pc + 1) * 4; break;
            case 3: {
                long size = (unit(pc + 2) & 0xffffL) | ((long) (unit(pc + 3) & 0xffff) << 16);
                w = 4L + (size * unit(pc + 1) + 1) / 2;
                break;
            }
            default: w = 1;
        }
        return (int) Math.max(1, Math.min(w, Integer.MAX_VALUE / 4));
    }

    private int u(int i) {
        return unit(pc + i) & 0xffff;
    }

    private void decode(int u) {
        int aa = u >>> 8;
        a = aa;
        b = 0;
        c = 0;
        lit = 0;
        idx = -1;
        target = -1;
        argc = 0;
        switch (FORMAT[op]) {
            case F12X:
                a = aa & 0xf;
                b = aa >>> 4;
                break;
            case F11N:
                a = aa & 0xf;
                lit = (byte) (aa & 0xf0) >> 4;
                break;
            case F10T:
                target = pc + (byte) aa;
                break;
            case F20T:
                target = pc + (short) u(1);
                break;
            case F30T:
                target = pc + (u(1) | (u(2) << 16));
                break;
            case F22X:
                b = u(1);
                break;
            case F21T:
                target = pc + (short) u(1);
                break;
            case F21S:
                lit = (short) u(1);
                break;
            case F21H:
                lit = op == 0x15 ? ((long) (short) u(1)) << 16 : ((long) (short) u(1)) << 48;
                break;
            case F21C:
                idx = u(1);
                break;
            case F23X:
                b = u(1) & 0xff;
                c = u(1) >>> 8;
                break;
            case F22B:
                b = u(1) & 0xff;
                lit = (byte) (u(1) >>> 8);
                break;
            case F22T:
                a = aa & 0xf;
                b = aa >>> 4;
                target = pc + (short) u(1);
                break;
            case F22S:
                a = aa & 0xf;
                b = aa >>> 4;
                lit = (short) u(1);
                break;
            case F22C:
                a = aa & 0xf;
                b = aa >>> 4;
                idx = u(1);
                break;
            case F32X:
                a = u(1);
                b = u(2);
                break;
            case F31I:
                lit = u(1) | (u(2) << 16);
                break;
            case F31T:
                target = pc + (u(1) | (u(2) << 16));
                break;
            case F31C:
                idx = u(1) | (u(2) << 16);
                break;
            case F35C: {
                argc = Math.min(aa >>> 4, 5);
                idx = u(1);
                int regs = u(2);
                for (int i = 0; i < argc && i < 4; i++) {
                    args[i] = (regs >>> (4 * i)) & 0xf;
                }
                if (argc == 5) {
                    args[4] = aa & 0xf;
                }
                break;
            }
            case F3RC: {
                argc = aa;
                idx = u(1);
                int first = u(2);
                for (int i = 0; i < argc; i++) {
                    args[i] = first + i;
                }
                break;
            }
            case F51L:
                lit = (long) u(1) | ((long) u(2) << 16) | ((long) u(3) << 32) | ((long) u(4) << 48);
                break;
            default:
                break;
        }
    }

    boolean isInvoke() {
        return (op >= 0x6e && op <= 0x72) || (op >= 0x74 && op <= 0x78);
    }

    /** invoke kind normalised to the non-range opcode (0x6e..0x72). */
    int invokeBase() {
        return op >= 0x74 ? op - 6 : op;
    }

    boolean isReturn() {
        return op >= 0x0e && op <= 0x11;
    }

    /** Does control never fall through to the next instruction? */
    boolean endsBlock() {
        return isReturn() || op == 0x27 || op == 0x28 || op == 0x29 || op == 0x2a;
    }

    private static final int F10X = 0;
    private static final int F12X = 1;
    private static final int F11N = 2;
    private static final int F11X = 3;
    private static final int F10T = 4;
    private static final int F20T = 5;
    private static final int F22X = 6;
    private static final int F21T = 7;
    private static final int F21S = 8;
    private static final int F21H = 9;
    private static final int F21C = 10;
    private static final int F23X = 11;
    private static final int F22B = 12;
    private static final int F22T = 13;
    private static final int F22S = 14;
    private static final int F22C = 15;
    private static final int F32X = 16;
    private static final int F30T = 17;
    private static final int F31I = 18;
    private static final int F31T = 19;
    private static final int F31C = 20;
    private static final int F35C = 21;
    private static final int F3RC = 22;
    private static final int F51L = 23;

    private static int format(int op) {
        if (op == 0x00 || op == 0x0e) {
            return F10X;
        }
        if (op == 0x01 || op == 0x04 || op == 0x07 || op == 0x21 || (op >= 0x7b && op <= 0x8f)
                || (op >= 0xb0 && op <= 0xcf)) {
            return F12X;
        }
        if (op == 0x02 || op == 0x05 || op == 0x08) {
            return F22X;
        }
        if (op == 0x03 || op == 0x06 || op == 0x09) {
            return F32X;
        }
        if ((op >= 0x0a && op <= 0x11) || op == 0x1d || op == 0x1e || op == 0x27) {
            return F11X;
        }
        if (op == 0x12) {
            return F11N;
        }
        if (op == 0x13 || op == 0x16) {
            return F21S;
        }
        if (op == 0x14 || op == 0x17) {
            return F31I;
        }
        if (op == 0x15 || op == 0x19) {
            return F21H;
        }
        if (op == 0x18) {
            return F51L;
        }
        if (op == 0x1a || op == 0x1c || op == 0x1f || op == 0x22 || (op >= 0x60 && op <= 0x6d) || op == 0xfe
                || op == 0xff) {
            return F21C;
        }
        if (op == 0x1b) {
            return F31C;
        }
        if (op == 0x20 || op == 0x23 || (op >= 0x52 && op <= 0x5f)) {
            return F22C;
        }
        if (op == 0x24 || (op >= 0x6e && op <= 0x72) || op == 0xfc) {
            return F35C;
        }
        if (op == 0x25 || (op >= 0x74 && op <= 0x78) || op == 0xfd) {
            return F3RC;
        }
        if (op == 0x26 || op == 0x2b || op == 0x2c) {
            return F31T;
        }
        if (op == 0x28) {
            return F10T;
        }
        if (op == 0x29) {
            return F20T;
        }
        if (op == 0x2a) {
            return F30T;
        }
        if (op >= 0x2d && op <= 0x31 || (op >= 0x44 && op <= 0x51) || (op >= 0x90 && op <= 0xaf)) {
            return F23X;
        }
        if (op >= 0x32 && op <= 0x37) {
            return F22T;
        }
        if (op >= 0x38 && op <= 0x3d) {
            return F21T;
        }
        if (op >= 0xd0 && op <= 0xd7) {
            return F22S;
        }
        if (op >= 0xd8 && op <= 0xe2) {
            return F22B;
        }
        return F10X;
    }
}
