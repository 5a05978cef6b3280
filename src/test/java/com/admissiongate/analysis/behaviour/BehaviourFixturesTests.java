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
    private static final String DATA = BehaviourFacts.Flow.DATA;
    private static final String CONTROL = BehaviourFacts.Flow.CONTROL;

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
        return analyze(fixture, dex, application, limits, java.util.Map.of());
    }

    /** @param entries further archive entries by path (layouts) */
    private BehaviourFacts analyze(String fixture, SmaliDex dex, AxmlWriter.Element application,
            BehaviourLimits limits, java.util.Map<String, byte[]> entries) {
        AxmlWriter.Element manifest = AxmlWriter.element("manifest").attr("package", "com.example")
                .android("versionCode", 1)
                .child(AxmlWriter.element("uses-sdk").android("minSdkVersion", 21).android("targetSdkVersion", 30))
                .child(application);
        ApkFixtureBuilder b = ApkFixtureBuilder.apk().manifest(manifest).entry("classes.dex", dex.build());
        entries.forEach(b::entry);
        Path apk = b.writeTo(dir, fixture);
        ApkReport r = new ApkAnalyzer().analyze(apk);
        assertThat(r.complete()).as("fixture %s analysed", fixture).isTrue();
        return new BehaviourAnalyzer(catalogs, limits).analyze(r.dexIndex(), r.manifest(),
                r.resources().passwordFields());
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

    /**
     * Application.onCreate calls TelephonyManager.getDeviceId by reflection (Class.forName + getMethod +
     * Method.invoke, as SDKs do to hide collection): found before consent, the chain ending in the reflected API.
     * The same behind the agreement flag is not.
     */
    @Test
    void deviceIdByReflectionBeforeConsentIsFound() {
        String[] reflect = {"const-string v0, \"android.telephony.TelephonyManager\"",
            "invoke-static {v0}, Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;",
            "move-result-object v0",
            "const-string v1, \"getDeviceId\"",
            "const/4 v2, 0",
            "invoke-virtual {v0, v1, v2}, Ljava/lang/Class;->getMethod(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;",
            "move-result-object v1",
            "invoke-virtual {v1, v2, v2}, Ljava/lang/reflect/Method;->invoke(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;"};
        BehaviourFacts b = analyze("device-id-by-reflection-in-application-oncreate.apk", SmaliDex.dex()
                .cls(APP, "Landroid/app/Application;", method("onCreate()V", 3, concat(reflect, "return-void"))),
                application());
        BehaviourFacts gated = analyze("device-id-by-reflection-after-consent-flag.apk", SmaliDex.dex()
                .cls(APP, "Landroid/app/Application;", method("onCreate()V", 3, concat(concat(READ_AGREED_FLAG,
                        "if-eqz v0, :skip"), concat(reflect, ":skip", "return-void")))), application());

        assertThat(b.preConsent()).containsExactly(new BehaviourFacts.PreConsent("api",
                "Landroid/telephony/TelephonyManager;->getDeviceId", "device-identifier", false, null, null,
                List.of(ON_CREATE, "Landroid/telephony/TelephonyManager;->getDeviceId( via Method.invoke")));
        assertThat(gated.preConsent()).isEmpty();
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
                MAIN + "->onCreate(Landroid/os/Bundle;)V", "app", 19, DATA));
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
                .cls(flow, "Landroid/app/Activity;",
                        onCreateCalling(flow, "a()V", "b()V", "e()V"),
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
                                "return-void")), application(activity(flow)));

        assertThat(b.complete()).isTrue();
        assertThat(b.flows()).containsExactly(
                new BehaviourFacts.Flow(DEVICE_ID, "device-identifier",
                        "Landroid/util/Log;->w(Ljava/lang/String;Ljava/lang/String;)I", "log", d, "app", 2, DATA),
                new BehaviourFacts.Flow(DEVICE_ID, "device-identifier",
                        "Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I", "log",
                        flow + "->a()V", "app", 4, DATA));
    }

    private static final String LOG_I = "Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I";
    private static final String FLOWS = "Lcom/example/Flows;";

    /**
     * onCreate(Bundle) of an activity calling each of {@code cls}'s static no-arg methods: flows are reported only in
     * code a declared component reaches.
     */
    private static SmaliDex.Method onCreateCalling(String cls, String... staticMethods) {
        String[] code = new String[staticMethods.length + 1];
        for (int i = 0; i < staticMethods.length; i++) {
            code[i] = "invoke-static {}, " + cls + "->" + staticMethods[i];
        }
        code[staticMethods.length] = "return-void";
        return method("onCreate(Landroid/os/Bundle;)V", 0, code);
    }

    private static AxmlWriter.Element activity(String cls) {
        return AxmlWriter.element("activity").android("name", cls.substring(1, cls.length() - 1).replace('/', '.'));
    }

    /** The flow from getDeviceId to the Log.i call at code unit {@code callSite} of Flows.{@code method}. */
    private static BehaviourFacts.Flow deviceIdLoggedIn(String method, int callSite) {
        return deviceIdLoggedIn(method, callSite, DATA);
    }

    private static BehaviourFacts.Flow deviceIdLoggedIn(String method, int callSite, String via) {
        return new BehaviourFacts.Flow(DEVICE_ID, "device-identifier", LOG_I, "log", FLOWS + "->" + method, "app",
                callSite, via);
    }

    /**
     * login(): the text of the view found by the layout's password id (0x7f070001, inputType textPassword; the id
     * passes through a move first) is logged: a credentials flow naming the field. user(): the same for the
     * layout's plain text field (0x7f070000): no flow. A view id loaded in another block than the call is not
     * known there, so no source is made up from it.
     */
    @Test
    void textOfALayoutsPasswordFieldIsACredentialsSource() {
        BehaviourFacts b = analyzeWithLoginLayout("password-field-text-logged.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        method("onCreate(Landroid/os/Bundle;)V", 0,
                                "invoke-virtual {p0}, " + FLOWS + "->login()V",
                                "invoke-virtual {p0}, " + FLOWS + "->user()V",
                                "return-void"),
                        method("login()V", 2, concat(new String[] {
                            "const v1, 0x7f070001",
                            "move v0, v1",
                            "invoke-virtual {p0, v0}, " + FIND_VIEW}, LOG_VIEW_TEXT)),
                        method("user()V", 2, concat(new String[] {
                            "const/high16 v0, 0x7f070000",
                            "invoke-virtual {p0, v0}, " + FIND_VIEW}, LOG_VIEW_TEXT))));

        assertThat(b.flows()).containsExactly(passwordLoggedIn("login()V", 20));
    }

    /**
     * More sources than taint bits: one method references every §3 API of the catalog (each its own source, more
     * than 31), then login() logs a password field's text, a PI type met only after those. Bits are kept free for
     * the PI types not met yet, so that flow is still labelled credentials; handing out bits until they ran out
     * made it borrow another type's bit and label.
     */
    @Test
    void aPiTypeMetAfterManySourcesKeepsItsOwnBit() {
        java.util.List<String> calls = new java.util.ArrayList<>();
        for (com.admissiongate.catalog.ApiEntry e : catalogs.apis().entries()) {
            if (e.piType() != null && "method".equals(e.kind()) && e.key().contains("->") && !e.key().contains("(")) {
                calls.add("invoke-static {}, " + e.key() + "()V");
            }
        }
        calls.add("return-void");
        assertThat(calls).as("catalog APIs referenced").hasSizeGreaterThan(31);
        BehaviourFacts b = analyzeWithLoginLayout("many-sources-then-password-logged.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        method("onCreate(Landroid/os/Bundle;)V", 0,
                                "invoke-static {}, " + FLOWS + "->many()V",
                                "invoke-virtual {p0}, " + FLOWS + "->login()V",
                                "return-void"),
                        staticMethod("many()V", 0, calls.toArray(String[]::new)),
                        method("login()V", 2, concat(new String[] {
                            "const v0, 0x7f070001",
                            "invoke-virtual {p0, v0}, " + FIND_VIEW}, LOG_VIEW_TEXT))));

        assertThat(b.flows()).containsExactly(passwordLoggedIn("login()V", 19));
    }

    private static final String FIND_VIEW = FLOWS + "->findViewById(I)Landroid/view/View;";
    /** After a findViewById: logs the EditText's text. */
    private static final String[] LOG_VIEW_TEXT = {
        "move-result-object v0",
        "check-cast v0, Landroid/widget/EditText;",
        "invoke-virtual {v0}, Landroid/widget/EditText;->getText()Landroid/text/Editable;",
        "move-result-object v0",
        "invoke-virtual {v0}, Ljava/lang/Object;->toString()Ljava/lang/String;",
        "move-result-object v0",
        "const-string v1, \"tag\"",
        "invoke-static {v1, v0}, " + LOG_I,
        "return-void"};

    /** An APK of {@code dex} declaring activity Flows, with {@link #loginLayout} as res/layout/login.xml. */
    private BehaviourFacts analyzeWithLoginLayout(String fixture, SmaliDex dex) {
        return analyze(fixture, dex, application(activity(FLOWS)), BehaviourLimits.defaults(),
                java.util.Map.of("res/layout/login.xml", loginLayout()));
    }

    /** A plain text input (0x7f070000) and a textPassword one (0x7f070001). */
    private static byte[] loginLayout() {
        return AxmlWriter.write(AxmlWriter.element("LinearLayout")
                .child(AxmlWriter.element("EditText").androidRef("id", 0x7f070000).androidHex("inputType", 0x61))
                .child(AxmlWriter.element("EditText").androidRef("id", 0x7f070001).androidHex("inputType", 0x81)));
    }

    /** The credentials flow of login.xml's password field to the Log.i call at {@code callSite} of Flows.method. */
    private static BehaviourFacts.Flow passwordLoggedIn(String method, int callSite) {
        return new BehaviourFacts.Flow(FIND_VIEW + " 0x7f070001 (res/layout/login.xml textPassword)", "credentials",
                LOG_I, "log", FLOWS + "->" + method, "app", callSite, DATA);
    }

    /**
     * store() writes the device id to openFileOutput("id.txt"); load() reads openFileInput("id.txt") into a buffer
     * and logs it: a second flow (DroidBench PrivateDataLeak3). other() reads "other.txt" the same way: no flow.
     */
    @Test
    void whatIsWrittenToANamedFileIsReadBackFromThatNameOnly() {
        String write = "Ljava/io/FileOutputStream;->write([B)V";
        String[] readAndLog = {
            "move-result-object v0",
            "const/4 v1, 7",
            "new-array v1, v1, [B",
            "invoke-virtual {v0, v1}, Ljava/io/FileInputStream;->read([B)I",
            "new-instance v0, Ljava/lang/String;",
            "invoke-direct {v0, v1}, Ljava/lang/String;-><init>([B)V",
            "const-string v2, \"tag\"",
            "invoke-static {v2, v0}, " + LOG_I,
            "return-void"};
        String open = FLOWS + "->openFileInput(Ljava/lang/String;)Ljava/io/FileInputStream;";
        BehaviourFacts b = analyze("file-written-then-read-by-name.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        method("onCreate(Landroid/os/Bundle;)V", 0,
                                "invoke-virtual {p0}, " + FLOWS + "->load()V",
                                "invoke-virtual {p0}, " + FLOWS + "->other()V",
                                "invoke-virtual {p0}, " + FLOWS + "->store()V",
                                "return-void"),
                        method("store()V", 3,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const-string v1, \"id.txt\"",
                                "const/4 v2, 0",
                                "invoke-virtual {p0, v1, v2}, " + FLOWS
                                        + "->openFileOutput(Ljava/lang/String;I)Ljava/io/FileOutputStream;",
                                "move-result-object v1",
                                "invoke-virtual {v0}, Ljava/lang/String;->getBytes()[B",
                                "move-result-object v0",
                                "invoke-virtual {v1, v0}, " + write,
                                "return-void"),
                        method("load()V", 3, concat(new String[] {
                            "const-string v0, \"id.txt\"",
                            "invoke-virtual {p0, v0}, " + open}, readAndLog)),
                        method("other()V", 3, concat(new String[] {
                            "const-string v0, \"other.txt\"",
                            "invoke-virtual {p0, v0}, " + open}, readAndLog))),
                application(activity(FLOWS)));

        assertThat(b.flows()).containsExactlyInAnyOrder(
                new BehaviourFacts.Flow(DEVICE_ID, "device-identifier", write, "file",
                        FLOWS + "->store()V", "app", 16, DATA),
                deviceIdLoggedIn("load()V", 19));
    }

    /**
     * Two sources of one PI type reach one Log call: two flows, each naming its source (getLatitude and
     * getLongitude, DroidBench AnonymousClass1), not one flow naming whichever source the analysis saw first.
     */
    @Test
    void eachSourceReachingASinkIsItsOwnFlow() {
        BehaviourFacts b = analyze("latitude-and-longitude-logged.apk", latitudeAndLongitudeLogged(),
                application(activity(FLOWS)));

        assertThat(b.flows()).containsExactlyInAnyOrder(
                new BehaviourFacts.Flow(LATITUDE, "precise-location", LOG_I, "log",
                        FLOWS + "->where()V", "app", 15, DATA),
                new BehaviourFacts.Flow(LONGITUDE, "precise-location", LOG_I, "log",
                        FLOWS + "->where()V", "app", 15, DATA));
        assertThat(b.cutLists()).isEmpty();
    }

    /** The same two flows with max-findings 1: one is kept, and the Facts say the flows list was cut. */
    @Test
    void aListCutAtMaxFindingsIsNamed() {
        BehaviourFacts b = analyze("latitude-and-longitude-logged-one-finding.apk", latitudeAndLongitudeLogged(),
                application(activity(FLOWS)), new BehaviourLimits(4_000_000, 1024, 20_000, 6, 1));

        assertThat(b.flows()).hasSize(1);
        assertThat(b.cutLists()).containsExactly("flows");
    }

    private static final String LATITUDE = "Landroid/location/Location;->getLatitude()D";
    private static final String LONGITUDE = "Landroid/location/Location;->getLongitude()D";

    /** Flows.where(): getLatitude and getLongitude both reach one Log.i call (code unit 15). */
    private static SmaliDex latitudeAndLongitudeLogged() {
        return SmaliDex.dex().cls(FLOWS, "Landroid/app/Activity;", onCreateCalling(FLOWS, "where()V"),
                staticMethod("where()V", 5,
                        "const/4 v0, 0",
                        "invoke-virtual {v0}, " + LATITUDE,
                        "move-result-wide v1",
                        "invoke-virtual {v0}, " + LONGITUDE,
                        "move-result-wide v3",
                        "invoke-static {v1, v2, v3, v4}, Ljava/lang/String;->valueOf(DD)Ljava/lang/String;",
                        "move-result-object v0",
                        "const-string v1, \"tag\"",
                        "invoke-static {v1, v0}, " + LOG_I,
                        "return-void"));
    }

    /**
     * hex(): a character of the device id indexes a digit table and the digit is logged: the element read carries
     * its index (hex and Base64 encoders; DroidBench ImplicitFlow1's copyIMEI). constantIndex(): the id is read
     * but the table is indexed by a constant: no flow.
     */
    @Test
    void anElementReadWithATaintedIndexCarriesTheIndex() {
        BehaviourFacts b = analyze("table-lookup-with-device-id-index.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;", onCreateCalling(FLOWS, "hex()V", "constantIndex()V"),
                        staticMethod("hex()V", 4, tableLookup("move-result v2")),
                        staticMethod("constantIndex()V", 4, tableLookup("const/4 v2, 1"))),
                application(activity(FLOWS)));

        assertThat(b.flows()).containsExactly(deviceIdLoggedIn("hex()V", 24));
    }

    /** Reads the device id's first char, then logs DIGITS[v2] where v2 is set by {@code index}. */
    private static String[] tableLookup(String index) {
        return new String[] {
            "const/4 v1, 0",
            "invoke-virtual {v1}, " + DEVICE_ID,
            "move-result-object v0",
            "const/4 v2, 0",
            "invoke-virtual {v0, v2}, Ljava/lang/String;->charAt(I)C",
            index,
            "const-string v3, \"0123456789abcdef\"",
            "invoke-virtual {v3}, Ljava/lang/String;->toCharArray()[C",
            "move-result-object v3",
            "aget-char v0, v3, v2",
            "invoke-static {v0}, Ljava/lang/String;->valueOf(C)Ljava/lang/String;",
            "move-result-object v0",
            "const-string v1, \"tag\"",
            "invoke-static {v1, v0}, " + LOG_I,
            "return-void"};
    }

    /**
     * show() puts the device id into a Button's hint; report() reads the hint of a Button on the same screen and
     * logs it (DroidBench Button5: the widget as storage). text() reads the Button's text, another property, and
     * Other's report() reads a Button hint on another screen: neither is a flow.
     */
    @Test
    void aWidgetPropertyHoldsWhatWasSetForItsScreen() {
        String other = "Lcom/example/Other;";
        String view = "(Landroid/view/View;)V";
        BehaviourFacts b = analyze("device-id-kept-in-button-hint.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        method("onCreate(Landroid/os/Bundle;)V", 1,
                                "const/4 v0, 0",
                                "invoke-virtual {p0, v0}, " + FLOWS + "->report" + view,
                                "invoke-virtual {p0, v0}, " + FLOWS + "->text" + view,
                                "invoke-virtual {p0, v0}, " + FLOWS + "->show" + view,
                                "return-void"),
                        method("show" + view, 2,
                                "check-cast p1, Landroid/widget/Button;",
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "invoke-virtual {p1, v0}, Landroid/widget/Button;->setHint(Ljava/lang/CharSequence;)V",
                                "return-void"),
                        method("report" + view, 2, logButton("getHint")),
                        method("text" + view, 2, logButton("getText")))
                .cls(other, "Landroid/app/Activity;",
                        method("onCreate(Landroid/os/Bundle;)V", 1,
                                "const/4 v0, 0",
                                "invoke-virtual {p0, v0}, " + other + "->report" + view,
                                "return-void"),
                        method("report" + view, 2, logButton("getHint"))),
                application(activity(FLOWS), activity(other)));

        assertThat(b.flows()).containsExactly(deviceIdLoggedIn("report" + view, 12));
    }

    /** Logs {@code getter}() of the Button passed as p1. */
    private static String[] logButton(String getter) {
        return new String[] {
            "check-cast p1, Landroid/widget/Button;",
            "invoke-virtual {p1}, Landroid/widget/Button;->" + getter + "()Ljava/lang/CharSequence;",
            "move-result-object v0",
            "invoke-virtual {v0}, Ljava/lang/Object;->toString()Ljava/lang/String;",
            "move-result-object v0",
            "const-string v1, \"tag\"",
            "invoke-static {v1, v0}, " + LOG_I,
            "return-void"};
    }

    /** The device id as a Message's arg1 sent to a bound service's Messenger: an ipc flow (ServiceCommunication1). */
    @Test
    void deviceIdInAMessageToAServiceIsAnIpcFlow() {
        String send = "Landroid/os/Messenger;->send(Landroid/os/Message;)V";
        BehaviourFacts b = analyze("device-id-in-message-to-service.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;", onCreateCalling(FLOWS, "messenger()V"),
                        staticMethod("messenger()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "invoke-static {v0}, Ljava/lang/Integer;->parseInt(Ljava/lang/String;)I",
                                "move-result v2",
                                "const/4 v3, 1",
                                "invoke-static {v1, v3, v2, v1}, Landroid/os/Message;->obtain(Landroid/os/Handler;III)Landroid/os/Message;",
                                "move-result-object v0",
                                "invoke-virtual {v1, v0}, " + send,
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactly(new BehaviourFacts.Flow(DEVICE_ID, "device-identifier", send, "ipc",
                FLOWS + "->messenger()V", "app", 14, DATA));
    }

    /**
     * loop(): the device id is read in the loop body, which sits after the loop's exit in code order, and logged at
     * the exit: only the back edge carries it there (DroidBench Loop1/2). killedInLoop(): the value is overwritten
     * on every path to the log call, so joining at the loop head must not invent a flow.
     */
    @Test
    void taintSetInALoopBodyReachesTheSinkAfterTheLoop() {
        BehaviourFacts b = analyze("taint-set-in-loop-body-reaches-sink-after-loop.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        method("onCreate(Landroid/os/Bundle;)V", 1,
                                "const/4 v0, 1",
                                "invoke-static {v0}, " + FLOWS + "->loop(I)V",
                                "invoke-static {v0}, " + FLOWS + "->killedInLoop(I)V",
                                "return-void"),
                        staticMethod("loop(I)V", 4,
                                "const-string v0, \"\"",
                                ":head",
                                "if-nez p0, :body",
                                "const-string v3, \"tag\"",
                                "invoke-static {v3, v0}, " + LOG_I,
                                "return-void",
                                ":body",
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "goto :head"),
                        staticMethod("killedInLoop(I)V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                ":head",
                                "const-string v0, \"x\"",
                                "if-nez p0, :head",
                                "const-string v3, \"tag\"",
                                "invoke-static {v3, v0}, " + LOG_I,
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactly(deviceIdLoggedIn("loop(I)V", 6));
    }

    /**
     * thrown(): the device id travels in the exception's message to the catch block (DroidBench Exceptions4).
     * liveInTry(): the id is in a register when a call in the try range throws; the catch block logs that register,
     * although code after the call (in code order, before the handler) clears it (Exceptions2).
     * noHandler(): the same clearing without a try range: no flow.
     */
    @Test
    void taintReachesCatchBlocks() {
        BehaviourFacts b = analyze("device-id-reaches-catch-block.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "thrown()V", "liveInTry()V", "noHandler()V"),
                        staticMethod("thrown()V", 4,
                                ":try_start",
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "new-instance v2, Ljava/lang/RuntimeException;",
                                "invoke-direct {v2, v0}, Ljava/lang/RuntimeException;-><init>(Ljava/lang/String;)V",
                                "throw v2",
                                ":try_end",
                                ".catch Ljava/lang/RuntimeException; {:try_start .. :try_end} :handler",
                                ":handler",
                                "move-exception v2",
                                "invoke-virtual {v2}, Ljava/lang/RuntimeException;->getMessage()Ljava/lang/String;",
                                "move-result-object v0",
                                "const-string v3, \"tag\"",
                                "invoke-static {v3, v0}, " + LOG_I,
                                "return-void"),
                        staticMethod("liveInTry()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                ":try_start",
                                "invoke-static {}, Lcom/example/Risky;->call()V",
                                "const-string v0, \"\"",
                                ":try_end",
                                ".catchall {:try_start .. :try_end} :handler",
                                "return-void",
                                ":handler",
                                "move-exception v2",
                                "const-string v3, \"tag\"",
                                "invoke-static {v3, v0}, " + LOG_I,
                                "return-void"),
                        staticMethod("noHandler()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "invoke-static {}, Lcom/example/Risky;->call()V",
                                "const-string v0, \"\"",
                                "const-string v3, \"tag\"",
                                "invoke-static {v3, v0}, " + LOG_I,
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactlyInAnyOrder(deviceIdLoggedIn("thrown()V", 18),
                deviceIdLoggedIn("liveInTry()V", 14));
    }

    /**
     * copied(): System.arraycopy into a second array, read back and logged (DroidBench ArrayCopy1).
     * point(): the id parsed into a float, kept in a PointF and read back from its public field x
     * (PublicAPIField1): the framework object's field carries what its constructor was given.
     */
    @Test
    void taintThroughArrayCopyAndAFrameworkObjectsField() {
        BehaviourFacts b = analyze("device-id-through-arraycopy-and-pointf.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "copied()V", "point()V"),
                        staticMethod("copied()V", 5,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const/4 v4, 1",
                                "new-array v2, v4, [Ljava/lang/String;",
                                "aput-object v0, v2, v1",
                                "new-array v3, v4, [Ljava/lang/String;",
                                "const-string v0, \"\"",
                                "invoke-static {v2, v1, v3, v1, v4}, Ljava/lang/System;->arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V",
                                "aget-object v0, v3, v1",
                                "const-string v4, \"tag\"",
                                "invoke-static {v4, v0}, " + LOG_I,
                                "return-void"),
                        staticMethod("point()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "invoke-static {v0}, Ljava/lang/Float;->parseFloat(Ljava/lang/String;)F",
                                "move-result v0",
                                "new-instance v2, Landroid/graphics/PointF;",
                                "invoke-direct {v2, v0, v0}, Landroid/graphics/PointF;-><init>(FF)V",
                                "const/4 v0, 0",
                                "iget v0, v2, Landroid/graphics/PointF;->x:F",
                                "invoke-static {v0}, Ljava/lang/String;->valueOf(F)Ljava/lang/String;",
                                "move-result-object v0",
                                "const-string v3, \"tag\"",
                                "invoke-static {v3, v0}, " + LOG_I,
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactlyInAnyOrder(deviceIdLoggedIn("copied()V", 21), deviceIdLoggedIn("point()V", 23));
    }

    /**
     * viaNew(): A.f() returns a constant, B overrides it with the device id; a call typed A on a new B returns the
     * id (DroidBench VirtualDispatch2). viaReflection(): the same through an unrelated hierarchy (A2, C) whose C is
     * only ever created by Class.forName("com.example.C").newInstance() (Reflection2/4): no new-instance makes it a
     * dispatch target.
     */
    @Test
    void taintReturnedByAnOverrideOnAnInstantiatedOrReflectedClassReachesTheCaller() {
        String a = "Lcom/example/A;";
        String a2 = "Lcom/example/A2;";
        String[] returnsDeviceId = {"const/4 v0, 0", "invoke-virtual {v0}, " + DEVICE_ID, "move-result-object v0",
            "return-object v0"};
        BehaviourFacts b = analyze("override-returns-device-id.apk", SmaliDex.dex()
                .cls(a, "Ljava/lang/Object;", method("f()Ljava/lang/String;", 1,
                        "const-string v0, \"none\"", "return-object v0"))
                .cls("Lcom/example/B;", a, method("f()Ljava/lang/String;", 1, returnsDeviceId))
                .cls(a2, "Ljava/lang/Object;", method("f()Ljava/lang/String;", 1,
                        "const-string v0, \"none\"", "return-object v0"))
                .cls("Lcom/example/C;", a2, method("f()Ljava/lang/String;", 1, returnsDeviceId))
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "viaNew()V", "viaReflection()V"),
                        staticMethod("viaNew()V", 3,
                                "new-instance v0, Lcom/example/B;",
                                "invoke-direct {v0}, Lcom/example/B;-><init>()V",
                                "invoke-virtual {v0}, " + a + "->f()Ljava/lang/String;",
                                "move-result-object v1",
                                "const-string v2, \"tag\"",
                                "invoke-static {v2, v1}, " + LOG_I,
                                "return-void"),
                        staticMethod("viaReflection()V", 3,
                                "const-string v0, \"com.example.C\"",
                                "invoke-static {v0}, Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;",
                                "move-result-object v0",
                                "invoke-virtual {v0}, Ljava/lang/Class;->newInstance()Ljava/lang/Object;",
                                "move-result-object v0",
                                "check-cast v0, " + a2,
                                "invoke-virtual {v0}, " + a2 + "->f()Ljava/lang/String;",
                                "move-result-object v1",
                                "const-string v2, \"tag\"",
                                "invoke-static {v2, v1}, " + LOG_I,
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactlyInAnyOrder(deviceIdLoggedIn("viaNew()V", 11),
                deviceIdLoggedIn("viaReflection()V", 18));
    }

    /** AsyncTask.execute(id) on an app task: the array reaches doInBackground's parameter (Threading AsyncTask1). */
    @Test
    void asyncTaskExecuteArgumentsReachDoInBackground() {
        String task = "Lcom/example/Task;";
        String doInBackground = task + "->doInBackground([Ljava/lang/Object;)Ljava/lang/Object;";
        BehaviourFacts b = analyze("device-id-passed-to-asynctask.apk", SmaliDex.dex()
                .cls(task, "Landroid/os/AsyncTask;", method("doInBackground([Ljava/lang/Object;)Ljava/lang/Object;", 3,
                        "const/4 v0, 0",
                        "aget-object v1, p1, v0",
                        "check-cast v1, Ljava/lang/String;",
                        "const-string v2, \"tag\"",
                        "invoke-static {v2, v1}, " + LOG_I,
                        "return-object v1"))
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "startTask()V"),
                        staticMethod("startTask()V", 4,
                                "new-instance v0, " + task,
                                "invoke-direct {v0}, " + task + "-><init>()V",
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v1",
                                "const/4 v2, 1",
                                "new-array v2, v2, [Ljava/lang/Object;",
                                "const/4 v3, 0",
                                "aput-object v1, v2, v3",
                                "invoke-virtual {v0, v2}, " + task + "->execute([Ljava/lang/Object;)Landroid/os/AsyncTask;",
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactly(new BehaviourFacts.Flow(DEVICE_ID, "device-identifier", LOG_I, "log",
                doInBackground, "app", 7, DATA));
    }

    /**
     * HomeActivity.onCreate stores the id in HomeActivity->imei, a static field BaseActivity declares; the base's
     * onResume logs BaseActivity->imei (Lifecycle ActivityLifecycle2). BaseActivity.dead() logs the id too but
     * nothing calls it and it is no callback: a sink in code no component reaches is not reported
     * (GeneralJava UnreachableCode).
     */
    @Test
    void staticFieldWrittenThroughASubclassIsReadThroughItsBaseAndDeadCodeIsNotReported() {
        String base = "Lcom/example/BaseActivity;";
        String home = "Lcom/example/HomeActivity;";
        BehaviourFacts b = analyze("device-id-in-inherited-static-and-dead-code.apk", SmaliDex.dex()
                .cls(base, "Landroid/app/Activity;",
                        method("onResume()V", 2,
                                "sget-object v0, " + base + "->imei:Ljava/lang/String;",
                                "const-string v1, \"tag\"",
                                "invoke-static {v1, v0}, " + LOG_I,
                                "return-void"),
                        staticMethod("dead()V", 2,
                                "const/4 v0, 0",
                                "invoke-virtual {v0}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const-string v1, \"tag\"",
                                "invoke-static {v1, v0}, " + LOG_I,
                                "return-void"))
                .cls(home, base, method("onCreate(Landroid/os/Bundle;)V", 1,
                        "const/4 v0, 0",
                        "invoke-virtual {v0}, " + DEVICE_ID,
                        "move-result-object v0",
                        "sput-object v0, " + home + "->imei:Ljava/lang/String;",
                        "return-void")), application(activity(home)));

        assertThat(b.flows()).containsExactly(new BehaviourFacts.Flow(DEVICE_ID, "device-identifier", LOG_I, "log",
                base + "->onResume()V", "app", 4, DATA));
    }

    /**
     * The launcher activity logs the device id but the manifest disables it (android:enabled="false",
     * DroidBench InactiveActivity): as shipped it never runs, so no flow. The pre-consent entry point stays listed.
     */
    @Test
    void flowInADisabledComponentIsNotReported() {
        AxmlWriter.Element disabled = launcher("com.example.MainActivity").android("enabled", false);
        BehaviourFacts b = analyze("device-id-logged-in-disabled-activity.apk", SmaliDex.dex()
                .cls(MAIN, "Landroid/app/Activity;", method("onCreate(Landroid/os/Bundle;)V", 2,
                        "const/4 v0, 0",
                        "invoke-virtual {v0}, " + DEVICE_ID,
                        "move-result-object v0",
                        "const-string v1, \"tag\"",
                        "invoke-static {v1, v0}, " + LOG_I,
                        "return-void")), application(disabled));

        assertThat(b.flows()).isEmpty();
        assertThat(b.entryPoints()).extracting(BehaviourFacts.EntryPoint::method)
                .contains(MAIN + "->onCreate(Landroid/os/Bundle;)V");
    }

    /**
     * Two location listeners stash their Location in a static field that the activity logs. Only Registered is ever
     * created (and handed to requestLocationUpdates); Unused's callback never runs, so its parameter is no source.
     */
    @Test
    void onlyACreatedListenersCallbackParameterIsASource() {
        String listener = "Landroid/location/LocationListener;";
        String[] stash = {"invoke-virtual {p1}, Ljava/lang/Object;->toString()Ljava/lang/String;",
            "move-result-object v0", "sput-object v0, " + FLOWS + "->last:Ljava/lang/String;", "return-void"};
        String on = "onLocationChanged(Landroid/location/Location;)V";
        BehaviourFacts b = analyze("only-created-listener-is-a-source.apk", SmaliDex.dex()
                .cls("Lcom/example/Unused;", "Ljava/lang/Object;", List.of(listener), method(on, 1, stash))
                .cls("Lcom/example/Registered;", "Ljava/lang/Object;", List.of(listener), method(on, 1, stash))
                .cls(FLOWS, "Landroid/app/Activity;", method("onCreate(Landroid/os/Bundle;)V", 2,
                        "new-instance v0, Lcom/example/Registered;",
                        "invoke-direct {v0}, Lcom/example/Registered;-><init>()V",
                        "sget-object v0, " + FLOWS + "->last:Ljava/lang/String;",
                        "const-string v1, \"tag\"",
                        "invoke-static {v1, v0}, " + LOG_I,
                        "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).extracting(BehaviourFacts.Flow::source)
                .containsExactly("Lcom/example/Registered;->" + on);
    }

    /**
     * X.f() returns a constant; Y overrides it with the device id, Z with another constant; Y and Z are both
     * created. positive() calls f on a new Y: a flow. exact() calls it on a new Z and factory() on what makeZ(),
     * declared to return Z, hands back (DroidBench VirtualDispatch4): the receiver's type rules Y.f out, so no flow,
     * where dispatch on the declared X alone would report one.
     */
    @Test
    void aReceiversKnownTypeNarrowsDispatch() {
        String x = "Lcom/example/X;";
        String y = "Lcom/example/Y;";
        String z = "Lcom/example/Z;";
        String[] logF = {"invoke-virtual {v0}, " + x + "->f()Ljava/lang/String;", "move-result-object v1",
            "const-string v2, \"tag\"", "invoke-static {v2, v1}, " + LOG_I, "return-void"};
        BehaviourFacts b = analyze("receiver-type-narrows-dispatch.apk", SmaliDex.dex()
                .cls(x, "Ljava/lang/Object;", method("f()Ljava/lang/String;", 1,
                        "const-string v0, \"none\"", "return-object v0"))
                .cls(y, x, method("f()Ljava/lang/String;", 1, "const/4 v0, 0", "invoke-virtual {v0}, " + DEVICE_ID,
                        "move-result-object v0", "return-object v0"))
                .cls(z, x, method("f()Ljava/lang/String;", 1, "const-string v0, \"z\"", "return-object v0"))
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "positive()V", "exact()V", "factory()V"),
                        staticMethod("positive()V", 3, concat(new String[] {"new-instance v0, " + y,
                            "invoke-direct {v0}, " + y + "-><init>()V"}, logF)),
                        staticMethod("exact()V", 3, concat(new String[] {"new-instance v0, " + z,
                            "invoke-direct {v0}, " + z + "-><init>()V"}, logF)),
                        staticMethod("factory()V", 3, concat(new String[] {
                            "invoke-static {}, " + FLOWS + "->makeZ()" + z, "move-result-object v0"}, logF)),
                        staticMethod("makeZ()" + z, 1, "new-instance v0, " + z,
                                "invoke-direct {v0}, " + z + "-><init>()V", "return-object v0")),
                application(activity(FLOWS)));

        assertThat(b.flows()).containsExactly(deviceIdLoggedIn("positive()V", 11));
    }

    /**
     * onSaveInstanceState puts the device id in the Bundle under "imei"; onCreate reads savedInstanceState's "imei"
     * and logs it (DroidBench ActivitySavedState1), and reads "other" and logs that too: only the first is a flow.
     */
    @Test
    void bundleValuesFlowByTheirKey() {
        String getString = "Landroid/os/Bundle;->getString(Ljava/lang/String;)Ljava/lang/String;";
        BehaviourFacts b = analyze("device-id-through-saved-instance-state.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        method("onSaveInstanceState(Landroid/os/Bundle;)V", 2,
                                "const/4 v0, 0",
                                "invoke-virtual {v0}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const-string v1, \"imei\"",
                                "invoke-virtual {p1, v1, v0}, Landroid/os/Bundle;->putString(Ljava/lang/String;Ljava/lang/String;)V",
                                "return-void"),
                        method("onCreate(Landroid/os/Bundle;)V", 3,
                                "const-string v2, \"tag\"",
                                "const-string v1, \"imei\"",
                                "invoke-virtual {p1, v1}, " + getString,
                                "move-result-object v0",
                                "invoke-static {v2, v0}, " + LOG_I,
                                "const-string v1, \"other\"",
                                "invoke-virtual {p1, v1}, " + getString,
                                "move-result-object v0",
                                "invoke-static {v2, v0}, " + LOG_I,
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactly(deviceIdLoggedIn("onCreate(Landroid/os/Bundle;)V", 8));
    }

    /**
     * nested(): the id stored into an inner array read out of a String[][] is read back through the outer array
     * (DroidBench MultidimensionalArray1). process(): the id on a ProcessBuilder command line
     * (StartProcessWithSecret1), a "process" sink.
     */
    @Test
    void taintThroughANestedArrayAndIntoACommandLine() {
        BehaviourFacts b = analyze("device-id-in-nested-array-and-command-line.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "nested()V", "process()V"),
                        staticMethod("nested()V", 5,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const/4 v4, 1",
                                "new-array v2, v4, [[Ljava/lang/String;",
                                "new-array v3, v4, [Ljava/lang/String;",
                                "aput-object v3, v2, v1",
                                "aget-object v3, v2, v1",
                                "aput-object v0, v3, v1",
                                "aget-object v3, v2, v1",
                                "aget-object v0, v3, v1",
                                "const-string v4, \"tag\"",
                                "invoke-static {v4, v0}, " + LOG_I,
                                "return-void"),
                        staticMethod("process()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const/4 v2, 1",
                                "new-array v3, v2, [Ljava/lang/String;",
                                "aput-object v0, v3, v1",
                                "new-instance v2, Ljava/lang/ProcessBuilder;",
                                "invoke-direct {v2, v3}, Ljava/lang/ProcessBuilder;-><init>([Ljava/lang/String;)V",
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactlyInAnyOrder(deviceIdLoggedIn("nested()V", 22),
                new BehaviourFacts.Flow(DEVICE_ID, "device-identifier",
                        "Ljava/lang/ProcessBuilder;-><init>([Ljava/lang/String;)V", "process", FLOWS + "->process()V",
                        "app", 12, DATA));
    }

    /** Class.forName(name).getMethod(method).invoke(…) with constant names, logging what it returns. */
    private static SmaliDex.Method reflectiveLog(String name, String className, String methodName) {
        return staticMethod(name, 5,
                "const-string v0, \"" + className + "\"",
                "invoke-static {v0}, Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;",
                "move-result-object v0",
                "const-string v1, \"" + methodName + "\"",
                "const/4 v2, 0",
                "invoke-virtual {v0, v1, v2}, Ljava/lang/Class;->getMethod(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;",
                "move-result-object v1",
                "const/4 v3, 0",
                "invoke-virtual {v1, v3, v2}, Ljava/lang/reflect/Method;->invoke(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;",
                "move-result-object v0",
                "check-cast v0, Ljava/lang/String;",
                "const-string v4, \"tag\"",
                "invoke-static {v4, v0}, " + LOG_I,
                "return-void");
    }

    /**
     * Reflective calls built from constants: TelephonyManager.getDeviceId through Method.invoke is a source like
     * the direct call (SDKs hide collection this way); an app method reached through Method.invoke returns its
     * taint (DroidBench Reflection3).
     */
    @Test
    void reflectiveCallsBuiltFromConstantsAreResolved() {
        BehaviourFacts b = analyze("device-id-through-method-invoke.apk", SmaliDex.dex()
                .cls("Lcom/example/R2;", "Ljava/lang/Object;", staticMethod("get()Ljava/lang/String;", 1,
                        "const/4 v0, 0", "invoke-virtual {v0}, " + DEVICE_ID, "move-result-object v0",
                        "return-object v0"))
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "framework()V", "app()V"),
                        reflectiveLog("framework()V", "android.telephony.TelephonyManager", "getDeviceId"),
                        reflectiveLog("app()V", "com.example.R2", "get")), application(activity(FLOWS)));

        // each flow names the source that reaches it: the reflective one in framework(), the direct call in app()
        assertThat(b.flows()).containsExactlyInAnyOrder(new BehaviourFacts.Flow(
                "Landroid/telephony/TelephonyManager;->getDeviceId(", "device-identifier", LOG_I, "log",
                FLOWS + "->framework()V", "app", 22, DATA), deviceIdLoggedIn("app()V", 22));
    }

    /**
     * writer(): a BufferedWriter.write of the id is a file sink (sinks match the class a call names, so concrete
     * writers are listed). maps(): a HashMap made here gets the id under "imei"; get("os") is logged (no flow, as in
     * DroidBench HashMapAccess1) and get("imei") is logged (a flow).
     */
    @Test
    void concreteWritersAreSinksAndALocalMapKeepsItsKeysApart() {
        String put = "Ljava/util/Map;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
        String get = "Ljava/util/Map;->get(Ljava/lang/Object;)Ljava/lang/Object;";
        BehaviourFacts b = analyze("device-id-in-writer-and-local-map.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "writer()V", "maps()V"),
                        staticMethod("writer()V", 3,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const/4 v2, 0",
                                "invoke-virtual {v2, v0}, Ljava/io/BufferedWriter;->write(Ljava/lang/String;)V",
                                "return-void"),
                        staticMethod("maps()V", 5,
                                "new-instance v2, Ljava/util/HashMap;",
                                "invoke-direct {v2}, Ljava/util/HashMap;-><init>()V",
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const-string v3, \"imei\"",
                                "invoke-interface {v2, v3, v0}, " + put,
                                "const-string v3, \"os\"",
                                "invoke-interface {v2, v3}, " + get,
                                "move-result-object v0",
                                "check-cast v0, Ljava/lang/String;",
                                "const-string v4, \"tag\"",
                                "invoke-static {v4, v0}, " + LOG_I,
                                "const-string v3, \"imei\"",
                                "invoke-interface {v2, v3}, " + get,
                                "move-result-object v0",
                                "check-cast v0, Ljava/lang/String;",
                                "invoke-static {v4, v0}, " + LOG_I,
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactlyInAnyOrder(
                new BehaviourFacts.Flow(DEVICE_ID, "device-identifier",
                        "Ljava/io/BufferedWriter;->write(Ljava/lang/String;)V", "file",
                        FLOWS + "->writer()V", "app", 6, DATA),
                deviceIdLoggedIn("maps()V", 36));
    }

    /**
     * A Formatter made on a StringBuffer formats the id; the buffer is logged (DroidBench StringFormatter1): what
     * goes into the wrapper lands in the buffer it was given.
     */
    @Test
    void writingThroughAWrapperTaintsWhatItWraps() {
        BehaviourFacts b = analyze("device-id-formatted-into-buffer.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "formatted()V"),
                        staticMethod("formatted()V", 5,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "new-instance v2, Ljava/lang/StringBuffer;",
                                "invoke-direct {v2}, Ljava/lang/StringBuffer;-><init>()V",
                                "new-instance v3, Ljava/util/Formatter;",
                                "invoke-direct {v3, v2}, Ljava/util/Formatter;-><init>(Ljava/lang/Appendable;)V",
                                "const-string v4, \"%s\"",
                                "invoke-virtual {v3, v4, v0}, Ljava/util/Formatter;->format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/util/Formatter;",
                                "invoke-virtual {v2}, Ljava/lang/StringBuffer;->toString()Ljava/lang/String;",
                                "move-result-object v0",
                                "const-string v4, \"tag\"",
                                "invoke-static {v4, v0}, " + LOG_I,
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactly(deviceIdLoggedIn("formatted()V", 26));
    }

    /**
     * Implicit flows (DroidBench ImplicitFlow2, ImplicitFlow4): stored() compares the device id and sets a flag in
     * the branch, and a later branch on the flag decides whether a constant is logged; returned() gets the
     * comparison back as a constant returned from the arms of a branch in isEmulator(). Both are flows via control.
     * nullTest() and emptyTest() only log that there is an id (a null test, TextUtils.isEmpty: no flow); both()
     * logs the id itself in the branch (via data, the stronger of the two).
     */
    @Test
    void aBranchOnASourceValueMakesControlFlowsButANullTestDoesNot() {
        String equals = "Ljava/lang/String;->equals(Ljava/lang/Object;)Z";
        BehaviourFacts b = analyze("device-id-decides-what-is-logged.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;",
                        onCreateCalling(FLOWS, "stored()V", "returned()V", "nullTest()V", "emptyTest()V", "both()V"),
                        staticMethod("stored()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const-string v2, \"000000000000000\"",
                                "invoke-virtual {v0, v2}, " + equals,
                                "move-result v2",
                                "if-eqz v2, :real",
                                "const/4 v3, 1",
                                "sput-boolean v3, " + FLOWS + "->emulator:Z",
                                ":real",
                                "sget-boolean v3, " + FLOWS + "->emulator:Z",
                                "if-eqz v3, :done",
                                "const-string v2, \"tag\"",
                                "const-string v3, \"emulator\"",
                                "invoke-static {v2, v3}, " + LOG_I,
                                ":done",
                                "return-void"),
                        staticMethod("isEmulator(Ljava/lang/String;)Z", 2,
                                "const-string v0, \"000000000000000\"",
                                "invoke-virtual {p0, v0}, " + equals,
                                "move-result v0",
                                "if-eqz v0, :no",
                                "const/4 v1, 1",
                                "return v1",
                                ":no",
                                "const/4 v1, 0",
                                "return v1"),
                        staticMethod("returned()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "invoke-static {v0}, " + FLOWS + "->isEmulator(Ljava/lang/String;)Z",
                                "move-result v2",
                                "if-eqz v2, :done",
                                "const-string v2, \"tag\"",
                                "const-string v3, \"emulator\"",
                                "invoke-static {v2, v3}, " + LOG_I,
                                ":done",
                                "return-void"),
                        staticMethod("nullTest()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "if-eqz v0, :none",
                                "const-string v2, \"tag\"",
                                "const-string v3, \"has an id\"",
                                "invoke-static {v2, v3}, " + LOG_I,
                                ":none",
                                "return-void"),
                        staticMethod("emptyTest()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "invoke-static {v0}, Landroid/text/TextUtils;->isEmpty(Ljava/lang/CharSequence;)Z",
                                "move-result v2",
                                "if-nez v2, :none",
                                "const-string v2, \"tag\"",
                                "const-string v3, \"has an id\"",
                                "invoke-static {v2, v3}, " + LOG_I,
                                ":none",
                                "return-void"),
                        staticMethod("both()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const-string v2, \"0000\"",
                                "invoke-virtual {v0, v2}, " + equals,
                                "move-result v2",
                                "if-eqz v2, :done",
                                "const-string v3, \"tag\"",
                                "invoke-static {v3, v0}, " + LOG_I,
                                ":done",
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactlyInAnyOrder(deviceIdLoggedIn("stored()V", 24, CONTROL),
                deviceIdLoggedIn("returned()V", 15, CONTROL), deviceIdLoggedIn("both()V", 15, DATA));
    }

    /**
     * A double compared with cmpl-double, then tested against zero ({@code if (lat != x)}): the comparison's result
     * carries the latitude, so the branch decides the log line (via control). The same shape with cmp-long guards
     * a timestamp check in the support library's TwilightManager.
     */
    @Test
    void aComparisonOfASourceValueIsABranchOnIt() {
        BehaviourFacts b = analyze("latitude-compared-decides-log.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;", onCreateCalling(FLOWS, "compared()V"),
                        staticMethod("compared()V", 6,
                                "const/4 v0, 0",
                                "invoke-virtual {v0}, " + LATITUDE,
                                "move-result-wide v1",
                                "invoke-static {}, Ljava/lang/Math;->random()D",
                                "move-result-wide v3",
                                // v5 held a string before: the comparison's result replaces it (a primitive, so
                                // the if-eqz below is a test of a value, not a null test)
                                "const-string v5, \"north\"",
                                "cmpl-double v5, v1, v3",
                                "if-eqz v5, :done",
                                "const-string v2, \"tag\"",
                                "const-string v5, \"moved\"",
                                "invoke-static {v2, v5}, " + LOG_I,
                                ":done",
                                "return-void")), application(activity(FLOWS)));

        assertThat(b.flows()).containsExactly(new BehaviourFacts.Flow(LATITUDE, "precise-location", LOG_I, "log",
                FLOWS + "->compared()V", "app", 19, CONTROL));
    }

    /**
     * With max-findings 1, a flow via data found after one via control takes its place: a() only logs a constant
     * on a comparison of the id (swept first: DEX sorts methods by name), b() logs the id.
     */
    @Test
    void atTheCapAFlowViaDataReplacesOneViaControl() {
        BehaviourFacts b = analyze("control-then-data-flow-one-finding.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;", onCreateCalling(FLOWS, "a()V", "b()V"),
                        staticMethod("a()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const-string v2, \"0\"",
                                "invoke-virtual {v0, v2}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z",
                                "move-result v2",
                                "if-eqz v2, :done",
                                "const-string v2, \"tag\"",
                                "const-string v3, \"zero\"",
                                "invoke-static {v2, v3}, " + LOG_I,
                                ":done",
                                "return-void"),
                        staticMethod("b()V", 4,
                                "const/4 v1, 0",
                                "invoke-virtual {v1}, " + DEVICE_ID,
                                "move-result-object v0",
                                "const-string v2, \"tag\"",
                                "invoke-static {v2, v0}, " + LOG_I,
                                "return-void")),
                application(activity(FLOWS)), new BehaviourLimits(4_000_000, 1024, 20_000, 6, 1));

        assertThat(b.flows()).containsExactly(deviceIdLoggedIn("b()V", 7));
        assertThat(b.cutLists()).containsExactly("flows");
    }

    /**
     * A loop bounded by the id's length counts up to it (DroidBench IMEI1): the counter is written in code the loop
     * test decides, so what is computed from it after the loop carries the id via control. fixedLoop() runs the
     * same loop to a constant bound: no flow.
     */
    @Test
    void aLoopBoundedByASourceTaintsItsCounter() {
        BehaviourFacts b = analyze("loop-bounded-by-device-id.apk", SmaliDex.dex()
                .cls(FLOWS, "Landroid/app/Activity;", onCreateCalling(FLOWS, "counted()V", "fixedLoop()V"),
                        staticMethod("counted()V", 6, countTo("invoke-virtual {v0}, Ljava/lang/String;->length()I",
                                "move-result v3")),
                        staticMethod("fixedLoop()V", 6, countTo("const/4 v3, 5", "nop"))),
                application(activity(FLOWS)));

        assertThat(b.flows()).containsExactly(deviceIdLoggedIn("counted()V", 21, CONTROL));
    }

    /** Reads the device id into v0, sets the bound v3 with {@code bound}, counts v2 up to it and logs the count. */
    private static String[] countTo(String... bound) {
        return concat(concat(new String[] {
            "const/4 v1, 0",
            "invoke-virtual {v1}, " + DEVICE_ID,
            "move-result-object v0",
        }, bound), "const/4 v2, 0",
                "const/4 v4, 1",
                ":head",
                "if-ge v2, v3, :end",
                "add-int/2addr v2, v4",
                "goto :head",
                ":end",
                "invoke-static {v2}, Ljava/lang/String;->valueOf(I)Ljava/lang/String;",
                "move-result-object v5",
                "const-string v1, \"tag\"",
                "invoke-static {v1, v5}, " + LOG_I,
                "return-void");
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
