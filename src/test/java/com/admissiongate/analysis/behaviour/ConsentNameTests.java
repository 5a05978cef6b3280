package com.admissiongate.analysis.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast consent-name check answers exactly as the regex it replaces, line terminators included. */
class ConsentNameTests {

    @Test
    void agreesWithTheRegexOnNamesAndOnHostileStrings() {
        List<String> words = List.of("agree", "Consent", "PRIVACY", "policy", "protocol", "accept", "authorise",
                "authorize", "grant", "xieyi", "yinsi", "tongyi", "同意", "隐私", "协议", "isFirst", "mUserOk", "");
        List<String> glue = List.of("", "_", "is", "Has", "\n", "\r", "\u0085", "\u2028", "\u2029", "\r\n", "ß", "İ");
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(4); k >= 0; k--) {
                s.append(glue.get(r.nextInt(glue.size()))).append(words.get(r.nextInt(words.size())));
            }
            String name = s.toString();
            assertThat(MethodScanner.isConsentName(name)).as("%s", name)
                    .isEqualTo(MethodScanner.CONSENT_NAME.matcher(name).matches());
        }
        assertThat(MethodScanner.isConsentName("sp_privacy_agreed")).isTrue();
        assertThat(MethodScanner.isConsentName("user\nagreed")).isFalse();
        assertThat(MethodScanner.isConsentName("isFirstLaunch")).isFalse();
    }
}
