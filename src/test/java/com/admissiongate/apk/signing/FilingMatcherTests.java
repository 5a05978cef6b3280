package com.admissiongate.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.signing.FilingMatcher.Filing;
import com.admissiongate.apk.signing.FilingMatcher.Match;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilingMatcherTests {

    private static final String FILING_NUMBER = "京ICP备2024000001号-1A";

    private static TestKeys signerKey;
    private static TestKeys otherKey;
    private static SigningReport report;

    @BeforeAll
    static void signFixture(@TempDir Path dir) throws Exception {
        signerKey = TestKeys.rsa("C=CN,O=Filing Example,CN=Filed Key", 2048);
        otherKey = TestKeys.rsa("C=CN,O=Filing Example,CN=Other Key", 2048);
        Path apk = TestApks.sign(TestApks.unsigned(dir, "filed-app", 24), "filed-app",
                TestApks.Sign.of(false, true, false, 24, signerKey));
        report = new SigningVerifier().verify(apk, null, null);
    }

    @Test
    void shouldMatchFilingSha256GivenWithColonsInUpperCase() throws Exception {
        String filed = SigningContinuityTests.colonSeparated(signerKey.sha256()).toUpperCase(Locale.ROOT);

        Match m = FilingMatcher.match(new Filing(FILING_NUMBER, filed, null), report);

        assertThat(m.mismatch()).isFalse();
        assertThat(m.reason()).isEqualTo(FilingMatcher.MATCHED);
        assertThat(m.matchedCertSha256()).containsExactly(signerKey.sha256());
        assertThat(m.unmatched()).isEmpty();
    }

    @Test
    void shouldMatchFilingMd5() throws Exception {
        Match m = FilingMatcher.match(new Filing(FILING_NUMBER, null, signerKey.md5().toUpperCase(Locale.ROOT)), report);

        assertThat(m.mismatch()).isFalse();
        assertThat(m.reason()).isEqualTo(FilingMatcher.MATCHED);
        assertThat(m.matchedCertSha256()).containsExactly(signerKey.sha256());
    }

    @Test
    void shouldReportMismatchWhenFilingSha256BelongsToAnotherKey() throws Exception {
        Match m = FilingMatcher.match(new Filing(FILING_NUMBER, otherKey.sha256(), null), report);

        assertThat(m.mismatch()).isTrue();
        assertThat(m.reason()).isEqualTo(FilingMatcher.FINGERPRINT_MISMATCH);
        assertThat(m.unmatched()).containsExactly(otherKey.sha256());
        assertThat(m.signerSha256()).containsExactly(signerKey.sha256());
    }

    @Test
    void shouldReportMismatchWhenFilingMd5BelongsToAnotherKey() throws Exception {
        String filed = SigningContinuityTests.colonSeparated(otherKey.md5());

        Match m = FilingMatcher.match(new Filing(FILING_NUMBER, null, filed), report);

        assertThat(m.mismatch()).isTrue();
        assertThat(m.reason()).isEqualTo(FilingMatcher.FINGERPRINT_MISMATCH);
        assertThat(m.unmatched()).containsExactly(otherKey.md5());
        assertThat(m.signerMd5()).containsExactly(signerKey.md5());
    }

    @Test
    void shouldReportMismatchWhenSha256MatchesButMd5DoesNot() throws Exception {
        Match m = FilingMatcher.match(new Filing(FILING_NUMBER, signerKey.sha256(), otherKey.md5()), report);

        assertThat(m.mismatch()).isTrue();
        assertThat(m.unmatched()).containsExactly(otherKey.md5());
        assertThat(m.matchedCertSha256()).containsExactly(signerKey.sha256());
    }

    @Test
    void shouldReportMissingFilingNumber() throws Exception {
        Match blank = FilingMatcher.match(new Filing("  ", signerKey.sha256(), null), report);
        Match absent = FilingMatcher.match(null, report);

        assertThat(blank.mismatch()).isTrue();
        assertThat(blank.reason()).isEqualTo(FilingMatcher.FILING_NUMBER_MISSING);
        assertThat(absent.mismatch()).isTrue();
        assertThat(absent.reason()).isEqualTo(FilingMatcher.FILING_NUMBER_MISSING);
        assertThat(absent.filingNumber()).isNull();
    }

    @Test
    void shouldAcceptFilingNumberWithoutFingerprints() {
        Match m = FilingMatcher.match(new Filing(FILING_NUMBER, null, ""), report);

        assertThat(m.mismatch()).isFalse();
        assertThat(m.reason()).isEqualTo(FilingMatcher.NO_FINGERPRINT_GIVEN);
        assertThat(m.filingNumber()).isEqualTo(FILING_NUMBER);
    }
}
