package com.admissiongate.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RuleGroupsTests {

    @ParameterizedTest
    @CsvSource({
            "META-01-MISSING-FIELDS, basics", "SIGN-02-CERT-CHANGED, basics", "BUILD-01-TARGETSDK, basics",
            "SEC-00-HOSTILE-ARCHIVE, basics", "GATE-INCOMPLETE, basics",
            "MIIT337-2-OVERSCOPE, miit337-2", "MIIT337-7-EXCESSIVE-PERMISSION, miit337-7",
            "RD191-2.3-NO-PURPOSE-AT-REQUEST, miit337-1", "RD191-3.2-NAGGING, miit337-6",
            "RD191-3.6-TARGETED, miit337-4", "RD191-4.2-REFUSAL, miit337-5", "RD191-4.6-BULK-PERMISSIONS, miit337-7",
            "RD191-4.1-X, miit337-2", "RD191-5.2-SERVER-SHARING, miit337-3", "RD191-6.5-NO-COMPLAINT-CHANNEL, miit337-8",
            "SDK-04-DEVICE-IDS, sdk", "MINOR-05-ADS-IN-KIDS-APP, minors",
            "NPI-01-CATEGORY-MISMATCH, other", "UX-04-OVERLAY, other", "MIIT3379-X, other"})
    void shouldFileRuleUnderItsNoticeSection(String ruleId, String group) {
        assertThat(RuleGroups.of(ruleId).key()).isEqualTo(group);
    }

    @ParameterizedTest
    @CsvSource({"1, 违规收集用户个人信息", "2, 违规收集用户个人信息", "3, 违规使用用户个人信息", "4, 违规使用用户个人信息",
            "5, 不合理索取用户权限", "7, 不合理索取用户权限", "8, 为用户账号注销设置障碍"})
    void shouldPlaceEach337ProblemInItsArea(int problem, String area) {
        assertThat(RuleGroups.problem(problem).areaZh()).isEqualTo(area);
    }
}
