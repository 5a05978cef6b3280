package com.admissiongate.catalog;

/**
 * A catalog file is missing, unreadable or invalid. Thrown at startup only: a gate must not run with a
 * catalog it could not validate. The message names the file and the JSON pointer of the bad entry.
 */
public final class CatalogException extends RuntimeException {

    private final String file;
    private final String pointer;

    public CatalogException(String file, String pointer, String message) {
        super(file + (pointer == null || pointer.isEmpty() ? "" : " " + pointer) + ": " + message);
        this.file = file;
        this.pointer = pointer;
    }

    public CatalogException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
        this.pointer = null;
    }

    /** Catalog file name, e.g. {@code sdks.json}. */
    public String file() {
        return file;
    }

    /** JSON pointer of the offending value (e.g. {@code /sdks/12/category}), or null. */
    public String pointer() {
        return pointer;
    }
}
