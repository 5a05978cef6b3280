package com.admissiongate.privacy;

import com.admissiongate.catalog.CatalogLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores the parser against the hand-written policies in src/test/resources/privacy-policies (each with an
 * {@code .expected.json}): per-section and per-element precision/recall. Used by {@link PolicyAccuracyTests} (which
 * enforces the targets) and by {@code main} (which prints the table for docs/privacy-policy.md).
 */
final class PolicyAccuracy {

    static final Path DIR = Path.of("src/test/resources/privacy-policies");

    /** Counts of one element. */
    static final class Score {
        int tp;
        int fp;
        int fn;
        int tn;
        final List<String> errors = new ArrayList<>();

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }

    final Map<String, Score> sections = new LinkedHashMap<>();
    final Score sectionsAll = new Score();
    final Score sdks = new Score();
    final Score language = new Score();
    final Score effectiveDate = new Score();
    final Score email = new Score();
    final Score responseDays = new Score();
    final Score operator = new Score();
    int documents;

    static PolicyAccuracy run() throws IOException {
        PrivacyPolicyParser parser = new PrivacyPolicyParser(PrivacyLimits.defaults(), CatalogLoader.fromClasspath().sdks());
        ObjectMapper mapper = new ObjectMapper();
        PolicyAccuracy acc = new PolicyAccuracy();
        List<Path> expectations;
        try (Stream<Path> s = Files.list(DIR)) {
            expectations = s.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
        }
        for (Path exp : expectations) {
            String base = exp.getFileName().toString().replace(".expected.json", "");
            Path doc = Files.exists(DIR.resolve(base + ".html")) ? DIR.resolve(base + ".html") : DIR.resolve(base + ".txt");
            JsonNode e = mapper.readTree(exp.toFile());
            PrivacyPolicyFacts f = parser.parse(Files.readAllBytes(doc), null, doc.getFileName().toString(),
                    new PrivacyPolicyFacts.Source("file", base, null), PrivacyPolicyParser.Context.NONE);
            acc.score(base, e, f);
        }
        return acc;
    }

    void score(String name, JsonNode e, PrivacyPolicyFacts f) {
        documents++;
        e.get("sections").fields().forEachRemaining(s -> {
            boolean want = s.getValue().asBoolean();
            PrivacyPolicyFacts.Section got = f.sections() == null ? null : f.sections().get(s.getKey());
            boolean have = got != null && got.present();
            Score sc = sections.computeIfAbsent(s.getKey(), k -> new Score());
            for (Score x : List.of(sc, sectionsAll)) {
                if (want && have) {
                    x.tp++;
                } else if (want) {
                    x.fn++;
                    x.errors.add(name + ": missed " + s.getKey());
                } else if (have) {
                    x.fp++;
                    x.errors.add(name + ": false " + s.getKey() + " " + got.evidence());
                } else {
                    x.tn++;
                }
            }
        });
        Set<String> want = new LinkedHashSet<>();
        for (JsonNode s : e.get("sdks")) {
            want.add(s.isTextual() ? "id:" + s.asText() : "name:" + s.get("name").asText().toLowerCase(Locale.ROOT));
        }
        Set<String> have = new LinkedHashSet<>();
        for (PrivacyPolicyFacts.DeclaredSdk s : f.sdks()) {
            have.add(s.sdkId() != null ? "id:" + s.sdkId() : "name:" + s.name().toLowerCase(Locale.ROOT));
        }
        for (String w : want) {
            if (have.contains(w)) {
                sdks.tp++;
            } else {
                sdks.fn++;
                sdks.errors.add(name + ": missed SDK " + w + " (got " + have + ")");
            }
        }
        for (String h : have) {
            if (!want.contains(h)) {
                sdks.fp++;
                sdks.errors.add(name + ": extra SDK " + h);
            }
        }
        exact(language, name, e.get("language").asText(), f.language());
        exact(effectiveDate, name, text(e, "effectiveDate"), f.effectiveDate() == null ? null : f.effectiveDate().date());
        exact(email, name, text(e, "email"), f.operator().emails().isEmpty() ? null : f.operator().emails().get(0));
        exact(responseDays, name, e.has("responseDays") ? e.get("responseDays").asText() : null,
                f.responseDays() == null ? null : String.valueOf(f.responseDays()));
        exact(operator, name, text(e, "operator"), f.operator().name());
    }

    private static String text(JsonNode e, String field) {
        return e.hasNonNull(field) ? e.get(field).asText() : null;
    }

    /** Exact-value element: a wrong value counts as both a false positive and a false negative. */
    private static void exact(Score s, String name, String want, String have) {
        if (want != null && want.equals(have)) {
            s.tp++;
        } else if (want == null && have == null) {
            s.tn++;
        } else {
            if (want != null) {
                s.fn++;
            }
            if (have != null) {
                s.fp++;
            }
            s.errors.add(name + ": want " + want + " got " + have);
        }
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d documents%n%n| element | TP | FP | FN | TN | precision | recall |%n|---|---:|---:|---:|---:|---:|---:|%n", documents));
        row(b, "**all sections**", sectionsAll);
        row(b, "**SDK list entries**", sdks);
        row(b, "language", language);
        row(b, "operator name", operator);
        row(b, "contact e-mail", email);
        row(b, "effective date", effectiveDate);
        row(b, "response period (days)", responseDays);
        sections.forEach((k, v) -> row(b, "section " + k, v));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Score s) {
        b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f %% | %.1f %% |%n", name, s.tp, s.fp, s.fn, s.tn,
                100 * s.precision(), 100 * s.recall()));
    }

    public static void main(String[] args) throws IOException {
        PolicyAccuracy a = run();
        System.out.print(a.table());
        if (args.length > 0) {
            a.sectionsAll.errors.forEach(System.out::println);
            a.sdks.errors.forEach(System.out::println);
            for (Score s : List.of(a.language, a.operator, a.email, a.effectiveDate, a.responseDays)) {
                s.errors.forEach(System.out::println);
            }
        }
    }
}
