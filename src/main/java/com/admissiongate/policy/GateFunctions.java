package com.admissiongate.policy;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Three bulk-scan functions added to CEL for rules that look through hundreds of call sites, URLs or
 * strings: the cel-java interpreter costs microseconds per comprehension step and recompiles the pattern
 * of {@code matches()} on every call, which put single rules at several milliseconds on a real app.
 *
 * <ul>
 *   <li>{@code grep(listOrMap, regex) -> list(string)}: the string elements (or map keys) in which the
 *       Java regex finds a match;</li>
 *   <li>{@code grepBy(listOfMaps, field, regex) -> list}: the maps whose string {@code field} matches;</li>
 *   <li>{@code textContainsAny(value, needles) -> bool}: whether any string anywhere inside the value
 *       (map values and list items, recursively) contains any of the needles.</li>
 * </ul>
 * Patterns are compiled once and cached; an invalid pattern is an evaluation error (rule ERROR).
 */
final class GateFunctions {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_PATTERNS = 1_000;

    private GateFunctions() {
    }

    static List<CelFunctionDecl> declarations() {
        ListType dynList = ListType.create(SimpleType.DYN);
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("grep",
                        CelOverloadDecl.newGlobalOverload("gate_grep", dynList, SimpleType.DYN, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("grepBy",
                        CelOverloadDecl.newGlobalOverload("gate_grep_by", dynList, SimpleType.DYN, SimpleType.STRING,
                                SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("textContainsAny",
                        CelOverloadDecl.newGlobalOverload("gate_text_contains_any", SimpleType.BOOL, SimpleType.DYN,
                                ListType.create(SimpleType.STRING))));
    }

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("gate_grep", Object.class, String.class, GateFunctions::grep),
                CelFunctionBinding.from("gate_grep_by", List.of(Object.class, String.class, String.class),
                        args -> grepBy(args[0], (String) args[1], (String) args[2])),
                CelFunctionBinding.from("gate_text_contains_any", Object.class, List.class,
                        GateFunctions::textContainsAny));
    }

    private static Pattern pattern(String regex) {
        Pattern p = PATTERNS.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            if (PATTERNS.size() < MAX_PATTERNS) {
                PATTERNS.put(regex, p);
            }
        }
        return p;
    }

    static List<Object> grep(Object items, String regex) {
        Pattern p = pattern(regex);
        Collection<?> values = items instanceof Map ? ((Map<?, ?>) items).keySet()
                : items instanceof Collection ? (Collection<?>) items : List.of();
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof String && p.matcher((String) v).find()) {
                out.add(v);
            }
        }
        return out;
    }

    static List<Object> grepBy(Object items, String field, String regex) {
        Pattern p = pattern(regex);
        List<Object> out = new ArrayList<>();
        if (items instanceof Collection) {
            for (Object item : (Collection<?>) items) {
                if (item instanceof Map) {
                    Object v = ((Map<?, ?>) item).get(field);
                    if (v instanceof String && p.matcher((String) v).find()) {
                        out.add(item);
                    }
                }
            }
        }
        return out;
    }

    static boolean textContainsAny(Object value, List<?> needles) {
        if (value instanceof String) {
            String s = (String) value;
            for (Object n : needles) {
                if (n instanceof String && s.contains((String) n)) {
                    return true;
                }
            }
            return false;
        }
        Collection<?> children = value instanceof Map ? ((Map<?, ?>) value).values()
                : value instanceof Collection ? (Collection<?>) value : List.of();
        for (Object child : children) {
            if (textContainsAny(child, needles)) {
                return true;
            }
        }
        return false;
    }
}
