package com.admissiongate.catalog;

import java.util.List;

/** Null-tolerant immutable copies: catalog JSON may omit optional arrays. */
final class Lists {

    private Lists() {
        // Hidden constructor
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
