package com.admissiongate.apk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.ApkAnalyzer;
import com.admissiongate.apk.ApkLimits;
import com.admissiongate.apk.ApkReport;
import com.admissiongate.apk.Issue;
import com.admissiongate.apk.IssueCode;
import com.admissiongate.apk.Severity;
import com.admissiongate.apk.TrackedApis;
import com.admissiongate.apk.io.ByteSources;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * What every fuzz target asserts: malformed input is reported, never thrown; the report is
 * well-formed and serializable; an unanalysable input says {@code complete=false}; and one
 * input never allocates far more than the (small) limits allow.
 */
final class FuzzContract {

    /**
     * Small limits so that a lying header cannot make one input allocate much: whatever the
     * fuzzer finds, the allocation budget below stays meaningful.
     */
    static final ApkLimits LIMITS = new ApkLimits(64, 4L << 20, 1 << 20, 200.0, 4096, 2, 256 << 10,
            256 << 10, 512 << 10, 1 << 20, 100, 256, 50, 50, 200).validate();

    /**
     * Per-input allocation budget. Generous against the limits above (a few MiB in the worst
     * case) but far below what a size taken from an unchecked header would cost.
     */
    static final long ALLOCATION_BUDGET = 96L << 20;

    /**
     * ERROR codes that are findings about an archive the analyzer could still read completely
     * (the verdict layer rejects on them; the analysis itself is whole). Every other ERROR code
     * means some bytes were not analysed and must come with {@code complete=false}.
     */
    static final Set<String> ERROR_FINDINGS_ON_READABLE_INPUT = Set.of(
            IssueCode.ZIP_DUPLICATE_ENTRY.name(),
            IssueCode.ZIP_ENTRY_PATH_TRAVERSAL.name(),
            IssueCode.ZIP_PREFIX_DEX.name(),
            IssueCode.ZIP_LOCAL_HEADER_NAME_MISMATCH.name(),
            IssueCode.ZIP_MULTI_DISK.name(),
            IssueCode.MANIFEST_NO_PACKAGE.name());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzContract() {
    }

    static ApkAnalyzer analyzer() {
        return new ApkAnalyzer(LIMITS, TrackedApis.defaults());
    }

    /** Runs the whole analyzer over {@code apk} and checks the report contract. */
    static ApkReport analyzeAndCheck(byte[] apk) {
        ApkReport r = analyzer().analyze(ByteSources.wrap(apk));
        checkReport(r, apk.length);
        return r;
    }

    static void checkReport(ApkReport r, int inputSize) {
        assertThat(r).isNotNull();
        assertThat(r.size()).isEqualTo(inputSize);
        assertThat(r.sha256()).hasSize(64);
        assertThat(r.analyzerVersion()).isEqualTo(ApkAnalyzer.VERSION);
        assertThat(r.archive()).isNotNull();
        assertThat(r.manifest()).isNotNull();
        assertThat(r.resources()).isNotNull();
        assertThat(r.dex()).isNotNull();
        assertThat(r.dexIndex()).isNotNull();
        assertThat(r.nativeLibs()).isNotNull();
        assertThat(r.assets()).isNotNull();
        assertThat(r.nested()).isNotNull();
        assertThat(r.complete()).as("complete iff no incomplete area: %s", r.incomplete())
                .isEqualTo(r.incomplete().isEmpty());
        for (Issue i : r.issues()) {
            assertThat(i.code()).isNotNull();
            assertThat(i.severity()).isNotNull();
            assertThat(i.message()).isNotNull();
            // Both codes come only from the analyzer's last-resort guard or real I/O: over a
            // byte array either one means a parser bug escaped its own checks.
            assertThat(i.code()).as("issue %s", i)
                    .isNotEqualTo(IssueCode.ANALYSIS_FAILED.name())
                    .isNotEqualTo(IssueCode.IO_ERROR.name());
            if (i.severity() == Severity.ERROR && !ERROR_FINDINGS_ON_READABLE_INPUT.contains(i.code())) {
                assertThat(r.complete()).as("ERROR %s but complete=true; incomplete=%s", i, r.incomplete())
                        .isFalse();
            }
        }
        try {
            assertThat(JSON.writeValueAsBytes(r)).isNotEmpty();
        } catch (JsonProcessingException e) {
            throw new AssertionError("report not serializable: " + e, e);
        }
    }

    /**
     * Runs {@code body} on one input and checks what the current thread allocated. The first run
     * of a new code path also pays for class loading and Jazzer's instrumentation of those
     * classes, so an over-budget run is repeated once: only an input that stays over budget on
     * the second run (a size taken from the input) fails.
     */
    static void withinAllocationBudget(int inputSize, Body body) throws Exception {
        long used = measure(body);
        if (used >= ALLOCATION_BUDGET) {
            used = measure(body);
        }
        assertThat(used).as("bytes allocated for a %d-byte input", inputSize).isLessThan(ALLOCATION_BUDGET);
    }

    private static long measure(Body body) throws Exception {
        long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        body.run();
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }

    /** One run of a target over one input. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }
}
