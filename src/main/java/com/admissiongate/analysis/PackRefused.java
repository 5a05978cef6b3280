package com.admissiongate.analysis;

import java.util.List;

/**
 * A rule-pack operation refused with a stable {@code code} (PACK_NOT_FOUND, PACK_INVALID, PACK_EXISTS, PACK_TOO_LARGE,
 * PACK_ZIP_BOMB, PACK_UNSAFE_PATH, ...) and, for an invalid pack, every problem found.
 */
public class PackRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient List<String> problems;

    public PackRefused(String code, String detail, List<String> problems) {
        super(detail);
        this.code = code;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public String code() {
        return code;
    }

    public List<String> problems() {
        return problems;
    }
}
