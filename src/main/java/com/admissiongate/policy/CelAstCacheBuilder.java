package com.admissiongate.policy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step ({@code process-classes}, see pom.xml): compiles every pack under {@code <classes>/policies/} and writes
 * the checked ASTs of all their expressions to {@code <classes>/policies/cel-ast-cache.bin} ({@link CelAstCache}).
 * A pack that does not compile fails the build here, with the loader's problems, before any test runs.
 *
 * <pre>java -cp target/classes:... com.admissiongate.policy.CelAstCacheBuilder target/classes</pre>
 */
public final class CelAstCacheBuilder {

    private CelAstCacheBuilder() {
    }

    public static void main(String[] args) throws IOException, RulePackLoadException {
        if (args.length != 1) {
            System.err.println("usage: CelAstCacheBuilder <classes dir>");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        Path policies = classes.resolve("policies");
        List<Path> packs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(policies)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve(RulePackLoader.PACK_FILE))).sorted().forEach(packs::add);
        }
        CelRuleCompiler compiler = CelRuleCompiler.recording();
        for (Path pack : packs) {
            new RulePackLoader(compiler).load(pack);
        }
        Map<String, byte[]> entries = compiler.recorded();
        Path out = classes.resolve(CelAstCache.RESOURCE);
        try (OutputStream o = Files.newOutputStream(out)) {
            CelAstCache.write(entries, o);
        }
        System.out.printf("cel-ast-cache: %d checked expressions from %d pack(s) -> %s (%d bytes)%n",
                entries.size(), packs.size(), out, Files.size(out));
    }
}
