package com.admissiongate.apk.signing;

import com.admissiongate.apk.signing.SigningReport.BlockId;
import com.admissiongate.apk.signing.SigningReport.Issue;
import com.admissiongate.apk.signing.SigningReport.LineageCert;
import com.admissiongate.apk.signing.SigningReport.SchemeStatus;
import com.admissiongate.apk.signing.SigningReport.Schemes;
import com.admissiongate.apk.signing.SigningReport.Signer;
import com.admissiongate.apk.signing.SigningVerifier.Pass;
import com.android.apksig.ApkVerifier.IssueWithParams;
import com.android.apksig.ApkVerifier.Result;
import com.android.apksig.ApkVerifier.Result.SourceStampInfo;
import com.android.apksig.apk.ApkFormatException;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.util.DataSource;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Maps the apksig passes of one APK onto a {@link SigningReport}. */
final class SigningReportAssembler {

    static final String SCHEME_APK = "apk";
    static final String CODE_APK_FORMAT = "APK_FORMAT_EXCEPTION";
    static final String CODE_NO_SUCH_ALGORITHM = "NO_SUCH_ALGORITHM";
    static final String CODE_IO = "IO_EXCEPTION";
    static final String CODE_UNEXPECTED = "UNEXPECTED_EXCEPTION";
    static final String CODE_MIN_SDK_FROM_CALLER = "MIN_SDK_FROM_CALLER";
    static final String CODE_SIGNING_BLOCK_MALFORMED = "SIGNING_BLOCK_MALFORMED";
    static final String CODE_V1_ALGORITHMS_UNREADABLE = "V1_ALGORITHMS_UNREADABLE";

    private final DataSource apk;
    private final ApkUtils.ZipSections sections;
    private final boolean idsigSupplied;
    private final List<Issue> errors = new ArrayList<>();
    private final List<Issue> warnings = new ArrayList<>();
    private boolean complete = true;

    SigningReportAssembler(DataSource apk, ApkUtils.ZipSections sections, boolean idsigSupplied) {
        this.apk = apk;
        this.sections = sections;
        this.idsigSupplied = idsigSupplied;
    }

    /** For a file that could not even be opened: nothing is known. */
    static SigningReport unreadable(Exception e) {
        Issue issue = new Issue(SCHEME_APK, codeOf(e), describe(e), SigningReport.BASIS_MIN_SDK);
        SchemeStatus a = SchemeStatus.ABSENT;
        return new SigningReport(false, false, null, new Schemes(a, a, a, a, a, a), List.of(issue),
                List.of(), List.of(), List.of(), List.of(), false, null, false, false, describe(e));
    }

    SigningReport assemble(Pass first, Pass api24, Exception manifestProblem, Integer callerMinSdk) {
        if (manifestProblem != null) {
            warnings.add(new Issue(SCHEME_APK, CODE_MIN_SDK_FROM_CALLER,
                    "apksig could not take minSdk from AndroidManifest.xml (" + describe(manifestProblem)
                            + "); checked from caller-supplied minSdk " + callerMinSdk,
                    SigningReport.BASIS_MIN_SDK));
        }
        collectIssues(first);
        if (api24 != null) {
            collectIssues(api24);
        }
        boolean verified = first.verified();
        boolean verifiedApi24 = verified || (api24 != null && api24.verified());
        complete = first.definite() && (api24 == null || api24.definite());

        Result chosen = chooseResult(first, api24);
        List<BlockId> blockIds = readBlockIds();
        Schemes schemes = schemes(first, api24, chosen, blockIds);
        SignerCollector collector = new SignerCollector(apk, sections);
        List<Signer> signers = chosen == null ? List.of() : collector.signers(chosen);
        List<LineageCert> lineage = chosen == null ? List.of() : collector.lineage(chosen);
        errors.addAll(collector.errors());
        warnings.addAll(collector.warnings());
        complete &= collector.complete();

        boolean weak = weakDigests(collector.v1Algorithms(), collector.blockAlgorithms(), schemes, callerMinSdk);
        boolean debug = false;
        Integer minRsa = null;
        for (Signer s : signers) {
            debug |= s.debug();
            if ("RSA".equals(s.keyAlgorithm()) && s.keySize() != null) {
                minRsa = minRsa == null ? s.keySize() : Math.min(minRsa, s.keySize());
            }
        }
        String basis = verified ? SigningReport.BASIS_MIN_SDK : verifiedApi24 ? SigningReport.BASIS_API24 : null;
        Exception thrown = first.exception() != null ? first.exception() : api24 == null ? null : api24.exception();
        return new SigningReport(verified, verifiedApi24, basis, schemes, errors, warnings, signers,
                lineage, blockIds, weak, minRsa, debug, complete, thrown == null ? null : describe(thrown));
    }

    /**
     * Whether a digest a device relies on is MD5 or SHA-1 where a stronger one was possible. The APK Signing Block
     * (v2/v3) never may. A JAR (v1) signature with MD5 always is. SHA-1 in a JAR signature is weak unless a v2/v3
     * signature verifies and the JAR one only serves where nothing else works: minSdk &lt; 18 (Android before 4.3
     * verifies no SHA-256 JAR digest, so apksigner itself chooses SHA-1 then; devices from API 24 use the v2/v3
     * signature) or minSdk &ge; 24 (no device checks the JAR digest). With minSdk 18–23 devices before Android 7
     * rely on the SHA-1 although SHA-256 would verify there. No minSdk means 1, as on Android and in apksig (an
     * unreadable manifest is already a finding of its own).
     */
    static boolean weakDigests(Set<String> v1, Set<String> block, Schemes schemes, Integer minSdk) {
        if (block.stream().anyMatch(SigningReportAssembler::isWeak) || v1.stream().anyMatch(a -> a.startsWith("MD5"))) {
            return true;
        }
        if (v1.stream().noneMatch(SigningReportAssembler::isWeak)) {
            return false;
        }
        boolean blockVerified = schemes.v2().verified() || schemes.v3().verified() || schemes.v31().verified();
        int min = minSdk == null ? 1 : minSdk;
        return !blockVerified || (min >= 18 && min < 24);
    }

    static boolean isWeak(String algorithm) {
        return algorithm.startsWith("MD5") || algorithm.startsWith("SHA1with");
    }

    // The pass that verified describes what Android relies on; failing that, the minSdk pass.
    private static Result chooseResult(Pass first, Pass api24) {
        if (first.verified()) {
            return first.result();
        }
        if (api24 != null && api24.verified()) {
            return api24.result();
        }
        return first.result() != null ? first.result() : api24 == null ? null : api24.result();
    }

    private void collectIssues(Pass pass) {
        String name = pass.name();
        if (pass.exception() != null) {
            add(errors, new Issue(SCHEME_APK, codeOf(pass.exception()), describe(pass.exception()), name));
            return;
        }
        Result r = pass.result();
        addAll(null, r.getErrors(), r.getWarnings(), name);
        for (Result.V1SchemeSignerInfo s : r.getV1SchemeSigners()) {
            addAll("v1", s.getErrors(), s.getWarnings(), name);
        }
        for (Result.V2SchemeSignerInfo s : r.getV2SchemeSigners()) {
            addAll("v2", s.getErrors(), s.getWarnings(), name);
        }
        for (Result.V3SchemeSignerInfo s : r.getV3SchemeSigners()) {
            addAll("v3", s.getErrors(), s.getWarnings(), name);
        }
        for (Result.V3SchemeSignerInfo s : r.getV31SchemeSigners()) {
            addAll("v31", s.getErrors(), s.getWarnings(), name);
        }
        for (Result.V4SchemeSignerInfo s : r.getV4SchemeSigners()) {
            addAll("v4", s.getErrors(), s.getWarnings(), name);
        }
        SourceStampInfo stamp = r.getSourceStampInfo();
        if (stamp != null) {
            addAll("sourceStamp", stamp.getErrors(), stamp.getWarnings(), name);
        }
    }

    private void addAll(String scheme, List<IssueWithParams> errs, List<IssueWithParams> warns, String pass) {
        for (IssueWithParams i : errs) {
            add(errors, toIssue(scheme, i, pass));
        }
        for (IssueWithParams i : warns) {
            add(warnings, toIssue(scheme, i, pass));
        }
    }

    // The API-24 pass repeats much of what the first pass said; keep only the first mention.
    private static void add(List<Issue> list, Issue issue) {
        for (Issue existing : list) {
            if (existing.scheme().equals(issue.scheme()) && existing.code().equals(issue.code())
                    && existing.message().equals(issue.message())) {
                return;
            }
        }
        list.add(issue);
    }

    private static Issue toIssue(String scheme, IssueWithParams issue, String pass) {
        String code = issue.getIssue().name();
        return new Issue(scheme != null ? scheme : schemeOf(code), code, issue.toString(), pass);
    }

    static String schemeOf(String code) {
        if (code.startsWith("JAR_SIG_")) {
            return "v1";
        }
        if (code.startsWith("V2_")) {
            return "v2";
        }
        if (code.startsWith("V31_")) {
            return "v31";
        }
        if (code.startsWith("V3_")) {
            return "v3";
        }
        if (code.startsWith("V4")) {
            return "v4";
        }
        if (code.startsWith("SOURCE_STAMP_")) {
            return "sourceStamp";
        }
        return SCHEME_APK;
    }

    static String codeOf(Exception e) {
        if (e instanceof ApkFormatException) {
            return CODE_APK_FORMAT;
        }
        if (e instanceof NoSuchAlgorithmException) {
            return CODE_NO_SUCH_ALGORITHM;
        }
        if (e instanceof IOException) {
            return CODE_IO;
        }
        return CODE_UNEXPECTED;
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private List<BlockId> readBlockIds() {
        if (sections == null) {
            return List.of();
        }
        try {
            ApkSigningBlockReader.Ids ids = ApkSigningBlockReader.read(apk, sections);
            if (ids.problem() != null) {
                warnings.add(new Issue(SCHEME_APK, CODE_SIGNING_BLOCK_MALFORMED, ids.problem(), SigningReport.BASIS_MIN_SDK));
            }
            return ids.ids();
        } catch (IOException | RuntimeException e) {
            warnings.add(new Issue(SCHEME_APK, CODE_SIGNING_BLOCK_MALFORMED, describe(e), SigningReport.BASIS_MIN_SDK));
            return List.of();
        }
    }

    private Schemes schemes(Pass first, Pass api24, Result chosen, List<BlockId> blockIds) {
        Set<String> blockNames = new HashSet<>();
        for (BlockId id : blockIds) {
            blockNames.add(id.name());
        }
        Set<String> reported = new HashSet<>();
        for (Issue i : errors) {
            if (!i.code().equals("JAR_SIG_NO_MANIFEST") && !i.code().equals("JAR_SIG_NO_SIGNATURES")
                    && !i.code().equals("V2_SIG_MISSING") && !i.code().equals("V31_BLOCK_MISSING")) {
                reported.add(i.scheme());
            }
        }
        boolean v1 = reported.contains("v1");
        boolean v2 = blockNames.contains("v2") || reported.contains("v2");
        boolean v3 = blockNames.contains("v3") || reported.contains("v3");
        boolean v31 = blockNames.contains("v31") || reported.contains("v31");
        boolean v4 = idsigSupplied && reported.contains("v4");
        boolean stamp = blockNames.contains("source-stamp") || reported.contains("sourceStamp");
        for (Pass p : new Pass[] {first, api24}) {
            Result r = p == null ? null : p.result();
            if (r == null) {
                continue;
            }
            v1 |= !r.getV1SchemeSigners().isEmpty() || !r.getV1SchemeIgnoredSigners().isEmpty()
                    || r.isVerifiedUsingV1Scheme();
            v2 |= !r.getV2SchemeSigners().isEmpty();
            v3 |= !r.getV3SchemeSigners().isEmpty();
            v31 |= !r.getV31SchemeSigners().isEmpty();
            v4 |= idsigSupplied && (!r.getV4SchemeSigners().isEmpty() || r.isVerifiedUsingV4Scheme());
            SourceStampInfo info = r.getSourceStampInfo();
            stamp |= info != null && info.getSourceStampVerificationStatus()
                    != SourceStampInfo.SourceStampVerificationStatus.STAMP_MISSING;
        }
        boolean ok = chosen != null;
        return new Schemes(
                new SchemeStatus(v1, ok && chosen.isVerifiedUsingV1Scheme()),
                new SchemeStatus(v2, ok && chosen.isVerifiedUsingV2Scheme()),
                new SchemeStatus(v3, ok && chosen.isVerifiedUsingV3Scheme()),
                new SchemeStatus(v31, ok && chosen.isVerifiedUsingV31Scheme()),
                new SchemeStatus(v4, ok && chosen.isVerifiedUsingV4Scheme()),
                new SchemeStatus(stamp, ok && chosen.isSourceStampVerified()));
    }
}
