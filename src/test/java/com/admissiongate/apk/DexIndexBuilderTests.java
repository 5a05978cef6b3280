package com.admissiongate.apk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The builder's method table: {@link DexIndex.Builder#internParts} hashes a ref from its parts without building it,
 * so that hash must be the ref's {@link String#hashCode} (else {@link DexIndex#methodId} of the ref misses), and a
 * ref interned by parts or whole is one id.
 */
class DexIndexBuilderTests {

    @Test
    void refInternedByPartsIsFoundByItsString() {
        String longName = "m".repeat(300); // past the table of powers of 31
        String[][] parts = {
            {"Lcom/example/Main;", "onCreate", "(Landroid/os/Bundle;)V"},
            {"Lcom/example/Main;", "<init>", "()V"},
            {"La;", "", "()V"},
            {"", "", ""},
            {"Lcom/ex\u00e9mple/\u4e2d;", "n\u00e4me", "(I)V"},
            {"Lcom/example/Long;", longName, "(" + "J".repeat(400) + ")V"},
        };
        DexIndex.Builder b = new DexIndex.Builder();
        List<Integer> ids = new ArrayList<>();
        for (String[] p : parts) {
            int id = b.internParts(p[0], p[1], p[2]);
            ids.add(id);
            assertThat(b.method(id)).isEqualTo(p[0] + "->" + p[1] + p[2]);
            assertThat(b.internParts(new String(p[0]), new String(p[1]), new String(p[2]))).isEqualTo(id);
            assertThat(b.intern(p[0] + "->" + p[1] + p[2])).isEqualTo(id);
        }
        assertThat(ids).doesNotHaveDuplicates();
        DexIndex index = b.build();
        for (int i = 0; i < parts.length; i++) {
            String[] p = parts[i];
            assertThat(index.methodId(p[0] + "->" + p[1] + p[2])).isEqualTo(ids.get(i));
            assertThat(index.methodClass(ids.get(i))).isEqualTo(p[0]);
            assertThat(index.methodSub(ids.get(i))).isEqualTo(p[1] + p[2]);
        }
        assertThat(index.methodId("La;->()V")).isEqualTo(ids.get(2));
        assertThat(index.methodId("La;->x()V")).isEqualTo(-1);
    }

    @Test
    void nullRefIsAKeyAsInTheMapBefore() {
        DexIndex.Builder b = new DexIndex.Builder();
        assertThat(b.build().methodId(null)).isEqualTo(-1);
        int x = b.internParts("La;", "f", "()V");
        int n = b.intern(null);
        assertThat(b.intern(null)).isEqualTo(n);
        assertThat(b.internParts("La;", "f", "()V")).isEqualTo(x);
        assertThat(b.build().methodId(null)).isEqualTo(n);
        // a part-interned ref whose hash meets the null ref's slot: "" hashes to 0 as null does
        int empty = b.intern("");
        assertThat(empty).isNotEqualTo(n);
        assertThat(b.build().methodId("")).isEqualTo(empty);
    }

    @Test
    void sameHashDifferentPartsAreDifferentIds() {
        // "Aa" and "BB" have the same hash, so these refs collide and must be told apart by their text
        DexIndex.Builder b = new DexIndex.Builder();
        int x = b.internParts("LAa;", "f", "()V");
        int y = b.internParts("LBB;", "f", "()V");
        int z = b.internParts("LA;", "af", "()V");
        assertThat("LAa;->f()V".hashCode()).isEqualTo("LBB;->f()V".hashCode());
        assertThat(List.of(x, y, z)).doesNotHaveDuplicates();
        assertThat(b.intern("LBB;->f()V")).isEqualTo(y);
        DexIndex index = b.build();
        assertThat(index.methodId("LAa;->f()V")).isEqualTo(x);
        assertThat(index.methodId("LBB;->f()V")).isEqualTo(y);
        assertThat(index.methodId("LA;->af()V")).isEqualTo(z);
        assertThat(index.methodClass(z)).isEqualTo("LA;");
    }

    @Test
    void idsStayDenseAndFoundAcrossGrowth() {
        DexIndex.Builder b = new DexIndex.Builder();
        b.expect(10);
        int n = 5000; // past the initial capacity, so the arrays grow and the table is rehashed
        for (int i = 0; i < n; i++) {
            int id = i % 2 == 0 ? b.internParts("Lc" + (i % 37) + ";", "m" + i, "()V")
                    : b.intern("Lc" + (i % 37) + ";->m" + i + "()V");
            assertThat(id).isEqualTo(i);
        }
        b.expect(70000);
        assertThat(b.internParts("Lc0;", "m0", "()V")).isEqualTo(0);
        DexIndex index = b.build();
        assertThat(index.methodCount()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(index.methodId(index.method(i))).isEqualTo(i);
        }
        assertThat(index.methodClass(1)).isNull(); // interned whole: no parts kept, as before
        assertThat(index.methodSub(0)).isEqualTo("m0()V");
    }
}
