package com.admissiongate.console;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceViewTests {

    @Test
    void shouldRenderCallSiteAsPathCallerFirst() {
        EvidenceView v = EvidenceView.of("Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;"
                + " ← Lcom/sdk/Tracker;->init(Landroid/content/Context;)V");
        assertThat(v.kind()).isEqualTo("path");
        assertThat(v.paths()).containsExactly(List.of("com.sdk.Tracker.init",
                "android.telephony.TelephonyManager.getDeviceId"));
    }

    @Test
    void shouldSplitSeveralCallSitesAfterSdkLabel() {
        EvidenceView v = EvidenceView.of("umeng: Landroid/content/ClipboardManager;->getPrimaryClip()Landroid/content/ClipData;"
                + " ← La/B;->c()V; Landroid/content/ClipboardManager;->hasPrimaryClip()Z ← La/D;->e()V");
        assertThat(v.label()).isEqualTo("umeng");
        assertThat(v.paths()).containsExactly(
                List.of("a.B.c", "android.content.ClipboardManager.getPrimaryClip"),
                List.of("a.D.e", "android.content.ClipboardManager.hasPrimaryClip"));
    }

    @Test
    void shouldRenderPermissionAsManifestElementTokens() {
        EvidenceView v = EvidenceView.of("android.permission.CAMERA (camera)");
        assertThat(v.kind()).isEqualTo("xml");
        assertThat(v.tokens()).extracting(EvidenceView.Token::text).containsExactly(
                "<", "uses-permission", " ", "android:name", "=\"", "android.permission.CAMERA", "\"", "/>", " (camera)");
        assertThat(v.tokens().get(5).cls()).isEqualTo("v");
    }

    @Test
    void shouldRenderExportedComponentAndSdkVersion() {
        assertThat(EvidenceView.of("exported <receiver> com.x.Boot").tokens()).extracting(EvidenceView.Token::text)
                .containsSequence("receiver", " ", "android:name", "=\"", "com.x.Boot", "\"", " ", "android:exported",
                        "=\"", "true");
        assertThat(EvidenceView.of("targetSdkVersion=22").tokens()).extracting(EvidenceView.Token::text)
                .containsSequence("uses-sdk", " ", "android:targetSdkVersion", "=\"", "22");
    }

    @Test
    void shouldQuotePolicySentenceNamingTheMissingElement() {
        EvidenceView v = EvidenceView.of(Map.of("quote", "我们会收集您的设备信息", "missing", "purpose"));
        assertThat(v.kind()).isEqualTo("quote");
        assertThat(v.quote()).isEqualTo("我们会收集您的设备信息");
        assertThat(v.missing()).isEqualTo("purpose");
        assertThat(EvidenceView.of("“收集位置信息” missing: 目的").missing()).isEqualTo("目的");
    }

    @Test
    void shouldKeepEverythingElseAsText() {
        EvidenceView v = EvidenceView.of("<script>alert(1)</script>");
        assertThat(v.kind()).isEqualTo("text");
        assertThat(v.text()).isEqualTo("<script>alert(1)</script>");
    }
}
