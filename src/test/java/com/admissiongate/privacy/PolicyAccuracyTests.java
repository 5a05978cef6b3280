package com.admissiongate.privacy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The issue #9 targets on the hand-written test set: ≥ 95 % section detection, ≥ 90 % SDK-list extraction. */
class PolicyAccuracyTests {

    static PolicyAccuracy acc;

    @BeforeAll
    static void score() throws Exception {
        acc = PolicyAccuracy.run();
    }

    @Test
    void testSetHasAtLeastFortyPoliciesInChineseAndEnglish() {
        assertThat(acc.documents).isGreaterThanOrEqualTo(40);
        assertThat(acc.language.tp).as(acc.language.errors.toString()).isEqualTo(acc.documents);
    }

    @Test
    void sectionDetectionMeetsTarget() {
        assertThat(acc.sectionsAll.precision()).as(String.join("\n", acc.sectionsAll.errors)).isGreaterThanOrEqualTo(0.95);
        assertThat(acc.sectionsAll.recall()).as(String.join("\n", acc.sectionsAll.errors)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void sdkListExtractionMeetsTarget() {
        assertThat(acc.sdks.precision()).as(String.join("\n", acc.sdks.errors)).isGreaterThanOrEqualTo(0.90);
        assertThat(acc.sdks.recall()).as(String.join("\n", acc.sdks.errors)).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void contactDatesAndResponsePeriodAreRead() {
        assertThat(acc.email.recall()).as(acc.email.errors.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(acc.effectiveDate.recall()).as(acc.effectiveDate.errors.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(acc.responseDays.recall()).as(acc.responseDays.errors.toString()).isGreaterThanOrEqualTo(0.90);
        assertThat(acc.operator.recall()).as(acc.operator.errors.toString()).isGreaterThanOrEqualTo(0.90);
    }
}
