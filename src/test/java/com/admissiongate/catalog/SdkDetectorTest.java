package com.admissiongate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SdkDetectorTest {

    static final String APP_ONCREATE = "Lcom/example/app/App;->onCreate()V";
    static final String JPUSH_INIT = "Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V";
    static final String JPUSH_AUTH = "Lcn/jiguang/api/utils/JCollectionAuth;->setAuth(Landroid/content/Context;Z)V";

    static Catalogs catalogs;
    static SdkDetector detector;

    @BeforeAll
    static void load() {
        catalogs = CatalogLoader.fromClasspath();
        detector = new SdkDetector(catalogs.sdks());
    }

    static List<String> classes(String pkg, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pkg + ".C" + i);
        }
        return out;
    }

    @Test
    void jpushAndUmengClassesAreFoundAndJiaguLibraryIsNotAnSdk() {
        List<String> cls = new ArrayList<>();
        cls.add("Lcn/jpush/android/api/JPushInterface;");
        cls.add("Lcn/jpush/android/service/PushService;");
        cls.add("com/umeng/analytics/MobclickAgent");
        cls.add("com.umeng.analytics.pro.a");
        cls.add("com.example.app.App");
        SdkInputs in = new SdkInputs(cls, List.of(), List.of("lib/armeabi-v7a/libjiagu.so"), List.of(), List.of());

        List<SdkFinding> found = detector.detect(in);

        assertThat(found).extracting(SdkFinding::id).containsExactly("jpush", "umeng-analytics");
        SdkFinding jpush = found.get(0);
        assertThat(jpush.present()).isTrue();
        assertThat(jpush.classes()).isEqualTo(2);
        assertThat(jpush.matchedBy()).containsExactly(new Match("class-prefix", "cn.jpush.android"));
        assertThat(jpush.category()).isEqualTo("push");
        assertThat(jpush.country()).isEqualTo("CN");
        assertThat(found.get(1).classes()).isEqualTo(2);
    }

    @Test
    void sdkWhoseInitIsNeverCalledIsPresentButNotInitialised() {
        SdkInputs in = new SdkInputs(classes("cn.jpush.android.api", 3), List.of(), List.of(), List.of(), List.of());

        SdkFinding jpush = detector.detect(in).get(0);

        assertThat(jpush.present()).isTrue();
        assertThat(jpush.initialised()).isFalse();
        assertThat(jpush.initEvidence()).isEmpty();
        assertThat(jpush.consentGateCalled()).isFalse();
    }

    @Test
    void initCalledFromAppCodeMakesSdkInitialisedWithEvidence() {
        CallSite init = new CallSite(APP_ONCREATE, JPUSH_INIT);
        CallSite auth = new CallSite("Lcom/example/app/PrivacyDialog;->onAgree()V", JPUSH_AUTH);
        SdkInputs in = new SdkInputs(classes("cn.jpush.android.api", 3), List.of(), List.of(), List.of(),
                List.of(init, auth));

        SdkFinding jpush = detector.detect(in).get(0);

        assertThat(jpush.initialised()).isTrue();
        assertThat(jpush.initEvidence()).containsExactly(init);
        assertThat(jpush.consentGateCalled()).isTrue();
    }

    /** The SDK calling its own init (stub or transitive wiring) says nothing about the app's behaviour. */
    @Test
    void initCalledOnlyFromInsideTheSdkDoesNotCount() {
        CallSite self = new CallSite("Lcn/jpush/android/service/PushReceiver;->onReceive()V", JPUSH_INIT);
        CallSite selfAuth = new CallSite("Lcn/jiguang/internal/JCore;->start()V", JPUSH_AUTH);
        SdkInputs in = new SdkInputs(classes("cn.jpush.android.api", 3), List.of(), List.of(), List.of(),
                List.of(self, selfAuth));

        SdkFinding jpush = detector.detect(in).get(0);

        assertThat(jpush.initialised()).isFalse();
        assertThat(jpush.consentGateCalled()).isFalse();
    }

    @Test
    void amapGatesAreTrackedPerSdk() {
        List<String> cls = new ArrayList<>(classes("com.amap.api.maps", 4));
        cls.addAll(classes("com.amap.api.location", 4));
        CallSite mapsAgree = new CallSite(APP_ONCREATE,
                "Lcom/amap/api/maps/MapsInitializer;->updatePrivacyAgree(Landroid/content/Context;Z)V");
        SdkInputs in = new SdkInputs(cls, List.of(), List.of(), List.of(), List.of(mapsAgree));

        List<SdkFinding> found = detector.detect(in);

        assertThat(found).extracting(SdkFinding::id, SdkFinding::classes, SdkFinding::consentGateCalled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("amap-location", 4, false),
                        org.assertj.core.groups.Tuple.tuple("amap-maps", 4, true));
    }

    /** {@code com.mob} (ShareSDK) is two segments: a couple of stray classes are not an SDK. */
    @Test
    void shortPrefixNeedsThreeClasses() {
        SdkInputs two = new SdkInputs(classes("com.mob.tools", 2), List.of(), List.of(), List.of(), List.of());
        SdkInputs three = new SdkInputs(classes("com.mob.tools", 3), List.of(), List.of(), List.of(), List.of());

        SdkFinding at = detector.detect(three).get(0);

        assertThat(detector.detect(two)).isEmpty();
        assertThat(at.id()).isEqualTo("sharesdk");
        assertThat(at.present()).isTrue();
        assertThat(at.classes()).isEqualTo(3);
        assertThat(at.matchedBy()).containsExactly(new Match("class-prefix", "com.mob"));
    }

    /** Segment matching keeps εxodus's {@code com.tune} from claiming {@code com.tunein}. */
    @Test
    void prefixDoesNotMatchInsideASegment() {
        SdkInputs in = new SdkInputs(classes("com.tunein.player", 10), List.of(), List.of(), List.of(), List.of());

        assertThat(detector.detect(in)).isEmpty();
    }

    @Test
    void manifestComponentAndNativeLibAloneMakeAnSdkPresent() {
        SdkInputs in = new SdkInputs(List.of(), List.of("com.igexin.sdk.PushService"),
                List.of("lib/arm64-v8a/libBugly-ext.so"), List.of(), List.of());

        List<SdkFinding> found = detector.detect(in);

        assertThat(found).extracting(SdkFinding::id).containsExactly("bugly", "getui");
        assertThat(found.get(0).matchedBy()).containsExactly(new Match("native-lib", "libBugly-ext.so"));
        assertThat(found.get(1).matchedBy()).containsExactly(new Match("component", "com.igexin.sdk.PushService"));
        assertThat(found.get(1).classes()).isZero();
    }

    @Test
    void dotLeadingExodusSignatureMatchesSegmentAnywhere() {
        SdkInputs in = new SdkInputs(classes("com.example.tealium.collect", 3), List.of(), List.of(), List.of(),
                List.of());

        List<SdkFinding> found = detector.detect(in);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("tealium");
            assertThat(f.matchedBy()).containsExactly(new Match("class-segment", "tealium"));
        });
    }
}
