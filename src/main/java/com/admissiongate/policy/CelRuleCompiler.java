package com.admissiongate.policy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.List;

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

    CelRuleCompiler() {
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
    }

    /**
     * @param where human-readable location used in problems, e.g. "SIGN-01-INVALID.yaml: violation"
     * @return the compiled expression
     * @throws CompileProblems every parse/type error, each with line:column inside the expression
     */
    CelExpression compile(String source, String where, Expect expect) throws CompileProblems {
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
            return new CelExpression(source, cel.createProgram(ast));
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
