package com.admissiongate.analysis.behaviour;

import com.admissiongate.apk.DexCode;
import com.admissiongate.apk.DexIndex;
import com.admissiongate.apk.ResourcesFacts;
import com.admissiongate.catalog.ApiEntry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Source → sink taint flows: intra-procedural register taint over each method's basic blocks ({@link Blocks},
 * joined to a fixpoint), joined across methods by context-insensitive summaries (taint of each parameter slot over
 * all call sites, taint of each method's return, passed to every dispatch target) and field-based heap taint (a
 * field is tainted once any tainted value is stored in it), iterated to a fixpoint over the whole program (bounded
 * rounds). Library calls propagate taint from arguments to the result, and into the receiver for
 * builder/collection-style methods (append, add, put, set, write, init …); {@link BlockRegisters} adds what a block
 * knows about its registers (receiver types, reflection constants, local maps, wrapped buffers, nested arrays).
 * A branch on a tainted value passes its taint, as control taint, to what the blocks it decides write and call
 * (implicit flows, {@link Blocks#controlledBy}). docs/behaviour-accuracy.md lists each rule with the DroidBench
 * cases it decides.
 */
final class FlowAnalysis {

    /** Sink prefixes and their kind. */
    private static final Map<String, String> SINKS = new LinkedHashMap<>();

    static {
        for (String l : List.of("d", "e", "i", "v", "w", "wtf", "println")) {
            SINKS.put("Landroid/util/Log;->" + l + "(", "log");
        }
        SINKS.put("Landroid/telephony/SmsManager;->sendTextMessage(", "sms");
        SINKS.put("Landroid/telephony/SmsManager;->sendMultipartTextMessage(", "sms");
        SINKS.put("Landroid/telephony/SmsManager;->sendDataMessage(", "sms");
        SINKS.put("Landroid/telephony/gsm/SmsManager;->sendTextMessage(", "sms");
        SINKS.put("Ljava/net/URL;-><init>(", "network");
        SINKS.put("Ljava/net/URLConnection;->setRequestProperty(", "network");
        SINKS.put("Ljava/net/HttpURLConnection;->setRequestProperty(", "network");
        SINKS.put("Lorg/apache/http/client/HttpClient;->execute(", "network");
        SINKS.put("Lorg/apache/http/impl/client/DefaultHttpClient;->execute(", "network");
        SINKS.put("Lokhttp3/Request$Builder;->url(", "network");
        SINKS.put("Ljava/net/Socket;->getOutputStream(", "network");
        SINKS.put("Ljava/io/OutputStream;->write(", "file");
        SINKS.put("Ljava/io/FileOutputStream;->write(", "file");
        SINKS.put("Ljava/io/Writer;->write(", "file");
        SINKS.put("Ljava/io/OutputStreamWriter;->write(", "file");
        // sinks match the class the call names, so the usual concrete streams and writers are listed too
        for (String c : List.of("Ljava/io/BufferedOutputStream;", "Ljava/io/DataOutputStream;",
                "Ljava/io/ObjectOutputStream;", "Ljava/io/FilterOutputStream;", "Ljava/io/BufferedWriter;",
                "Ljava/io/FileWriter;", "Ljava/io/PrintWriter;", "Ljava/io/PrintStream;")) {
            SINKS.put(c + "->write", "file");
        }
        for (String c : List.of("Ljava/io/PrintWriter;", "Ljava/io/PrintStream;")) {
            SINKS.put(c + "->print", "file");
            SINKS.put(c + "->append(", "file");
            SINKS.put(c + "->format(", "file");
        }
        SINKS.put("Landroid/content/SharedPreferences$Editor;->putString(", "file");
        SINKS.put("Landroid/app/Activity;->startActivity(", "ipc");
        SINKS.put("Landroid/app/Activity;->startActivityForResult(", "ipc");
        SINKS.put("Landroid/content/Context;->startActivity(", "ipc");
        SINKS.put("Landroid/content/Context;->sendBroadcast(", "ipc");
        SINKS.put("Landroid/content/Context;->startService(", "ipc");
        SINKS.put("Landroid/app/Activity;->setResult(", "ipc");
        // a Message to a bound service's Messenger crosses the process or component boundary as an Intent does
        SINKS.put("Landroid/os/Messenger;->send(", "ipc");
        // a command line is readable by other processes (ps, /proc) and hands the value to another program
        SINKS.put("Ljava/lang/Runtime;->exec(", "process");
        SINKS.put("Ljava/lang/ProcessBuilder;-><init>(", "process");
        SINKS.put("Ljava/lang/ProcessBuilder;->command(", "process");
    }

    private static final String FILE_SINK = "file";
    private static final Map<String, List<Map.Entry<String, String>>> SINKS_BY_CLASS = new HashMap<>();

    static {
        for (Map.Entry<String, String> e : SINKS.entrySet()) {
            SINKS_BY_CLASS.computeIfAbsent(MethodScanner.classOf(e.getKey()), k -> new ArrayList<>()).add(e);
        }
    }

    private static final List<String> IPC_NAMES = List.of("->startActivity(", "->startActivityForResult(",
            "->sendBroadcast(", "->startService(", "->bindService(", "->setResult(");

    /** Sources beyond the catalog's §3 APIs: values read from a Location. */
    private static final Map<String, String> EXTRA_SOURCES = Map.of(
            "Landroid/location/Location;->getLatitude(", "precise-location",
            "Landroid/location/Location;->getLongitude(", "precise-location");
    /** Classes of the {@link #EXTRA_SOURCES} refs: the per-method check skips every other class at once. */
    private static final Set<String> EXTRA_SOURCE_CLASSES = EXTRA_SOURCES.keySet().stream()
            .map(k -> k.substring(0, k.indexOf("->"))).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** PI type of what a password input holds (GB/T 35273 Annex B: account credentials are sensitive PI). */
    static final String CREDENTIALS = "credentials";
    private static final Map<String, String> PARAM_SOURCES = Map.of(
            "onLocationChanged(Landroid/location/Location;)V", "precise-location");
    /**
     * Library calls that write into an array they are given, by class: ref prefix → {from, to} argument slots
     * (receiver 0): System.arraycopy(src, _, dst, _, _), String.getChars(_, _, dst, _), stream.read(buf).
     */
    private static final Map<String, Map<String, int[]>> OUT_ARGS = Map.of(
            "Ljava/lang/System;", Map.of("Ljava/lang/System;->arraycopy(", new int[] {0, 2}),
            "Ljava/lang/String;", Map.of("Ljava/lang/String;->getChars(", new int[] {0, 3}),
            "Ljava/io/InputStream;", Map.of("Ljava/io/InputStream;->read(", new int[] {0, 1}),
            "Ljava/io/FileInputStream;", Map.of("Ljava/io/FileInputStream;->read(", new int[] {0, 1}),
            "Ljava/io/BufferedInputStream;", Map.of("Ljava/io/BufferedInputStream;->read(", new int[] {0, 1}),
            "Ljava/io/Reader;", Map.of("Ljava/io/Reader;->read(", new int[] {0, 1}),
            "Ljava/io/InputStreamReader;", Map.of("Ljava/io/InputStreamReader;->read(", new int[] {0, 1}));
    private static final String[] TAINTS_RECEIVER = {"add", "put", "append", "set", "write", "insert", "offer",
        "push", "concat", "<init>", "print"};

    private final DexIndex index;
    private final IntPredicate reported;
    private final CallGraph g;
    private final ApiClassifier catalog;
    private final BehaviourLimits limits;
    private final long deadline;
    private final List<String> piTypes = new ArrayList<>();
    /** Source bit of each method id (0: not a source). */
    private final int[] sourceBit;
    private boolean anySource;
    private final long[][] paramTaint;
    private final long[] retTaint;
    /** Field taint by field number: fields are numbered by their {@code Lcls;->name:Type} ref across all DEX. */
    private long[] fieldTaint = new long[1024];
    /**
     * By field number: a primitive field declared by a framework/library class. It is read from the object (new
     * PointF(x, y).x carries x): the app never writes it, so the field-based heap has nothing for it. Object-typed
     * library fields are left out: following ResolveInfo.activityInfo and the like turned the support library's
     * own share/chooser plumbing into flows.
     */
    private boolean[] libraryField = new boolean[1024];
    private final Map<String, Integer> fieldNumbers = new HashMap<>();
    private final Map<String, Integer> canonicalFieldNumbers = new HashMap<>();
    /** Per DEX file: local field_id → field number + 1 (0: not looked up yet, -1: no such field). */
    private final Map<DexCode.File, int[]> fieldNumbersByFile = new IdentityHashMap<>();
    private final Map<String, BehaviourFacts.Flow> flows = new LinkedHashMap<>();
    private final String[] sinkKind;
    private final boolean[] sinkKnown;
    /** Per taint bit: the source it stands for and (in {@link #piTypes}) its PI type. */
    private final String[] sourceApi = new String[31];
    private final Map<String, Integer> sourceBits = new HashMap<>();
    /** The most PI types the flows can meet: the catalog's, plus credentials. */
    private final int piTypeBudget;
    /** Distinct PI types among {@link #piTypes}. */
    private int typesMet;
    /**
     * Password inputs of the layouts by view id, as "layout inputType": findViewById(id) on such an id gives a
     * view whose text is a credentials source (FlowDroid's layout-based sources, DroidBench PrivateDataLeak1-2).
     */
    private Map<Integer, String> passwordFields = Map.of();
    /** Per callee id: 0 not computed, 1 not a findViewById, 2 a findViewById(int). */
    private byte[] findsView;
    /** Per callee id: 0 not computed, 1 a library call that does not taint its receiver, 2 one that does. */
    private final byte[] taintsReceiver;
    private boolean changed;
    boolean truncated;
    /** A flow was left out because max-findings flows were already kept. */
    boolean flowsCut;
    /*
     * A sweep reads only its own parameter taint, the return taint of the app methods it calls, the taint of the
     * fields it reads and which callees are sources; it only ORs into shared state and adds flows not seen yet. So
     * a sweep whose inputs did not change since the method's previous sweep changes nothing, and neither does a
     * sweep with all inputs zero (no taint comes out of nothing): a method is swept only when it is dirty, i.e. it
     * calls a source (first round) or one of its inputs changed. Which returns and fields each method reads comes
     * from the call graph's scan (its call sites and field reads), before the first round. The result is the same
     * as sweeping every method in every round.
     */
    private final boolean[] dirty;
    private final Blocks[] blocksOf;
    private final BlockRegisters types;
    private final Map<String, int[]> coneTargets = new HashMap<>();
    private final IntLists retReaders;
    private final IntLists fieldReaders = new IntLists(1024);
    private final Insn in = new Insn();

    FlowAnalysis(DexIndex index, CallGraph g, ApiClassifier catalog, BehaviourLimits limits, long deadline) {
        this(index, g, catalog, limits, deadline, id -> catalog.api(index.method(id)), id -> true);
    }

    /**
     * @param apis     {@link ApiClassifier#api} of a method id, when the caller already has it memoised
     * @param reported whether a flow whose sink sits in method id is reported: taint still passes through every
     *                 method, but a sink in code no component reaches (dead code, a class the manifest does not
     *                 declare) is not a leak
     */
    FlowAnalysis(DexIndex index, CallGraph g, ApiClassifier catalog, BehaviourLimits limits, long deadline,
            IntFunction<ApiEntry> apis, IntPredicate reported) {
        this.reported = reported;
        this.piTypeBudget = catalog.piTypeCount() + 1;
        this.index = index;
        this.g = g;
        this.catalog = catalog;
        this.limits = limits;
        this.deadline = deadline;
        this.paramTaint = new long[index.methodCount()][];
        this.retTaint = new long[index.methodCount()];
        this.sinkKind = new String[index.methodCount()];
        this.sinkKnown = new boolean[index.methodCount()];
        this.sourceBit = new int[index.methodCount()];
        this.taintsReceiver = new byte[index.methodCount()];
        this.dirty = new boolean[index.methodCount()];
        this.blocksOf = new Blocks[index.methodCount()];
        this.types = new BlockRegisters(index);
        this.retReaders = new IntLists(index.methodCount());
        for (int id = 0; id < index.methodCount(); id++) {
            String ref = index.method(id);
            ApiEntry api = apis.apply(id);
            String pi = api != null && api.piType() != null ? api.piType() : null;
            if (pi == null && EXTRA_SOURCE_CLASSES.contains(g.cls(id))) {
                for (Map.Entry<String, String> e : EXTRA_SOURCES.entrySet()) {
                    if (ref.startsWith(e.getKey())) {
                        pi = e.getValue();
                    }
                }
            }
            if (pi != null) {
                sourceBit[id] = bit(pi, ref);
                anySource = true;
            }
            // a listener's callback parameter is a source only if the listener is created somewhere (registered)
            if (g.infos[id] != null && g.instantiated.contains(g.cls(id))) {
                String sub = g.sub(id);
                String p = PARAM_SOURCES.get(sub);
                if (p != null) {
                    long[] pt = params(id);
                    if (pt.length > 1) {
                        pt[1] |= bit(p, ref);
                    }
                }
            }
        }
    }

    /** Sink kind of method ref {@code id}, or null; computed on the first call reaching it with taint. */
    private String sinkKind(int id) {
        if (sinkKnown[id]) {
            return sinkKind[id];
        }
        String ref = index.method(id);
        String kind = null;
        // every sink prefix names its class: only the prefixes of the ref's own class can match
        List<Map.Entry<String, String>> sinks = SINKS_BY_CLASS.get(g.cls(id));
        if (sinks != null) {
            for (Map.Entry<String, String> e : sinks) {
                if (ref.startsWith(e.getKey())) {
                    kind = e.getValue();
                }
            }
        }
        if (kind == null && g.resolveRef(id) < 0) {
            // IPC through any Context/Activity subtype: the callee names the app's own class
            for (String ipc : IPC_NAMES) {
                if (g.refContains(id, ipc)) {
                    kind = "ipc";
                }
            }
        }
        sinkKind[id] = kind;
        sinkKnown[id] = true;
        return kind;
    }

    /**
     * The taint bit of source {@code api} (a method ref, or a described source): one per source, so a sink reached
     * by two sources is two flows, each naming its own source, as FlowDroid counts source-sink pairs. With more
     * sources than bits, a further source shares the first bit of its PI type (its flows then name that bit's
     * source); the last bit only if more PI types turn up than the catalog has.
     */
    private int bit(String piType, String api) {
        Integer known = sourceBits.get(api);
        if (known != null) {
            return 1 << known;
        }
        int same = piTypes.indexOf(piType);
        // bits stay free for every PI type not met yet, so a later type never borrows another type's bit: a new
        // source of a type already met gets its own bit only while more than that reserve is free
        int reserve = Math.max(0, piTypeBudget - typesMet);
        boolean own = same < 0 ? piTypes.size() < 31 : piTypes.size() < 31 - reserve;
        if (own) {
            typesMet += same < 0 ? 1 : 0;
            int i = piTypes.size();
            piTypes.add(piType);
            sourceApi[i] = api;
            sourceBits.put(api, i);
            return 1 << i;
        }
        return 1 << (same >= 0 ? same : 30);
    }

    private long[] params(int id) {
        if (paramTaint[id] == null) {
            DexCode c = index.code(id);
            paramTaint[id] = new long[c == null ? 0 : Math.min(c.ins(), 256)];
        }
        return paramTaint[id];
    }

    /** The layouts' password inputs; call before {@link #run}. */
    void passwordFields(List<ResourcesFacts.PasswordField> fields) {
        Map<Integer, String> m = new HashMap<>();
        for (ResourcesFacts.PasswordField f : fields) {
            try {
                m.putIfAbsent(Integer.parseUnsignedInt(f.id().substring(2), 16), f.layout() + " " + f.inputType());
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // not an id this analyzer wrote: no source from it
            }
        }
        passwordFields = m;
        findsView = m.isEmpty() ? null : new byte[index.methodCount()];
    }

    /** Whether method ref {@code id} is a findViewById(int) or requireViewById(int), of any class. */
    private boolean findsView(int id) {
        if (findsView == null) {
            return false;
        }
        if (findsView[id] == 0) {
            String sub = g.sub(id);
            findsView[id] = (byte) (sub.startsWith("findViewById(I)") || sub.startsWith("requireViewById(I)") ? 2 : 1);
        }
        return findsView[id] == 2;
    }

    /**
     * The credentials bit when this call is findViewById(const) of a password input (its text is then what the
     * user typed as a password: the view carries the taint, getText() returns it as any library call does); else 0.
     */
    private int passwordView(int callee, Insn in, int regs) {
        if (!findsView(callee) || in.argc < 2 || in.args[1] >= regs || !types.hasInt(in.args[1])) {
            return 0;
        }
        String field = passwordFields.get(types.intConstant(in.args[1]));
        if (field == null) {
            return 0;
        }
        return bit(CREDENTIALS, index.method(callee) + " " + String.format("0x%08x", types.intConstant(in.args[1]))
                + " (" + field + ")");
    }

    List<BehaviourFacts.Flow> run() {
        if (!anySource && !hasParamSources() && passwordFields.isEmpty()) {
            return List.of();
        }
        readers();
        for (int round = 0; round < limits.flowRounds(); round++) {
            changed = false;
            for (int id = 0; id < g.infos.length; id++) {
                if (g.infos[id] != null && dirty[id]) {
                    dirty[id] = false;
                    sweep(id);
                }
                if ((id & 255) == 0 && System.currentTimeMillis() > deadline) {
                    truncated = true;
                    return new ArrayList<>(flows.values());
                }
            }
            if (!changed) {
                break;
            }
        }
        return new ArrayList<>(flows.values());
    }

    /** Who reads which return and field; the methods calling a source or given a tainted parameter start dirty. */
    private void readers() {
        // field number + 1 by the sweep's field ref id (0: not numbered yet)
        int[] numberOfRef = new int[g.fieldRefCount()];
        for (int id = 0; id < g.infos.length; id++) {
            MethodInfo info = g.infos[id];
            if (info == null) {
                continue;
            }
            for (MethodInfo.Site s : info.sites) {
                int callee = s.callee();
                if (sourceBit[callee] != 0 || findsView(callee)) {
                    dirty[id] = true;
                    continue;
                }
                if (s.op() == Insn.INVOKE_VIRTUAL && isMethodInvoke(callee)) {
                    // a reflective call may reach a source only the sweep can name
                    dirty[id] = true;
                }
                int keyed = keyed(callee);
                if (keyed == KEYED_GET || keyed == KEYED_VIEW_GET || keyed == KEYED_FILE_GET) {
                    // the heap key the sweep's read of this call will use (invoke)
                    String key = heapKey(keyed, id, callee, s.strings().isEmpty() ? null : s.strings().get(0));
                    if (key != null) {
                        record(fieldReaders, fieldNumber(key), id);
                    }
                }
                int[] targets = virtualTargets(callee, s.op());
                if (targets == null) {
                    int target = g.resolveRef(callee);
                    if (target >= 0 && index.code(target) != null) {
                        record(retReaders, target, id);
                    }
                } else {
                    for (int target : targets) {
                        if (index.code(target) != null) {
                            record(retReaders, target, id);
                        }
                    }
                }
            }
            for (int i = 0; i < info.fieldReadCount; i++) {
                int ref = info.fieldReads[i];
                int n = numberOfRef[ref];
                if (n == 0) {
                    n = fieldNumber(g.fieldRef(ref)) + 1;
                    numberOfRef[ref] = n;
                }
                record(fieldReaders, n - 1, id);
            }
            long[] pt = paramTaint[id];
            if (pt != null) {
                for (long p : pt) {
                    dirty[id] |= p != 0;
                }
            }
        }
    }

    private boolean hasParamSources() {
        for (long[] p : paramTaint) {
            if (p != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Register taint over the method's basic blocks to a fixpoint: block entry states are joined (OR) over their
     * predecessors, so taint set in a loop body reaches the loop head and a catch block sees its try range's
     * values. Slot {@code regs} holds the taint of what the method threw (read by move-exception).
     */
    private void sweep(int id) {
        DexCode code = index.code(id);
        int regs = Math.max(0, Math.min(code.registers(), 65536));
        int slots = regs + 1;
        long[] t0 = new long[slots];
        long[] pt = params(id);
        int first = regs - code.ins();
        for (int i = 0; i < pt.length && first + i < regs; i++) {
            if (first + i >= 0) {
                t0[first + i] = pt[i];
            }
        }
        // a method is swept again each round one of its inputs changes: its blocks are built once
        Blocks blocks = blocksOf[id];
        if (blocks == null) {
            blocks = Blocks.of(code, in);
            blocksOf[id] = blocks;
        }
        in.reset(code);
        int n = blocks.count();
        long[][] entry = new long[n][];
        entry[0] = t0;
        BitSet pending = new BitSet(n);
        pending.set(0);
        long[] t = new long[slots];
        // implicit taint per block: what the tainted branches deciding whether it runs were tainted with
        long[] pcOf = null;
        long[] condSeen = null;
        byte[] kind = new byte[regs];
        int visits = 0;
        for (int b = pending.nextSetBit(0); b >= 0; b = pending.nextSetBit(0)) {
            pending.clear(b);
            if ((++visits & 63) == 0 && System.currentTimeMillis() > deadline) {
                truncated = true;
                return;
            }
            System.arraycopy(entry[b], 0, t, 0, slots);
            Insn in = this.in.seek(blocks.start[b]);
            int end = blocks.end[b];
            long result = 0;
            types.reset(regs);
            java.util.Arrays.fill(kind, (byte) 0);
            long pc = pcOf == null ? 0 : pcOf[b];
            pcTaint = pc;
            long cond = 0;
            int lastCallee = -1;
            while (in.next() && in.pc < end) {
                if (in.op < 0) {
                    continue;
                }
                if (in.op >= 0x32 && in.op <= 0x3d || in.op == 0x2b || in.op == 0x2c) {
                    cond = branchTaint(in, t, regs, kind);
                }
                if (blocks.hasTries() && mayThrow(in.op)) {
                    int[] handlers = blocks.handlers(in.pc);
                    if (handlers != null) {
                        if (in.op == 0x27 && in.a < regs) {
                            t[regs] |= t[in.a] | pc;
                        }
                        for (int h : handlers) {
                            flowInto(entry, pending, h, t);
                        }
                    }
                }
                result = step(id, code, in, t, regs, result);
                if (in.isInvoke()) {
                    lastCallee = code.file().methodId(in.idx);
                } else if (in.a < regs) {
                    int k = defines(in.op);
                    if (k != 0) {
                        kind[in.a] = (byte) (in.op == 0x0a && lastCallee >= 0 && measuresPresence(lastCallee)
                                ? PRESENCE : k);
                        t[in.a] |= pc;
                    }
                }
                types.after(in, code.file(), regs);
            }
            pcTaint = 0;
            for (int s : blocks.succ[b]) {
                flowInto(entry, pending, s, t);
            }
            if (cond != 0) {
                if (pcOf == null) {
                    pcOf = new long[n];
                    condSeen = new long[n];
                }
                long decided = implicit(cond) | pc;
                if ((condSeen[b] | decided) != condSeen[b]) {
                    condSeen[b] |= decided;
                    for (int r : blocks.controlledBy(b)) {
                        if ((pcOf[r] | decided) != pcOf[r]) {
                            pcOf[r] |= decided;
                            if (entry[r] != null) {
                                pending.set(r);
                            }
                        }
                    }
                    // a walk over the method's blocks per tainted branch: a crafted method with thousands of both
                    // is held to the time bound like the block visits are
                    if (System.currentTimeMillis() > deadline) {
                        truncated = true;
                        return;
                    }
                }
            }
        }
    }

    /**
     * Taint is a long: bit b (0-30) is source b reaching a value through data, bit b + 32 the same source
     * reaching it only through control (the value was computed in code a branch on the source decided whether to
     * run), so a flow can say which it is. Every operation ORs whole longs; only a branch moves bits up.
     */
    private static final int CONTROL = 32;

    /** The control half for a branch condition of taint {@code c}: each source in it, as a control bit. */
    private static long implicit(long c) {
        return ((c | (c >>> CONTROL)) & 0x7fffffffL) << CONTROL;
    }

    /** Implicit taint of the block being swept: stores, returns, throws and calls in it carry it. */
    private long pcTaint;

    /**
     * Taint of a branch on a value: an if on tainted registers, or a switch on one. A test that only reveals that
     * there is a value, not what it is, decides nothing worth reporting: an if-eqz/if-nez on a register this block
     * did not define as a primitive is taken as a null test ({@code if (imei != null)}), and a zero test of what
     * isEmpty(), length() or size() returned as an emptiness test ({@code TextUtils.isEmpty(imei)}).
     */
    private static long branchTaint(Insn in, long[] t, int regs, byte[] kind) {
        int op = in.op;
        if (in.a >= regs) {
            return 0;
        }
        if (op == 0x38 || op == 0x39) {
            return kind[in.a] == PRIMITIVE ? t[in.a] : 0;
        }
        if (op >= 0x3a && op <= 0x3d) {
            return kind[in.a] == PRESENCE ? 0 : t[in.a];
        }
        if (op >= 0x32 && op <= 0x37) {
            return in.b < regs ? t[in.a] | t[in.b] : 0;
        }
        return t[in.a];
    }

    private static final byte PRIMITIVE = 1;
    private static final byte OBJECT = 2;
    /** A primitive that isEmpty(), length() or size() returned: tested against zero, it says whether there is one. */
    private static final byte PRESENCE = 3;

    /** Per callee id: 0 not computed, 1 not an isEmpty/length/size, 2 one. */
    private byte[] presence;

    /** Whether method ref {@code callee} is an isEmpty, length or size taking at most the value itself. */
    private boolean measuresPresence(int callee) {
        if (presence == null) {
            presence = new byte[index.methodCount()];
        }
        if (presence[callee] == 0) {
            String sub = g.sub(callee);
            presence[callee] = (byte) (sub.startsWith("isEmpty(") || sub.startsWith("length()")
                    || sub.startsWith("size()") ? 2 : 1);
        }
        return presence[callee] == 2;
    }

    /**
     * Whether instruction {@code op} writes register a ({@link BlockRegisters#writesA}), and with a primitive or an
     * object; 0: it does not.
     */
    private static int defines(int op) {
        if (!BlockRegisters.writesA(op)) {
            return 0;
        }
        boolean object = op >= 0x07 && op <= 0x09 || op == 0x0c || op == 0x0d || op >= 0x1a && op <= 0x1c
                || op == 0x1f || op == 0x22 || op == 0x23 || op == 0x46 || op == 0x54 || op == 0x62;
        return object ? OBJECT : PRIMITIVE;
    }

    /** Invokes, throw, check-cast, array and field access: what a catch block is written for. */
    private static boolean mayThrow(int op) {
        return (op >= 0x6e && op <= 0x78) || op == 0x27 || (op >= 0x44 && op <= 0x6d) || op == 0x1f;
    }

    private static void flowInto(long[][] entry, BitSet pending, int block, long[] t) {
        long[] e = entry[block];
        if (e == null) {
            entry[block] = t.clone();
            pending.set(block);
            return;
        }
        boolean grew = false;
        for (int i = 0; i < e.length; i++) {
            long v = e[i] | t[i];
            if (v != e[i]) {
                e[i] = v;
                grew = true;
            }
        }
        if (grew) {
            pending.set(block);
        }
    }

    /** One instruction's effect on the register taint {@code t}; returns what a following move-result reads. */
    private long step(int id, DexCode code, Insn in, long[] t, int regs, long result) {
        int op = in.op;
        long nextResult = 0;
        DexCode.File file = code.file();
        if (in.isInvoke()) {
            int callee = file.methodId(in.idx);
            if (callee >= 0) {
                nextResult = invoke(id, in, callee, t, regs);
            }
        } else if (op >= 0x01 && op <= 0x09) {
            if (in.a < regs && in.b < regs) {
                t[in.a] = t[in.b];
            }
        } else if (op >= 0x0a && op <= 0x0c) {
            if (in.a < regs) {
                t[in.a] = result;
            }
        } else if (op >= 0x0f && op <= 0x11) {
            if (in.a < regs && (retTaint[id] | t[in.a] | pcTaint) != retTaint[id]) {
                retTaint[id] |= t[in.a] | pcTaint;
                changed = true;
                markDirty(retReaders, id);
            }
        } else if (op >= 0x44 && op <= 0x4a) {
            // the element read also carries the index: a lookup table (hex digits, Base64 alphabet, a char map)
            // turns a tainted value into table entries that still encode it
            if (in.a < regs && in.b < regs && in.c < regs) {
                t[in.a] = t[in.b] | t[in.c];
            }
        } else if (op >= 0x4b && op <= 0x51) {
            if (in.a < regs && in.b < regs) {
                long v = t[in.a] | pcTaint;
                t[in.b] |= v;
                int outer = types.arrayOrigin(in.b);
                if (outer >= 0) {
                    t[outer] |= v;
                }
            }
        } else if (op >= 0x52 && op <= 0x58 || op >= 0x60 && op <= 0x66) {
            int f = fieldNumber(file, in.idx);
            if (in.a < regs) {
                long objectTaint = op <= 0x58 && f >= 0 && libraryField[f] && in.b < regs ? t[in.b] : 0;
                t[in.a] = f < 0 ? 0 : fieldTaint[f] | objectTaint;
            }
        } else if (op >= 0x59 && op <= 0x5f || op >= 0x67 && op <= 0x6d) {
            if (in.a < regs && (t[in.a] | pcTaint) != 0) {
                int f = fieldNumber(file, in.idx);
                if (f >= 0) {
                    addFieldTaint(f, t[in.a] | pcTaint);
                }
            }
        } else if (op == 0x1f) {
            // check-cast keeps the value
        } else if (op >= 0x7b && op <= 0x8f || op >= 0xb0 && op <= 0xcf) {
            if (in.a < regs && in.b < regs) {
                t[in.a] = op >= 0xb0 ? t[in.a] | t[in.b] : t[in.b];
            }
        } else if (op >= 0x2d && op <= 0x31 || op >= 0x90 && op <= 0xaf) {
            // cmp-long, cmpl/cmpg-float/double too: the -1/0/1 they write depends on both operands
            if (in.a < regs && in.b < regs && in.c < regs) {
                t[in.a] = t[in.b] | t[in.c];
            }
        } else if (op >= 0xd0 && op <= 0xe2) {
            if (in.a < regs && in.b < regs) {
                t[in.a] = t[in.b];
            }
        } else if (op == 0x21 || op == 0x20) {
            if (in.a < regs) {
                t[in.a] = 0;
            }
        } else if (op == 0x24 || op == 0x25) {
            long u = 0;
            for (int i = 0; i < in.argc; i++) {
                u |= in.args[i] < regs ? t[in.args[i]] : 0;
            }
            nextResult = u;
        } else if (op == 0x0d) {
            // move-exception: what the method threw inside a try range (slot regs), e.g. new Exception(imei)
            if (in.a < regs) {
                t[in.a] = t[regs];
            }
        } else if (op == 0x12 || op == 0x13 || op == 0x14 || op == 0x15 || op == 0x16
                || op == 0x17 || op == 0x18 || op == 0x19 || op == 0x1a || op == 0x1b || op == 0x1c
                || op == 0x22 || op == 0x23) {
            if (in.a < regs) {
                t[in.a] = 0;
            }
        }
        return nextResult;
    }

    private long invoke(int caller, Insn in, int callee, long[] t, int regs) {
        long all = pcTaint;
        for (int i = 0; i < in.argc; i++) {
            all |= in.args[i] < regs ? t[in.args[i]] : 0;
        }
        String kind = all == 0 ? null : sinkKind(callee);
        if (kind != null && all != 0 && reported.test(caller)) {
            String ref = index.method(caller);
            for (int b = 0; b < 31 && b < piTypes.size(); b++) {
                boolean data = (all & (1L << b)) != 0;
                if (!data && (all & (1L << (b + CONTROL))) == 0) {
                    continue;
                }
                String k = ref + "@" + in.pc + "|" + b;
                BehaviourFacts.Flow known = flows.get(k);
                if (known != null && (!data || known.via().equals(BehaviourFacts.Flow.DATA))) {
                    continue;
                }
                if (known == null && flows.size() >= limits.maxFindings()) {
                    flowsCut = true;
                    // at the cap a flow via data takes the place of one via control: it is the stronger evidence
                    if (!data || !dropAControlFlow()) {
                        continue;
                    }
                }
                // a control flow found first is replaced when the data reaches the same sink too
                String owner = catalog.owner(ref);
                flows.put(k, new BehaviourFacts.Flow(sourceApi[b], piTypes.get(b), index.method(callee), kind, ref,
                        owner == null ? "app" : owner, in.pc, data ? BehaviourFacts.Flow.DATA
                                : BehaviourFacts.Flow.CONTROL));
            }
        }
        if (FILE_SINK.equals(kind) && in.argc > 0 && in.args[0] < regs) {
            // a write on a stream opened on a constant file name (directly or through a wrapper) stores into it
            String file = types.file(in.args[0]);
            if (file == null && types.wrapped(in.args[0]) >= 0) {
                file = types.file(types.wrapped(in.args[0]));
            }
            if (file != null) {
                addFieldTaint(fieldNumber(heapKey(KEYED_FILE_GET, caller, callee, file)), all);
            }
        }
        if (in.argc > 0) {
            // before app calls too: an app method handed the map could put anything into it
            Long exact = localMapCall(callee, in, t, regs);
            if (exact != null) {
                return exact;
            }
        }
        long src = sourceBit[callee] | passwordView(callee, in, regs);
        if (src != 0) {
            return src;
        }
        if (in.argc >= 2 && in.args[0] < regs && types.reflectedName(in.args[0]) != null && isMethodInvoke(callee)) {
            long r = reflectiveCall(caller, types.reflectedClass(in.args[0]), types.reflectedName(in.args[0]), in, t,
                    regs);
            if (r >= 0) {
                return r;
            }
        }
        int keyed = keyed(callee);
        if (keyed == KEYED_VIEW_SET || keyed == KEYED_VIEW_GET) {
            // a widget's text, hint, description or tag holds what was set until read: keyed by the screen (the
            // caller's outermost class), the widget class named in the call and the property, since which view
            // object it is is not known
            int f = fieldNumber(heapKey(keyed, caller, callee, null));
            if (keyed == KEYED_VIEW_GET) {
                return fieldTaint[f] | all;
            }
            addFieldTaint(f, in.argc > 1 && in.args[1] < regs ? t[in.args[1]] : 0);
        } else if (keyed == KEYED_FILE_GET) {
            String key = constantKey(caller, in.pc);
            if (key != null) {
                // openFileInput("out.txt") / new FileInputStream(".../out.txt"): what was written to that name
                long stored = fieldTaint[fieldNumber(heapKey(keyed, caller, callee, key))];
                if (in.invokeBase() != Insn.INVOKE_DIRECT) {
                    return stored | all;
                }
                if (in.argc > 0 && in.args[0] < regs) {
                    t[in.args[0]] |= stored;
                }
            }
        } else if (keyed != KEYED_NONE) {
            String key = constantKey(caller, in.pc);
            if (key != null) {
                int f = fieldNumber(heapKey(keyed, caller, callee, key));
                if (keyed == KEYED_GET) {
                    return fieldTaint[f] | all;
                }
                addFieldTaint(f, all);
            }
        }
        int[] targets = virtualTargets(callee, in.invokeBase());
        if (targets != null && in.argc > 0 && in.args[0] < regs && types.known(in.args[0])) {
            targets = narrowed(callee, in.args[0]);
        }
        if (targets != null) {
            long ret = 0;
            boolean app = false;
            for (int target : targets) {
                long r = call(target, in, t, regs);
                app |= r >= 0;
                ret |= Math.max(r, 0);
            }
            if (app) {
                return ret;
            }
        } else {
            long r = call(g.resolveRef(callee), in, t, regs);
            if (r >= 0) {
                return r;
            }
        }
        if (all != 0 && in.argc > 0) {
            int body = asyncBody(callee);
            if (body >= 0) {
                // AsyncTask.execute(params…) hands its array to doInBackground(params…) on another thread
                addParamTaint(body, 1, in.args[in.argc - 1] < regs ? t[in.args[in.argc - 1]] : 0);
            }
        }
        // library code: the result carries what went in; builders and collections keep it in the receiver
        if (in.argc > 0 && in.invokeBase() != Insn.INVOKE_STATIC && all != 0 && taintsReceiver(callee)
                && in.args[0] < regs) {
            t[in.args[0]] |= all;
        }
        if (in.argc > 0 && in.invokeBase() != Insn.INVOKE_STATIC && all != 0 && in.args[0] < regs) {
            // new Formatter(sb).format("%s", id): what goes into the wrapper lands in the buffer it was given
            int wrapped = types.wrapped(in.args[0]);
            if (wrapped >= 0) {
                t[wrapped] |= all;
            }
        }
        if (all != 0) {
            int[] copy = OUT_ARGS.get(g.cls(callee)) == null ? null : outArg(callee);
            if (copy != null && copy[0] < in.argc && copy[1] < in.argc && in.args[copy[0]] < regs
                    && in.args[copy[1]] < regs) {
                t[in.args[copy[1]]] |= t[in.args[copy[0]]];
            }
        }
        return all;
    }

    /**
     * put/get with a constant key on a map the block created: put records the key's taint (and, as any put, taints
     * the map), get returns that key's taint alone (DroidBench HashMapAccess1). Any other call that gets the map
     * ends its exactness. Null: not such a call, library semantics apply.
     */
    private Long localMapCall(int callee, Insn in, long[] t, int regs) {
        boolean put = false;
        boolean get = false;
        Map<String, Long> map = in.args[0] < regs ? types.localMap(in.args[0]) : null;
        if (map != null && in.invokeBase() != Insn.INVOKE_STATIC) {
            String cls = g.cls(callee);
            String sub = g.sub(callee);
            boolean mapClass = cls.equals("Ljava/util/Map;") || cls.equals("Ljava/util/AbstractMap;")
                    || BlockRegisters.isMapType(cls);
            put = mapClass && sub.startsWith("put(Ljava/lang/Object;Ljava/lang/Object;)") && in.argc == 3;
            get = mapClass && sub.startsWith("get(Ljava/lang/Object;)") && in.argc == 2;
        }
        if (map != null && in.invokeBase() == Insn.INVOKE_DIRECT && g.sub(callee).startsWith("<init>()")) {
            return null;
        }
        String key = (put || get) && in.args[1] < regs ? types.constant(in.args[1]) : null;
        if (key == null) {
            for (int i = 0; i < in.argc; i++) {
                if (in.args[i] < regs) {
                    types.dropMap(in.args[i]);
                }
            }
            return null;
        }
        if (get) {
            return map.getOrDefault(key, 0L);
        }
        long v = in.args[2] < regs ? t[in.args[2]] : 0;
        map.merge(key, v, (x, y) -> x | y);
        t[in.args[0]] |= v;
        return v;
    }

    private boolean isMethodInvoke(int callee) {
        return g.cls(callee).equals("Ljava/lang/reflect/Method;") && g.sub(callee).startsWith("invoke(");
    }

    /**
     * Method.invoke on a Method the block built from constants (Class.forName("a.b.C").getMethod("name")): for an
     * app class, every method of that name in the class or its nearest app superclass defining one receives the
     * receiver's and the argument array's taint and returns its own (DroidBench Reflection3); for a framework
     * class, a §3 API of that name is a source, as a direct call would be. -1: not resolved, treat as a library call.
     */
    private long reflectiveCall(int caller, String cls, String name, Insn in, long[] t, int regs) {
        if (!g.classes.containsKey(cls)) {
            ApiEntry api = catalog.api(cls + "->" + name + "(");
            if (api == null || api.piType() == null) {
                return -1;
            }
            return bit(api.piType(), cls + "->" + name + "(");
        }
        long receiver = in.args[1] < regs ? t[in.args[1]] : 0;
        long array = in.argc > 2 && in.args[2] < regs ? t[in.args[2]] : 0;
        String prefix = name + "(";
        long ret = 0;
        boolean found = false;
        String c = cls;
        for (int depth = 0; !found && c != null && depth < 32 && g.classes.containsKey(c); depth++) {
            for (Map.Entry<String, Integer> e : g.definedMethods(c).entrySet()) {
                int target = e.getValue();
                if (!e.getKey().startsWith(prefix) || index.code(target) == null) {
                    continue;
                }
                found = true;
                for (int i = 0, n = params(target).length; i < n; i++) {
                    addParamTaint(target, i, (i == 0 ? receiver : 0) | array);
                }
                // the caller reads this return from now on: wake it when the return gains taint
                record(retReaders, target, caller);
                ret |= retTaint[target];
            }
            c = g.classes.get(c).superName();
        }
        return found ? ret : -1;
    }

    /**
     * Bundle values as a heap keyed by their constant key, shared by every Bundle: what onSaveInstanceState puts
     * under "imei" is what onCreate's savedInstanceState.getString("imei") reads. Keys are numbered with the fields
     * (prefix EXTRA), so readers are woken the same way. Intent extras are left out: the Intent carrying taint is
     * already an ipc sink where it is sent, and also reading it back in the receiving component counted every
     * inter-component leak twice (DroidBench ICC: 19 more false positives for 1 more leak found).
     */
    private static final String EXTRA = "extra:";
    private static final int KEYED_NONE = 1;
    private static final int KEYED_PUT = 2;
    private static final int KEYED_GET = 3;
    /** Opens a file by a constant name for reading: its stream carries what was written to that name. */
    private static final int KEYED_FILE_GET = 4;
    /** A widget setter of a text-like value (setText, setHint, setTag…); the value is argument 1. */
    private static final int KEYED_VIEW_SET = 5;
    /** The matching getter (getText, getHint, getTag…). */
    private static final int KEYED_VIEW_GET = 6;
    /** Value types a widget property holds as given: setters take one, getters return one. */
    private static final Set<String> VIEW_VALUES = Set.of("Ljava/lang/CharSequence;", "Ljava/lang/String;",
            "Ljava/lang/Object;", "Landroid/text/Editable;");

    private static boolean isWidget(String cls) {
        return cls.startsWith("Landroid/widget/") || cls.equals("Landroid/view/View;");
    }

    /**
     * Heap key of a widget property as method {@code caller} sets or gets it: "view:Lapp/Main;
     * Landroid/widget/Button;.Hint" for setHint and getHint in Main or its inner classes (Main$1.onClick). A view
     * belongs to one screen: keying by the outermost class keeps one activity's labels from reaching another's
     * input fields.
     */
    private String viewKey(int caller, int callee) {
        String sub = g.sub(callee);
        String owner = g.cls(caller);
        int inner = owner.indexOf('$');
        return "view:" + (inner > 0 ? owner.substring(0, inner) + ";" : owner) + " " + g.cls(callee) + "."
                + sub.substring(3, sub.indexOf('('));
    }

    /**
     * The field-heap key a keyed call of kind {@code keyed} in method {@code caller} reads or writes, so a sweep's
     * write and the registration of its readers ({@link #readers}) cannot disagree: Bundle and file keys need the
     * call's constant string ({@code constant}, null: none), a widget property's key is the screen, widget class
     * and property. Null when the call has no key.
     */
    private String heapKey(int keyed, int caller, int callee, String constant) {
        if (keyed == KEYED_VIEW_GET || keyed == KEYED_VIEW_SET) {
            return viewKey(caller, callee);
        }
        if (constant == null) {
            return null;
        }
        return keyed == KEYED_FILE_GET ? FILE + fileName(constant) : EXTRA + constant;
    }

    /** Removes the last-found flow via control, if any; whether one was removed. */
    private boolean dropAControlFlow() {
        String last = null;
        for (Map.Entry<String, BehaviourFacts.Flow> e : flows.entrySet()) {
            if (e.getValue().via().equals(BehaviourFacts.Flow.CONTROL)) {
                last = e.getKey();
            }
        }
        if (last == null) {
            return false;
        }
        flows.remove(last);
        return true;
    }

    /** Taint reaching parameter slot {@code slot} of app method {@code target}: it is swept again if that grows it. */
    private void addParamTaint(int target, int slot, long taint) {
        long[] pt = params(target);
        if (slot < pt.length && (pt[slot] | taint) != pt[slot]) {
            pt[slot] |= taint;
            changed = true;
            dirty[target] = true;
        }
    }

    /** A write that may add taint to field (or heap key) number {@code f}: its readers are swept again. */
    private void addFieldTaint(int f, long taint) {
        if ((fieldTaint[f] | taint) != fieldTaint[f]) {
            fieldTaint[f] |= taint;
            changed = true;
            markDirty(fieldReaders, f);
        }
    }

    /** Field-heap key prefix of a file's content, by file name (last path segment). */
    private static final String FILE = "file:";

    /** The last path segment: openFileOutput("a.txt") and new FileInputStream(dir + "/a.txt") meet on "a.txt". */
    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
    /** Per callee id: 0 not computed, else KEYED_*. */
    private byte[] keyedKind;

    private int keyed(int callee) {
        if (keyedKind == null) {
            keyedKind = new byte[index.methodCount()];
        }
        int k = keyedKind[callee];
        if (k == 0) {
            String cls = g.cls(callee);
            String sub = g.sub(callee);
            k = KEYED_NONE;
            if (isWidget(cls) && sub.length() > 4 && Character.isUpperCase(sub.charAt(3))) {
                if (sub.startsWith("set") && VIEW_VALUES.contains(sub.substring(sub.indexOf('(') + 1,
                        sub.indexOf(')'))) && sub.endsWith(")V")) {
                    k = KEYED_VIEW_SET;
                } else if (sub.startsWith("get") && sub.indexOf("()") > 0
                        && VIEW_VALUES.contains(sub.substring(sub.indexOf("()") + 2))) {
                    k = KEYED_VIEW_GET;
                }
            } else if (sub.startsWith("openFileInput(Ljava/lang/String;)") || cls.equals("Ljava/io/FileInputStream;")
                    && sub.startsWith("<init>(Ljava/lang/String;)")) {
                k = KEYED_FILE_GET;
            } else if (cls.equals("Landroid/os/Bundle;") || cls.equals("Landroid/os/BaseBundle;")) {
                k = sub.startsWith("put") && sub.contains("(Ljava/lang/String;") ? KEYED_PUT
                        : sub.startsWith("get") && sub.contains("(Ljava/lang/String;") ? KEYED_GET : KEYED_NONE;
            }
            keyedKind[callee] = (byte) k;
        }
        return k;
    }

    /** The first constant string argument of the call at {@code pc} in method {@code caller} (the scan's sites). */
    private String constantKey(int caller, int pc) {
        List<MethodInfo.Site> sites = g.infos[caller].sites;
        int lo = 0;
        int hi = sites.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int p = sites.get(mid).pc();
            if (p < pc) {
                lo = mid + 1;
            } else if (p > pc) {
                hi = mid - 1;
            } else {
                List<String> strings = sites.get(mid).strings();
                return strings.isEmpty() ? null : strings.get(0);
            }
        }
        return null;
    }

    /**
     * Every dispatch target of a virtual/interface call on an app type (a B.f() overriding A.f() returns its taint
     * through a call typed A), or null: the call runs the statically resolved method, if any.
     */
    private int[] virtualTargets(int callee, int invokeBase) {
        if (invokeBase == Insn.INVOKE_VIRTUAL || invokeBase == Insn.INVOKE_INTERFACE) {
            int[] d = g.dispatch(callee, limits.maxTargetsPerSite());
            return d.length > 0 ? d : null;
        }
        return null;
    }

    /**
     * Dispatch targets of a virtual call whose receiver's type the block knows: the one method an object made by
     * new-instance runs, or those of the app subtypes of a declared return or cast type (a factory declared to
     * return B cannot hand back an A).
     */
    private int[] narrowed(int callee, int receiver) {
        String type = types.type(receiver);
        if (!g.classes.containsKey(type)) {
            return virtualTargets(callee, Insn.INVOKE_VIRTUAL);
        }
        if (types.exact(receiver)) {
            int target = g.resolve(type, g.sub(callee));
            return target >= 0 ? new int[] {target} : new int[0];
        }
        String key = type + "->" + g.sub(callee);
        int[] known = coneTargets.get(key);
        if (known == null) {
            known = g.dispatchFrom(type, g.sub(callee), limits.maxTargetsPerSite());
            coneTargets.put(key, known);
        }
        return known;
    }

    /** Passes the arguments' taint to app method {@code target}; its return taint, or -1 when it has no code. */
    private long call(int target, Insn in, long[] t, int regs) {
        if (target < 0 || index.code(target) == null) {
            return -1;
        }
        for (int i = 0, n = Math.min(in.argc, params(target).length); i < n; i++) {
            addParamTaint(target, i, in.args[i] < regs ? t[in.args[i]] : 0);
        }
        return retTaint[target];
    }


    /** Per callee id: its AsyncTask doInBackground + 1 when it is execute/executeOnExecutor on an app task, else -1. */
    private int[] asyncBodies;

    private int asyncBody(int callee) {
        if (asyncBodies == null) {
            asyncBodies = new int[index.methodCount()];
        }
        int known = asyncBodies[callee];
        if (known == 0) {
            String sub = g.sub(callee);
            int body = -1;
            if ((sub.startsWith("execute([Ljava/lang/Object;)") || sub.startsWith("executeOnExecutor("))
                    && g.classes.containsKey(g.cls(callee)) && g.isSubtypeOf(g.cls(callee), "Landroid/os/AsyncTask;")) {
                body = g.resolve(g.cls(callee), "doInBackground([Ljava/lang/Object;)Ljava/lang/Object;");
            }
            known = body >= 0 && index.code(body) != null ? body + 1 : -1;
            asyncBodies[callee] = known;
        }
        return known - 1;
    }

    /** {from, to} argument slots (receiver 0) of a library call that copies data into an array argument. */
    private int[] outArg(int callee) {
        String ref = index.method(callee);
        for (Map.Entry<String, int[]> e : OUT_ARGS.get(g.cls(callee)).entrySet()) {
            if (ref.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private boolean taintsReceiver(int callee) {
        int known = taintsReceiver[callee];
        if (known == 0) {
            String ref = index.method(callee);
            String name = ref.substring(ref.indexOf("->") + 2, ref.indexOf('('));
            known = 1;
            for (String p : TAINTS_RECEIVER) {
                if (name.startsWith(p)) {
                    known = 2;
                    break;
                }
            }
            taintsReceiver[callee] = (byte) known;
        }
        return known == 2;
    }

    /** Field number of local field_id {@code idx} of {@code file}, or -1 for no field. */
    private int fieldNumber(DexCode.File file, int idx) {
        int[] fields = fieldNumbersByFile.get(file);
        if (fields == null || fields.length <= idx) {
            int old = fields == null ? 0 : fields.length;
            fields = java.util.Arrays.copyOf(fields == null ? new int[0] : fields,
                    Math.max(idx + 1, Math.min(old * 2 + 64, 1 << 16)));
            fieldNumbersByFile.put(file, fields);
        }
        int n = fields[idx];
        if (n == 0) {
            String f = file.field(idx);
            n = f == null ? -1 : fieldNumber(f) + 1;
            fields[idx] = n;
        }
        return n < 0 ? -1 : n - 1;
    }

    /**
     * Number of field ref {@code f}. A ref names the class it was accessed through, so MainActivity->imei and
     * GeneralActivity->imei are the same static field when MainActivity extends GeneralActivity: refs are keyed by
     * the topmost app class of the named class's hierarchy (the DEX index keeps no field declarations). Two app
     * classes with a common app superclass and a same-named field share its taint: coarser, never a missed flow.
     */
    private int fieldNumber(String f) {
        Integer known = fieldNumbers.get(f);
        if (known == null) {
            int arrow = f.indexOf("->");
            String owner = arrow > 0 ? f.substring(0, arrow) : null;
            String top = owner == null ? null : topmostAppClass(owner);
            // the key is the ref itself unless its class has an app superclass: no new string for most refs
            String key = top == null || top.equals(owner) ? f : top + f.substring(arrow);
            known = canonicalFieldNumbers.get(key);
            if (known == null) {
                known = canonicalFieldNumbers.size();
                canonicalFieldNumbers.put(key, known);
                if (known >= fieldTaint.length) {
                    fieldTaint = java.util.Arrays.copyOf(fieldTaint, fieldTaint.length * 2);
                    libraryField = java.util.Arrays.copyOf(libraryField, fieldTaint.length);
                }
                char type = f.charAt(f.length() - 1);
                libraryField[known] = arrow > 0 && type != ';' && !g.classes.containsKey(owner);
            }
            fieldNumbers.put(f, known);
        }
        return known;
    }

    private String topmostAppClass(String cls) {
        String c = cls;
        for (int depth = 0; depth < 32; depth++) {
            com.admissiongate.apk.DexIndex.DexClass k = g.classes.get(c);
            if (k == null || k.superName() == null || !g.classes.containsKey(k.superName())) {
                return c;
            }
            c = k.superName();
        }
        return c;
    }

    private static IntLists record(IntLists readers, int key, int reader) {
        readers.ensure(key).addOnce(key, reader);
        return readers;
    }

    private void markDirty(IntLists readers, int key) {
        if (key >= readers.size()) {
            return;
        }
        int[] l = readers.get(key);
        int n = readers.count(key);
        for (int i = 0; i < n; i++) {
            dirty[l[i]] = true;
        }
    }

    /** A growable array of int lists (readers per return or field). */
    private static final class IntLists {
        private int[][] lists;
        private int[] counts;

        IntLists(int size) {
            lists = new int[size][];
            counts = new int[size];
        }

        int size() {
            return lists.length;
        }

        IntLists ensure(int key) {
            if (key >= lists.length) {
                int n = Math.max(key + 1, lists.length * 2);
                lists = java.util.Arrays.copyOf(lists, n);
                counts = java.util.Arrays.copyOf(counts, n);
            }
            return this;
        }

        /** Appends {@code v} unless it is the last element (one method records its reads in one sweep). */
        void addOnce(int key, int v) {
            int[] l = lists[key];
            int n = counts[key];
            if (l == null) {
                l = new int[2];
                lists[key] = l;
            } else if (n > 0 && l[n - 1] == v) {
                return;
            } else if (n == l.length) {
                l = java.util.Arrays.copyOf(l, n * 2);
                lists[key] = l;
            }
            l[n] = v;
            counts[key] = n + 1;
        }

        int[] get(int key) {
            return lists[key];
        }

        int count(int key) {
            return counts[key];
        }
    }
}
