package com.admissiongate.analysis.behaviour;

import com.admissiongate.apk.DexIndex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole-program call graph over the DEX index. Nodes are index-wide method ids. Edges:
 * <ul>
 * <li>CALL — static/direct/super calls resolved up the app's class hierarchy; virtual/interface calls on an app
 * type dispatched to every <em>instantiated</em> app subtype (class-hierarchy analysis filtered by the types
 * created anywhere in the app or by the framework from the manifest, i.e. RTA over the whole program). Calls on a
 * framework type (Runnable.run, Object.toString) are not fanned out to every app override: the callback edges
 * below model the framework calling back.</li>
 * <li>CLINIT — first reference to an app class (new-instance, static call, static field) reaches its
 * {@code <clinit>}.</li>
 * <li>ASYNC — a method that creates a Runnable/Thread/AsyncTask/Callable/TimerTask/Handler (a lambda or synthetic
 * class included) reaches its run/call/doInBackground/handleMessage…: it is handed to Thread.start, an Executor,
 * Handler.post*, AsyncTask.execute or a Timer.</li>
 * <li>LISTENER — any other app class created in the method that implements a framework type reaches its
 * {@code on*} callbacks (click/dialog/location listeners…): they run on a later event, so the pre-consent analysis
 * does not follow them.</li>
 * </ul>
 * Each edge also records whether its site sat in a consent-gated region of the caller.
 */
final class CallGraph {

    static final int CALL = 0;
    static final int CLINIT = 1;
    static final int ASYNC = 2;
    static final int LISTENER = 3;

    static final Set<String> ASYNC_TYPES = Set.of("Ljava/lang/Runnable;", "Ljava/lang/Thread;",
            "Landroid/os/AsyncTask;", "Ljava/util/concurrent/Callable;", "Ljava/util/TimerTask;",
            "Landroid/os/Handler;", "Landroid/os/Handler$Callback;");
    private static final Set<String> ASYNC_METHODS = Set.of("run", "call", "doInBackground", "onPreExecute",
            "onPostExecute", "onProgressUpdate", "handleMessage");

    final DexIndex index;
    final MethodInfo[] infos;
    final Map<String, DexIndex.DexClass> classes = new HashMap<>();
    private final Map<String, List<String>> subtypes = new HashMap<>();
    /**
     * By app class: the methods it defines, by sub-signature; built on the first question about the class, since a
     * build without shrinking carries thousands of library classes nothing ever resolves into.
     */
    private final Map<String, Map<String, Integer>> defined = new HashMap<>();
    private final Map<String, Set<String>> frameworkSupers = new HashMap<>();
    /** Field refs the sweep read, by id ({@link MethodInfo#fieldReads}), and the id of each. */
    private final List<String> fieldRefs = new ArrayList<>();
    private final Map<String, Integer> fieldRefIds = new HashMap<>();
    /** By created type: {@link #callbackPlan}. */
    private final Map<String, int[]> callbackPlans = new HashMap<>();
    /** No callback edges, no dispatch targets. */
    private static final int[] NO_INTS = new int[0];
    final Set<String> instantiated = new HashSet<>();
    private int[] from = new int[4096];
    private int[] to = new int[4096];
    private byte[] attr = new byte[4096];
    private int edgeCount;
    private int[] offsets;
    private int[] targets;
    private byte[] attrs;
    boolean truncated;
    String truncatedReason;
    /** System.nanoTime() when the per-method sweep ended: class tables and sweep before it, edges after (BehaviourPhases). */
    long sweepEnd;
    /** Per method id, computed on first use: sub-signature, class, {@link #resolve} of the ref, dispatch targets. */
    private final String[] subs;
    private final String[] clss;
    /** Per method id: 1 its ref has one "->", 2 more (hostile names); 0 not split yet. */
    private final byte[] arrows;
    private final int[] resolved;
    private final int[][] dispatched;

    CallGraph(DexIndex index, Collection<String> frameworkCreated, BehaviourLimits limits, long deadline) {
        this.index = index;
        this.infos = new MethodInfo[index.methodCount()];
        this.subs = new String[index.methodCount()];
        this.clss = new String[index.methodCount()];
        this.arrows = new byte[index.methodCount()];
        this.resolved = new int[index.methodCount()];
        Arrays.fill(resolved, Integer.MIN_VALUE);
        this.dispatched = new int[index.methodCount()][];
        for (DexIndex.DexClass c : index.classes()) {
            if (classes.putIfAbsent(c.name(), c) != null) {
                continue;
            }
            if (c.superName() != null) {
                subtypes.computeIfAbsent(c.superName(), k -> new ArrayList<>()).add(c.name());
            }
            for (String i : c.interfaces()) {
                subtypes.computeIfAbsent(i, k -> new ArrayList<>()).add(c.name());
            }
        }
        instantiated.addAll(frameworkCreated);
        MethodScanner scanner = new MethodScanner(index, this);
        for (int id = 0; id < infos.length; id++) {
            if (index.code(id) != null) {
                infos[id] = scanner.scan(id);
                for (MethodInfo.TypeUse t : infos[id].types) {
                    if (t.instantiated()) {
                        instantiated.add(t.type());
                    }
                }
            }
            if ((id & 1023) == 0 && System.currentTimeMillis() > deadline) {
                truncate("time bound hit while scanning methods (" + limits.maxMillis() + " ms)");
                break;
            }
        }
        sweepEnd = System.nanoTime();
        for (int id = 0; id < infos.length && !truncated; id++) {
            MethodInfo info = infos[id];
            if (info == null) {
                continue;
            }
            for (MethodInfo.Site s : info.sites) {
                if (s.op() == Insn.INVOKE_VIRTUAL || s.op() == Insn.INVOKE_INTERFACE) {
                    for (int target : dispatch(s.callee(), limits.maxTargetsPerSite())) {
                        add(id, target, CALL, s.gated(), limits);
                    }
                } else {
                    int target = resolveRef(s.callee());
                    if (target >= 0) {
                        add(id, target, CALL, s.gated(), limits);
                    }
                }
            }
            // the sweep records distinct uses up to MethodInfo.DISTINCT_TYPES: a set only for a longer list
            Set<MethodInfo.TypeUse> seen = info.types.size() <= MethodInfo.DISTINCT_TYPES ? null : new HashSet<>();
            for (MethodInfo.TypeUse t : info.types) {
                if (!classes.containsKey(t.type()) || seen != null && !seen.add(t)) {
                    continue;
                }
                Integer clinit = defined(t.type()).get("<clinit>()V");
                if (clinit != null) {
                    add(id, clinit, CLINIT, t.gated(), limits);
                }
                if (t.instantiated()) {
                    callbacks(id, t.type(), t.gated(), limits);
                }
            }
            if ((id & 1023) == 0 && System.currentTimeMillis() > deadline) {
                truncate("time bound hit while building edges (" + limits.maxMillis() + " ms)");
            }
        }
        compact();
    }

    private void truncate(String reason) {
        if (!truncated) {
            truncated = true;
            truncatedReason = reason;
        }
    }

    private void callbacks(int caller, String type, boolean gated, BehaviourLimits limits) {
        int[] plan = callbackPlans.get(type);
        if (plan == null) {
            plan = callbackPlan(type);
            callbackPlans.put(type, plan);
        }
        for (int i = 0; i < plan.length; i += 2) {
            add(caller, plan[i], plan[i + 1], gated, limits);
        }
    }

    /**
     * The callback edges creating an object of {@code type} adds, as (target, kind) pairs in the order they are
     * added: a property of the type alone, so it is worked out once per type rather than at every creation site
     * (a listener class is created in many methods, and each walk re-split its methods' names).
     */
    private int[] callbackPlan(String type) {
        Set<String> supers = frameworkSupers(type);
        boolean async = false;
        for (String s : supers) {
            if (ASYNC_TYPES.contains(s)) {
                async = true;
            }
        }
        if (supers.isEmpty() || supers.equals(Set.of("Ljava/lang/Object;"))) {
            return NO_INTS;
        }
        int[] plan = new int[8];
        int n = 0;
        // walk the class and its app superclasses: an inherited run() is still what the framework calls
        String c = type;
        Set<String> done = new HashSet<>();
        for (int depth = 0; c != null && depth < 32 && classes.containsKey(c); depth++) {
            for (Map.Entry<String, Integer> e : defined(c).entrySet()) {
                String sub = e.getKey();
                String name = sub.substring(0, sub.indexOf('('));
                if (!done.add(sub) || name.startsWith("<")) {
                    continue;
                }
                int kind = -1;
                if (async && ASYNC_METHODS.contains(name)) {
                    kind = ASYNC;
                } else if (name.startsWith("on") || name.equals("run") || name.equals("call")
                        || name.equals("accept") || name.equals("apply") || name.equals("invoke")) {
                    kind = LISTENER;
                }
                if (kind >= 0) {
                    if (n == plan.length) {
                        plan = Arrays.copyOf(plan, n * 2);
                    }
                    plan[n++] = e.getValue();
                    plan[n++] = kind;
                }
            }
            c = classes.get(c).superName();
        }
        return n == 0 ? NO_INTS : Arrays.copyOf(plan, n);
    }

    /** Framework (non-app) types {@code type} extends or implements, transitively through app types. */
    Set<String> frameworkSupers(String type) {
        Set<String> known = frameworkSupers.get(type);
        if (known != null) {
            return known;
        }
        Set<String> out = new HashSet<>();
        frameworkSupers.put(type, out);
        DexIndex.DexClass c = classes.get(type);
        if (c == null) {
            out.add(type);
            return out;
        }
        List<String> parents = new ArrayList<>(c.interfaces());
        if (c.superName() != null) {
            parents.add(c.superName());
        }
        for (String p : parents) {
            out.addAll(frameworkSupers(p));
        }
        return out;
    }

    boolean isSubtypeOf(String type, String framework) {
        return frameworkSupers(type).contains(framework);
    }

    /** The method {@code sub} that an object of app class {@code cls} runs: its own or the nearest app super's. */
    int resolve(String cls, String sub) {
        String c = cls;
        for (int depth = 0; c != null && depth < 64; depth++) {
            Map<String, Integer> m = defined(c);
            if (m == null) {
                return -1;
            }
            Integer id = m.get(sub);
            if (id != null) {
                return index.code(id) != null || infos[id] != null ? id : -1;
            }
            c = classes.get(c).superName();
        }
        return -1;
    }

    /** Id of field ref {@code ref} ({@code Lcls;->name:Type}), the same for every DEX file naming it. */
    int fieldRefId(String ref) {
        Integer id = fieldRefIds.get(ref);
        if (id == null) {
            id = fieldRefs.size();
            fieldRefs.add(ref);
            fieldRefIds.put(ref, id);
        }
        return id;
    }

    /** The field ref of {@link #fieldRefId} {@code id}. */
    String fieldRef(int id) {
        return fieldRefs.get(id);
    }

    int fieldRefCount() {
        return fieldRefs.size();
    }

    /** Sub-signature ({@code name(Args)Ret}) of method id {@code id}. */
    String sub(int id) {
        String s = subs[id];
        if (s == null) {
            split(id);
            s = subs[id];
        }
        return s;
    }

    /** Class of method id {@code id} (smali), as {@link MethodScanner#classOf}. */
    String cls(int id) {
        String c = clss[id];
        if (c == null) {
            split(id);
            c = clss[id];
        }
        return c;
    }

    private void split(int id) {
        String ref = index.method(id);
        int arrow = ref.indexOf("->");
        String c = index.methodClass(id);
        if (c != null && c.length() == arrow) {
            // the strings the index was built from: the class is shared by its methods, its hash computed once
            clss[id] = c;
            subs[id] = index.methodSub(id);
        } else {
            clss[id] = ref.substring(0, arrow);
            subs[id] = ref.substring(arrow + 2);
        }
        arrows[id] = (byte) (ref.indexOf("->", arrow + 2) < 0 ? 1 : 2);
    }

    /**
     * {@code index.method(id).contains(part)} for a {@code part} starting with "->": a ref has one "->" (between
     * class and name), so it is checked there; a ref with more takes the full search.
     */
    boolean refContains(int id, String part) {
        cls(id);
        if (arrows[id] == 1) {
            String ref = index.method(id);
            return ref.startsWith(part, clss[id].length());
        }
        return index.method(id).contains(part);
    }

    /** {@link #resolve} of method ref {@code id}'s own class and sub-signature, computed once per id. */
    int resolveRef(int id) {
        int r = resolved[id];
        if (r == Integer.MIN_VALUE) {
            r = resolve(cls(id), sub(id));
            resolved[id] = r;
        }
        return r;
    }

    /**
     * Dispatch targets are a property of the callee ref, not of the site: computed once per ref, kept in the
     * iteration order of the set they were collected in (edge order decides the BFS parents, hence the chains).
     */
    int[] dispatch(int callee, int cap) {
        int[] known = dispatched[callee];
        if (known == null) {
            known = dispatchFrom(cls(callee), sub(callee), cap);
            dispatched[callee] = known;
        }
        return known;
    }

    /**
     * Dispatch targets of {@code sub} on a receiver known to be {@code cls} or one of its app subtypes; none for a
     * framework class (callbacks model the framework calling back). The array is shared: read it, never write it.
     */
    int[] dispatchFrom(String cls, String sub, int cap) {
        Set<Integer> t = dispatchUncached(cls, sub, cap);
        if (t.isEmpty()) {
            return NO_INTS;
        }
        int[] out = new int[t.size()];
        int i = 0;
        for (int target : t) {
            out[i++] = target;
        }
        return out;
    }

    private Set<Integer> dispatchUncached(String cls, String sub, int cap) {
        if (!classes.containsKey(cls)) {
            return Set.of();
        }
        int own = resolve(cls, sub);
        List<String> direct = subtypes.get(cls);
        if (direct == null) {
            // most app classes have no app subclass: the class's own method (or none) is the whole answer
            return own >= 0 ? Set.of(own) : Set.of();
        }
        Set<Integer> out = new HashSet<>();
        if (own >= 0) {
            out.add(own);
        }
        ArrayDeque<String> work = new ArrayDeque<>(direct);
        Set<String> seen = new HashSet<>();
        while (!work.isEmpty()) {
            String s = work.poll();
            if (!seen.add(s)) {
                continue;
            }
            if (instantiated.contains(s)) {
                int t = resolve(s, sub);
                if (t >= 0) {
                    out.add(t);
                    if (out.size() >= cap) {
                        truncate("more than " + cap + " dispatch targets for " + cls + "->" + sub);
                        return out;
                    }
                }
            }
            work.addAll(subtypes.getOrDefault(s, List.of()));
        }
        return out;
    }

    private void add(int f, int t, int kind, boolean gated, BehaviourLimits limits) {
        if (edgeCount >= limits.maxEdges()) {
            truncate("edge bound hit (" + limits.maxEdges() + ")");
            return;
        }
        if (edgeCount == from.length) {
            int n = from.length * 2;
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            attr = Arrays.copyOf(attr, n);
        }
        from[edgeCount] = f;
        to[edgeCount] = t;
        attr[edgeCount] = (byte) (kind | (gated ? 8 : 0));
        edgeCount++;
    }

    private void compact() {
        int n = index.methodCount();
        offsets = new int[n + 1];
        for (int i = 0; i < edgeCount; i++) {
            offsets[from[i] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        targets = new int[edgeCount];
        attrs = new byte[edgeCount];
        int[] fill = Arrays.copyOf(offsets, n);
        for (int i = 0; i < edgeCount; i++) {
            int p = fill[from[i]]++;
            targets[p] = to[i];
            attrs[p] = attr[i];
        }
        from = null;
        to = null;
        attr = null;
    }

    int edgeCount() {
        return edgeCount;
    }

    /**
     * Breadth-first search from {@code roots}, following edges whose kind is in {@code kindMask} (bit per kind)
     * and, when {@code stopAtGate}, not consent-gated ones. Returns parent[] (-1 root, -2 unreached).
     */
    int[] bfs(int[] roots, int kindMask, boolean stopAtGate) {
        int[] parent = new int[index.methodCount()];
        Arrays.fill(parent, -2);
        int[] queue = new int[parent.length];
        int head = 0;
        int tail = 0;
        for (int r : roots) {
            if (r >= 0 && parent[r] == -2) {
                parent[r] = -1;
                queue[tail++] = r;
            }
        }
        while (head < tail) {
            int m = queue[head++];
            for (int e = offsets[m]; e < offsets[m + 1]; e++) {
                int a = attrs[e];
                if ((kindMask & (1 << (a & 7))) == 0 || (stopAtGate && (a & 8) != 0)) {
                    continue;
                }
                int t = targets[e];
                if (parent[t] == -2) {
                    parent[t] = m;
                    queue[tail++] = t;
                }
            }
        }
        return parent;
    }

    /** Methods within {@code maxDepth} CALL edges of {@code root}, in BFS order, each with its parent (-1 root). */
    Map<Integer, Integer> near(int root, int maxDepth) {
        Map<Integer, Integer> parent = new java.util.LinkedHashMap<>();
        parent.put(root, -1);
        List<Integer> frontier = List.of(root);
        for (int d = 0; d < maxDepth && !frontier.isEmpty(); d++) {
            List<Integer> next = new ArrayList<>();
            for (int m : frontier) {
                for (int e = offsets[m]; e < offsets[m + 1]; e++) {
                    if ((attrs[e] & 7) == CALL && !parent.containsKey(targets[e]) && parent.size() < 4096) {
                        parent.put(targets[e], m);
                        next.add(targets[e]);
                    }
                }
            }
            frontier = next;
        }
        return parent;
    }

    List<String> chain(Map<Integer, Integer> parent, int m) {
        List<Integer> ids = new ArrayList<>();
        for (Integer c = m; c != null && c >= 0 && ids.size() < 64; c = parent.get(c)) {
            ids.add(c);
        }
        List<String> out = new ArrayList<>(ids.size() + 1);
        for (int i = ids.size() - 1; i >= 0; i--) {
            out.add(index.method(ids.get(i)));
        }
        return out;
    }

    /** Size of {@link #chain(int[], int)} without building it. */
    int chainLength(int[] parent, int m) {
        int n = 0;
        for (int c = m; c >= 0 && n < 64; c = parent[c]) {
            n++;
        }
        return n;
    }

    /** Chain of smali refs from a root to {@code m} using the parents of {@link #bfs}. */
    List<String> chain(int[] parent, int m) {
        List<Integer> ids = new ArrayList<>();
        for (int c = m; c >= 0 && ids.size() < 64; c = parent[c]) {
            ids.add(c);
        }
        List<String> out = new ArrayList<>(ids.size() + 1);
        for (int i = ids.size() - 1; i >= 0; i--) {
            out.add(index.method(ids.get(i)));
        }
        return out;
    }

    /** App methods {@code cls} defines, by sub-signature ({@code name(Args)Ret}). */
    Map<String, Integer> definedMethods(String cls) {
        Map<String, Integer> m = defined(cls);
        return m == null ? Map.of() : m;
    }

    /** Methods app class {@code cls} defines by sub-signature (the first of a duplicate wins), or null: no app class. */
    private Map<String, Integer> defined(String cls) {
        Map<String, Integer> m = defined.get(cls);
        if (m == null) {
            DexIndex.DexClass c = classes.get(cls);
            if (c == null) {
                return null;
            }
            m = new HashMap<>();
            for (int id : c.methods()) {
                m.putIfAbsent(sub(id), id);
            }
            defined.put(cls, m);
        }
        return m;
    }

    int[] successors(int m) {
        return Arrays.copyOfRange(targets, offsets[m], offsets[m + 1]);
    }
}
