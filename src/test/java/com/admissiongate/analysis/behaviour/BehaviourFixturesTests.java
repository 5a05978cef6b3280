package com.admissiongate.analysis.behaviour;

import static com.admissiongate.testkit.SmaliDex.method;
import static com.admissiongate.testkit.SmaliDex.staticMethod;
import static org.assertj.core.api.Assertions.assertThat;

import com.admissiongate.apk.ApkAnalyzer;
import com.admissiongate.apk.ApkReport;
import com.admissiongate.catalog.CatalogLoader;
import com.admissiongate.catalog.Catalogs;
import com.admissiongate.testkit.ApkFixtureBuilder;
import com.admissiongate.testkit.AxmlWriter;
import com.admissiongate.testkit.SmaliDex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour analysis on APKs built in code, one scenario per fixture, asserting the exact chains. */
class BehaviourFixturesTests {

    private static final String APP = "Lcom/example/App;";
    private static final String MAIN = "Lcom/example/MainActivity;";
    private static final String IDS = "Lcom/example/Ids;";
    private static final String ON_CREATE = APP + "->onCreate()V";
    private static final String COLLECT = IDS + "->collect(Landroid/content/Context;)V";
    private static final String IMEI = "Landroid/telephony/TelephonyManager;->getImei()Ljava/lang/String;";
    private static final String DEVICE_ID = "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;";

    private static Catalogs catalogs;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        catalogs = CatalogLoader.fromClasspath();
    }

    private BehaviourFacts analyze(String fixture, SmaliDex dex, AxmlWriter.Element application) {
        return analyze(fixture, dex, application, BehaviourLimits.defaults());
    }

    private BehaviourFacts analyze(String fixture, SmaliDex dex, AxmlWriter.Element application,
            BehaviourLimits limits) {
        AxmlWriter.Element manifest = AxmlWriter.element("manifest").attr("package", "com.example")
                .android("versionCode", 1)
                .child(AxmlWriter.element("uses-sdk").android("minSdkVersion", 21).android("targetSdkVersion", 30))
                .child(application);
        Path apk = ApkFixtureBuilder.apk().manifest(manifest).entry("classes.dex", dex.build()).writeTo(dir, fixture);
        ApkReport r = new ApkAnalyzer().analyze(apk);
        assertThat(r.complete()).as("fixture %s analysed", fixture).isTrue();
        return new BehaviourAnalyzer(catalogs, limits).analyze(r.dexIndex(), r.manifest());
    }

    private static AxmlWriter.Element application(AxmlWriter.Element... children) {
        AxmlWriter.Element app = AxmlWriter.element("application").android("name", "com.example.App");
        for (AxmlWriter.Element c : children) {
            app.child(c);
        }
        return app;
    }

    private static AxmlWriter.Element launcher(String name) {
        return AxmlWriter.element("activity").android("name", name).android("exported", true)
                .child(AxmlWriter.element("intent-filter")
                        .child(AxmlWriter.element("action").android("name", "android.intent.action.MAIN"))
                        .child(AxmlWriter.element("category").android("name", "android.intent.category.LAUNCHER")));
    }

    /** Ids.collect(Context): getSystemService("phone") then TelephonyManager.getImei(). */
    private static SmaliDex withIds(SmaliDex d) {
        return d.cls(IDS, "Ljava/lang/Object;", staticMethod("collect(Landroid/content/Context;)V", 2,
                "const-string v0, \"phone\"",
                "invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;",
                "move-result-object v0",
                "check-cast v0, Landroid/telephony/TelephonyManager;",
                "invoke-virtual {v0}, " + IMEI,
                "move-result-object v1",
                "return-void"));
    }

    private static final String[] READ_AGREED_FLAG = {
        "const-string v0, \"prefs\"",
        "const/4 v1, 0",
        "invoke-virtual {p0, v0, v1}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;",
        "move-result-object v0",
        "const-string v1, \"privacy_agreed\"",
        "const/4 v2, 0",
        "invoke-interface {v0, v1, v2}, Landroid/content/SharedPreferences;->getBoolean(Ljava/lang/String;Z)Z",
        "move-result v0",
    };

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void imeiReadInApplicationOnCreateIsFoundWithItsChain() {
        BehaviourFacts b = analyze("imei-in-application-oncreate.apk", withIds(SmaliDex.dex()
                .cls(APP, "Landroid/app/Application;", method("onCreate()V", 0,
                        "invoke-static {p0}, " + COLLECT, "return-void"))), application());

        assertThat(b.complete()).isTrue();
        assertThat(b.entryPoints()).containsExactly(new BehaviourFacts.EntryPoint("application", ON_CREATE));
        assertThat(b.preConsent()).containsExactly(new BehaviourFacts.PreConsent("api",
                "Landroid/telephony/TelephonyManager;->getImei", "device-identifier", false, null, null,
                List.of(ON_CREATE, COLLECT, IMEI)));
    }

    @Test
    void imeiAfterConsentFlagIsNotBeforeConsent() {
        BehaviourFacts b = analyze("imei-after-consent-flag.apk", withIds(SmaliDex.dex()
                .cls(APP, "Landroid/app/Application;", method("onCreate()V", 3, concat(READ_AGREED_FLAG,
                        "if-eqz v0, :skip",
                        "invoke-static {p0}, " + COLLECT,
                        ":skip",
                        "return-void")))), application());

        assertThat(b.preConsent()).isEmpty();
        assertThat(b.stats().reachablePreConsent()).isEqualTo(1);
    }

    @Test
    void earlyReturnWhenNotAgreedThroughAHelperGatesTheRest() {
        BehaviourFacts b = analyze("imei-after-agreed-helper.apk", withIds(SmaliDex.dex()
                .cls("Lcom/example/Privacy;", "Ljava/lang/Object;", staticMethod(
                        "check(Landroid/content/Context;)Z", 3, concat(READ_AGREED_FLAG, "return v0")))
                .cls(APP, "Landroid/app/Application;", method("onCreate()V", 1,
                        "invoke-static {p0}, Lcom/example/Privacy;->check(Landroid/content/Context;)Z",
                        "move-result v0",
                        "if-nez v0, :agreed",
                        "return-void",
                        ":agreed",
                        "invoke-static {p0}, " + COLLECT,
                        "return-void"))), application());

        assertThat(b.preConsent()).isEmpty();
    }

    @Test
    void sdkInitInApplicationOnCreateIsFoundAndSoIsWhatTheSdkReads() {
        String init = "Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V";
        BehaviourFacts b = analyze("sdk-init-in-application-oncreate.apk", withIds(SmaliDex.dex()
                .cls("Lcn/jpush/android/api/JPushInterface;", "Ljava/lang/Object;", staticMethod(
                        "init(Landroid/content/Context;)V", 0, "invoke-static {p0}, " + COLLECT, "return-void"))
                .cls(APP, "Landroid/app/Application;", method("onCreate()V", 0,
                        "invoke-static {p0}, " + init, "return-void"))), application());

        assertThat(b.preConsent()).containsExactly(
                new BehaviourFacts.PreConsent("api", "Landroid/telephony/TelephonyManager;->getImei",
                        "device-identifier", false, null, null, List.of(ON_CREATE, init, COLLECT, IMEI)),
                new BehaviourFacts.PreConsent("sdk-init", "Lcn/jpush/android/api/JPushInterface;->init", null, false,
                        "jpush", false, List.of(ON_CREATE, init)));
    }

    @Test
    void runnableStartedFromAProviderRunsBeforeConsentButAClickListenerDoesNot() {
        String worker = "Lcom/example/Worker;";
        String click = "Lcom/example/Click;";
        String provider = "Lcom/example/InitProvider;";
        BehaviourFacts b = analyze("imei-in-thread-from-provider.apk", SmaliDex.dex()
                .cls(worker, "Ljava/lang/Object;", List.of("Ljava/lang/Runnable;"),
                        method("<init>()V", 0, "invoke-direct {p0}, Ljava/lang/Object;-><init>()V", "return-void"),
                        method("run()V", 2, "const/4 v0, 0", "invoke-virtual {v0}, " + DEVICE_ID,
                                "move-result-object v1", "return-void"))
                .cls(click, "Ljava/lang/Object;", List.of("Landroid/view/View$OnClickListener;"),
                        method("<init>()V", 0, "invoke-direct {p0}, Ljava/lang/Object;-><init>()V", "return-void"),
                        method("onClick(Landroid/view/View;)V", 2, "const/4 v0, 0", "invoke-virtual {v0}, " + IMEI,
                                "move-result-object v1", "return-void"))
                .cls(provider, "Landroid/content/ContentProvider;", method("onCreate()Z", 2,
                        "new-instance v0, " + worker,
                        "invoke-direct {v0}, " + worker + "-><init>()V",
                        "new-instance v1, Ljava/lang/Thread;",
                        "invoke-direct {v1, v0}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V",
                        "invoke-virtual {v1}, Ljava/lang/Thread;->start()V",
                        "new-instance v0, " + click,
                        "invoke-direct {v0}, " + click + "-><init>()V",
                        "const/4 v0, 1",
                        "return v0")),
                application(AxmlWriter.element("provider").android("name", "com.example.InitProvider")
                        .android("authorities", "com.example.init")));

        assertThat(b.entryPoints()).containsExactly(
                new BehaviourFacts.EntryPoint("provider", provider + "->onCreate()Z"));
        assertThat(b.preConsent()).containsExactly(new BehaviourFacts.PreConsent("api",
                "Landroid/telephony/TelephonyManager;->getDeviceId", "device-identifier", false, null, null,
                List.of(provider + "->onCreate()Z", worker + "->run()V", DEVICE_ID)));
    }

    @Test
    void exitOnPermissionDeniedIsReported() {
        String root = MAIN + "->onRequestPermissionsResult(I[Ljava/lang/String;[I)V";
        BehaviourFacts b = analyze("exit-on-permission-denied.apk", SmaliDex.dex()
                .cls(MAIN, "Landroid/app/Activity;", method("onRequestPermissionsResult(I[Ljava/lang/String;[I)V", 2,
                        "const/4 v0, 0",
                        "aget v1, p3, v0",
                        "if-eqz v1, :granted",
                        "invoke-virtual {p0}, " + MAIN + "->finish()V",
                        ":granted",
                        "return-void")), application(launcher("com.example.MainActivity")));

        assertThat(b.denialExits()).containsExactly(new BehaviourFacts.Chain(root, MAIN + "->finish()V",
                List.of(root, MAIN + "->finish()V")));
    }

    @Test
    void trustAllCertificatesIsReportedButACheckingTrustManagerIsNot() {
        String sig = "checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V";
        BehaviourFacts b = analyze("trust-all-certificates.apk", SmaliDex.dex()
                .cls("Lcom/example/net/TrustAll;", "Ljava/lang/Object;", List.of("Ljavax/net/ssl/X509TrustManager;"),
                        method(sig, 0, "return-void"))
                .cls("Lcom/example/net/Pinned;", "Ljava/lang/Object;", List.of("Ljavax/net/ssl/X509TrustManager;"),
                        method(sig, 1, "new-instance v0, Ljava/security/cert/CertificateException;",
                                "invoke-direct {v0}, Ljava/security/cert/CertificateException;-><init>()V",
                                "throw v0")), application());

        assertThat(b.tlsBypass()).containsExactly(new BehaviourFacts.TlsBypass("trust-all-certificates",
                "Lcom/example/net/TrustAll;->" + sig, null));
    }

    @Test
    void bulkRequestOnTheLauncherCountsDangerousGroups() {
        String splash = "Lcom/example/SplashActivity;";
        String request = "Landroidx/core/app/ActivityCompat;->requestPermissions(Landroid/app/Activity;[Ljava/lang/String;I)V";
        BehaviourFacts b = analyze("bulk-permissions-on-splash.apk", SmaliDex.dex()
                .cls(splash, "Landroid/app/Activity;", method("onCreate(Landroid/os/Bundle;)V", 3,
                        "const-string v0, \"android.permission.CAMERA\"",
                        "const-string v1, \"android.permission.ACCESS_FINE_LOCATION\"",
                        "const-string v2, \"android.permission.READ_PHONE_STATE\"",
                        "const/4 v0, 0",
                        "const/4 v1, 1",
                        "invoke-static {p0, v0, v1}, " + request,
                        "return-void")), application(launcher("com.example.SplashActivity")));

        assertThat(b.permissionRequests()).containsExactly(new BehaviourFacts.PermissionRequest(
                splash + "->onCreate(Landroid/os/Bundle;)V", splash, true, 3, List.of("CAMERA", "LOCATION", "PHONE"),
                List.of("android.permission.ACCESS_FINE_LOCATION", "android.permission.CAMERA",
                        "android.permission.READ_PHONE_STATE")));
    }

    @Test
    void requestInOnResumeWithoutStoredDenialCheckIsNagging() {
        String request = "Landroid/app/Activity;->requestPermissions([Ljava/lang/String;I)V";
        String onResume = MAIN + "->onResume()V";
        BehaviourFacts b = analyze("request-in-onresume.apk", SmaliDex.dex()
                .cls(MAIN, "Landroid/app/Activity;", method("onResume()V", 2,
                        "const/4 v0, 0", "const/4 v1, 1",
                        "invoke-virtual {p0, v0, v1}, " + request, "return-void"))
                .cls("Lcom/example/Polite;", "Landroid/app/Activity;", method("onResume()V", 3,
                        "const-string v0, \"android.permission.CAMERA\"",
                        "invoke-virtual {p0, v0}, Landroid/app/Activity;->shouldShowRequestPermissionRationale(Ljava/lang/String;)Z",
                        "move-result v2",
                        "const/4 v0, 0", "const/4 v1, 1",
                        "invoke-virtual {p0, v0, v1}, " + request, "return-void")),
                application(launcher("com.example.MainActivity")));

        assertThat(b.resumeRequests()).containsExactly(new BehaviourFacts.Chain(onResume, request,
                List.of(onResume, request)));
    }

    @Test
    void deviceIdLoggedIsAFlow() {
        BehaviourFacts b = analyze("device-id-to-log.apk", SmaliDex.dex()
                .cls(MAIN, "Landroid/app/Activity;", method("onCreate(Landroid/os/Bundle;)V", 3,
                        "const/4 v0, 0",
                        "invoke-virtual {v0}, " + DEVICE_ID,
                        "move-result-object v1",
                        "new-instance v2, Ljava/lang/StringBuilder;",
                        "invoke-direct {v2}, Ljava/lang/StringBuilder;-><init>()V",
                        "invoke-virtual {v2, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;",
                        "invoke-virtual {v2}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;",
                        "move-result-object v1",
                        "const-string v0, \"tag\"",
                        "invoke-static {v0, v1}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I",
                        "invoke-static {v0, v0}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I",
                        "return-void")), application(launcher("com.example.MainActivity")));

        assertThat(b.flows()).containsExactly(new BehaviourFacts.Flow(DEVICE_ID, "device-identifier",
                "Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I", "log",
                MAIN + "->onCreate(Landroid/os/Bundle;)V", "app"));
    }

    /**
     * Taint that needs several rounds because readers come before writers in method order: c() returns the device
     * id; b() (before c) stores c()'s result in a static field that a() (before b) logs; e() (after d) hands c()'s
     * result to d(String), which logs its parameter. The flow rounds skip methods whose inputs did not change, so
     * this checks they still learn about a return, a field and a parameter tainted after their first chance.
     */
    @Test
    void taintThroughReturnFieldAndParameterDeclaredBeforeItsSourceIsFound() {
        String flow = "Lcom/example/Flow;";
        String field = flow + "->f:Ljava/lang/String;";
        String c = flow + "->c()Ljava/lang/String;";
        String d = flow + "->d(Ljava/lang/String;)V";
        BehaviourFacts b = analyze("taint-across-rounds.apk", SmaliDex.dex()
                .cls(flow, "Ljava/lang/Object;",
                        staticMethod("a()V", 2,
                                "sget-object v0, " + field,
                                "const-string v1, \"tag\"",
                                "invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I",
                                "return-void"),
                        staticMethod("b()V", 1,
                                "invoke-static {}, " + c,
                                "move-result-object v0",
                                "sput-object v0, " + field,
                                "return-void"),
                        staticMethod("c()Ljava/lang/String;", 1,
                                "const/4 v0, 0",
                                "invoke-virtual {v0}, " + DEVICE_ID,
                                "move-result-object v0",
                                "return-object v0"),
                        staticMethod("d(Ljava/lang/String;)V", 1,
                                "const-string v0, \"tag\"",
                                "invoke-static {v0, p0}, Landroid/util/Log;->w(Ljava/lang/String;Ljava/lang/String;)I",
                                "return-void"),
                        staticMethod("e()V", 1,
                                "invoke-static {}, " + c,
                                "move-result-object v0",
                                "invoke-static {v0}, " + d,
                                "return-void")), application());

        assertThat(b.complete()).isTrue();
        assertThat(b.flows()).containsExactly(
                new BehaviourFacts.Flow(DEVICE_ID, "device-identifier",
                        "Landroid/util/Log;->w(Ljava/lang/String;Ljava/lang/String;)I", "log", d, "app"),
                new BehaviourFacts.Flow(DEVICE_ID, "device-identifier",
                        "Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I", "log", flow + "->a()V", "app"));
    }

    @Test
    void edgeBoundMakesTheSectionIncomplete() {
        BehaviourFacts b = analyze("edge-bound.apk", withIds(SmaliDex.dex()
                .cls(APP, "Landroid/app/Application;", method("onCreate()V", 0,
                        "invoke-static {p0}, " + COLLECT, "invoke-static {p0}, " + COLLECT, "return-void"))),
                application(), new BehaviourLimits(0 + 1, 1024, 20_000, 6, 200));

        assertThat(b.complete()).isFalse();
        assertThat(b.incompleteReason()).isEqualTo("edge bound hit (1)");
    }
}
