package com.admissiongate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.expr.CheckedExpr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelAstCacheTests {

    private static final dev.cel.runtime.CelVariableResolver NO_VARIABLES = name -> java.util.Optional.empty();

    @Test
    void shouldShipACheckedAstForEveryExpressionOfTheBundledPack() throws Exception {
        CelRuleCompiler fresh = CelRuleCompiler.recording();
        new RulePackLoader(fresh).loadFromClasspath("policies/cn-app-pi");
        CelAstCache shipped = CelAstCache.fromClasspath();

        assertThat(fresh.recorded()).hasSizeGreaterThan(100);
        // every key present: the build step ran on these very rule files (a stale cache would miss)
        assertThat(fresh.recorded().keySet()).allSatisfy(k -> assertThat(shipped.get(k)).as(k).isNotNull());
        // and each entry is the AST the compiler produces now
        for (Map.Entry<String, byte[]> e : fresh.recorded().entrySet()) {
            assertThat(CheckedExpr.parseFrom(shipped.get(e.getKey()))).isEqualTo(CheckedExpr.parseFrom(e.getValue()));
        }
    }

    @Test
    void shouldUseAnEntryOnlyUnderItsOwnEnvironmentAndSource() throws Exception {
        CelRuleCompiler recorder = CelRuleCompiler.recording();
        recorder.compile("1 == 2", "t", CelRuleCompiler.Expect.BOOL);
        byte[] falseAst = recorder.recorded().values().iterator().next();
        String fingerprint = recorder.fingerprint();

        // a (deliberately wrong) entry under the right key is what compile returns: proof the cache is read
        CelRuleCompiler hit = new CelRuleCompiler(new CelAstCache(Map.of(CelAstCache.key(fingerprint, "1 == 1"), falseAst)), null);
        assertThat(hit.compile("1 == 1", "t", CelRuleCompiler.Expect.BOOL).evalBool(NO_VARIABLES)).isFalse();

        // the same entry made under another environment is a miss: compiled from source
        CelRuleCompiler otherEnv = new CelRuleCompiler(new CelAstCache(Map.of(CelAstCache.key(fingerprint + "x", "1 == 1"), falseAst)), null);
        assertThat(otherEnv.compile("1 == 1", "t", CelRuleCompiler.Expect.BOOL).evalBool(NO_VARIABLES)).isTrue();

        // an unreadable entry is a miss too, never an error
        CelRuleCompiler corrupt = new CelRuleCompiler(new CelAstCache(Map.of(CelAstCache.key(fingerprint, "1 == 1"),
                new byte[] {(byte) 0xff, 1, 2, 3})), null);
        assertThat(corrupt.compile("1 == 1", "t", CelRuleCompiler.Expect.BOOL).evalBool(NO_VARIABLES)).isTrue();
    }

    @Test
    void shouldStillRefuseACachedAstOfTheWrongResultType() throws Exception {
        CelRuleCompiler recorder = CelRuleCompiler.recording();
        recorder.compile("'text'", "t", CelRuleCompiler.Expect.ANY);
        byte[] stringAst = recorder.recorded().values().iterator().next();
        CelRuleCompiler c = new CelRuleCompiler(new CelAstCache(Map.of(CelAstCache.key(recorder.fingerprint(), "'text'"), stringAst)), null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.compile("'text'", "r.yaml: violation", CelRuleCompiler.Expect.BOOL))
                .isInstanceOf(CelRuleCompiler.CompileProblems.class)
                .hasMessageContaining("r.yaml: violation: must be bool");
    }

    @Test
    void shouldReadItsOwnFormatAndTreatAnythingElseAsEmpty() throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        entries.put("a", new byte[] {1, 2});
        entries.put("b", new byte[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CelAstCache.write(entries, out);
        byte[] file = out.toByteArray();

        CelAstCache back = CelAstCache.read(new ByteArrayInputStream(file));
        assertThat(back.size()).isEqualTo(2);
        assertThat(back.get("a")).containsExactly(1, 2);

        assertThat(CelAstCache.read(new ByteArrayInputStream(java.util.Arrays.copyOf(file, file.length - 1))).size())
                .as("truncated").isZero();
        assertThat(CelAstCache.read(new ByteArrayInputStream("not a cache".getBytes())).size()).as("foreign").isZero();
        assertThat(CelAstCache.read(null).size()).as("missing").isZero();
    }
}
