package com.admissiongate.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.CelVariableResolver;

/** A CEL expression compiled once at pack load; {@link #eval} is thread-safe and reuses the program. */
public final class CelExpression {

    private final String source;
    private final CelRuntime.Program program;

    CelExpression(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    public String source() {
        return source;
    }

    Object eval(CelVariableResolver activation) throws ExpressionEvaluationException {
        Object result;
        try {
            result = program.eval(activation);
        } catch (CelEvaluationException | RuntimeException e) {
            throw new ExpressionEvaluationException(e.getMessage(), e);
        }
        if (result instanceof CelUnknownSet) {
            // only happens when an input held a raw Java null; treat as an input-shape error
            throw new ExpressionEvaluationException("expression read an unknown (null) value", null);
        }
        return result;
    }

    boolean evalBool(CelVariableResolver activation) throws ExpressionEvaluationException {
        Object result = eval(activation);
        if (!(result instanceof Boolean)) {
            throw new ExpressionEvaluationException("expected bool, got "
                    + (result == null ? "null" : CelValues.toJava(result)), null);
        }
        return (Boolean) result;
    }

    /** Checked so that callers cannot forget that evaluation errors are outcomes, not crashes. */
    static final class ExpressionEvaluationException extends Exception {
        private static final long serialVersionUID = 1L;

        ExpressionEvaluationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
