package com.admissiongate.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Up to 63 regexes searched in one pass over a text, with the same matches as calling {@link Matcher#find()} on each
 * pattern in turn. {@code Matcher.find} tries every alternative of a pattern at every text position; 36 section
 * detectors over a 200 KB policy cost ~0.5–1 s that way. Here a position is tried only for the patterns that can
 * start with its first two characters, and that set is learnt once per character (pair) by asking the pattern itself:
 * {@code lookingAt} on the one- or two-character string either matches or runs off its end ({@link Matcher#hitEnd()})
 * exactly when a match could start with it. The tables live as long as the set (one per parser), so warm parses only
 * read them.
 *
 * <p>Restriction, checked by the constructor where it can be: a pattern may look behind its start only through a
 * leading {@code \b} (treated as "may match"); no lookbehind, no {@code \B}, no {@code ^}, no empty matches.
 */
final class RegexSet {

    private static final long KNOWN = 1L << 63;
    private static final int ASCII = 128;

    private final Pattern[] patterns;
    /** Per pattern: {@link #confinedToLine}. */
    private final boolean[] confined;
    /**
     * Candidate patterns by first character; bit 63 set once computed. Plain arrays shared by threads: an entry is
     * written whole (64-bit JVMs do not split long stores) with the same value by whichever thread learns it first,
     * and a thread that sees 0 just learns it again.
     */
    private final long[] byChar = new long[1 << 16];
    /** Candidate patterns by an ASCII pair (English text: a first letter alone is not selective). */
    private final long[] byAsciiPair = new long[ASCII * ASCII];
    /** Candidate patterns by an ASCII triple, third character's table made when its pair first occurs. */
    private final long[][] byAsciiTriple = new long[ASCII * ASCII][];

    RegexSet(List<Pattern> patterns) {
        if (patterns.size() > 63) {
            throw new IllegalArgumentException("at most 63 patterns, got " + patterns.size());
        }
        for (Pattern p : patterns) {
            String s = p.pattern();
            if (s.contains("(?<") || s.contains("\\B") || s.startsWith("^") || p.matcher("").lookingAt()) {
                throw new IllegalArgumentException("pattern not supported by RegexSet: " + s);
            }
        }
        this.patterns = patterns.toArray(new Pattern[0]);
        this.confined = new boolean[this.patterns.length];
        for (int p = 0; p < this.patterns.length; p++) {
            confined[p] = confinedToLine(this.patterns[p]);
        }
    }

    /** Escapes that never match a line feed ({@code \n} only inside a negated class, where it excludes one). */
    private static final String SAFE_ESCAPES = "bdw.+-()[]{}?*|\\$^/@:";

    /**
     * Whether no match of {@code p} can contain a line feed, judged conservatively from its source: no {@code .}, no
     * escapes beyond {@link #SAFE_ESCAPES}, no nested classes, every negated class excludes {@code \n}, no flags
     * but case-insensitivity. A pattern it cannot vouch for is simply treated as able to cross lines.
     */
    static boolean confinedToLine(Pattern p) {
        if ((p.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) != 0) {
            return false;
        }
        String s = p.pattern();
        boolean inClass = false;
        boolean negated = false;
        boolean excludesLf = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    return false;
                }
                char e = s.charAt(++i);
                if (e == 'n' && inClass && negated) {
                    excludesLf = true;
                } else if (SAFE_ESCAPES.indexOf(e) < 0) {
                    return false;
                }
            } else if (inClass) {
                if (c == '[') {
                    return false;
                }
                if (c == ']') {
                    if (negated && !excludesLf) {
                        return false;
                    }
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                negated = i + 1 < s.length() && s.charAt(i + 1) == '^';
                excludesLf = false;
                if (negated) {
                    i++;
                }
            } else if (c == '.') {
                return false;
            }
        }
        return !inClass;
    }

    int size() {
        return patterns.length;
    }

    /**
     * Match starts of every pattern ({@code result[p]}, ascending, length = count), identical to those reported by
     * successive {@code patterns[p].matcher(text).find()} calls.
     */
    int[][] starts(String text, Deadline deadline) {
        return starts(text, deadline, false);
    }

    /**
     * As {@link #starts(String, Deadline)}, but for the patterns whose matches cannot contain a line feed
     * ({@link #confinedToLine}) only the first start of each line ({@code '\n'}-separated) is reported; the others'
     * starts are all reported. What a caller that only asks "which lines (blocks) hold a match, and where is the
     * first one" needs: the first start of a line is the same as {@code starts} reports (no match from an earlier
     * line reaches into it), and skipping the rest of a line changes nothing after it. A hit in a common line
     * ("to … your") no longer tries the pattern at every later word of the paragraph.
     */
    int[][] firstStartsPerLine(String text, Deadline deadline) {
        return starts(text, deadline, true);
    }

    private int[][] starts(String text, Deadline deadline, boolean firstPerLine) {
        char[] c = text.toCharArray();
        int n = patterns.length;
        Matcher[] m = new Matcher[n];
        int[] next = new int[n];
        int[][] out = new int[n][];
        int[] count = new int[n];
        for (int p = 0; p < n; p++) {
            m[p] = patterns[p].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            out[p] = new int[8];
        }
        int len = text.length();
        for (int i = 0; i < len; i++) {
            if ((i & 0x3fff) == 0 && deadline != null) {
                deadline.check();
            }
            long cand = candidates(c, i, len);
            while (cand != 0) {
                int p = Long.numberOfTrailingZeros(cand);
                cand &= cand - 1;
                if (i < next[p]) {
                    continue;
                }
                Matcher mp = m[p];
                mp.region(i, len);
                if (mp.lookingAt()) {
                    if (count[p] == out[p].length) {
                        out[p] = Arrays.copyOf(out[p], count[p] * 2);
                    }
                    out[p][count[p]++] = i;
                    next[p] = Math.max(mp.end(), i + 1);
                    if (firstPerLine && confined[p]) {
                        int nl = text.indexOf('\n', next[p]);
                        next[p] = nl < 0 ? len : nl;
                    }
                }
            }
        }
        for (int p = 0; p < n; p++) {
            out[p] = Arrays.copyOf(out[p], count[p]);
        }
        return out;
    }

    /** A matcher over {@code text} for {@link #find}; reuse it for every search in the same text. */
    Matcher matcher(int p, String text) {
        return patterns[p].matcher(text).useAnchoringBounds(false);
    }

    /**
     * The first match of pattern {@code p} starting in {@code [from, to)}, as {@code find()} over the substring
     * {@code text[floor, to)} would report it once it has passed {@code from}: on true, {@code m} holds the match
     * (start, end, groups). {@code m} must come from {@link #matcher} with the same pattern and text.
     */
    boolean find(int p, Matcher m, String text, int floor, int from, int to) {
        long bit = 1L << p;
        for (int i = from; i < to; i++) {
            if ((candidates(text, i, to) & bit) != 0 && tryAt(m, floor, i, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * As {@link #find(int, Matcher, String, int, int, int)}, with the candidates of every position precomputed by
     * {@link #candidateMasks} (a search repeated over many sentences of one text).
     */
    boolean find(int p, Matcher m, String text, long[] masks, int floor, int from, int to) {
        return find(p, m, text, masks, floor, from, to, to);
    }

    /** As {@link #find(int, Matcher, String, long[], int, int, int)}, trying only starts in {@code [from, lastStart)}. */
    boolean find(int p, Matcher m, String text, long[] masks, int floor, int from, int lastStart, int to) {
        long bit = 1L << p;
        for (int i = from; i < lastStart; i++) {
            // the last position of the range has no in-range successor: the one-character table decides there
            long cand = i + 1 < to ? masks[i] : candidates(text, i, to);
            if ((cand & bit) != 0 && tryAt(m, floor, i, to)) {
                return true;
            }
        }
        return false;
    }

    /** The candidate patterns of every position of {@code text}. */
    long[] candidateMasks(String text) {
        char[] c = text.toCharArray();
        long[] out = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = candidates(c, i, c.length);
        }
        return out;
    }

    private static boolean tryAt(Matcher m, int floor, int i, int to) {
        // a leading \b may look at the character before i, which belongs to the substring unless i == floor
        m.useTransparentBounds(i > floor);
        m.region(i, to);
        return m.lookingAt();
    }

    /** No next character (end of the range); never a real one here since it is not ASCII. */
    private static final char NONE = '\uffff';

    private long candidates(String text, int i, int end) {
        return candidates(text.charAt(i), i + 1 < end ? text.charAt(i + 1) : NONE, i + 2 < end ? text.charAt(i + 2) : NONE);
    }

    private long candidates(char[] text, int i, int end) {
        return candidates(text[i], i + 1 < end ? text[i + 1] : NONE, i + 2 < end ? text[i + 2] : NONE);
    }

    /**
     * Patterns that may match at a position starting with {@code c c2 c3} ({@link #NONE} past the range end): by the
     * first character, narrowed by an ASCII pair, then an ASCII triple (English: "th", "co", "to" start a dozen
     * detectors; a third letter rules most of them out). Each level only re-asks the patterns the level above left.
     */
    private long candidates(char c, char c2, char c3) {
        long m = byChar[c];
        if (m == 0) {
            m = learn(String.valueOf(c), ~KNOWN);
            byChar[c] = m;
        }
        m &= ~KNOWN;
        if (m == 0 || c >= ASCII || c2 >= ASCII) {
            return m;
        }
        int k = c * ASCII + c2;
        long pair = byAsciiPair[k];
        if (pair == 0) {
            pair = learn(new String(new char[]{c, c2}), m);
            byAsciiPair[k] = pair;
        }
        pair &= ~KNOWN;
        if (pair == 0 || c3 >= ASCII) {
            return pair;
        }
        long[] sub = byAsciiTriple[k];
        if (sub == null) {
            sub = new long[ASCII];
            byAsciiTriple[k] = sub;
        }
        long triple = sub[c3];
        if (triple == 0) {
            triple = learn(new String(new char[]{c, c2, c3}), pair);
            sub[c3] = triple;
        }
        return triple & ~KNOWN;
    }

    /** The patterns among {@code among} that can start with {@code prefix} (match it, or need more than it). */
    private long learn(String prefix, long among) {
        long mask = KNOWN;
        for (int p = 0; p < patterns.length; p++) {
            if ((among & (1L << p)) == 0) {
                continue;
            }
            Matcher m = patterns[p].matcher(prefix);
            if (m.lookingAt() || m.hitEnd()) {
                mask |= 1L << p;
            }
        }
        return mask;
    }
}
