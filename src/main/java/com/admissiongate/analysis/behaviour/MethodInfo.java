package com.admissiongate.analysis.behaviour;

import java.util.ArrayList;
import java.util.List;

/** What one linear sweep over a method's code found; consumed by the call graph and the pattern analyses. */
final class MethodInfo {

    /**
     * An invoke site: callee (index-wide method id), invoke opcode (non-range form), consent-gated or not;
     * {@code reflected}: for Method.invoke on a Method the sweep built from constants
     * ({@code Class.forName("a.b.C").getMethod("name")}), the method it calls as {@code La/b/C;->name(}, else null.
     */
    record Site(int pc, int callee, int op, boolean gated, List<String> strings, boolean receiverIsThis,
            String reflected) {
    }

    /** A class the method makes reachable: new-instance / INSTANCE read (callbacks) or any first reference (clinit). */
    record TypeUse(String type, boolean gated, boolean instantiated) {
    }

    final List<Site> sites = new ArrayList<>();
    /**
     * The first this many entries of {@link #types} are distinct (the sweep searches the list before adding while it is
     * shorter); beyond that the list may repeat a use, so a reader that must not act twice keeps a set.
     */
    static final int DISTINCT_TYPES = 33;
    final List<TypeUse> types = new ArrayList<>();
    /** Reads {@code …->ALLOW_ALL_HOSTNAME_VERIFIER:Lorg/apache/http/conn/ssl/X509HostnameVerifier;} (any class). */
    boolean readsAllowAllHostnameVerifier;
    /**
     * Field refs of the method's iget/sget instructions as {@link CallGraph#fieldRef} ids, in code order
     * (duplicates kept); the first {@link #fieldReadCount} entries are used. Ids, not the ref strings: the flow
     * analysis numbers each distinct ref once instead of hashing the string at every read.
     */
    int[] fieldReads = NO_INTS;
    int fieldReadCount;
    /** Permission strings loaded before each requestPermissions-like site, keyed by the site's index in sites. */
    java.util.Map<Integer, List<String>> permissionsAt = java.util.Map.of();
    boolean throwsOrCalls;
    boolean returnsConstTrue;
    boolean readsParamArray;
    boolean readsStoredState;
    int insns;

    private static final int[] NO_INTS = new int[0];

    /** Records the permissions loaded before site {@code site} (a map only for the few methods that ask). */
    void addPermissionsAt(int site, List<String> permissions) {
        if (permissionsAt.isEmpty()) {
            permissionsAt = new java.util.HashMap<>();
        }
        permissionsAt.put(site, permissions);
    }

    void addFieldRead(int refId) {
        if (fieldReadCount == fieldReads.length) {
            fieldReads = java.util.Arrays.copyOf(fieldReads, Math.max(4, fieldReadCount * 2));
        }
        fieldReads[fieldReadCount++] = refId;
    }
}
