package com.admissiongate.apk;

/**
 * Access to the instructions of one method for analyses that need more than call sites (registers,
 * branches, constants): the method's DEX file, where its {@code insns} start and how many 16-bit code units
 * they span. Indices inside the instructions are local to the file; {@link File} resolves them and answers
 * null (or -1) for an index out of range, so a hostile file never throws.
 */
public record DexCode(File file, int insnsOff, int insnsUnits, int registers, int ins) {

    /** One DEX file's id tables. */
    public interface File {

        /** The DEX bytes; instructions are little-endian 16-bit units from {@link DexCode#insnsOff()}. */
        byte[] bytes();

        /** Index-wide method id of local method_id {@code idx}, or -1. */
        int methodId(int idx);

        /** string_id {@code idx}, or null. */
        String string(int idx);

        /** Type descriptor of type_id {@code idx}, or null. */
        String type(int idx);

        /** field_id {@code idx} as {@code Lcls;->name:Type}, or null. */
        String field(int idx);
    }

    /** Code unit {@code i} (0-based) of this method, or -1 past the end. */
    public int unit(int i) {
        if (i < 0 || i >= insnsUnits) {
            return -1;
        }
        byte[] d = file.bytes();
        int p = insnsOff + i * 2;
        return (d[p] & 0xff) | ((d[p + 1] & 0xff) << 8);
    }
}
