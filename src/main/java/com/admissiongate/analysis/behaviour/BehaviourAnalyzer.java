package com.admissiongate.analysis.behaviour;

import com.admissiongate.apk.DexIndex;
import com.admissiongate.apk.ManifestFacts;
import com.admissiongate.apk.ResourcesFacts;
import com.admissiongate.catalog.ApiEntry;
import com.admissiongate.catalog.Catalogs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Behaviour analysis without running the app: call graph over all DEX, what runs before consent, permission
 * behaviour, code patterns and source→sink flows (docs/facts.md § behaviour). Plain Java; thread-safe (no state
 * between calls). Never throws on hostile code: bounds hit become {@code complete=false}.
 */
public final class BehaviourAnalyzer {

    /** Part of the Facts analyzerVersion: bump when the section's content for the same APK can change. */
    public static final String VERSION = "beh-0.4.0";

    private static final int K_CALL = 1 << CallGraph.CALL;
    private static final int K_CLINIT = 1 << CallGraph.CLINIT;
    private static final int K_ASYNC = 1 << CallGraph.ASYNC;
    private static final int K_ALL = K_CALL | K_CLINIT | K_ASYNC | (1 << CallGraph.LISTENER);

    private static final String ON_CREATE = "onCreate(Landroid/os/Bundle;)V";
    private static final List<String> EXIT_APIS = List.of("->finish()V", "->finishAffinity()V",
            "Ljava/lang/System;->exit(I)V", "Landroid/os/Process;->killProcess(I)V");
    private static final List<String> PERIODIC_TRIGGERS = List.of(
            "Ljava/util/Timer;->schedule(Ljava/util/TimerTask;JJ)V",
            "Ljava/util/Timer;->schedule(Ljava/util/TimerTask;Ljava/util/Date;J)V",
            "Ljava/util/Timer;->scheduleAtFixedRate(",
            "Ljava/util/concurrent/ScheduledExecutorService;->scheduleAtFixedRate(",
            "Ljava/util/concurrent/ScheduledExecutorService;->scheduleWithFixedDelay(",
            "Ljava/util/concurrent/ScheduledThreadPoolExecutor;->scheduleAtFixedRate(",
            "Ljava/util/concurrent/ScheduledThreadPoolExecutor;->scheduleWithFixedDelay(",
            "Landroid/app/AlarmManager;->setRepeating(", "Landroid/app/AlarmManager;->setInexactRepeating(",
            "Landroidx/work/PeriodicWorkRequest$Builder;-><init>(", "Landroid/app/job/JobInfo$Builder;->setPeriodic(");
    private static final Set<String> PERIODIC_CALLBACKS = Set.of("run()V", "doWork()Landroidx/work/ListenableWorker$Result;",
            "onReceive(Landroid/content/Context;Landroid/content/Intent;)V", "onStartJob(Landroid/app/job/JobParameters;)Z",
            "handleMessage(Landroid/os/Message;)V");
    private static final List<String> START_APIS = List.of("->startService(", "->bindService(", "->startActivity(",
            "->startForegroundService(", "->sendBroadcast(", "->startActivityForResult(");
    private static final List<String> COMPONENT_TARGETS = List.of(
            "Landroid/content/ComponentName;-><init>(Ljava/lang/String;Ljava/lang/String;)V",
            "Landroid/content/Intent;->setClassName(Ljava/lang/String;Ljava/lang/String;)",
            "Landroid/content/Intent;->setPackage(Ljava/lang/String;)");
    private static final List<String> WAKEUP_APIS = List.of("Lcn/jiguang/api/utils/JCollectionAuth;->enableAutoWakeup(",
            "Lcn/jpush/android/api/JPushInterface;->setWakeEnable(", "Lcn/jiguang/api/JCoreInterface;->setWakeEnable(");
    private static final List<String> DEX_LOADERS = List.of("Ldalvik/system/DexClassLoader;-><init>(",
            "Ldalvik/system/PathClassLoader;-><init>(", "Ldalvik/system/InMemoryDexClassLoader;-><init>(",
            "Ldalvik/system/BaseDexClassLoader;-><init>(", "Ldalvik/system/DexFile;->loadDex(");
    private static final List<String> DOWNLOAD_APIS = List.of("Ljava/net/URL;->openConnection(",
            "Ljava/net/URL;->openStream(", "Ljava/net/HttpURLConnection;->getInputStream(",
            "Ljava/net/URLConnection;->getInputStream(", "Lokhttp3/Call;->execute(", "Lokhttp3/Call;->enqueue(",
            "Landroid/app/DownloadManager;->enqueue(");
    private static final List<String> CLIPBOARD = List.of("Landroid/content/ClipboardManager;->getPrimaryClip(",
            "Landroid/content/ClipboardManager;->getText(", "Landroid/text/ClipboardManager;->getText(");

    private final ApiClassifier catalog;
    private final BehaviourLimits limits;

    public BehaviourAnalyzer(Catalogs catalogs, BehaviourLimits limits) {
        this.catalog = new ApiClassifier(catalogs);
        this.limits = limits.validate();
    }

    public BehaviourFacts analyze(DexIndex index, ManifestFacts manifest) {
        return analyze(index, manifest, List.of());
    }

    /**
     * @param passwordFields the layouts' password inputs: text code reads from a view found by one of these ids is
     *                       a credentials source for the flows
     */
    public BehaviourFacts analyze(DexIndex index, ManifestFacts manifest,
            List<ResourcesFacts.PasswordField> passwordFields) {
        return analyze(index, manifest, passwordFields, null);
    }

    /** As {@link #analyze(DexIndex, ManifestFacts, List)}, adding the time of each phase to {@code phases} if given. */
    public BehaviourFacts analyze(DexIndex index, ManifestFacts manifest,
            List<ResourcesFacts.PasswordField> passwordFields, BehaviourPhases phases) {
        long t0 = System.nanoTime();
        long deadline = System.currentTimeMillis() + limits.maxMillis();
        ManifestFacts m = manifest == null ? ManifestFacts.empty() : manifest;
        Set<String> frameworkCreated = new LinkedHashSet<>();
        for (String n : componentNames(m)) {
            frameworkCreated.add(smali(n));
        }
        if (m.application() != null && m.application().name() != null) {
            frameworkCreated.add(smali(m.application().name()));
        }
        CallGraph g = new CallGraph(index, frameworkCreated, limits, deadline);
        long t1 = System.nanoTime();
        Run run = new Run(index, m, g);
        run.entryPoints();
        run.preConsent();
        run.permissions();
        long t2 = System.nanoTime();
        run.patterns();
        run.periodic();
        run.lifecycleClipboard();
        run.reachability();
        long t3 = System.nanoTime();
        List<BehaviourFacts.Flow> flows = List.of();
        Set<String> cut = new TreeSet<>();
        if (!g.truncated) {
            int[] reachable = run.reachable;
            FlowAnalysis fa = new FlowAnalysis(index, g, catalog, limits, deadline, run.callees::api,
                    id -> reachable[id] != -2);
            fa.passwordFields(passwordFields == null ? List.of() : passwordFields);
            flows = cap("flows", fa.run(), cut);
            if (fa.flowsCut) {
                cut.add("flows");
            }
            if (fa.truncated) {
                g.truncated = true;
                g.truncatedReason = "time bound hit in flow analysis (" + limits.maxMillis() + " ms)";
            }
        }
        if (phases != null) {
            phases.add(BehaviourPhases.Phase.SCAN, g.sweepEnd - t0);
            phases.add(BehaviourPhases.Phase.EDGES, t1 - g.sweepEnd);
            phases.add(BehaviourPhases.Phase.PRE_CONSENT, t2 - t1);
            phases.add(BehaviourPhases.Phase.PATTERNS, t3 - t2);
            phases.add(BehaviourPhases.Phase.FLOWS, System.nanoTime() - t3);
            phases.countAnalysis();
        }
        int methodsWithCode = 0;
        for (MethodInfo i : g.infos) {
            methodsWithCode += i == null ? 0 : 1;
        }
        return new BehaviourFacts(!g.truncated, g.truncatedReason,
                new BehaviourFacts.Stats(methodsWithCode, g.edgeCount(), run.entries.size(), run.reachablePreConsent),
                cap("entryPoints", run.entries, cut), cap("preConsent", new ArrayList<>(run.pre.values()), cut),
                cap("permissionRequests", run.requests, cut), cap("denialExits", run.denials, cut),
                cap("resumeRequests", run.resumes, cut), cap("tlsBypass", run.tls, cut),
                cap("dynamicLoading", run.loads, cut), cap("periodic", new ArrayList<>(run.periodic.values()), cut),
                cap("crossPackageStarts", run.starts, cut), cap("clipboardReads", run.clipboard, cut),
                List.copyOf(run.unreachable), flows, List.copyOf(cut));
    }

    /** The first max-findings items of list {@code name}; a cut list's name goes into {@code cut}. */
    private <T> List<T> cap(String name, List<T> l, Set<String> cut) {
        if (l.size() > limits.maxFindings()) {
            cut.add(name);
            return List.copyOf(l.subList(0, limits.maxFindings()));
        }
        return List.copyOf(l);
    }

    static String smali(String dotted) {
        return "L" + dotted.replace('.', '/') + ";";
    }

    private static List<String> componentNames(ManifestFacts m) {
        List<String> out = new ArrayList<>();
        for (List<ManifestFacts.Component> l : List.of(m.activities(), m.services(), m.receivers(), m.providers())) {
            l.forEach(c -> out.add(c.name()));
        }
        return out;
    }

    private static final int M_WAKEUP = 0;          // bits 0..2, one per WAKEUP_APIS prefix
    private static final int M_DEX_LOADER = 3;      // bits 3..7, one per DEX_LOADERS prefix
    private static final int M_CLIPBOARD = 8;       // bits 8..10, one per CLIPBOARD prefix
    private static final int M_DOWNLOAD = 1 << 11;
    private static final int M_START = 1 << 12;
    private static final int M_COMPONENT = 1 << 13;
    private static final int M_PERIODIC = 1 << 14;
    private static final int M_SSL_PROCEED = 1 << 15;
    private static final int M_EXIT = 1 << 16;
    private static final int M_PERMISSION_REQUEST = 1 << 17;
    private static final int M_POST_DELAYED = 1 << 18;
    /** A §3 API with a PI type (catalog). */
    private static final int M_PI_API = 1 << 19;
    private static final int M_KNOWN = 1 << 30;
    private static final int DEX_LOADER_BITS = 0b11111 << M_DEX_LOADER;
    /** What the site loop of {@code patterns} looks at. */
    private static final int SITE_PATTERN_BITS = (0b111 << M_WAKEUP) | M_DOWNLOAD | M_START | M_COMPONENT
            | M_SSL_PROCEED;

    /**
     * What the analyses ask about a callee ref, computed once per method id and run (the catalog lookups and the
     * prefix lists are string scans; a callee is asked about at every one of its call sites, by several passes).
     */
    private final class Callees {
        private final DexIndex index;
        private final CallGraph g;
        private final ApiEntry[] api;
        private final ApiClassifier.Hit[] init;
        private final ApiClassifier.Hit[] consent;
        private final String[] owner;
        /** bit 0 api, 1 init, 2 consent, 3 owner known. */
        private final byte[] known;
        private final int[] masks;

        Callees(DexIndex index, CallGraph g) {
            this.index = index;
            this.g = g;
            int n = index.methodCount();
            this.api = new ApiEntry[n];
            this.init = new ApiClassifier.Hit[n];
            this.consent = new ApiClassifier.Hit[n];
            this.owner = new String[n];
            this.known = new byte[n];
            this.masks = new int[n];
        }

        ApiEntry api(int id) {
            if ((known[id] & 1) == 0) {
                api[id] = catalog.api(index.method(id), g.cls(id));
                known[id] |= 1;
            }
            return api[id];
        }

        ApiClassifier.Hit sdkInit(int id) {
            if ((known[id] & 2) == 0) {
                init[id] = catalog.sdkInit(index.method(id));
                known[id] |= 2;
            }
            return init[id];
        }

        ApiClassifier.Hit consentApi(int id) {
            if ((known[id] & 4) == 0) {
                consent[id] = catalog.consentApi(index.method(id));
                known[id] |= 4;
            }
            return consent[id];
        }

        /** SDK owning the class of method id {@code id}, or null for app code ({@link ApiClassifier#owner}). */
        String owner(int id) {
            if ((known[id] & 8) == 0) {
                owner[id] = catalog.owner(index.method(id));
                known[id] |= 8;
            }
            return owner[id];
        }

        int mask(int id) {
            int m = masks[id];
            if (m == 0) {
                String c = index.method(id);
                m = M_KNOWN;
                // every "Lcls;->…" prefix below can only match a ref of class cls: most callees skip them all
                if (PREFIX_CLASSES.contains(g.cls(id))) {
                    for (int i = 0; i < WAKEUP_APIS.size(); i++) {
                        m |= c.startsWith(WAKEUP_APIS.get(i)) ? 1 << (M_WAKEUP + i) : 0;
                    }
                    for (int i = 0; i < DEX_LOADERS.size(); i++) {
                        m |= c.startsWith(DEX_LOADERS.get(i)) ? 1 << (M_DEX_LOADER + i) : 0;
                    }
                    for (int i = 0; i < CLIPBOARD.size(); i++) {
                        m |= c.startsWith(CLIPBOARD.get(i)) ? 1 << (M_CLIPBOARD + i) : 0;
                    }
                    for (String d : DOWNLOAD_APIS) {
                        m |= c.startsWith(d) ? M_DOWNLOAD : 0;
                    }
                    for (String t : COMPONENT_TARGETS) {
                        m |= c.startsWith(t) ? M_COMPONENT : 0;
                    }
                    for (String t : PERIODIC_TRIGGERS) {
                        m |= c.startsWith(t) ? M_PERIODIC : 0;
                    }
                    m |= c.equals("Landroid/webkit/SslErrorHandler;->proceed()V") ? M_SSL_PROCEED : 0;
                    m |= c.startsWith("Landroid/os/Handler;->postDelayed(") ? M_POST_DELAYED : 0;
                }
                for (String a : START_APIS) {
                    m |= g.refContains(id, a) ? M_START : 0;
                }
                for (String a : EXIT_APIS) {
                    m |= (a.startsWith("->") ? g.refContains(id, a) : c.startsWith(a)) ? M_EXIT : 0;
                }
                m |= g.sub(id).startsWith("requestPermissions(") ? M_PERMISSION_REQUEST : 0;
                ApiEntry api = api(id);
                m |= api != null && api.piType() != null ? M_PI_API : 0;
                masks[id] = m;
            }
            return m;
        }
    }

    /** Classes named by the "Lcls;->…" prefixes of the lists {@link Callees#mask} matches with startsWith. */
    private static final Set<String> PREFIX_CLASSES = new HashSet<>();

    static {
        List<String> prefixes = new ArrayList<>();
        prefixes.addAll(WAKEUP_APIS);
        prefixes.addAll(DEX_LOADERS);
        prefixes.addAll(CLIPBOARD);
        prefixes.addAll(DOWNLOAD_APIS);
        prefixes.addAll(COMPONENT_TARGETS);
        prefixes.addAll(PERIODIC_TRIGGERS);
        prefixes.add("Landroid/webkit/SslErrorHandler;->proceed()V");
        prefixes.add("Landroid/os/Handler;->postDelayed(");
        for (String p : prefixes) {
            PREFIX_CLASSES.add(p.substring(0, p.indexOf("->")));
        }
    }

    /** One analysis run's working state. */
    private final class Run {
        final DexIndex index;
        final ManifestFacts m;
        final CallGraph g;
        final Callees callees;
        /** Per method: the union of its call sites' callee masks (0: not computed). */
        final int[] methodMasks;
        final List<BehaviourFacts.EntryPoint> entries = new ArrayList<>();
        final List<Integer> entryIds = new ArrayList<>();
        final Map<String, BehaviourFacts.PreConsent> pre = new LinkedHashMap<>();
        final List<BehaviourFacts.PermissionRequest> requests = new ArrayList<>();
        final List<BehaviourFacts.Chain> denials = new ArrayList<>();
        final List<BehaviourFacts.Chain> resumes = new ArrayList<>();
        final List<BehaviourFacts.TlsBypass> tls = new ArrayList<>();
        final List<BehaviourFacts.DynamicLoad> loads = new ArrayList<>();
        final Map<String, BehaviourFacts.Periodic> periodic = new LinkedHashMap<>();
        final List<BehaviourFacts.CrossPackageStart> starts = new ArrayList<>();
        final List<BehaviourFacts.Chain> clipboard = new ArrayList<>();
        final Set<String> unreachable = new TreeSet<>();
        int reachablePreConsent;
        final String launcher;

        Run(DexIndex index, ManifestFacts m, CallGraph g) {
            this.index = index;
            this.m = m;
            this.g = g;
            this.callees = new Callees(index, g);
            this.methodMasks = new int[index.methodCount()];
            this.launcher = m.launcherActivity() == null ? null : smali(m.launcherActivity());
        }

        /** Union of {@link Callees#mask} over the call sites of method {@code id} (which has code). */
        int methodMask(int id) {
            int m = methodMasks[id];
            if (m == 0) {
                m = M_KNOWN;
                for (MethodInfo.Site s : g.infos[id].sites) {
                    m |= callees.mask(s.callee());
                }
                methodMasks[id] = m;
            }
            return m;
        }

        private void entry(String kind, String cls, String sub) {
            int id = g.resolve(cls, sub);
            if (id >= 0 && !entryIds.contains(id)) {
                entryIds.add(id);
                entries.add(new BehaviourFacts.EntryPoint(kind, index.method(id)));
            }
        }

        void entryPoints() {
            if (m.application() != null && m.application().name() != null) {
                String app = smali(m.application().name());
                entry("application", app, "<clinit>()V");
                entry("application", app, "<init>()V");
                entry("application", app, "attachBaseContext(Landroid/content/Context;)V");
                entry("application", app, "onCreate()V");
            }
            for (ManifestFacts.Component p : m.providers()) {
                entry("provider", smali(p.name()), "<clinit>()V");
                entry("provider", smali(p.name()), "onCreate()Z");
            }
            for (ManifestFacts.Component r : m.receivers()) {
                if (r.intentFilters() != null && !r.intentFilters().isEmpty()) {
                    entry("receiver", smali(r.name()), "onReceive(Landroid/content/Context;Landroid/content/Intent;)V");
                }
            }
            if (launcher != null) {
                entry("launcher", launcher, "<clinit>()V");
                entry("launcher", launcher, ON_CREATE);
            }
        }

        void preConsent() {
            int[] roots = entryIds.stream().mapToInt(Integer::intValue).toArray();
            int[] parent = g.bfs(roots, K_CALL | K_CLINIT | K_ASYNC, true);
            Set<String> switches = new HashSet<>();
            List<Object[]> inits = new ArrayList<>();
            for (int id = 0; id < parent.length; id++) {
                if (parent[id] == -2 || g.infos[id] == null) {
                    continue;
                }
                reachablePreConsent++;
                for (MethodInfo.Site s : g.infos[id].sites) {
                    if (s.gated()) {
                        continue;
                    }
                    int cid = s.callee();
                    ApiEntry api = callees.api(cid);
                    if (api != null) {
                        String sdk = callees.owner(id);
                        add("api", api.key(), api.piType(), api.sensitive(), sdk, null, parent, id, index.method(cid));
                    }
                    ApiEntry hidden = s.reflected() == null ? null : catalog.api(s.reflected());
                    if (hidden != null) {
                        // SDKs call getDeviceId & co. by reflection so that no call site names them
                        add("api", hidden.key(), hidden.piType(), hidden.sensitive(), callees.owner(id), null, parent,
                                id, s.reflected() + " via Method.invoke");
                    }
                    ApiClassifier.Hit init = callees.sdkInit(cid);
                    if (init != null) {
                        inits.add(new Object[] {init, id, index.method(cid)});
                    }
                    ApiClassifier.Hit consent = callees.consentApi(cid);
                    if (consent != null) {
                        switches.add(consent.sdk());
                    }
                }
                for (String s : index.strings(id)) {
                    for (ApiEntry uri : catalog.contentUris()) {
                        if (s.startsWith(uri.key())) {
                            add("content-uri", uri.key(), uri.piType(), uri.sensitive(), callees.owner(id),
                                    null, parent, id, s);
                        }
                    }
                }
            }
            for (Object[] o : inits) {
                ApiClassifier.Hit h = (ApiClassifier.Hit) o[0];
                add("sdk-init", h.key(), null, false, h.sdk(), switches.contains(h.sdk()), parent, (Integer) o[1],
                        (String) o[2]);
            }
        }

        private void add(String kind, String key, String piType, boolean sensitive, String sdk, Boolean sw,
                int[] parent, int method, String callee) {
            String k = kind + "|" + key + "|" + sdk;
            BehaviourFacts.PreConsent old = pre.get(k);
            // the chain is built only when it is kept: its length is known from the parents
            if (old == null || old.chain().size() > g.chainLength(parent, method) + 1) {
                List<String> chain = g.chain(parent, method);
                chain.add(callee);
                pre.put(k, new BehaviourFacts.PreConsent(kind, key, piType, sensitive, sdk, sw, chain));
            }
        }

        void permissions() {
            for (int id = 0; id < g.infos.length; id++) {
                MethodInfo info = g.infos[id];
                if (info == null) {
                    continue;
                }
                for (Map.Entry<Integer, List<String>> e : info.permissionsAt.isEmpty()
                        ? Set.<Map.Entry<Integer, List<String>>>of() : info.permissionsAt.entrySet()) {
                    String ref = index.method(id);
                    Set<String> groups = new TreeSet<>();
                    for (String p : e.getValue()) {
                        String grp = catalog.dangerousGroup(p);
                        if (grp != null) {
                            groups.add(grp);
                        }
                    }
                    String component = outer(MethodScanner.classOf(ref));
                    boolean launcherLike = component.equals(launcher)
                            || component.toLowerCase(java.util.Locale.ROOT).contains("splash");
                    requests.add(new BehaviourFacts.PermissionRequest(ref, component, launcherLike, groups.size(),
                            List.copyOf(groups), List.copyOf(new TreeSet<>(e.getValue()))));
                }
                String sub = g.sub(id);
                if (sub.equals("onRequestPermissionsResult(I[Ljava/lang/String;[I)V") && info.readsParamArray) {
                    String ref = index.method(id);
                    Map<Integer, Integer> parent = g.near(id, 3);
                    Object[] hit = findSite(parent, M_EXIT);
                    if (hit != null) {
                        List<String> chain = g.chain(parent, (Integer) hit[0]);
                        chain.add((String) hit[1]);
                        denials.add(new BehaviourFacts.Chain(ref, (String) hit[1], chain));
                    }
                }
                if ((sub.equals("onResume()V") || sub.equals("onStart()V"))) {
                    String ref = index.method(id);
                    Map<Integer, Integer> parent = g.near(id, 3);
                    Object[] hit = findSite(parent, M_PERMISSION_REQUEST);
                    if (hit != null) {
                        List<String> chain = g.chain(parent, (Integer) hit[0]);
                        boolean checked = false;
                        for (String c : chain) {
                            int cid = index.methodId(c);
                            checked |= cid >= 0 && g.infos[cid] != null && g.infos[cid].readsStoredState;
                        }
                        if (!checked) {
                            chain.add((String) hit[1]);
                            resumes.add(new BehaviourFacts.Chain(ref, (String) hit[1], chain));
                        }
                    }
                }
            }
        }

        /** First site in the searched methods calling an API with mask bit {@code bit} (exit or permission request). */
        private Object[] findSite(Map<Integer, Integer> parent, int bit) {
            for (int id : parent.keySet()) {
                if (g.infos[id] == null) {
                    continue;
                }
                for (MethodInfo.Site s : g.infos[id].sites) {
                    if ((callees.mask(s.callee()) & bit) != 0) {
                        return new Object[] {id, index.method(s.callee())};
                    }
                }
            }
            return null;
        }

        void patterns() {
            String pkg = m.packageName();
            for (int id = 0; id < g.infos.length; id++) {
                MethodInfo info = g.infos[id];
                if (info == null) {
                    continue;
                }
                String ref = index.method(id);
                String cls = g.cls(id);
                String sub = g.sub(id);
                if (sub.equals("checkServerTrusted([Ljava/security/cert/X509Certificate;Ljava/lang/String;)V")
                        && !info.throwsOrCalls && (g.isSubtypeOf(cls, "Ljavax/net/ssl/X509TrustManager;")
                        || g.isSubtypeOf(cls, "Ljavax/net/ssl/X509ExtendedTrustManager;"))) {
                    tls.add(new BehaviourFacts.TlsBypass("trust-all-certificates", ref, catalog.owner(ref)));
                }
                if (sub.equals("verify(Ljava/lang/String;Ljavax/net/ssl/SSLSession;)Z") && info.returnsConstTrue
                        && g.isSubtypeOf(cls, "Ljavax/net/ssl/HostnameVerifier;")) {
                    tls.add(new BehaviourFacts.TlsBypass("allow-all-hostnames", ref, catalog.owner(ref)));
                }
                if (info.readsAllowAllHostnameVerifier) {
                    tls.add(new BehaviourFacts.TlsBypass("allow-all-hostnames", ref, catalog.owner(ref)));
                }
                String target = null;
                String startApi = null;
                boolean downloads = false;
                boolean sslCallback = sub.startsWith("onReceivedSslError(");
                int any = methodMask(id);
                for (MethodInfo.Site s : (any & SITE_PATTERN_BITS) == 0 ? List.<MethodInfo.Site>of() : info.sites) {
                    int mask = callees.mask(s.callee());
                    if ((mask & SITE_PATTERN_BITS) == 0) {
                        continue;
                    }
                    String c = index.method(s.callee());
                    if (sslCallback && (mask & M_SSL_PROCEED) != 0) {
                        tls.add(new BehaviourFacts.TlsBypass("ssl-error-proceed", ref, catalog.owner(ref)));
                    }
                    if ((mask & M_COMPONENT) != 0 && !s.strings().isEmpty()) {
                        target = s.strings().get(0);
                    }
                    if ((mask & M_START) != 0 && startApi == null) {
                        startApi = c;
                    }
                    for (int w = 0; w < WAKEUP_APIS.size(); w++) {
                        if ((mask & (1 << (M_WAKEUP + w))) != 0) {
                            starts.add(new BehaviourFacts.CrossPackageStart("sdk-wakeup", ref, null, c));
                        }
                    }
                    downloads |= (mask & M_DOWNLOAD) != 0;
                }
                if (target != null && startApi != null && target.indexOf('.') > 0 && pkg != null
                        && !target.equals(pkg) && !target.startsWith(pkg + ".")) {
                    starts.add(new BehaviourFacts.CrossPackageStart("explicit-component", ref, target, startApi));
                }
                for (MethodInfo.Site s : (any & DEX_LOADER_BITS) == 0 ? List.<MethodInfo.Site>of() : info.sites) {
                    int mask = callees.mask(s.callee());
                    String c = index.method(s.callee());
                    for (int l = 0; l < DEX_LOADERS.size(); l++) {
                        if ((mask & (1 << (M_DEX_LOADER + l))) != 0) {
                            boolean downloaded = downloads || classDownloads(cls);
                            for (String str : index.strings(id)) {
                                downloaded |= str.startsWith("http://") || str.startsWith("https://");
                            }
                            loads.add(new BehaviourFacts.DynamicLoad(ref, c, downloaded, catalog.owner(ref)));
                        }
                    }
                }
            }
        }

        private final Map<String, Boolean> classDownloads = new HashMap<>();

        /** Does any method of {@code cls}'s outer class fetch from the network? */
        private boolean classDownloads(String cls) {
            return classDownloads.computeIfAbsent(outer(cls), o -> {
                for (DexIndex.DexClass c : index.classes()) {
                    if (!outer(c.name()).equals(o)) {
                        continue;
                    }
                    for (int id : c.methods()) {
                        MethodInfo i = id < g.infos.length ? g.infos[id] : null;
                        if (i == null) {
                            continue;
                        }
                        for (MethodInfo.Site s : i.sites) {
                            if ((callees.mask(s.callee()) & M_DOWNLOAD) != 0) {
                                return true;
                            }
                        }
                    }
                }
                return false;
            });
        }

        void periodic() {
            Map<Integer, String> roots = new LinkedHashMap<>();
            for (int id = 0; id < g.infos.length; id++) {
                MethodInfo info = g.infos[id];
                if (info == null) {
                    continue;
                }
                if ((methodMask(id) & (M_PERIODIC | M_POST_DELAYED)) == 0) {
                    continue;
                }
                String ref = null;
                for (MethodInfo.Site s : info.sites) {
                    int mask = callees.mask(s.callee());
                    if ((mask & (M_PERIODIC | M_POST_DELAYED)) == 0) {
                        continue;
                    }
                    String c = index.method(s.callee());
                    ref = ref == null ? index.method(id) : ref;
                    boolean trigger = (mask & M_PERIODIC) != 0;
                    if (trigger) {
                        for (MethodInfo.TypeUse t : info.types) {
                            for (String cb : PERIODIC_CALLBACKS) {
                                int r = g.resolve(t.type(), cb);
                                if (r >= 0) {
                                    roots.putIfAbsent(r, c);
                                }
                            }
                        }
                    }
                    if (ref.endsWith("->run()V") && (mask & M_POST_DELAYED) != 0
                            && g.isSubtypeOf(MethodScanner.classOf(ref), "Ljava/lang/Runnable;")) {
                        roots.putIfAbsent(id, c);
                    }
                }
            }
            if (roots.isEmpty()) {
                return;
            }
            int[] parent = g.bfs(roots.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    K_CALL | K_CLINIT | K_ASYNC, false);
            for (int id = 0; id < parent.length; id++) {
                if (parent[id] == -2 || g.infos[id] == null) {
                    continue;
                }
                for (MethodInfo.Site s : g.infos[id].sites) {
                    ApiEntry api = callees.api(s.callee());
                    if (api != null && api.sensitive()) {
                        String callee = index.method(s.callee());
                        List<String> chain = g.chain(parent, id);
                        chain.add(callee);
                        String trigger = roots.get(index.methodId(chain.get(0)));
                        String k = trigger + "|" + api.key();
                        BehaviourFacts.Periodic old = periodic.get(k);
                        if (old == null || old.chain().size() > chain.size()) {
                            periodic.put(k, new BehaviourFacts.Periodic(trigger, api.key(), api.piType(),
                                    callees.owner(id), chain));
                        }
                    }
                }
            }
        }

        void lifecycleClipboard() {
            List<Integer> roots = new ArrayList<>();
            for (ManifestFacts.Component a : m.activities()) {
                for (String sub : List.of(ON_CREATE, "onResume()V", "onStart()V")) {
                    int id = g.resolve(smali(a.name()), sub);
                    if (id >= 0) {
                        roots.add(id);
                    }
                }
            }
            if (m.application() != null && m.application().name() != null) {
                int id = g.resolve(smali(m.application().name()), "onCreate()V");
                if (id >= 0) {
                    roots.add(id);
                }
            }
            if (roots.isEmpty()) {
                return;
            }
            Set<String> seen = new HashSet<>();
            int[] parent = g.bfs(roots.stream().mapToInt(Integer::intValue).toArray(), K_CALL | K_ASYNC, false);
            for (int id = 0; id < parent.length; id++) {
                if (parent[id] == -2 || g.infos[id] == null) {
                    continue;
                }
                for (MethodInfo.Site s : g.infos[id].sites) {
                    int mask = callees.mask(s.callee());
                    for (int cb = 0; cb < CLIPBOARD.size(); cb++) {
                        if ((mask & (1 << (M_CLIPBOARD + cb))) != 0) {
                            String c = index.method(s.callee());
                            List<String> chain = g.chain(parent, id);
                            if (seen.add(chain.get(0) + c)) {
                                chain.add(c);
                                clipboard.add(new BehaviourFacts.Chain(chain.get(0), c, chain));
                            }
                        }
                    }
                }
            }
        }

        /** PI types whose every §3 API use sits in code no entry point reaches (MIIT337-7: permission unused). */
        private boolean disabledComponents() {
            for (List<ManifestFacts.Component> l : List.of(m.activities(), m.services(), m.receivers(),
                    m.providers())) {
                for (ManifestFacts.Component c : l) {
                    if (!c.enabled()) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** BFS parents over all edge kinds from the entry points and every (enabled) component's callbacks. */
        private int[] reach(boolean enabledOnly) {
            Set<String> components = new HashSet<>();
            Set<String> disabled = new HashSet<>();
            for (List<ManifestFacts.Component> l : List.of(m.activities(), m.services(), m.receivers(),
                    m.providers())) {
                for (ManifestFacts.Component c : l) {
                    (!enabledOnly || c.enabled() ? components : disabled).add(smali(c.name()));
                }
            }
            List<Integer> roots = new ArrayList<>();
            for (int id : entryIds) {
                if (!disabled.contains(g.cls(id))) {
                    roots.add(id);
                }
            }
            if (m.application() != null && m.application().name() != null) {
                components.add(smali(m.application().name()));
            }
            for (String c : components) {
                String cls = c;
                for (int depth = 0; cls != null && depth < 16 && g.classes.containsKey(cls); depth++) {
                    for (Map.Entry<String, Integer> e : g.definedMethods(cls).entrySet()) {
                        String sub = e.getKey();
                        if (sub.startsWith("on") || sub.startsWith("<") || sub.endsWith("(Landroid/view/View;)V")
                                || FRAMEWORK_CALLED.contains(sub.substring(0, sub.indexOf('(')))) {
                            roots.add(e.getValue());
                        }
                    }
                    cls = g.classes.get(cls).superName();
                }
            }
            return g.bfs(roots.stream().mapToInt(Integer::intValue).toArray(), K_ALL, false);
        }

        /** Component methods the framework calls besides on*: context set-up and a provider's operations. */
        private static final Set<String> FRAMEWORK_CALLED = Set.of("attachBaseContext", "query", "insert", "update",
                "delete", "getType", "call", "bulkInsert", "openFile", "openAssetFile");

        /** BFS parents from the components' callbacks over all edge kinds (-2: no component reaches the method). */
        int[] reachable;

        void reachability() {
            int[] parent = reach(false);
            // flows are reported from the components that can run as shipped: a component the manifest disables
            // (android:enabled="false") is left out; the PI-use check keeps it, as code can enable it at runtime
            reachable = disabledComponents() ? reach(true) : parent;
            Set<String> reached = new HashSet<>();
            Set<String> used = new HashSet<>();
            for (int id = 0; id < parent.length; id++) {
                MethodInfo info = g.infos[id];
                if (info == null || (methodMask(id) & M_PI_API) == 0) {
                    continue;
                }
                for (MethodInfo.Site s : info.sites) {
                    ApiEntry api = callees.api(s.callee());
                    if (api != null && api.piType() != null) {
                        used.add(api.piType());
                        if (parent[id] != -2) {
                            reached.add(api.piType());
                        }
                    }
                }
            }
            used.removeAll(reached);
            unreachable.addAll(used);
        }
    }

    static String outer(String cls) {
        int d = cls.indexOf('$');
        return d < 0 ? cls : cls.substring(0, d) + ";";
    }
}
