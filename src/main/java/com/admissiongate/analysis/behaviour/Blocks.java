package com.admissiongate.analysis.behaviour;

import com.admissiongate.apk.DexCode;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Basic blocks of one method, with branch, switch and catch-handler edges, for the flow analysis: a value set
 * inside a loop body reaches the loop head again, a catch block sees what was live in its try range, and the two
 * arms of an {@code if} join. (The pre-consent scan keeps its linear sweep: its gated regions are defined in code
 * order.)
 *
 * <p>Built from untrusted bytes: a branch or handler outside the method, a switch payload or try table past the
 * end of the code or of the file is dropped, never thrown on.
 */
final class Blocks {

    /** Handlers kept per try range and try ranges kept per method; real code stays far below both. */
    private static final int MAX_HANDLERS = 64;
    private static final int MAX_TRIES = 4096;

    /** Block starts (code units from the first instruction), ascending. */
    final int[] start;
    /** Per block: the pc after its last instruction. */
    final int[] end;
    /** Per block: its successor blocks on normal control flow (fall-through, branch and switch targets). */
    final int[][] succ;
    private final int[] tryStart;
    private final int[] tryEnd;
    private final int[][] tryHandlers;

    private Blocks(int[] start, int[] end, int[][] succ, int[] tryStart, int[] tryEnd, int[][] tryHandlers) {
        this.start = start;
        this.end = end;
        this.succ = succ;
        this.tryStart = tryStart;
        this.tryEnd = tryEnd;
        this.tryHandlers = tryHandlers;
    }

    boolean hasTries() {
        return tryStart.length > 0;
    }

    int count() {
        return start.length;
    }

    /** Passes of the post-dominator iteration before it gives up. */
    private static final int MAX_PASSES = 64;

    /** Immediate post-dominators, built on the first {@link #controlledBy} call; see there. */
    private int[] ipdom;

    /**
     * The blocks whose execution the branch ending block {@code b} decides: those on a path from one of its
     * successors to its immediate post-dominator (the first block every path from {@code b} to a return or throw
     * passes), that block excluded; a loop head deciding its own body is among them. Post-dominance is over normal
     * control flow (a throw ends a path as a return does). Empty when {@code b} has no post-dominator: no path
     * from it ends (an endless loop), and nothing can be said about what it decides.
     */
    int[] controlledBy(int b) {
        int n = count();
        if (ipdom == null) {
            ipdom = postDominators();
        }
        int stop = ipdom[b];
        if (stop < 0) {
            return new int[0];
        }
        BitSet seen = new BitSet(n);
        int[] stack = new int[n + 1];
        int sp = 0;
        for (int s : succ[b]) {
            if (s != stop && !seen.get(s)) {
                seen.set(s);
                stack[sp++] = s;
            }
        }
        while (sp > 0) {
            int x = stack[--sp];
            for (int s : succ[x]) {
                if (s != stop && !seen.get(s)) {
                    seen.set(s);
                    stack[sp++] = s;
                }
            }
        }
        return seen.stream().toArray();
    }

    /**
     * Immediate post-dominator of each block ({@code count()}: the virtual exit every return and throw block
     * flows to; -1: the block reaches no exit), by Cooper, Harvey and Kennedy's iterative dominator algorithm on
     * the reversed graph.
     */
    private int[] postDominators() {
        int n = count();
        int exit = n;
        int[] predCount = new int[n];
        for (int[] ss : succ) {
            for (int s : ss) {
                predCount[s]++;
            }
        }
        int[][] preds = new int[n][];
        for (int i = 0; i < n; i++) {
            preds[i] = new int[predCount[i]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            for (int s : succ[i]) {
                preds[s][fill[s]++] = i;
            }
        }
        // postorder of the reversed graph from the exit: its edges go from a block to its CFG predecessors
        int[] post = new int[n + 1];
        Arrays.fill(post, -1);
        int[] order = new int[n + 1];
        int counter = 0;
        int[] stack = new int[n + 1];
        int[] next = new int[n + 1];
        BitSet visited = new BitSet(n + 1);
        visited.set(exit);
        int sp = 0;
        stack[sp++] = exit;
        while (sp > 0) {
            int x = stack[sp - 1];
            int[] out = x == exit ? null : preds[x];
            int child = -1;
            if (x == exit) {
                while (next[x] < n && child < 0) {
                    int c = next[x]++;
                    if (succ[c].length == 0 && !visited.get(c)) {
                        child = c;
                    }
                }
            } else {
                while (next[x] < out.length && child < 0) {
                    int c = out[next[x]++];
                    if (!visited.get(c)) {
                        child = c;
                    }
                }
            }
            if (child >= 0) {
                visited.set(child);
                stack[sp++] = child;
            } else {
                sp--;
                post[x] = counter;
                order[counter++] = x;
            }
        }
        int[] idom = new int[n + 1];
        Arrays.fill(idom, -1);
        idom[exit] = exit;
        boolean changed = true;
        // reverse postorder settles real code in two or three passes; the bound keeps a crafted graph from
        // making this quadratic: not settled by then, no block gets a post-dominator (nothing is controlled)
        for (int pass = 0; changed; pass++) {
            if (pass == MAX_PASSES) {
                Arrays.fill(idom, -1);
                return idom;
            }
            changed = false;
            for (int k = counter - 2; k >= 0; k--) {
                int x = order[k];
                int d = -1;
                // predecessors in the reversed graph: the CFG successors, or the exit for a return/throw block
                if (succ[x].length == 0) {
                    d = exit;
                }
                for (int s : succ[x]) {
                    if (idom[s] < 0) {
                        continue;
                    }
                    d = d < 0 ? s : intersect(idom, post, d, s);
                }
                if (d >= 0 && idom[x] != d) {
                    idom[x] = d;
                    changed = true;
                }
            }
        }
        idom[exit] = -1;
        return idom;
    }

    private static int intersect(int[] idom, int[] post, int a, int b) {
        int x = a;
        int y = b;
        while (x != y) {
            while (post[x] < post[y]) {
                x = idom[x];
            }
            while (post[y] < post[x]) {
                y = idom[y];
            }
        }
        return x;
    }

    /** Handler blocks of the try ranges covering {@code pc}, or null when none does. */
    int[] handlers(int pc) {
        int[] out = null;
        for (int i = 0; i < tryStart.length; i++) {
            if (pc >= tryStart[i] && pc < tryEnd[i] && tryHandlers[i].length > 0) {
                if (out == null) {
                    out = tryHandlers[i];
                } else {
                    out = union(out, tryHandlers[i]);
                }
            }
        }
        return out;
    }

    /** Uses {@code in} as the cursor (it is reset to the start of {@code code}). */
    static Blocks of(DexCode code, Insn in) {
        int units = code.insnsUnits();
        BitSet leaders = new BitSet(Math.max(1, units));
        leaders.set(0);
        in.reset(code);
        while (in.next()) {
            int op = in.op;
            if (op < 0) {
                continue;
            }
            int next = in.pc + in.width;
            if (isBranch(op)) {
                mark(leaders, in.target, units);
                mark(leaders, next, units);
            } else if (op == 0x2b || op == 0x2c) {
                for (int t : switchTargets(code, in.pc, in.target)) {
                    mark(leaders, t, units);
                }
                mark(leaders, next, units);
            } else if (in.endsBlock()) {
                mark(leaders, next, units);
            }
        }
        int[][] tries = readTries(code);
        for (int[] t : tries) {
            for (int i = 2; i < t.length; i++) {
                mark(leaders, t[i], units);
            }
        }
        int n = leaders.cardinality();
        int[] start = new int[n];
        for (int i = 0, pc = leaders.nextSetBit(0); pc >= 0; pc = leaders.nextSetBit(pc + 1)) {
            start[i++] = pc;
        }
        int[] end = new int[n];
        for (int i = 0; i < n; i++) {
            end[i] = i + 1 < n ? start[i + 1] : units;
        }
        int[][] succ = new int[n][];
        Arrays.fill(succ, new int[0]);
        in.reset(code);
        int block = 0;
        while (in.next()) {
            while (block + 1 < n && in.pc >= start[block + 1]) {
                block++;
            }
            int op = in.op;
            int next = in.pc + in.width;
            boolean last = next >= end[block];
            if (op < 0) {
                if (last && block + 1 < n && next == start[block + 1]) {
                    succ[block] = add(succ[block], block + 1);
                }
                continue;
            }
            if (isBranch(op)) {
                succ[block] = add(succ[block], blockAt(start, in.target));
            } else if (op == 0x2b || op == 0x2c) {
                for (int t : switchTargets(code, in.pc, in.target)) {
                    succ[block] = add(succ[block], blockAt(start, t));
                }
            }
            boolean fallsThrough = !(op == 0x28 || op == 0x29 || op == 0x2a) && !in.endsBlock();
            if (last && fallsThrough && next < units) {
                succ[block] = add(succ[block], blockAt(start, next));
            }
        }
        int[] tryStart = new int[tries.length];
        int[] tryEnd = new int[tries.length];
        int[][] tryHandlers = new int[tries.length][];
        for (int i = 0; i < tries.length; i++) {
            tryStart[i] = tries[i][0];
            tryEnd[i] = tries[i][1];
            int[] h = new int[0];
            for (int j = 2; j < tries[i].length; j++) {
                h = add(h, blockAt(start, tries[i][j]));
            }
            tryHandlers[i] = h;
        }
        return new Blocks(start, end, succ, tryStart, tryEnd, tryHandlers);
    }

    private static boolean isBranch(int op) {
        return (op >= 0x28 && op <= 0x2a) || (op >= 0x32 && op <= 0x3d);
    }

    private static void mark(BitSet leaders, int pc, int units) {
        if (pc >= 0 && pc < units) {
            leaders.set(pc);
        }
    }

    private static int blockAt(int[] start, int pc) {
        int i = Arrays.binarySearch(start, pc);
        return i >= 0 ? i : -1;
    }

    /** Appends {@code b} (a block index, -1 for none) unless present. */
    private static int[] add(int[] list, int b) {
        if (b < 0) {
            return list;
        }
        for (int x : list) {
            if (x == b) {
                return list;
            }
        }
        int[] out = Arrays.copyOf(list, list.length + 1);
        out[list.length] = b;
        return out;
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = a;
        for (int x : b) {
            out = add(out, x);
        }
        return out;
    }

    /** Targets (absolute pcs) of the packed/sparse switch at {@code pc} whose payload is at {@code payload}. */
    static int[] switchTargets(DexCode code, int pc, int payload) {
        int ident = code.unit(payload);
        int size = code.unit(payload + 1);
        if (size <= 0 || (ident != 0x0100 && ident != 0x0200)) {
            return new int[0];
        }
        // packed: ident, size, first_key (2 units), targets; sparse: ident, size, keys (2 units each), targets
        int first = ident == 0x0100 ? payload + 4 : payload + 2 + size * 2;
        if (first + size * 2L > code.insnsUnits()) {
            return new int[0];
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            int lo = code.unit(first + i * 2);
            int hi = code.unit(first + i * 2 + 1);
            out[i] = pc + (lo | (hi << 16));
        }
        return out;
    }

    /**
     * The method's try table: per try range {start, end, handler pcs…} (typed handlers and the catch-all alike).
     * code_item: registers, ins, outs, tries_size (u2 each), debug_info_off, insns_size (u4 each), insns, padding
     * to 4 bytes when tries follow an odd insns count, try_item[tries_size] (start u4, count u2, handler_off u2),
     * then the encoded_catch_handler_list the handler_offs point into.
     */
    static int[][] readTries(DexCode code) {
        byte[] d = code.file().bytes();
        int header = code.insnsOff() - 16;
        if (header < 0 || code.insnsOff() > d.length) {
            return new int[0][];
        }
        int triesSize = u2(d, header + 6);
        if (triesSize <= 0) {
            return new int[0][];
        }
        long triesOff = code.insnsOff() + code.insnsUnits() * 2L + ((code.insnsUnits() & 1) == 1 ? 2 : 0);
        long listOff = triesOff + triesSize * 8L;
        if (listOff > d.length) {
            return new int[0][];
        }
        int n = Math.min(triesSize, MAX_TRIES);
        int[][] out = new int[n][];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int p = (int) triesOff + i * 8;
            long startAddr = u4(d, p);
            int count = u2(d, p + 4);
            int handlerOff = u2(d, p + 6);
            int[] handlers = handlers(d, (int) listOff + handlerOff);
            if (startAddr < 0 || startAddr >= code.insnsUnits() || handlers == null) {
                continue;
            }
            int[] t = new int[2 + handlers.length];
            t[0] = (int) startAddr;
            t[1] = (int) Math.min(startAddr + count, code.insnsUnits());
            System.arraycopy(handlers, 0, t, 2, handlers.length);
            out[kept++] = t;
        }
        return Arrays.copyOf(out, kept);
    }

    /** Handler pcs of the encoded_catch_handler at {@code p}, or null when it runs past the file. */
    private static int[] handlers(byte[] d, int p) {
        int[] pos = {p};
        long size = sleb(d, pos);
        if (size == Long.MIN_VALUE) {
            return null;
        }
        int typed = (int) Math.min(Math.abs(size), MAX_HANDLERS);
        int[] out = new int[typed + (size <= 0 ? 1 : 0)];
        for (int i = 0; i < typed; i++) {
            if (uleb(d, pos) < 0) {
                return null;
            }
            long addr = uleb(d, pos);
            if (addr < 0) {
                return null;
            }
            out[i] = (int) Math.min(addr, Integer.MAX_VALUE);
        }
        if (size <= 0) {
            long addr = uleb(d, pos);
            if (addr < 0) {
                return null;
            }
            out[typed] = (int) Math.min(addr, Integer.MAX_VALUE);
        }
        return out;
    }

    private static int u2(byte[] d, int p) {
        if (p < 0 || p + 2 > d.length) {
            return -1;
        }
        return (d[p] & 0xff) | ((d[p + 1] & 0xff) << 8);
    }

    private static long u4(byte[] d, int p) {
        if (p < 0 || p + 4 > d.length) {
            return -1;
        }
        return (d[p] & 0xffL) | ((d[p + 1] & 0xffL) << 8) | ((d[p + 2] & 0xffL) << 16) | ((d[p + 3] & 0xffL) << 24);
    }

    /** Unsigned LEB128 at pos[0] (advanced), or -1 past the end or longer than 5 bytes. */
    private static long uleb(byte[] d, int[] pos) {
        long v = 0;
        for (int i = 0; i < 5; i++) {
            int p = pos[0]++;
            if (p < 0 || p >= d.length) {
                return -1;
            }
            int b = d[p] & 0xff;
            v |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        return -1;
    }

    /** Signed LEB128 at pos[0] (advanced), or Long.MIN_VALUE past the end or longer than 5 bytes. */
    private static long sleb(byte[] d, int[] pos) {
        long v = 0;
        for (int i = 0; i < 5; i++) {
            int p = pos[0]++;
            if (p < 0 || p >= d.length) {
                return Long.MIN_VALUE;
            }
            int b = d[p] & 0xff;
            v |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                int bits = 7 * (i + 1);
                return bits < 64 ? (v << (64 - bits)) >> (64 - bits) : v;
            }
        }
        return Long.MIN_VALUE;
    }
}
