package com.admissiongate.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop REST mix: N connections, each sends its next request as soon as the previous answer is read.
 * Endpoints are path templates with {uploadId} and {package}, filled from decisions already on store.decisions
 * (so reads hit real rows). Extra paths (searches, …) come from --path name=weight:/template.
 */
final class RestMixDriver {

    record Endpoint(String name, int weight, String template) {
    }

    record Target(String uploadId, String pkg) {
    }

    static final class Stats {
        final LatencyRecorder latency = new LatencyRecorder();
        final Map<Integer, AtomicLong> status = new ConcurrentHashMap<>();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
    }

    private final Args args;

    RestMixDriver(Args args) {
        this.args = args;
    }

    int run() throws Exception {
        List<URI> bases = new ArrayList<>();
        for (String b : args.all("base").isEmpty() ? List.of(args.get("base", "GATE_URL", "http://127.0.0.1:8080")) : args.all("base")) {
            URI u = URI.create(b);
            if (!"127.0.0.1".equals(u.getHost()) && !"localhost".equals(u.getHost())) {
                throw new IllegalArgumentException("load goes to 127.0.0.1 only, not " + u.getHost());
            }
            bases.add(u);
        }
        String token = args.get("token", "GATE_TOKEN", null);
        int connections = args.intValue("connections", 16);
        Duration warmup = args.duration("warmup", Duration.ofSeconds(10));
        Duration duration = args.duration("duration", Duration.ofSeconds(30));
        long maxRequests = Long.parseLong(args.get("requests", "5000000"));
        String label = args.get("label", "rest");
        Path out = Path.of(args.get("out", "loadtest/results"));
        List<Long> servicePids = FloodDriver.pids(args.get("service-pids", null));
        List<Long> dbPids = FloodDriver.pids(args.get("db-pids", null));
        List<Endpoint> endpoints = endpoints();
        List<Target> targets = targets();
        if (targets.isEmpty()) {
            throw new IllegalStateException("no decisions on store.decisions to read back: run ./gate loadtest flood first");
        }
        int totalWeight = endpoints.stream().mapToInt(Endpoint::weight).sum();
        System.err.printf("[rest] %d connections to %s, %d targets, mix %s, warm-up %d s, measure %d s, load %s%n",
                connections, bases, targets.size(), endpoints.stream().map(e -> e.name() + "=" + e.weight()).toList(),
                warmup.toSeconds(), duration.toSeconds(), Machine.loadAverage());

        Map<String, Stats> stats = new LinkedHashMap<>();
        endpoints.forEach(e -> stats.put(e.name(), new Stats()));
        AtomicLong issued = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        String[] loadBefore = new String[1];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            URI base = bases.get(c % bases.size());
            Thread t = new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                try (MiniHttpClient http = new MiniHttpClient(base, token)) {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end || (now >= measureFrom && issued.incrementAndGet() > maxRequests)) {
                            return;
                        }
                        Endpoint e = pick(endpoints, totalWeight, rnd.nextInt(totalWeight));
                        Target tg = targets.get(rnd.nextInt(targets.size()));
                        String path = e.template().replace("{uploadId}", tg.uploadId())
                                .replace("{package}", URLEncoder.encode(tg.pkg(), StandardCharsets.UTF_8));
                        Stats s = stats.get(e.name());
                        long t0 = System.nanoTime();
                        try {
                            long before = http.bodyBytes;
                            int code = http.get(path);
                            long t1 = System.nanoTime();
                            if (t0 >= measureFrom) {
                                s.latency.record((t1 - measureFrom) / 1_000_000_000L, (t1 - t0) / 1000);
                                s.status.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
                                s.bytes.addAndGet(http.bodyBytes - before);
                            }
                        } catch (Exception ex) {
                            if (t0 >= measureFrom) {
                                s.errors.incrementAndGet();
                            }
                        }
                    }
                }
            }, "rest-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        loadBefore[0] = Machine.loadAverage();
        long serviceCpu0 = Machine.cpuMillis(servicePids);
        long dbCpu0 = Machine.cpuMillis(dbPids);
        for (Thread t : threads) {
            t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000 + 15_000));
        }
        long serviceCpu = Machine.cpuMillis(servicePids) - serviceCpu0;
        long dbCpu = Machine.cpuMillis(dbPids) - dbCpu0;
        double seconds = Math.min(System.nanoTime(), end) - measureFrom;
        seconds /= 1e9;
        String loadAfter = Machine.loadAverage();

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### %s (%s)%n%n", label, Instant.now().toString().substring(0, 19) + "Z"));
        md.append(String.format(Locale.ROOT, "Closed loop, %d connections to %s, %d distinct verdicts, warm-up %d s, measured %.0f s; "
                + "%d cores; load average (1/5/15 min) at start of measurement %s, at end %s (shared machine; driver on the same cores).%n%n",
                connections, bases, targets.size(), warmup.toSeconds(), seconds, Machine.cores(), loadBefore[0], loadAfter));
        md.append("| endpoint | requests | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | statuses | errors | KiB/resp |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        LatencyRecorder all = new LatencyRecorder();
        long allErrors = 0;
        ObjectNode json = FloodDriver.JSON.createObjectNode();
        json.put("label", label).put("connections", connections).put("seconds", seconds)
                .put("loadStart", loadBefore[0]).put("loadEnd", loadAfter);
        for (Map.Entry<String, Stats> en : stats.entrySet()) {
            Stats s = en.getValue();
            all.add(s.latency);
            allErrors += s.errors.get();
            md.append(row(en.getKey(), s.latency, seconds, statuses(s), s.errors.get(),
                    s.latency.count() == 0 ? 0 : s.bytes.get() / 1024.0 / s.latency.count()));
            json.putObject(en.getKey()).put("requests", s.latency.count()).put("rps", s.latency.count() / seconds)
                    .put("p50ms", s.latency.ms(50)).put("p99ms", s.latency.ms(99)).put("maxMs", s.latency.maxMs())
                    .put("errors", s.errors.get()).put("statuses", statuses(s));
        }
        md.append(row("**all**", all, seconds, "", allErrors, 0));
        json.putObject("all").put("requests", all.count()).put("rps", all.count() / seconds)
                .put("p50ms", all.ms(50)).put("p99ms", all.ms(99)).put("maxMs", all.maxMs());
        if (!servicePids.isEmpty() && all.count() > 0) {
            double svcUs = serviceCpu * 1000.0 / all.count();
            double dbUs = dbPids.isEmpty() ? 0 : dbCpu * 1000.0 / all.count();
            md.append(String.format(Locale.ROOT, "%nCPU per request (from /proc, independent of the other load): service %.0f µs, "
                    + "PostgreSQL %.0f µs; %d cores free of anything else would serve about %.0f req/s of this mix "
                    + "(service + database; driver excluded).%n", svcUs, dbUs, Machine.cores(),
                    Machine.cores() * 1e6 / Math.max(1, svcUs + dbUs)));
            json.put("serviceCpuUsPerRequest", svcUs).put("dbCpuUsPerRequest", dbUs)
                    .put("projectedRps", Machine.cores() * 1e6 / Math.max(1, svcUs + dbUs));
        }
        md.append(String.format(Locale.ROOT, "%nPlots: [latency over time](%s-latency.svg), [percentile curve](%s-percentiles.svg)%n", label, label));
        Files.createDirectories(out);
        Files.writeString(out.resolve(label + ".md"), md);
        Files.writeString(out.resolve(label + ".json"), FloodDriver.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        String caption = String.format(Locale.ROOT, "%s — %d connections, load avg %s → %s", label, connections, loadBefore[0], loadAfter);
        Files.writeString(out.resolve(label + "-latency.svg"),
                SvgPlot.render(caption, all.timePanels("response time by second (all endpoints)", "responses per second")));
        Files.writeString(out.resolve(label + "-percentiles.svg"), SvgPlot.render(caption, List.of(all.percentilePanel("response time percentiles"))));
        System.out.print(md);
        return allErrors == 0 ? 0 : 3;
    }

    private static String row(String name, LatencyRecorder l, double seconds, String statuses, long errors, double kib) {
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %s | %d | %s |%n", name, l.count(),
                l.count() / seconds, l.ms(50), l.ms(90), l.ms(99), l.ms(99.9), l.maxMs(), statuses, errors,
                kib == 0 ? "" : String.format(Locale.ROOT, "%.1f", kib));
    }

    private static String statuses(Stats s) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(s.status).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('×').append(v.get()));
        return sb.toString();
    }

    private static Endpoint pick(List<Endpoint> endpoints, int total, int r) {
        for (Endpoint e : endpoints) {
            r -= e.weight();
            if (r < 0) {
                return e;
            }
        }
        return endpoints.get(endpoints.size() - 1);
    }

    /** --mix verdict=60,search=10,…; --only NAME; --path name=weight:/api/v1/…{package}… (repeatable). */
    private List<Endpoint> endpoints() {
        Map<String, String> builtIn = new LinkedHashMap<>();
        builtIn.put("verdict", "/api/v1/verdicts/{uploadId}");
        builtIn.put("history", "/api/v1/apps/{package}/verdicts?limit=20");
        // the console's two searches: one app's verdicts, and the review queue (newest rejections first)
        builtIn.put("search", "/api/v1/verdicts?package={package}&limit=20");
        builtIn.put("search-queue", "/api/v1/verdicts?decision=REJECT&limit=50");
        builtIn.put("report-sarif", "/api/v1/verdicts/{uploadId}/report?format=sarif");
        builtIn.put("report-html", "/api/v1/verdicts/{uploadId}/report?format=html");
        builtIn.put("report-json", "/api/v1/verdicts/{uploadId}/report?format=json");
        String mix = args.get("mix", "verdict=60,history=10,search=10,search-queue=5,report-sarif=5,report-html=5,report-json=5");
        String only = args.get("only", null);
        if (only != null) {
            mix = only + "=1";
        }
        List<Endpoint> list = new ArrayList<>();
        for (String part : mix.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            String template = builtIn.get(kv[0].trim());
            if (template == null) {
                continue; // may be an extra path's name
            }
            int w = Integer.parseInt(kv[1].trim());
            if (w > 0) {
                list.add(new Endpoint(kv[0].trim(), w, template));
            }
        }
        for (String p : args.all("path")) {
            int eq = p.indexOf('=');
            int colon = p.indexOf(':', eq);
            if (eq < 1 || colon < 0 || !p.substring(colon + 1).startsWith("/")) {
                throw new IllegalArgumentException("--path wants name=weight:/path?with={package}&or={uploadId}, got " + p);
            }
            if (only == null || only.equals(p.substring(0, eq))) {
                list.add(new Endpoint(p.substring(0, eq), Integer.parseInt(p.substring(eq + 1, colon)), p.substring(colon + 1)));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("empty mix");
        }
        return list;
    }

    /** Upload ids and packages that have verdicts: read back from store.decisions (bounded in count and time). */
    private List<Target> targets() {
        int max = args.intValue("max-ids", 2000);
        Map<String, Target> found = new LinkedHashMap<>();
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", args.get("bootstrap", "KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName(),
                "enable.auto.commit", "false", "max.poll.records", "2000"));
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            List<PartitionInfo> infos = c.partitionsFor("store.decisions", Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return List.of(); // no decisions yet (a fresh stack): assign() of nothing would make poll() throw
            }
            infos.forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            int emptyPolls = 0;
            while (found.size() < max && System.nanoTime() < deadline && emptyPolls < 5) {
                var recs = c.poll(Duration.ofMillis(300));
                emptyPolls = recs.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> r : recs) {
                    try {
                        JsonNode d = FloodDriver.JSON.readTree(r.value()).path("data");
                        String id = d.path("uploadId").asText("");
                        if (!id.isEmpty() && found.size() < max) {
                            found.put(id, new Target(id, d.path("package").asText("com.example.app")));
                        }
                    } catch (Exception ignored) {
                        // not a decision event
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }
}
