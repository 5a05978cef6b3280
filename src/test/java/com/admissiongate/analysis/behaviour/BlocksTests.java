package com.admissiongate.analysis.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.DexCode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Basic blocks from raw code units: switch and handler edges, and hostile try tables and payloads. */
class BlocksTests {

    /** A code_item whose 16-byte header starts at 0 (tries_size at 6), instructions at 16. */
    private static DexCode code(byte[] bytes, int units) {
        DexCode.File file = new DexCode.File() {
            @Override
            public byte[] bytes() {
                return bytes;
            }

            @Override
            public int methodId(int idx) {
                return -1;
            }

            @Override
            public String string(int idx) {
                return null;
            }

            @Override
            public String type(int idx) {
                return null;
            }

            @Override
            public String field(int idx) {
                return null;
            }
        };
        return new DexCode(file, 16, units, 4, 0);
    }

    private static byte[] item(int triesSize, int... units) {
        byte[] b = new byte[16 + units.length * 2 + 64];
        b[6] = (byte) triesSize;
        for (int i = 0; i < units.length; i++) {
            b[16 + i * 2] = (byte) units[i];
            b[17 + i * 2] = (byte) (units[i] >>> 8);
        }
        return b;
    }

    @Test
    void aBranchControlsTheArmsBeforeItsPostDominator() {
        // 0: if-eqz v0, +4 | 2: nop | 3: goto +2 | 4: nop | 5: return-void: the arms (blocks 1, 2) join at block 3
        Blocks diamond = Blocks.of(code(item(0, 0x0038, 4, 0x0000, 0x0228, 0x0000, 0x000e), 6), new Insn());
        assertThat(diamond.start).containsExactly(0, 2, 4, 5);
        assertThat(diamond.controlledBy(0)).containsExactly(1, 2);
        assertThat(diamond.controlledBy(1)).isEmpty();

        // 0: if-eqz v0, +3 | 2: goto -2 | 3: return-void: a loop head decides its body and its own next test
        Blocks loop = Blocks.of(code(item(0, 0x0038, 3, 0xfe28, 0x000e), 4), new Insn());
        assertThat(loop.controlledBy(0)).containsExactly(0, 1);

        // 0: if-eqz v0, +3 | 2: goto -2 | 3: goto +0: no path ends, nothing to say what the branch decides
        Blocks endless = Blocks.of(code(item(0, 0x0038, 3, 0xfe28, 0x0028), 4), new Insn());
        assertThat(endless.controlledBy(0)).isEmpty();
    }

    @Test
    void packedSwitchTargetsAndFallThroughAreSuccessors() {
        // 0: packed-switch v0, +6 (payload at 6) | 3: return-void | 4: return-void | 5: nop (unreachable) | 6: payload
        // payload: ident 0x0100, size 2, first_key 0 (2 units), targets +3, +4 (2 units each)
        byte[] b = item(0, 0x002b, 6, 0, 0x000e, 0x000e, 0x0000, 0x0100, 2, 0, 0, 3, 0, 4, 0);
        Blocks blocks = Blocks.of(code(b, 14), new Insn());

        assertThat(blocks.start).containsExactly(0, 3, 4, 5);
        assertThat(blocks.succ[0]).containsExactlyInAnyOrder(1, 2);
        assertThat(blocks.hasTries()).isFalse();
    }

    @Test
    void catchHandlerIsABlockAndCoversItsTryRange() {
        // 0: nop | 1: return-void | 2: move-exception v0 | 3: return-void
        // tries (after 4 units, no padding): start 0, count 1, handler_off 1 -> list at +1:
        // list: size 1, handler: size 0 (catch-all only), catch_all_addr 2
        byte[] b = item(1, 0x0000, 0x000e, 0x000d, 0x000e);
        int tries = 16 + 4 * 2;
        b[tries] = 0;
        b[tries + 4] = 1;
        b[tries + 6] = 1;
        int list = tries + 8;
        b[list] = 1;
        b[list + 1] = 0;
        b[list + 2] = 2;
        Blocks blocks = Blocks.of(code(b, 4), new Insn());

        assertThat(blocks.start).containsExactly(0, 2);
        assertThat(blocks.handlers(0)).containsExactly(1);
        assertThat(blocks.handlers(1)).isNull();
    }

    @Test
    void tryTableAndPayloadPastTheEndAreDropped() {
        // tries_size 200 with the table running past the file; a packed-switch whose payload is past the code
        byte[] b = item(200, 0x002b, 0x7000, 0, 0x000e);
        Blocks blocks = Blocks.of(code(b, 4), new Insn());

        assertThat(blocks.hasTries()).isFalse();
        assertThat(blocks.succ[0]).containsExactly(1);
    }

    @Test
    void randomBytesNeverThrowAndEdgesAndControlledBlocksStayInRange() {
        Random r = new Random(42);
        for (int i = 0; i < 5000; i++) {
            int units = 1 + r.nextInt(64);
            byte[] b = new byte[16 + units * 2 + r.nextInt(128)];
            r.nextBytes(b);
            b[7] = 0;
            Blocks blocks = Blocks.of(code(b, units), new Insn());
            for (int[] s : blocks.succ) {
                for (int t : s) {
                    assertThat(t).isBetween(0, blocks.count() - 1);
                }
            }
            for (int pc = 0; pc < units; pc++) {
                int[] h = blocks.handlers(pc);
                if (h != null) {
                    for (int t : h) {
                        assertThat(t).isBetween(0, blocks.count() - 1);
                    }
                }
            }
            for (int k = 0; k < blocks.count(); k++) {
                int[] controlled = blocks.controlledBy(k);
                for (int t : controlled) {
                    assertThat(t).isBetween(0, blocks.count() - 1);
                }
                if (blocks.succ[k].length == 1) {
                    // one way on: its successor post-dominates it (or nothing does), so it decides nothing
                    assertThat(controlled).as("block %d of %s", k, java.util.Arrays.deepToString(blocks.succ))
                            .isEmpty();
                }
            }
        }
    }
}
