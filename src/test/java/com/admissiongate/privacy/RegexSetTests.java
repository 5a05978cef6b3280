package com.admissiongate.privacy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RegexSet must report exactly what Matcher.find reports, only faster. */
class RegexSetTests {

    private static final List<Pattern> SECTION_PATTERNS =
            PrivacyVocabulary.SECTIONS.values().stream().flatMap(List::stream).toList();

    /** Lower-cased texts of the 46 hand-written policies plus random mixes of their words (odd joins, edges). */
    private static List<String> texts() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(PolicyAccuracy.DIR)) {
            s.filter(p -> !p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().forEach(p -> {
                try {
                    out.add(Files.readString(p).toLowerCase(Locale.ROOT));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        Random r = new Random(7);
        String[] words = String.join(" ", out).split("(?<=[\\s。；，])");
        for (int n = 0; n < 40; n++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 200; w++) {
                b.append(words[r.nextInt(words.length)]);
                if (r.nextInt(8) == 0) {
                    b.append("to your 15 days 十五个工作日 @x.cn; ".charAt(r.nextInt(10)));
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static int[] findStarts(Pattern p, String text) {
        List<Integer> l = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            l.add(m.start());
        }
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void startsAreThoseOfMatcherFindForEverySectionDetector() throws IOException {
        RegexSet set = new RegexSet(SECTION_PATTERNS);
        int compared = 0;
        int matches = 0;
        for (String t : texts()) {
            int[][] starts = set.starts(t, null);
            for (int p = 0; p < SECTION_PATTERNS.size(); p++) {
                int[] expected = findStarts(SECTION_PATTERNS.get(p), t);
                assertArrayEquals(expected, starts[p], SECTION_PATTERNS.get(p).pattern());
                compared++;
                matches += expected.length;
            }
        }
        assertEquals(86 * SECTION_PATTERNS.size(), compared);
        assertTrue(matches > 1000, "the texts exercise the detectors: " + matches);
    }

    @Test
    void firstStartsPerLineAreTheFirstFindOfEachLineForLineConfinedPatterns() throws IOException {
        RegexSet set = new RegexSet(SECTION_PATTERNS);
        int confined = 0;
        int lines = 0;
        for (String t : texts()) {
            int[][] firsts = set.firstStartsPerLine(t, null);
            for (int p = 0; p < SECTION_PATTERNS.size(); p++) {
                Pattern pattern = SECTION_PATTERNS.get(p);
                int[] all = findStarts(pattern, t);
                if (!RegexSet.confinedToLine(pattern)) {
                    assertArrayEquals(all, firsts[p], "not line-confined, every start: " + pattern.pattern());
                    continue;
                }
                confined++;
                // expected: of Matcher.find's starts, the first one on each line
                List<Integer> expected = new ArrayList<>();
                int lineEnd = -1;
                for (int start : all) {
                    if (start > lineEnd) {
                        expected.add(start);
                        int nl = t.indexOf('\n', start);
                        lineEnd = nl < 0 ? t.length() : nl;
                        lines++;
                    }
                }
                assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), firsts[p], pattern.pattern());
            }
        }
        assertTrue(confined > 0 && lines > 100, "line-confined patterns exercised: " + confined + " / " + lines);
    }

    @Test
    void findInASubstringAgreesWithFindOnThatSubstring() throws IOException {
        List<Pattern> ps = List.of(PrivacyVocabulary.NEGATION, PrivacyVocabulary.FUNCTION_PURPOSE,
                PrivacyVocabulary.EXPERIENCE_PURPOSE, Pattern.compile("\\bto [a-z]+ (your|the)\\b"),
                Pattern.compile("\\d{1,3}\\s*个?工作日|\\d+ days"));
        RegexSet set = new RegexSet(ps);
        Random r = new Random(11);
        int agreedTrue = 0;
        for (String t : texts()) {
            long[] masks = set.candidateMasks(t);
            for (int k = 0; k < 200; k++) {
                int from = r.nextInt(t.length());
                int to = Math.min(t.length(), from + 1 + r.nextInt(160));
                String sub = t.substring(from, to);
                for (int p = 0; p < ps.size(); p++) {
                    boolean expected = ps.get(p).matcher(sub).find();
                    Matcher m = set.matcher(p, t);
                    assertEquals(expected, set.find(p, m, t, from, from, to), ps.get(p) + " in «" + sub + "»");
                    assertEquals(expected, set.find(p, set.matcher(p, t), t, masks, from, from, to), ps.get(p) + " masks");
                    if (expected) {
                        Matcher e = ps.get(p).matcher(sub);
                        e.find();
                        assertEquals(from + e.start(), m.start());
                        assertEquals(from + e.end(), m.end());
                        agreedTrue++;
                    }
                }
            }
        }
        assertTrue(agreedTrue > 500, "substrings with a match: " + agreedTrue);
    }

    @Test
    void aLeadingWordBoundaryLooksAtTheCharacterBeforeTheMatchInsideTheRangeOnly() {
        RegexSet set = new RegexSet(List.of(Pattern.compile("\\bto your")));
        String t = "auto your data; to your data";
        Matcher m = set.matcher(0, t);
        assertTrue(set.find(0, m, t, 0, 0, t.length()));
        assertEquals(16, m.start()); // "auto your" is not "to your"
        // the substring starting at "to your" inside "auto": find on the substring matches at its start
        assertTrue(set.find(0, m, t, 2, 2, 9));
        assertEquals(2, m.start());
    }

    @Test
    void refusesPatternsItCannotPrefilter() {
        assertThrows(IllegalArgumentException.class, () -> new RegexSet(List.of(Pattern.compile("(?<!x)ab"))));
        assertThrows(IllegalArgumentException.class, () -> new RegexSet(List.of(Pattern.compile("a*"))));
        assertThrows(IllegalArgumentException.class, () -> new RegexSet(List.of(Pattern.compile("^ab"))));
        List<Pattern> many = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            many.add(Pattern.compile("x" + i));
        }
        assertThrows(IllegalArgumentException.class, () -> new RegexSet(many));
        RegexSet one = new RegexSet(List.of(Pattern.compile("ab")));
        assertFalse(one.find(0, one.matcher(0, "xa"), "xa", 0, 0, 2));
    }
}
