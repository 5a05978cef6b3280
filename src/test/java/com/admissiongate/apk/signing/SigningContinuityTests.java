package com.admissiongate.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.signing.SigningContinuity.Decision;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningContinuityTests {

    private static TestKeys oldKey;
    private static TestKeys newKey;
    private final SigningVerifier verifier = new SigningVerifier();

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() {
        oldKey = TestKeys.rsa("C=CN,O=Example,CN=Release 2020", 2048);
        newKey = TestKeys.rsa("C=CN,O=Example,CN=Release 2025", 2048);
    }

    @Test
    void shouldReportChangedSignerWhenUpdateIsSignedByUnrelatedKey() throws Exception {
        Path update = TestApks.sign(TestApks.unsigned(dir, "changed-signer-update", 24), "changed-signer-update",
                TestApks.Sign.of(false, true, false, 24, newKey));

        Decision d = SigningContinuity.decide(List.of(oldKey.sha256()), verifier.verify(update, null, null));

        assertThat(d.changed()).isTrue();
        assertThat(d.reason()).isEqualTo(SigningContinuity.SIGNER_CHANGED_WITHOUT_ROTATION);
        assertThat(d.evidence().previous()).containsExactly(oldKey.sha256());
        assertThat(d.evidence().current()).containsExactly(newKey.sha256());
        assertThat(d.evidence().lineage()).isEmpty();
        assertThat(d.evidence().matched()).isEmpty();
    }

    @Test
    void shouldAcceptRotationWhoseLineageKeepsTheOldKey() throws Exception {
        // v3-only with minSdk 28: the old key appears only in the lineage, not as a signer.
        Path update = TestApks.sign(TestApks.unsigned(dir, "rotation-keeps-old-key", 28), "rotation-keeps-old-key",
                new TestApks.Sign(false, false, true, 28, List.of(oldKey, newKey),
                        TestApks.lineage(oldKey, newKey), 28, null));
        SigningReport report = verifier.verify(update, null, null);

        Decision d = SigningContinuity.decide(List.of(oldKey.sha256()), report);

        assertThat(report.signers()).extracting(SigningReport.Signer::certSha256).containsExactly(newKey.sha256());
        assertThat(d.changed()).isFalse();
        assertThat(d.reason()).isEqualTo(SigningContinuity.ROTATED_WITH_LINEAGE);
        assertThat(d.evidence().lineage()).containsExactly(oldKey.sha256(), newKey.sha256());
        assertThat(d.evidence().matched()).containsExactly(oldKey.sha256());
    }

    @Test
    void shouldAcceptSameSignerGivenWithColonsAndUpperCase() throws Exception {
        Path update = TestApks.sign(TestApks.unsigned(dir, "same-signer-update", 24), "same-signer-update",
                TestApks.Sign.of(false, true, false, 24, oldKey));
        String colonUpper = colonSeparated(oldKey.sha256()).toUpperCase(Locale.ROOT);

        Decision d = SigningContinuity.decide(List.of(colonUpper), verifier.verify(update, null, null));

        assertThat(d.changed()).isFalse();
        assertThat(d.reason()).isEqualTo(SigningContinuity.SAME_SIGNER);
        assertThat(d.evidence().matched()).containsExactly(oldKey.sha256());
    }

    @Test
    void shouldNotReportChangeForFirstSubmission() throws Exception {
        Path apk = TestApks.sign(TestApks.unsigned(dir, "first-submission", 24), "first-submission",
                TestApks.Sign.of(false, true, false, 24, newKey));

        Decision d = SigningContinuity.decide(List.of(), verifier.verify(apk, null, null));

        assertThat(d.changed()).isFalse();
        assertThat(d.reason()).isEqualTo(SigningContinuity.NO_PREVIOUS_SIGNER);
    }

    @Test
    void shouldReportChangeWhenUpdateIsUnsigned() throws Exception {
        Path apk = TestApks.unsigned(dir, "unsigned-update", 24);

        Decision d = SigningContinuity.decide(List.of(oldKey.sha256()), verifier.verify(apk, null, null));

        assertThat(d.changed()).isTrue();
        assertThat(d.reason()).isEqualTo(SigningContinuity.NEW_APK_HAS_NO_SIGNER);
        assertThat(d.evidence().current()).isEmpty();
    }

    static String colonSeparated(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            sb.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return sb.toString();
    }
}
