package com.admissiongate.deploy;

import com.admissiongate.config.GateConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Guards deploy/k8s: every manifest must parse, and the invariants operations rely on (probes, lock-down, sizing,
 * complete configuration, no credentials in git, scaling bounds) are checked where they live, so a broken or
 * drifting manifest fails the build instead of a rollout.
 */
class K8sManifestsTests {

    private static final Path K8S = Path.of("deploy/k8s");
    private static final Path BASE = K8S.resolve("base");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Env-style placeholders only; lower-case ${quarkus.x} references are property names, not variables. */
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Set<String> SECRET_KEYS = Set.of("PG_USER", "PG_PASSWORD", "S3_ACCESS_KEY", "S3_SECRET_KEY");
    private static final Map<String, String> POD_LABELS =
            Map.of("app.kubernetes.io/name", "admission-gate", "app.kubernetes.io/component", "gate");

    @Test
    void everyYamlDocumentParsesAndNamesItsApiVersionKindAndName() throws IOException {
        List<Path> files = yamlFiles();

        assertThat(files).extracting(p -> K8S.relativize(p).toString().replace('\\', '/')).contains(
                "base/kustomization.yaml", "base/deployment.yaml", "base/configmap.yaml", "base/secret.example.yaml",
                "base/service.yaml", "base/pdb.yaml", "base/keda-scaledobject.yaml", "base/networkpolicy.yaml",
                "base/servicemonitor.yaml", "alternatives/hpa.yaml",
                "overlays/dev/kustomization.yaml", "overlays/prod/kustomization.yaml");
        for (Path file : files) {
            List<JsonNode> docs = documents(file);
            assertThat(docs).as(file + " documents").isNotEmpty();
            for (JsonNode doc : docs) {
                assertThat(doc.isObject()).as(file + " is a mapping").isTrue();
                assertThat(doc.path("apiVersion").asText()).as(file + " apiVersion").isNotBlank();
                assertThat(doc.path("kind").asText()).as(file + " kind").isNotBlank();
                assertThat(doc.path("metadata").path("name").asText()).as(file + " metadata.name").isNotBlank();
            }
        }
    }

    @Test
    void kustomizationResourcesAndPatchFilesExist() throws IOException {
        List<Path> kustomizations = yamlFiles().stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();

        assertThat(kustomizations).hasSize(3);
        for (Path k : kustomizations) {
            JsonNode doc = single(k);
            Path dir = k.getParent();
            assertThat(doc.path("resources").size()).as(k + " resources").isPositive();
            for (JsonNode r : doc.path("resources")) {
                Path target = dir.resolve(r.asText()).normalize();
                boolean exists = Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml"));
                assertThat(exists).as(k + " resource " + r.asText()).isTrue();
            }
            for (JsonNode patch : doc.path("patches")) {
                if (patch.has("path")) {
                    assertThat(dir.resolve(patch.path("path").asText())).as(k + " patch").isRegularFile();
                } else {
                    assertThat(patch.path("patch").asText()).as(k + " inline patch").isNotBlank();
                    assertThat(patch.path("target").path("kind").asText()).as(k + " inline patch target").isNotBlank();
                }
            }
        }
    }

    @Test
    void baseListsEveryManifestExceptTheSecretTemplate() throws IOException {
        Set<String> resources = texts(single(BASE.resolve("kustomization.yaml")).path("resources"));
        Set<String> manifests;
        try (Stream<Path> s = Files.list(BASE)) {
            manifests = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(resources).doesNotContain("secret.example.yaml");
        assertThat(manifests).containsExactlyInAnyOrderElementsOf(union(resources, Set.of("secret.example.yaml")));
    }

    @Test
    void noSecretAnywhereCarriesAValue() throws IOException {
        int secrets = 0;
        for (Path file : yamlFiles()) {
            for (JsonNode doc : documents(file)) {
                if (!doc.path("kind").asText().equals("Secret")) {
                    continue;
                }
                secrets++;
                for (String field : List.of("data", "stringData")) {
                    doc.path(field).fields().forEachRemaining(e -> assertThat(e.getValue().asText())
                            .as(file + " " + field + "." + e.getKey()).isEmpty());
                }
            }
        }
        assertThat(secrets).as("only the template is a Secret").isEqualTo(1);
    }

    @Test
    void secretTemplateNamesExactlyTheCredentialKeys() throws IOException {
        JsonNode secret = single(BASE.resolve("secret.example.yaml"));

        assertThat(secret.path("kind").asText()).isEqualTo("Secret");
        assertThat(secret.path("metadata").path("name").asText()).isEqualTo("admission-gate-secrets");
        assertThat(fieldNames(secret.path("stringData"))).containsExactlyInAnyOrderElementsOf(SECRET_KEYS);
        assertThat(secret.has("data")).isFalse();
    }

    @Test
    void deploymentProbesTheThreeQuarkusHealthEndpoints() throws IOException {
        JsonNode container = gateContainer();

        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.path(probe).at("/httpGet/port").asText()).as(probe).isEqualTo("http");
            assertThat(container.path(probe).path("timeoutSeconds").asInt()).as(probe).isPositive();
        }
        JsonNode startup = container.path("startupProbe");
        int startupBudget = startup.path("initialDelaySeconds").asInt()
                + startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt();
        // ~10 s boot plus rule-pack compile and Flyway must fit with a wide margin.
        assertThat(startupBudget).isGreaterThanOrEqualTo(90);
        // The S3 readiness check alone may take GATE_S3_HEALTH_TIMEOUT (2s).
        assertThat(container.at("/readinessProbe/timeoutSeconds").asInt()).isGreaterThan(2);
        assertThat(texts(container.path("ports").findValues("name"))).contains("http");
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void deploymentRunsLockedDown() throws IOException {
        JsonNode pod = deployment().at("/spec/template/spec");
        JsonNode container = gateContainer();
        JsonNode csc = container.path("securityContext");

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(185);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(csc.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(csc.path("runAsUser").asInt()).isEqualTo(185);
        assertThat(csc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(csc.path("allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(csc.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(csc.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(texts(csc.at("/capabilities/drop"))).containsExactly("ALL");
        assertThat(csc.at("/capabilities/add").isMissingNode()).isTrue();
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    }

    @Test
    void deploymentTmpIsAFourGibEmptyDirBecauseTheRootIsReadOnly() throws IOException {
        JsonNode pod = deployment().at("/spec/template/spec");
        JsonNode mount = gateContainer().path("volumeMounts").get(0);

        assertThat(mount.path("mountPath").asText()).isEqualTo("/tmp");
        JsonNode volume = find(pod.path("volumes"), "name", mount.path("name").asText());
        assertThat(volume.at("/emptyDir/sizeLimit").asText()).isEqualTo("4Gi");
        assertThat(configMapData().get("GATE_ARTIFACT_TEMP_DIR")).isEqualTo("/tmp");
    }

    @Test
    void deploymentSizingImageAndConfigSources() throws IOException {
        JsonNode deployment = deployment();
        JsonNode container = gateContainer();

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isEqualTo(30);
        assertThat(deployment.at("/spec/template/spec/topologySpreadConstraints").size()).isPositive();
        assertThat(container.path("image").asText()).isEqualTo("registry.example.com/admission-gate:0.1.0");
        assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("500m");
        assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("1280Mi");
        assertThat(container.at("/resources/limits/cpu").asText()).isEqualTo("2");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1536Mi");
        assertThat(find(container.path("env"), "name", "JAVA_OPTS").path("value").asText())
                .contains("-XX:MaxRAMPercentage=70");
        assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("admission-gate-config");
        assertThat(container.at("/envFrom/1/secretRef/name").asText()).isEqualTo("admission-gate-secrets");
        assertThat(labels(deployment.at("/spec/selector/matchLabels"))).isEqualTo(POD_LABELS);
        assertThat(labels(deployment.at("/spec/template/metadata/labels"))).containsAllEntriesOf(POD_LABELS);
    }

    @Test
    void everyEnvPlaceholderOfApplicationPropertiesIsConfigMapOrSecret() throws IOException {
        Map<String, String> placeholders = envPlaceholderDefaults();
        Set<String> configMapKeys = configMapData().keySet();

        assertThat(placeholders.keySet()).contains("PG_URL", "PG_JDBC_URL", "KAFKA_BOOTSTRAP", "S3_ENDPOINT",
                "GATE_HTTP_PORT", "PG_POOL_SIZE", "GATE_ALLOWED_BUCKETS");
        for (String name : placeholders.keySet()) {
            boolean inConfigMap = configMapKeys.contains(name);
            boolean inSecret = SECRET_KEYS.contains(name);
            assertThat(inConfigMap ^ inSecret).as(name + " in exactly one of ConfigMap and Secret").isTrue();
        }
        assertThat(SECRET_KEYS).allSatisfy(k -> assertThat(configMapKeys).doesNotContain(k));
    }

    @Test
    void configMapPlaceholderValuesAreTheProdDefaults() throws IOException {
        Map<String, String> configMap = configMapData();

        envPlaceholderDefaults().forEach((name, def) -> {
            if (def != null && !SECRET_KEYS.contains(name)) {
                assertThat(configMap.get(name)).as(name).isEqualTo(def);
            }
        });
    }

    @Test
    void everyGateConfigKeyIsInTheConfigMapWithItsCodeDefault() throws IOException {
        Map<String, String> configMap = configMapData();
        Map<String, String> mappedToPlaceholder = gatePropertiesMappedToPlaceholders();
        Map<String, Method> gateKeys = gateConfigKeys();

        assertThat(gateKeys).containsKeys("gate.rereview.cron", "gate.rereview.minors-rectify-days");
        assertThat(gateKeys).containsKeys("gate.pipeline.max-attempts", "gate.outbox.poll-interval",
                "gate.archive.max-dex-size", "gate.s3.health-timeout");
        gateKeys.forEach((key, method) -> {
            String directEnv = envName(key);
            if (mappedToPlaceholder.containsKey(key)) {
                // A direct GATE_S3_ENDPOINT would silently win over S3_ENDPOINT (env outranks the properties file).
                assertThat(configMap).as(key + " is set through " + mappedToPlaceholder.get(key))
                        .doesNotContainKey(directEnv);
                return;
            }
            assertThat(configMap).as(key).containsKey(directEnv);
            WithDefault def = method.getAnnotation(WithDefault.class);
            if (def != null) {
                assertThat(configMap.get(directEnv)).as(directEnv).isEqualTo(def.value());
            }
        });
    }

    @Test
    void configMapHasOnlyKnownKeysAndStringValues() throws IOException {
        JsonNode data = single(BASE.resolve("configmap.yaml")).path("data");
        Set<String> known = new TreeSet<>(envPlaceholderDefaults().keySet());
        Map<String, String> mapped = gatePropertiesMappedToPlaceholders();
        gateConfigKeys().keySet().stream().filter(k -> !mapped.containsKey(k)).map(K8sManifestsTests::envName)
                .forEach(known::add);

        assertThat(single(BASE.resolve("configmap.yaml")).at("/metadata/name").asText()).isEqualTo("admission-gate-config");
        data.fields().forEachRemaining(e -> {
            assertThat(known).as("known config key").contains(e.getKey());
            assertThat(e.getValue().isTextual()).as(e.getKey() + " must be a quoted string").isTrue();
        });
    }

    @Test
    void overlayConfigMapPatchesOnlySetKnownKeys() throws IOException {
        Set<String> baseKeys = configMapData().keySet();
        for (String overlay : List.of("dev", "prod")) {
            JsonNode patch = single(K8S.resolve("overlays/" + overlay + "/configmap-patch.yaml"));
            assertThat(patch.at("/metadata/name").asText()).isEqualTo("admission-gate-config");
            assertThat(fieldNames(patch.path("data"))).as(overlay).isNotEmpty().isSubsetOf(baseKeys);
            patch.path("data").fields().forEachRemaining(e ->
                    assertThat(e.getValue().isTextual()).as(overlay + " " + e.getKey()).isTrue());
        }
    }

    @Test
    void kedaScalesOnUploadsLagUpToThePartitionCount() throws IOException {
        JsonNode so = single(BASE.resolve("keda-scaledobject.yaml"));
        JsonNode trigger = so.at("/spec/triggers/0");

        assertThat(so.path("kind").asText()).isEqualTo("ScaledObject");
        assertThat(so.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment().at("/metadata/name").asText());
        assertThat(so.at("/spec/minReplicaCount").asInt()).isEqualTo(2);
        assertThat(so.at("/spec/maxReplicaCount").asInt()).isEqualTo(12);
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo("admission-gate");
        assertThat(trigger.at("/metadata/topic").asText()).isEqualTo("store.uploads");
        assertThat(trigger.at("/metadata/lagThreshold").asText()).isEqualTo("20");
        // KEDA trigger metadata is map[string]string.
        trigger.path("metadata").fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
        // The consumer group in the app must be the one KEDA measures.
        assertThat(properties().getProperty("mp.messaging.incoming.uploads.group.id")).isEqualTo("admission-gate");
        assertThat(properties().getProperty("mp.messaging.incoming.uploads.topic")).isEqualTo("store.uploads");
    }

    @Test
    void hpaAlternativeIsBoundedByPartitionsAndNotInAnyKustomization() throws IOException {
        JsonNode hpa = single(K8S.resolve("alternatives/hpa.yaml"));

        assertThat(hpa.path("kind").asText()).isEqualTo("HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(12);
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(2);
        for (Path k : yamlFiles()) {
            if (k.getFileName().toString().equals("kustomization.yaml")) {
                assertThat(texts(single(k).path("resources"))).noneMatch(r -> r.contains("hpa"));
            }
        }
    }

    @Test
    void networkPolicyOpensOnlyTheDocumentedPorts() throws IOException {
        JsonNode np = single(BASE.resolve("networkpolicy.yaml"));

        assertThat(texts(np.at("/spec/policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(labels(np.at("/spec/podSelector/matchLabels"))).isEqualTo(POD_LABELS);
        assertThat(ports(np.at("/spec/ingress"))).containsExactly(8080);
        assertThat(np.at("/spec/ingress").findValues("matchLabels").stream()
                .map(m -> m.path("kubernetes.io/metadata.name").asText()).toList())
                .containsExactlyInAnyOrder("store", "monitoring");
        assertThat(ports(np.at("/spec/egress"))).containsExactlyInAnyOrder(53, 9092, 9093, 5432, 443, 9000);
        for (JsonNode rule : np.at("/spec/egress")) {
            assertThat(rule.path("to").size()).as("egress rule without a destination allows everything").isPositive();
        }
    }

    @Test
    void serviceServiceMonitorAndPdbSelectTheGatePods() throws IOException {
        JsonNode service = single(BASE.resolve("service.yaml"));
        JsonNode monitor = single(BASE.resolve("servicemonitor.yaml"));
        JsonNode pdb = single(BASE.resolve("pdb.yaml"));

        assertThat(labels(service.at("/spec/selector"))).isEqualTo(POD_LABELS);
        assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo("http");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
        assertThat(labels(service.at("/metadata/labels"))).containsAllEntriesOf(labels(monitor.at("/spec/selector/matchLabels")));
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(monitor.at("/spec/endpoints/0/interval").asText()).isEqualTo("30s");
        assertThat(properties().getProperty("quarkus.micrometer.export.prometheus.path")).isEqualTo("/q/metrics");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(labels(pdb.at("/spec/selector/matchLabels"))).isEqualTo(POD_LABELS);
    }

    @Test
    void overlaysSetTheirReplicaCountsAndProdAntiAffinity() throws IOException {
        JsonNode dev = single(K8S.resolve("overlays/dev/deployment-patch.yaml"));
        JsonNode prod = single(K8S.resolve("overlays/prod/deployment-patch.yaml"));

        assertThat(dev.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(dev.at("/spec/template/spec/containers/0/resources/limits/memory").asText()).isEqualTo("768Mi");
        assertThat(prod.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(prod.at("/spec/template/spec/affinity/podAntiAffinity").size()).isPositive();
        assertThat(prod.findValues("topologyKey").stream().map(JsonNode::asText)).contains("kubernetes.io/hostname");
        assertThat(single(K8S.resolve("overlays/dev/kustomization.yaml")).path("namespace").asText()).isEqualTo("admission-gate-dev");
        assertThat(single(K8S.resolve("overlays/prod/kustomization.yaml")).path("namespace").asText()).isEqualTo("admission-gate");
    }

    /** Full render through kustomize when kubectl is installed; skipped (not failed) on machines without it. */
    @Test
    void overlaysRenderWithKustomize() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl not installed");

        List<JsonNode> prod = render("overlays/prod");
        List<JsonNode> dev = render("overlays/dev");

        assertThat(byKind(prod, "Deployment").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(byKind(prod, "ScaledObject").at("/spec/minReplicaCount").asInt()).isEqualTo(3);
        assertThat(byKind(prod, "ScaledObject").at("/spec/maxReplicaCount").asInt()).isEqualTo(12);
        assertThat(byKind(prod, "Deployment").at("/spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem")
                .asBoolean()).isTrue();
        assertThat(prod.stream().map(d -> d.path("kind").asText())).doesNotContain("Secret", "HorizontalPodAutoscaler");
        assertThat(prod).allSatisfy(d -> assertThat(d.at("/metadata/namespace").asText()).isEqualTo("admission-gate"));
        assertThat(byKind(dev, "Deployment").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(byKind(dev, "ScaledObject").at("/spec/minReplicaCount").asInt()).isEqualTo(1);
        assertThat(byKind(dev, "PodDisruptionBudget").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(byKind(dev, "PodDisruptionBudget").has("minAvailable")).isFalse();
        assertThat(byKind(dev, "ConfigMap").at("/data/KAFKA_BOOTSTRAP").asText())
                .isEqualTo(byKind(dev, "ScaledObject").at("/spec/triggers/0/metadata/bootstrapServers").asText());
        assertThat(byKind(prod, "ConfigMap").at("/data/KAFKA_BOOTSTRAP").asText())
                .isEqualTo(byKind(prod, "ScaledObject").at("/spec/triggers/0/metadata/bootstrapServers").asText());
    }

    // ---- helpers ----

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(K8S)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        }
    }

    private static JsonNode single(Path file) throws IOException {
        List<JsonNode> docs = documents(file);
        assertThat(docs).as(file.toString()).hasSize(1);
        return docs.get(0);
    }

    private static JsonNode deployment() throws IOException {
        JsonNode d = single(BASE.resolve("deployment.yaml"));
        assertThat(d.path("kind").asText()).isEqualTo("Deployment");
        return d;
    }

    private static JsonNode gateContainer() throws IOException {
        return find(deployment().at("/spec/template/spec/containers"), "name", "admission-gate");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static JsonNode byKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " rendered"));
    }

    private static Map<String, String> configMapData() throws IOException {
        Map<String, String> data = new TreeMap<>();
        single(BASE.resolve("configmap.yaml")).path("data").fields()
                .forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Set<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fieldNames(JsonNode obj) {
        Set<String> out = new TreeSet<>();
        obj.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Map<String, String> labels(JsonNode obj) {
        Map<String, String> out = new TreeMap<>();
        obj.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Set<Integer> ports(JsonNode rules) {
        Set<Integer> out = new TreeSet<>();
        rules.forEach(r -> r.path("ports").forEach(p -> out.add(p.path("port").asInt())));
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static Properties properties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(APPLICATION_PROPERTIES)) {
            p.load(in);
        }
        return p;
    }

    /**
     * NAME to the default the container will see: the pod runs the prod profile, so a {@code %prod.} line's
     * default wins over the unprofiled one; other profiles (%test, %dev) never run in the cluster.
     * A placeholder without default maps to null.
     */
    private static Map<String, String> envPlaceholderDefaults() throws IOException {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> prod = new LinkedHashMap<>();
        Properties props = properties();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            boolean isProd = key.startsWith("%prod.");
            if (key.startsWith("%") && !isProd) {
                continue;
            }
            Matcher m = ENV_PLACEHOLDER.matcher(props.getProperty(key));
            while (m.find()) {
                (isProd ? prod : plain).put(m.group(1), m.group(2));
            }
        }
        // Placeholders in other profiles still name variables the deployment may need to know about.
        String raw = Files.readString(APPLICATION_PROPERTIES, StandardCharsets.UTF_8);
        Matcher all = ENV_PLACEHOLDER.matcher(raw.lines().filter(l -> !l.stripLeading().startsWith("#"))
                .collect(Collectors.joining("\n")));
        while (all.find()) {
            plain.putIfAbsent(all.group(1), all.group(2));
        }
        plain.putAll(prod);
        return plain;
    }

    /** gate.* keys whose value in application.properties is an env placeholder, e.g. gate.s3.endpoint → S3_ENDPOINT. */
    private static Map<String, String> gatePropertiesMappedToPlaceholders() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Properties props = properties();
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith("gate.")) {
                continue;
            }
            Matcher m = ENV_PLACEHOLDER.matcher(props.getProperty(key));
            if (m.find()) {
                out.put(key, m.group(1));
            }
        }
        return out;
    }

    /** Every leaf property of {@link GateConfig} (gate.group.kebab-name) with its accessor. */
    private static Map<String, Method> gateConfigKeys() {
        Map<String, Method> out = new TreeMap<>();
        collect("gate", GateConfig.class, out);
        // mappings of their own (one per capability, so engineers do not all edit GateConfig)
        collect("gate.rereview", com.admissiongate.config.ReReviewConfig.class, out);
        collect("gate.privacy", com.admissiongate.config.PrivacyConfig.class, out);
        // helpers' own mappings (shared brief: one @ConfigMapping per area, never in GateConfig)
        collect("gate.ops", com.admissiongate.config.OperatorApiConfig.class, out);
        return out;
    }

    private static void collect(String prefix, Class<?> group, Map<String, Method> out) {
        Method[] methods = group.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            if (m.isDefault() || m.isSynthetic() || m.getParameterCount() > 0 || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String key = prefix + "." + kebab(m.getName());
            Class<?> type = m.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() != null
                    && type.getEnclosingClass().getPackage() == GateConfig.class.getPackage()) {
                collect(key, type, out);
            } else {
                out.put(key, m);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Quarkus/SmallRye env naming: upper case, every non-alphanumeric character becomes '_'. */
    private static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, exe)));
    }

    private static List<JsonNode> render(String overlay) throws Exception {
        Process p = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(overlay).toString())
                .redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
