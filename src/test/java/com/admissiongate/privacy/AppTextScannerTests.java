package com.admissiongate.privacy;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppTextScannerTests {

    private final AppTextScanner scanner = new AppTextScanner();

    private static Map<String, Map<String, String>> zh(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Map.of("zh", m);
    }

    @Test
    void consentDialogNeedsPolicyAgreeAndDisagree() {
        AppTextFacts f = scanner.scan(zh("dlg_title", "用户协议与隐私政策", "btn_ok", "同意并继续", "btn_no", "不同意",
                "hint", "请您仔细阅读，点击同意即表示您已阅读"));

        assertThat(f.consentDialog()).isTrue();
        assertThat(f.agree()).containsExactly("zh/btn_ok: 同意并继续");
        assertThat(f.disagree()).containsExactly("zh/btn_no: 不同意");
        assertThat(f.policyMention()).containsExactly("zh/dlg_title: 用户协议与隐私政策");
        assertThat(f.stringCount()).isEqualTo(4);
    }

    @Test
    void aSentenceContainingAgreeIsNotAButton() {
        AppTextFacts f = scanner.scan(zh("p", "隐私政策", "long", "如您同意本政策请点击下方按钮继续使用本应用"));

        assertThat(f.agree()).isEmpty();
        assertThat(f.consentDialog()).isFalse();
    }

    @Test
    void impliedConsentAccountDeletionMinorModeAndSwitches() {
        AppTextFacts f = scanner.scan(zh("login_tip", "登录即代表您同意《用户协议》和《隐私政策》", "login", "手机号登录",
                "del", "注销账号", "teen", "青少年模式", "rec", "个性化推荐", "rec_off", "关闭个性化推荐",
                "personalized_ads_switch", "广告设置", "revoke", "撤回同意"));

        assertThat(f.impliedConsent()).containsExactly("zh/login_tip: 登录即代表您同意《用户协议》和《隐私政策》");
        assertThat(f.accountDeletion()).containsExactly("zh/del: 注销账号");
        assertThat(f.minorMode()).containsExactly("zh/teen: 青少年模式");
        assertThat(f.personalisation()).containsExactly("zh/rec: 个性化推荐", "zh/rec_off: 关闭个性化推荐");
        assertThat(f.personalisationSwitch()).containsExactly("zh/rec_off: 关闭个性化推荐",
                "zh/personalized_ads_switch: 广告设置");
        assertThat(f.withdrawConsent()).containsExactly("zh/revoke: 撤回同意");
        assertThat(f.login()).contains("zh/login: 手机号登录");
    }

    @Test
    void noStringsMeansNothingCanBeJudged() {
        AppTextFacts f = scanner.scan(null);

        assertThat(f.stringCount()).isZero();
        assertThat(f.consentDialog()).isFalse();
        assertThat(f.impliedConsent()).isEmpty();
    }
}
