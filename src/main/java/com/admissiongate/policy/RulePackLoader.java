package com.admissiongate.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads a pack: {@code pack.yaml} (name, semver, description and the {@code rules:} index of file names)
 * plus one {@code <RULE-ID>.yaml} per rule. Every file is schema-validated, every expression compiled once;
 * any problem fails the whole load, naming the file and, for CEL, the line:column inside the expression.
 *
 * <p>The {@code rules:} index exists because resources inside a jar cannot be listed reliably; loading
 * from a directory additionally reports rule files the index forgot.
 *
 * <p>Content hash: SHA-256 over the rule files sorted by name, each contributing
 * {@code name '\n' byteLength '\n' bytes}; pack.yaml is not part of it (its semver is shown separately).
 */
public final class RulePackLoader {

    static final String PACK_FILE = "pack.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PolicySchemas schemas = new PolicySchemas();
    private final CelRuleCompiler compiler;

    public RulePackLoader() {
        this(new CelRuleCompiler());
    }

    RulePackLoader(CelRuleCompiler compiler) {
        this.compiler = compiler;
    }

    /** Reads file bytes by name; returns null when the file does not exist. */
    private interface Source {
        byte[] read(String name) throws IOException;
    }

    public RulePack load(Path dir) throws RulePackLoadException {
        List<String> extraProblems = new ArrayList<>();
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals(PACK_FILE))
                    .forEach(onDisk::add);
        } catch (IOException e) {
            throw new RulePackLoadException(dir.toString(), List.of(dir + ": cannot list: " + e.getMessage()));
        }
        Source source = name -> {
            Path p = dir.resolve(name);
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        };
        return load(dir.toString(), source, onDisk, extraProblems);
    }

    /** @param resourceDir e.g. {@code policies/cn-app-pi} */
    public RulePack loadFromClasspath(String resourceDir) throws RulePackLoadException {
        ClassLoader cl = RulePackLoader.class.getClassLoader();
        Source source = name -> {
            try (InputStream in = cl.getResourceAsStream(resourceDir + "/" + name)) {
                return in == null ? null : in.readAllBytes();
            }
        };
        return load("classpath:" + resourceDir, source, null, new ArrayList<>());
    }

    /**
     * Loads a pack from files held in memory (an uploaded archive, a pack stored in the database): {@code files}
     * maps a file name (pack.yaml, RULE-ID.yaml) to its bytes; files the index does not list are reported.
     */
    public RulePack load(String location, java.util.Map<String, byte[]> files) throws RulePackLoadException {
        Set<String> present = new HashSet<>();
        for (String name : files.keySet()) {
            if (name.endsWith(".yaml") && !name.equals(PACK_FILE)) {
                present.add(name);
            }
        }
        return load(location, files::get, present, new ArrayList<>());
    }

    private RulePack load(String location, Source source, Set<String> onDisk, List<String> problems)
            throws RulePackLoadException {
        JsonNode pack = readYaml(source, PACK_FILE, problems);
        if (pack == null) {
            throw new RulePackLoadException(location, problems);
        }
        List<String> packProblems = schemas.validatePack(pack, PACK_FILE);
        if (!packProblems.isEmpty()) {
            problems.addAll(packProblems);
            throw new RulePackLoadException(location, problems);
        }
        List<String> listed = new ArrayList<>();
        pack.get("rules").forEach(n -> listed.add(n.asText()));
        if (onDisk != null) {
            for (String file : new java.util.TreeSet<>(onDisk)) {
                if (!listed.contains(file)) {
                    problems.add(file + ": not listed in " + PACK_FILE + " rules:");
                }
            }
        }

        TreeMap<String, byte[]> contents = new TreeMap<>();
        List<CompiledRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String file : listed) {
            byte[] bytes;
            try {
                bytes = source.read(file);
            } catch (IOException e) {
                problems.add(file + ": cannot read: " + e.getMessage());
                continue;
            }
            if (bytes == null) {
                problems.add(file + ": listed in " + PACK_FILE + " but missing");
                continue;
            }
            contents.put(file, bytes);
            CompiledRule rule = compileRule(file, bytes, problems);
            if (rule != null) {
                if (!ids.add(rule.id())) {
                    problems.add(file + ": duplicate rule id " + rule.id());
                }
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackLoadException(location, problems);
        }
        return new RulePack(pack.get("name").asText(), pack.get("version").asText(),
                pack.path("description").asText(""), contentHash(contents), rules);
    }

    private JsonNode readYaml(Source source, String file, List<String> problems) {
        try {
            byte[] bytes = source.read(file);
            if (bytes == null) {
                problems.add(file + ": missing");
                return null;
            }
            return parseYaml(bytes, file, problems);
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
            return null;
        }
    }

    private static JsonNode parseYaml(byte[] bytes, String file, List<String> problems) {
        try {
            JsonNode node = YAML.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                problems.add(file + ": empty file");
                return null;
            }
            return node;
        } catch (IOException e) {
            String where = " ";
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException
                    && ((com.fasterxml.jackson.core.JsonProcessingException) e).getLocation() != null) {
                var loc = ((com.fasterxml.jackson.core.JsonProcessingException) e).getLocation();
                where = loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
            }
            problems.add(file + ":" + where + "not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private CompiledRule compileRule(String file, byte[] bytes, List<String> problems) {
        JsonNode node = parseYaml(bytes, file, problems);
        if (node == null) {
            return null;
        }
        List<String> schemaProblems = schemas.validateRule(node, file);
        if (!schemaProblems.isEmpty()) {
            problems.addAll(schemaProblems);
            return null;
        }
        Rule rule;
        try {
            rule = YAML.treeToValue(node, Rule.class);
        } catch (IOException e) {
            problems.add(file + ": " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (!file.equals(rule.id() + ".yaml")) {
            problems.add(file + ": file name must be " + rule.id() + ".yaml");
        }
        int before = problems.size();
        CelExpression appliesWhen = rule.appliesWhen() == null ? null
                : compile(rule.appliesWhen(), file + ": appliesWhen", CelRuleCompiler.Expect.BOOL, problems);
        List<CelExpression> variables = new ArrayList<>();
        for (RuleVariable v : rule.variables()) {
            variables.add(compile(v.expression(), file + ": variables." + v.name(), CelRuleCompiler.Expect.ANY,
                    problems));
        }
        CelExpression violation = compile(rule.violation(), file + ": violation", CelRuleCompiler.Expect.BOOL,
                problems);
        CelExpression evidence = rule.evidence() == null ? null
                : compile(rule.evidence(), file + ": evidence", CelRuleCompiler.Expect.LIST, problems);
        List<CelExpression> outcomeWhen = new ArrayList<>();
        for (int i = 0; i < rule.outcomeWhen().size(); i++) {
            outcomeWhen.add(compile(rule.outcomeWhen().get(i).when(), file + ": outcomeWhen[" + i + "].when",
                    CelRuleCompiler.Expect.BOOL, problems));
        }
        MessageTemplate zh = template(rule.message().zh(), file + ": message.zh", problems);
        MessageTemplate en = template(rule.message().en(), file + ": message.en", problems);
        if (problems.size() > before) {
            return null;
        }
        return new CompiledRule(rule, file, appliesWhen, variables, violation, evidence, outcomeWhen, zh, en);
    }

    private CelExpression compile(String source, String where, CelRuleCompiler.Expect expect,
            List<String> problems) {
        try {
            return compiler.compile(source, where, expect);
        } catch (CelRuleCompiler.CompileProblems e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private MessageTemplate template(String text, String where, List<String> problems) {
        try {
            return MessageTemplate.parse(text, where, compiler);
        } catch (CelRuleCompiler.CompileProblems e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    static String contentHash(TreeMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
                sha.update(Integer.toString(e.getValue().length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) '\n');
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
