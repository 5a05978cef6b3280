package com.admissiongate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdkCatalogTest {

    static final Path EXODUS = Path.of("/work/shared/data/exodus-trackers.json");

    static SdkCatalog sdks;

    @BeforeAll
    static void load() {
        sdks = CatalogLoader.fromClasspath().sdks();
    }

    /** Every prefix of regulations §5.1 resolves to the curated SDK (deepest prefix wins). */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "cn.jpush.android.api.JPushInterface, jpush", "cn.jiguang.api.utils.JCollectionAuth, jpush",
        "com.igexin.sdk.PushManager, getui", "com.getui.gtc.X, getui", "com.g.gysdk.X, getui",
        "com.umeng.analytics.MobclickAgent, umeng-analytics", "com.umeng.message.PushAgent, umeng-push",
        "com.umeng.socialize.UMShareAPI, umeng-share", "com.efs.sdk.base.X, umeng-analytics",
        "com.tencent.android.tpush.XGPushManager, tencent-tpns", "com.tencent.tpns.X, tencent-tpns",
        "com.xiaomi.mipush.sdk.MiPushClient, xiaomi-push", "com.huawei.hms.push.HmsMessaging, huawei-push",
        "com.heytap.msp.push.HeytapPushManager, oppo-push", "com.coloros.mcssdk.X, oppo-push",
        "com.vivo.push.PushClient, vivo-push", "com.meizu.cloud.pushsdk.PushManager, meizu-push",
        "com.taobao.accs.X, alibaba-push", "org.android.agoo.X, alibaba-push",
        "com.bytedance.sdk.openadsdk.TTAdSdk, pangle", "com.qq.e.ads.X, gdt", "com.kwad.sdk.api.KsAdSDK, kuaishou-ads",
        "com.baidu.mobads.X, baidu-ads", "com.sigmob.windad.WindAds, sigmob", "com.mbridge.msdk.X, mintegral",
        "com.tencent.bugly.crashreport.CrashReport, bugly", "com.tendcloud.tenddata.TCAgent, talkingdata",
        "com.talkingdata.sdk.X, talkingdata", "com.sensorsdata.analytics.android.sdk.X, sensorsdata",
        "com.growingio.android.sdk.X, growingio", "com.baidu.mobstat.StatService, baidu-mobstat",
        "cn.com.analysys.X, analysys", "com.eguan.X, analysys", "com.zhuge.analysis.X, zhuge",
        "com.amap.api.maps.MapsInitializer, amap-maps", "com.amap.api.location.AMapLocationClient, amap-location",
        "com.baidu.location.LocationClient, baidu-location", "com.baidu.mapapi.SDKInitializer, baidu-map",
        "com.tencent.map.sdk.X, tencent-map", "com.tencent.mm.opensdk.openapi.WXAPIFactory, wechat-opensdk",
        "com.alipay.sdk.app.PayTask, alipay", "com.tencent.tauth.Tencent, tencent-qq-connect",
        "com.tencent.connect.X, tencent-qq-connect", "com.sina.weibo.sdk.X, weibo", "com.unionpay.X, unionpay",
        "com.cmic.sso.sdk.X, cmcc-login", "com.sdk.mobile.manager.login.cucc.X, cucc-login",
        "cn.com.chinatelecom.account.X, ctcc-login", "com.chuanglan.shanyan_sdk.X, shanyan",
        "com.geetest.onelogin.X, geetest-onelogin", "cn.sharesdk.framework.X, sharesdk", "com.mob.MobSDK, sharesdk",
        "com.hyphenate.chat.EMClient, easemob", "io.rong.imlib.RongIMClient, rongcloud",
        "com.netease.nis.X, netease-yidun", "cn.shuzilm.core.Main, shuzilm", "com.shuzilm.X, shuzilm",
        "com.tencent.smtt.sdk.QbSdk, tencent-x5", "io.dcloud.X, dcloud-uniapp",
        "com.megvii.meglive_sdk.X, megvii-face", "com.megvii.zhimasdk.X, megvii-face",
        "com.sensetime.liveness.X, sensetime-face", "com.sensetime.idcard.X, sensetime-face",
        "com.baidu.idl.face.X, baidu-face", "com.arcsoft.face.FaceEngine, arcsoft-face",
        "com.tencent.cloud.huiyansdkface.X, tencent-huiyan", "com.alibaba.security.realidentity.X, alibaba-realidentity",
        "com.tencent.wxpayface.X, wechat-face-pay", "com.bun.miitmdid.core.X, msa-oaid", "cn.tongdun.X, tongdun",
        "com.ishumei.X, shumei",
    })
    void regulationsPrefixResolvesToCuratedSdk(String className, String id) {
        assertThat(sdks.owner(className)).map(SdkEntry::id).hasValue(id);
    }

    @Test
    void smaliAndInternalSpellingsResolveLikeDotted() {
        assertThat(sdks.owner("Lcom/umeng/analytics/MobclickAgent;")).map(SdkEntry::id).hasValue("umeng-analytics");
        assertThat(sdks.owner("com/umeng/analytics/MobclickAgent$1")).map(SdkEntry::id).hasValue("umeng-analytics");
        assertThat(sdks.owner("com.example.app.Main")).isEmpty();
    }

    @Test
    void curatedEntryCarriesConsentGateAndWinsOverExodusPrefixes() {
        SdkEntry pangle = sdks.byId("pangle").orElseThrow();

        assertThat(pangle.exodusId()).isEqualTo(363);
        assertThat(pangle.exodusCodeSignature()).isEqualTo("com.bytedance|com.pgl|com.pangle.global");
        assertThat(pangle.fingerprints().classPrefixes())
                .containsExactly("com.bytedance.sdk.openadsdk", "com.pgl", "com.pangle.global");
        assertThat(pangle.sources()).containsExactly("regulations", "exodus", "libchecker");
        assertThat(pangle.ads()).isTrue();
        assertThat(sdks.owner("com.bytedance.boost_multidex.BoostMultiDex")).isEmpty();

        SdkEntry umeng = sdks.byId("umeng-analytics").orElseThrow();
        assertThat(umeng.consentGate().apis()).containsExactly("Lcom/umeng/commonsdk/UMConfigure;->preInit",
                "Lcom/umeng/commonsdk/UMConfigure;->submitPolicyGrantResult");
    }

    @Test
    void exodusOnlyEntryKeepsIdAndRegex() {
        SdkEntry admob = sdks.byId("google-admob").orElseThrow();

        assertThat(admob.exodusId()).isEqualTo(312);
        assertThat(admob.sources()).contains("exodus");
        assertThat(admob.category()).isEqualTo("ads");
        assertThat(admob.fingerprints().classPrefixes()).contains("com.google.ads", "com.google.android.gms.ads.AdView");
        assertThat(sdks.owner("com.google.android.gms.ads.AdView$1")).map(SdkEntry::id).hasValue("google-admob");
    }

    @Test
    void componentAndNativeLibLookups() {
        assertThat(sdks.byComponent("com.igexin.sdk.PushService")).extracting(SdkEntry::id).containsExactly("getui");
        assertThat(sdks.byNativeLib("lib/arm64-v8a/libBugly-ext.so")).extracting(SdkEntry::id).containsExactly("bugly");
        assertThat(sdks.byNativeLib("libnothing.so")).isEmpty();
    }

    /**
     * Each alternative of each εxodus signature, turned into five synthetic classes, is found as that
     * tracker, except where a curated entry deliberately replaced εxodus's prefix.
     */
    @Test
    void everyExodusSignatureAlternativeIsDetectedAsItsTracker() throws IOException {
        Assumptions.assumeTrue(Files.exists(EXODUS), "εxodus source data not available");
        JsonNode trackers = new ObjectMapper().readTree(EXODUS.toFile()).get("trackers");
        SdkDetector detector = new SdkDetector(sdks);
        java.util.List<String> notDetected = new java.util.ArrayList<>();
        int alternatives = 0;
        for (JsonNode t : trackers) {
            String sig = t.path("code_signature").asText("");
            if (sig.length() <= 3) {
                continue;
            }
            int id = t.get("id").asInt();
            for (String alt : sig.split("\\|")) {
                alternatives++;
                String base = alt.startsWith(".") ? "com.example" + alt.replaceAll("\\.+$", "") + ".x"
                        : alt.replaceAll("\\.+$", "");
                java.util.List<String> cls = SdkDetectorTest.classes(base, 5);
                boolean found = detector.detect(new SdkInputs(cls, null, null, null, null)).stream()
                        .filter(SdkFinding::present)
                        .anyMatch(f -> Integer.valueOf(id).equals(sdks.byId(f.id()).orElseThrow().exodusId()));
                if (!found) {
                    notDetected.add(id + ":" + alt);
                }
            }
        }

        assertThat(alternatives).isEqualTo(ALTERNATIVES);
        assertThat(notDetected).containsExactlyInAnyOrder(CURATED_REPLACEMENTS);
    }

    static final int ALTERNATIVES = 588;
    /** Pangle's εxodus signature claims all of ByteDance (BoostMultiDex, Douyin login, …); curated keeps the ad SDK. */
    static final String[] CURATED_REPLACEMENTS = {"363:com.bytedance"};

    /** "At least every εxodus entry": each tracker id of the source file is in the catalog once. */
    @Test
    void everyExodusTrackerIsInTheCatalog() throws IOException {
        Assumptions.assumeTrue(Files.exists(EXODUS), "εxodus source data not available");
        JsonNode trackers = new ObjectMapper().readTree(EXODUS.toFile()).get("trackers");
        Set<Integer> inCatalog = new HashSet<>();
        for (SdkEntry e : sdks.entries()) {
            if (e.exodusId() != null) {
                assertThat(inCatalog.add(e.exodusId())).as("duplicate exodusId %s", e.exodusId()).isTrue();
            }
        }
        Set<Integer> inSource = new HashSet<>();
        trackers.forEach(t -> inSource.add(t.get("id").asInt()));

        assertThat(inCatalog).isEqualTo(inSource).hasSize(432);
    }
}
