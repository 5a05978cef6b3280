package com.admissiongate.policy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.expr.CheckedExpr;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * The single CEL environment rules are compiled in: variables {@code facts}, {@code submission},
 * {@code history}, {@code catalog} and {@code variables} (all {@code map(string, dyn)}), standard macros,
 * string and list extensions, {@code cel.bind} and the bulk-scan functions of {@link GateFunctions}.
 */
final class CelRuleCompiler {

    static final List<String> VARIABLES = List.of("facts", "submission", "history", "catalog", "variables");

    /** What the result type of an expression must be, checked at compile time where the type is known. */
    enum Expect { BOOL, LIST, ANY }

    private final Cel cel;
    private final String fingerprint;
    private final CelAstCache cache;
    /** Build step only: source key -> checked AST of every expression compiled (see {@link CelAstCacheBuilder}). */
    private final Map<String, byte[]> recorded;

    CelRuleCompiler() {
        this(CelAstCache.fromClasspath(), null);
    }

    /** Compiles every expression from source and remembers its checked AST, for the build's cache. */
    static CelRuleCompiler recording() {
        return new CelRuleCompiler(CelAstCache.empty(), new ConcurrentHashMap<>());
    }

    CelRuleCompiler(CelAstCache cache, Map<String, byte[]> recorded) {
        this.cache = cache;
        this.recorded = recorded;
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                // bounds a runaway comprehension over a hostile facts document
                .comprehensionMaxIterations(1_000_000)
                .build();
        MapType dynMap = MapType.create(SimpleType.STRING, SimpleType.DYN);
        var builder = CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.bindings(), CelExtensions.lists())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.lists())
                .addFunctionDeclarations(GateFunctions.declarations())
                .addFunctionBindings(GateFunctions.bindings());
        for (String name : VARIABLES) {
            builder.addVar(name, dynMap);
        }
        this.cel = builder.build();
        // everything that decides what a source type-checks to; a change to any of it misses the cache
        this.fingerprint = String.join("\n", "vars=" + VARIABLES, "options=" + options,
                "macros=" + CelStandardMacro.STANDARD_MACROS,
                "extensions=strings,bindings,lists", "functions=" + GateFunctions.declarations(),
                "cel=" + codeSource(CelFactory.class));
    }

    private static String codeSource(Class<?> type) {
        var domain = type.getProtectionDomain();
        var code = domain == null ? null : domain.getCodeSource();
        String where = code == null || code.getLocation() == null ? "?" : code.getLocation().getPath();
        return where.substring(where.lastIndexOf('/', where.length() - 2) + 1);
    }

    String fingerprint() {
        return fingerprint;
    }

    Map<String, byte[]> recorded() {
        return recorded == null ? Map.of() : Map.copyOf(recorded);
    }

    /**
     * @param where human-readable location used in problems, e.g. "SIGN-01-INVALID.yaml: violation"
     * @return the compiled expression
     * @throws CompileProblems every parse/type error, each with line:column inside the expression
     */
    CelExpression compile(String source, String where, Expect expect) throws CompileProblems {
        String key = cache.size() == 0 && recorded == null ? null : CelAstCache.key(fingerprint, source);
        byte[] checked = key == null ? null : cache.get(key);
        if (checked != null) {
            CelAbstractSyntaxTree ast = null;
            try {
                ast = CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(checked)).getAst();
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                // an unreadable entry is a miss: compile from source below
            }
            if (ast != null) {
                checkType(ast.getResultType(), where, expect);
                try {
                    return new CelExpression(source, cel.createProgram(ast));
                } catch (CelEvaluationException e) {
                    throw new CompileProblems(List.of(where + ": " + e.getMessage()));
                }
            }
        }
        CelValidationResult result = cel.compile(source, where);
        if (result.hasError()) {
            List<String> problems = new ArrayList<>();
            for (CelIssue issue : result.getErrors()) {
                problems.add(where + ":" + issue.getSourceLocation().getLine() + ":"
                        + (issue.getSourceLocation().getColumn() + 1) + ": " + issue.getMessage());
            }
            throw new CompileProblems(problems);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            checkType(ast.getResultType(), where, expect);
            CelExpression compiled = new CelExpression(source, cel.createProgram(ast));
            if (recorded != null) {
                recorded.put(key, CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr().toByteArray());
            }
            return compiled;
        } catch (CelEvaluationException | dev.cel.common.CelValidationException e) {
            throw new CompileProblems(List.of(where + ": " + e.getMessage()));
        }
    }

    private static void checkType(CelType type, String where, Expect expect) throws CompileProblems {
        CelKind kind = type.kind();
        if (kind == CelKind.DYN || kind == CelKind.ANY || expect == Expect.ANY) {
            return;
        }
        if (expect == Expect.BOOL && kind != CelKind.BOOL) {
            throw new CompileProblems(List.of(where + ": must be bool, type-checks as " + type.name()));
        }
        if (expect == Expect.LIST && kind != CelKind.LIST) {
            throw new CompileProblems(List.of(where + ": must be a list, type-checks as " + type.name()));
        }
    }

    static final class CompileProblems extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        CompileProblems(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
