package com.admissiongate.privacy;

import com.admissiongate.catalog.SdkCatalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Policy bytes → {@link PrivacyPolicyFacts}: language, operator and contact, dates, sections, declared PI types,
 * permissions and SDK list, each with sentence offsets. Stateless and thread-safe after construction (the SDK alias
 * index is built once). Never throws for bad input.
 */
public final class PrivacyPolicyParser {

    /** What the submission says, to check that the policy is this app's own (MP-1). Both may be null. */
    public record Context(String appName, String operatorName) {
        public static final Context NONE = new Context(null, null);
    }

    private final PolicyDocumentReader reader;
    private final SdkNameIndex sdkNames;
    private final PhraseIndex<List<String>> piPhrases = new PhraseIndex<>();
    private final PhraseIndex<List<String>> permPhrases = new PhraseIndex<>();

    public PrivacyPolicyParser(PrivacyLimits limits, SdkCatalog sdks) {
        this.reader = new PolicyDocumentReader(limits);
        this.sdkNames = new SdkNameIndex(sdks);
        PrivacyVocabulary.PI_PHRASES.forEach(piPhrases::add);
        PrivacyVocabulary.PERMISSION_PHRASES.forEach(permPhrases::add);
    }

    public PrivacyLimits limits() {
        return reader.limits();
    }

    public PrivacyPolicyFacts parse(byte[] bytes, String mediaType, String name, PrivacyPolicyFacts.Source source,
                                    Context context) {
        String sha = sha256(bytes);
        PolicyDocumentReader.Result r = reader.read(bytes, mediaType, name);
        if (!r.ok()) {
            return PrivacyPolicyFacts.unavailable(source, sha, (long) bytes.length, r.problem());
        }
        Deadline deadline = Deadline.in(reader.limits().parseTimeout());
        try {
            return analyze(r.text(), source, sha, bytes.length, context == null ? Context.NONE : context, deadline);
        } catch (Deadline.Expired e) {
            return PrivacyPolicyFacts.unavailable(source, sha, (long) bytes.length, PolicyProblem.fatal(
                    PolicyProblem.Code.TIMEOUT, "analysing the policy took longer than "
                            + reader.limits().parseTimeout().toMillis() + " ms"));
        } catch (RuntimeException | StackOverflowError e) {
            return PrivacyPolicyFacts.unavailable(source, sha, (long) bytes.length,
                    PolicyProblem.fatal(PolicyProblem.Code.MALFORMED, "the policy text cannot be analysed: " + e));
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ analysis

    private PrivacyPolicyFacts analyze(PolicyText pt, PrivacyPolicyFacts.Source source, String sha, long size,
                                       Context ctx, Deadline deadline) {
        Doc d = new Doc(pt);
        deadline.check();
        List<PrivacyPolicyFacts.DeclaredSdk> sdks = sdks(d, deadline);
        deadline.check();
        Map<String, PrivacyPolicyFacts.Section> sections = sections(d, sdks, deadline);
        List<PrivacyPolicyFacts.DeclaredPi> pis = declaredPi(d);
        deadline.check();
        List<PrivacyPolicyFacts.DeclaredPermission> perms = declaredPermissions(d);
        PrivacyPolicyFacts.DateFact effective = date(d, Tests.EFFECTIVE);
        if (effective == null) {
            effective = date(d, Tests.PUBLISHED); // a policy published without a separate effective date applies from then
        }
        PrivacyPolicyFacts.DateFact updated = date(d, Tests.UPDATED);
        Map<String, PrivacyPolicyFacts.Section> withDates = new LinkedHashMap<>(sections);
        withDates.put("effectiveDate", new PrivacyPolicyFacts.Section(effective != null || updated != null,
                effective != null ? List.of(effective.evidence()) : updated != null ? List.of(updated.evidence()) : List.of()));
        int[] response = responseDays(d);
        String lowerAll = d.lower;
        Boolean mentionsApp = ctx.appName() == null || ctx.appName().isBlank() ? null
                : lowerAll.contains(ctx.appName().strip().toLowerCase(Locale.ROOT));
        Boolean mentionsOperator = ctx.operatorName() == null || ctx.operatorName().isBlank() ? null
                : lowerAll.contains(ctx.operatorName().strip().toLowerCase(Locale.ROOT));
        return new PrivacyPolicyFacts(PrivacyPolicyFacts.PARSED, source, sha, size, pt.format(), pt.text().length(),
                pt.problems(), language(pt.text()), operator(d), effective, updated, withDates, pis, perms, sdks,
                response == null ? null : response[0], response == null ? null : d.sentenceSpan(response[1]),
                mentionsApp, mentionsOperator);
    }

    /** The text with its blocks and sentences, and the lookups between them. */
    static final class Doc {
        final PolicyText pt;
        final String text;
        final String lower;
        final int[] blockStarts;
        final List<int[]> sentences = new ArrayList<>(); // {start, end, block}
        final int[] sentenceStarts;
        /** Index of the heading block each block sits under, or -1. */
        final int[] headingOf;
        /** Matchers over {@link #lower} for {@link Tests#SET}, made on first use. */
        private final Matcher[] tests = new Matcher[Tests.SET.size()];
        private long[] testMasks;

        Doc(PolicyText pt) {
            this.pt = pt;
            this.text = pt.text();
            // lower-cased and simplified, char for char: every offset found in it is an offset into text
            this.lower = ChineseForms.toSimplified(lowerSameLength(text));
            blockStarts = new int[pt.blocks().size()];
            for (int i = 0; i < blockStarts.length; i++) {
                PolicyText.Block b = pt.blocks().get(i);
                blockStarts[i] = b.start();
                split(b.start(), b.end(), i);
            }
            sentenceStarts = sentences.stream().mapToInt(s -> s[0]).toArray();
            headingOf = new int[blockStarts.length];
            int h = -1;
            for (int i = 0; i < headingOf.length; i++) {
                headingOf[i] = h;
                if (pt.blocks().get(i).kind() == PolicyText.Kind.HEADING) {
                    h = i;
                }
            }
        }

        private static String lowerSameLength(String s) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.length() == s.length()) {
                return l;
            }
            // a few code points (İ) change length when lower-cased; fall back to char-wise lowering
            char[] c = s.toCharArray();
            for (int i = 0; i < c.length; i++) {
                c[i] = Character.toLowerCase(c[i]);
            }
            return new String(c);
        }

        private void split(int start, int end, int block) {
            int s = start;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                boolean stop = c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';'
                        || (c == '.' && (i + 1 >= end || text.charAt(i + 1) == ' ') && !abbreviation(i));
                if (stop) {
                    add(s, i + 1, block);
                    s = i + 1;
                }
            }
            add(s, end, block);
        }

        private boolean abbreviation(int dot) {
            // "Co., Ltd." and "e.g." must not end a sentence
            int w = dot;
            while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
                w--;
            }
            String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
            return word.equals("co") || word.equals("ltd") || word.equals("inc") || word.equals("e.g") || word.equals("i.e")
                    || word.equals("no") || word.equals("st") || word.equals("g") || word.equals("e") || word.equals("mr");
        }

        private void add(int s, int e, int block) {
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            if (e > s) {
                sentences.add(new int[]{s, e, block});
            }
        }

        int blockAt(int offset) {
            int i = Arrays.binarySearch(blockStarts, offset);
            return i >= 0 ? i : Math.max(0, -i - 2);
        }

        int sentenceAt(int offset) {
            int i = Arrays.binarySearch(sentenceStarts, offset);
            return i >= 0 ? i : Math.max(0, -i - 2);
        }

        Span sentenceSpan(int sentence) {
            int[] s = sentences.get(sentence);
            return Span.of(text, s[0], s[1]);
        }

        Span spanAt(int offset) {
            return sentences.isEmpty() ? Span.of(text, 0, Math.min(text.length(), 1)) : sentenceSpan(sentenceAt(offset));
        }

        String normSentence(int sentence) {
            int[] s = sentences.get(sentence);
            return lower.substring(s[0], s[1]);
        }

        String sentenceText(int sentence) {
            int[] s = sentences.get(sentence);
            return text.substring(s[0], s[1]);
        }

        PolicyText.Block block(int i) {
            return pt.blocks().get(i);
        }

        /** Per heading (blocks share their heading's String): does it announce SDKs / third parties? */
        private final Map<String, Boolean> sdkHeadings = new java.util.IdentityHashMap<>();

        boolean sdkHeading(String heading) {
            return sdkHeadings.computeIfAbsent(heading, h -> SDK_CONTEXT.matcher(h).find());
        }

        /** Whether {@link Tests} pattern {@code test} occurs in {@code lower[from, to)}. */
        boolean has(int test, int from, int to) {
            return find(test, from, from, to);
        }

        /** The next match of a {@link Tests} pattern in {@code lower[floor, to)} from {@code from}: see {@link #lowerMatcher}. */
        boolean find(int test, int floor, int from, int to) {
            return Tests.SET.find(test, lowerMatcher(test), lower, testMasks(), floor, from, to);
        }

        /** As {@link #find}, with match starts only in {@code [from, lastStart)}; the region still ends at {@code to}. */
        boolean findStart(int test, int floor, int from, int lastStart, int to) {
            return Tests.SET.find(test, lowerMatcher(test), lower, testMasks(), floor, from, lastStart, to);
        }

        /**
         * Candidate {@link Tests} patterns per position of {@link #lower}. Also valid for {@link #text} and its
         * simplified form: those patterns are case-insensitive or all lower-case, and simplified only, so a match in
         * the text starts where the lower-cased, simplified text offers the same candidates (or more).
         */
        long[] testMasks() {
            if (testMasks == null) {
                testMasks = Tests.SET.candidateMasks(lower);
            }
            return testMasks;
        }

        boolean hasInSentence(int test, int sentence) {
            int[] s = sentences.get(sentence);
            return has(test, s[0], s[1]);
        }

        Matcher lowerMatcher(int test) {
            Matcher m = tests[test];
            if (m == null) {
                m = Tests.SET.matcher(test, lower);
                tests[test] = m;
            }
            return m;
        }
    }

    // ------------------------------------------------------------------------------------------------ sections

    /** Every section detector in {@link PrivacyVocabulary#SECTIONS} order, searched in one pass. */
    private static final RegexSet SECTION_PATTERNS = new RegexSet(
            PrivacyVocabulary.SECTIONS.values().stream().flatMap(List::stream).toList());

    private Map<String, PrivacyPolicyFacts.Section> sections(Doc d, List<PrivacyPolicyFacts.DeclaredSdk> sdks,
                                                             Deadline deadline) {
        BitSet sdkBlocks = new BitSet();
        for (int i = 0; i < d.pt.blocks().size(); i++) {
            PolicyText.Block b = d.block(i);
            if (b.kind() == PolicyText.Kind.TABLE_ROW || d.has(Tests.SDK, b.start(), b.end())
                    || (b.heading() != null && d.sdkHeading(b.heading()))) {
                sdkBlocks.set(i);
            }
        }
        BitSet headingBlocks = new BitSet();
        for (int i = 0; i < d.pt.blocks().size(); i++) {
            if (d.block(i).kind() == PolicyText.Kind.HEADING) {
                headingBlocks.set(i);
            }
        }
        Map<String, PrivacyPolicyFacts.Section> out = new LinkedHashMap<>();
        // only the blocks holding a match and each block's first start are used: blocks are single lines
        int[][] starts = SECTION_PATTERNS.firstStartsPerLine(d.lower, deadline);
        int sectionIndex = 0;
        for (Map.Entry<String, List<Pattern>> e : PrivacyVocabulary.SECTIONS.entrySet()) {
            deadline.check();
            BitSet blocks = null;
            Map<Integer, Integer> firstHit = new TreeMap<>();
            for (int p = 0; p < e.getValue().size(); p++) {
                BitSet hit = new BitSet();
                for (int start : starts[sectionIndex++]) {
                    int b = d.blockAt(start);
                    hit.set(b);
                    if (p == 0) {
                        firstHit.putIfAbsent(b, start);
                    }
                }
                if (p == 0 && e.getValue().size() > 1) {
                    // the topic may be named once in the heading ("What we collect") and the items below carry the rest
                    BitSet topic = (BitSet) hit.clone();
                    for (int b = 0; b < d.headingOf.length; b++) {
                        if (d.headingOf[b] >= 0 && topic.get(d.headingOf[b])) {
                            hit.set(b);
                        }
                    }
                }
                blocks = blocks == null ? hit : intersect(blocks, hit);
            }
            if (e.getKey().equals("piPurposes") || e.getKey().equals("face")) {
                blocks.andNot(sdkBlocks); // an SDK row's purpose column or name is not the app's own statement
            }
            if (e.getKey().equals("children")) {
                blocks.andNot(headingBlocks); // a title naming children is not a children's-rules section
            }
            List<Span> ev = new ArrayList<>();
            for (int b = blocks.nextSetBit(0); b >= 0 && ev.size() < 3; b = blocks.nextSetBit(b + 1)) {
                ev.add(d.spanAt(firstHit.getOrDefault(b, d.block(b).start())));
            }
            boolean present = !blocks.isEmpty();
            if (e.getKey().equals("sdkList") && !present && !sdks.isEmpty()) {
                present = true;
                ev.add(sdks.get(0).evidence());
            }
            out.put(e.getKey(), new PrivacyPolicyFacts.Section(present, ev));
        }
        return out;
    }

    private static BitSet intersect(BitSet a, BitSet b) {
        BitSet c = (BitSet) a.clone();
        c.and(b);
        return c;
    }

    // ------------------------------------------------------------------------------------------------ PI, permissions

    private List<PrivacyPolicyFacts.DeclaredPi> declaredPi(Doc d) {
        Map<String, List<Integer>> sentencesByType = new LinkedHashMap<>();
        Map<Integer, Boolean> negated = new java.util.HashMap<>();
        for (PhraseIndex.Hit<List<String>> h : piPhrases.find(d.lower, 0, d.lower.length())) {
            int s = d.sentenceAt(h.start());
            boolean neg = negated.computeIfAbsent(s, k -> d.hasInSentence(Tests.NEGATION, k));
            if (neg) {
                continue;
            }
            for (String t : h.value()) {
                List<Integer> l = sentencesByType.computeIfAbsent(t, k -> new ArrayList<>());
                if (l.isEmpty() || l.get(l.size() - 1) != s) {
                    l.add(s);
                }
            }
        }
        List<PrivacyPolicyFacts.DeclaredPi> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : sentencesByType.entrySet()) {
            boolean experience = false;
            boolean function = false;
            List<Span> ev = new ArrayList<>();
            for (int s : e.getValue()) {
                experience |= d.hasInSentence(Tests.EXPERIENCE, s);
                function |= d.hasInSentence(Tests.FUNCTION, s);
                if (ev.size() < 3) {
                    ev.add(d.sentenceSpan(s));
                }
            }
            List<String> purposes = new ArrayList<>();
            if (function) {
                purposes.add("function");
            }
            if (experience) {
                purposes.add("experience");
            }
            out.add(new PrivacyPolicyFacts.DeclaredPi(e.getKey(), purposes, experience && !function, ev));
        }
        out.sort((a, b) -> a.piType().compareTo(b.piType()));
        return out;
    }

    private List<PrivacyPolicyFacts.DeclaredPermission> declaredPermissions(Doc d) {
        Map<String, List<Span>> found = new TreeMap<>();
        for (int s = 0; s < d.sentences.size(); s++) {
            int[] sen = d.sentences.get(s);
            if (!d.has(Tests.PERMISSION, sen[0], sen[1]) || d.has(Tests.NEGATION, sen[0], sen[1])) {
                continue;
            }
            Set<String> perms = new LinkedHashSet<>();
            for (PhraseIndex.Hit<List<String>> h : permPhrases.find(d.lower, sen[0], sen[1])) {
                perms.addAll(h.value());
            }
            Matcher m = PrivacyVocabulary.ANDROID_PERMISSION.matcher(d.text).region(sen[0], sen[1]);
            while (m.find()) {
                perms.add(m.group());
            }
            for (String p : perms) {
                List<Span> l = found.computeIfAbsent(p, k -> new ArrayList<>());
                if (l.size() < 3) {
                    l.add(d.sentenceSpan(s));
                }
            }
        }
        List<PrivacyPolicyFacts.DeclaredPermission> out = new ArrayList<>();
        found.forEach((p, ev) -> out.add(new PrivacyPolicyFacts.DeclaredPermission(p, ev)));
        return out;
    }

    private List<String> piTypesIn(Doc d, int from, int to) {
        Set<String> t = new java.util.TreeSet<>();
        for (PhraseIndex.Hit<List<String>> h : piPhrases.find(d.lower, from, to)) {
            t.addAll(h.value());
        }
        return List.copyOf(t);
    }

    // ------------------------------------------------------------------------------------------------ SDK list

    static final Pattern SDK_CONTEXT = Pattern.compile(
            "SDK|第三方|合作方|third[- ]part|partner|service provider", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROSE_CONTEXT = Pattern.compile(
            "SDK|第三方|合作方|third[- ]part|partner|provided by|由[^。]{1,30}提供|集成|接入|integrat",
            Pattern.CASE_INSENSITIVE);

    private enum Col { NAME, VENDOR, PURPOSE, PI, LINK, PACKAGE }

    private static final Pattern H_PACKAGE = Pattern.compile("包名|package", Pattern.CASE_INSENSITIVE);
    private static final Pattern H_LINK = Pattern.compile("链接|隐私政策|官网|网址|link|policy|url|website", Pattern.CASE_INSENSITIVE);
    private static final Pattern H_PURPOSE = Pattern.compile("目的|用途|场景|功能|purpose|use", Pattern.CASE_INSENSITIVE);
    private static final Pattern H_PI = Pattern.compile("个人信息|信息类型|收集|字段|数据|权限|personal|information|data", Pattern.CASE_INSENSITIVE);
    private static final Pattern H_VENDOR = Pattern.compile("公司|提供方|主体|开发者|运营方|厂商|供应商|vendor|provider|company|developer|operator", Pattern.CASE_INSENSITIVE);
    private static final Pattern H_NAME = Pattern.compile("名称|SDK|第三方|合作方|name|third|partner|service", Pattern.CASE_INSENSITIVE);

    private static Col column(String header) {
        if (H_PACKAGE.matcher(header).find()) {
            return Col.PACKAGE;
        }
        if (H_LINK.matcher(header).find()) {
            return Col.LINK;
        }
        if (H_PURPOSE.matcher(header).find()) {
            return Col.PURPOSE;
        }
        if (H_VENDOR.matcher(header).find()) {
            return Col.VENDOR;
        }
        if (H_PI.matcher(header).find()) {
            return Col.PI;
        }
        if (H_NAME.matcher(header).find()) {
            return Col.NAME;
        }
        return null;
    }

    private static final Pattern FIELD_LABEL = Pattern.compile(
            "(SDK名称|第三方名称|名称|SDK提供方|提供方|第三方主体|公司名称|开发者|运营方|所属公司|使用目的|目的|用途|使用场景|"
                    + "收集(的)?个人信息(类型|字段)?|个人信息(类型|字段)?|收集(的)?信息|涉及(的)?个人信息|收集方式|包名|"
                    + "隐私政策(链接)?|官网链接|链接|SDK name|Name|Vendor|Provider|Company|Developer|Purpose|"
                    + "Personal (information|data)( collected)?|Data collected|Information collected|Package( name)?|"
                    + "Privacy policy( link)?|Link)\\s*[：:]\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * Longest label alternative of {@link #FIELD_LABEL} before its whitespace and colon ("Personal information
     * collected": 30), with room to spare; {@link #findLabel} relies on it. Raise it with a longer label.
     */
    private static final int MAX_LABEL = 48;

    private static final Pattern LABEL_PUNCT = Pattern.compile("[：:\\s]");

    private static Col labelColumn(String label) {
        Col c = column(label);
        return c == null ? Col.NAME : c;
    }

    private List<PrivacyPolicyFacts.DeclaredSdk> sdks(Doc d, Deadline deadline) {
        List<PrivacyPolicyFacts.DeclaredSdk> out = new ArrayList<>();
        Set<String> seenIds = new LinkedHashSet<>();
        Set<String> seenNames = new LinkedHashSet<>();
        tables(d, out);
        deadline.check();
        lists(d, out);
        for (PrivacyPolicyFacts.DeclaredSdk s : out) {
            if (s.sdkId() != null) {
                seenIds.add(s.sdkId());
            }
            seenNames.add(s.name().toLowerCase(Locale.ROOT));
        }
        deadline.check();
        prose(d, out, seenIds);
        // one entry per SDK: a name listed twice (table and prose) is one declaration
        List<PrivacyPolicyFacts.DeclaredSdk> dedup = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (PrivacyPolicyFacts.DeclaredSdk s : out) {
            if (keys.add(s.sdkId() != null ? "id:" + s.sdkId() : "name:" + s.name().toLowerCase(Locale.ROOT))) {
                dedup.add(s);
            }
        }
        return dedup;
    }

    private void tables(Doc d, List<PrivacyPolicyFacts.DeclaredSdk> out) {
        Map<Integer, List<PolicyText.Block>> byTable = new LinkedHashMap<>();
        for (PolicyText.Block b : d.pt.blocks()) {
            if (b.kind() == PolicyText.Kind.TABLE_ROW) {
                byTable.computeIfAbsent(b.table(), k -> new ArrayList<>()).add(b);
            }
        }
        for (List<PolicyText.Block> rows : byTable.values()) {
            PolicyText.Block head = rows.get(0);
            Map<Integer, Col> cols = new LinkedHashMap<>();
            for (int i = 0; i < head.cells().size(); i++) {
                Col c = column(head.cells().get(i).text(d.lower));
                if (c != null && !cols.containsValue(c)) {
                    cols.put(i, c);
                }
            }
            boolean headerLooksRight = cols.containsValue(Col.NAME) && (cols.containsValue(Col.VENDOR)
                    || cols.containsValue(Col.PURPOSE) || cols.containsValue(Col.PI));
            String context = head.text(d.text) + " " + (head.heading() == null ? "" : head.heading());
            boolean sdkTable = headerLooksRight && SDK_CONTEXT.matcher(context).find();
            int firstRow = 1;
            if (!sdkTable) {
                // no recognisable header: still an SDK table when its first column names catalogued SDKs
                int matched = 0;
                for (PolicyText.Block r : rows) {
                    if (!r.cells().isEmpty() && catalogMatch(d, r.cells().get(0)) != null) {
                        matched++;
                    }
                }
                if (matched == 0 || (!headerLooksRight && matched * 2 < rows.size() - 1)) {
                    continue;
                }
                if (!headerLooksRight) {
                    cols.clear();
                    cols.put(0, Col.NAME);
                    firstRow = 0;
                }
            }
            for (int r = firstRow; r < rows.size(); r++) {
                PolicyText.Block row = rows.get(r);
                Map<Col, PolicyText.Cell> cells = new LinkedHashMap<>();
                cols.forEach((i, c) -> {
                    if (i < row.cells().size()) {
                        cells.put(c, row.cells().get(i));
                    }
                });
                PolicyText.Cell name = cells.get(Col.NAME);
                if (name == null || name.text(d.text).isBlank() || name.header()) {
                    continue;
                }
                out.add(entry(d, cells, "table", row.start(), row.end()));
            }
        }
    }

    /** Lists, and labelled paragraphs under an SDK heading ("SDK名称：…；提供方：…"). */
    private void lists(Doc d, List<PrivacyPolicyFacts.DeclaredSdk> out) {
        Map<Col, PolicyText.Cell> pending = null;
        int pendingStart = 0;
        int pendingEnd = 0;
        for (PolicyText.Block b : d.pt.blocks()) {
            if (b.kind() == PolicyText.Kind.TABLE_ROW) {
                continue;
            }
            if (b.kind() == PolicyText.Kind.HEADING) {
                if (pending != null) {
                    out.add(entry(d, pending, "list", pendingStart, pendingEnd));
                    pending = null;
                }
                continue;
            }
            // lower is lower-cased already: no per-block copy to look for "sdk"
            boolean saysSdk = containsIn(d.lower, "sdk", b.start(), b.end());
            boolean inContext = b.heading() != null && d.sdkHeading(b.heading());
            Map<Col, PolicyText.Cell> fields = labelled(d, b);
            if (fields.isEmpty()) {
                if (!inContext && !(b.kind() == PolicyText.Kind.LIST_ITEM && saysSdk)) {
                    continue;
                }
                if (b.kind() != PolicyText.Kind.LIST_ITEM && !saysSdk) {
                    continue;
                }
                PolicyText.Cell name = leadingName(d, b);
                // a paragraph ("We integrate the following SDKs:") must name a catalogued SDK; a list item may be
                // any "… SDK" the catalog does not know yet
                boolean known = name != null && catalogMatch(d, name) != null;
                if (name == null || !(known || (b.kind() == PolicyText.Kind.LIST_ITEM
                        && name.text(d.text).toUpperCase(Locale.ROOT).contains("SDK")))) {
                    continue;
                }
                if (pending != null) {
                    out.add(entry(d, pending, "list", pendingStart, pendingEnd));
                }
                pending = new LinkedHashMap<>();
                pending.put(Col.NAME, name);
                pendingStart = b.start();
                pendingEnd = b.end();
                continue;
            }
            if (!inContext && !fields.containsKey(Col.NAME)) {
                continue;
            }
            if (!inContext && !saysSdk && catalogMatch(d, fields.get(Col.NAME)) == null) {
                continue;
            }
            if (fields.containsKey(Col.NAME) || pending == null) {
                if (!fields.containsKey(Col.NAME)) {
                    PolicyText.Cell name = leadingName(d, b);
                    if (name == null) {
                        continue;
                    }
                    fields.put(Col.NAME, name);
                }
                if (pending != null) {
                    out.add(entry(d, pending, "list", pendingStart, pendingEnd));
                }
                pending = fields;
                pendingStart = b.start();
                pendingEnd = b.end();
            } else {
                for (Map.Entry<Col, PolicyText.Cell> f : fields.entrySet()) {
                    pending.putIfAbsent(f.getKey(), f.getValue());
                }
                pendingEnd = b.end();
            }
        }
        if (pending != null) {
            out.add(entry(d, pending, "list", pendingStart, pendingEnd));
        }
    }

    /** "极光推送SDK：用于…" → the part before the first separator, list marks stripped. */
    private static PolicyText.Cell leadingName(Doc d, PolicyText.Block b) {
        int s = b.start();
        Matcher mark = PolicyDocumentReader.LIST_MARK.matcher(d.text).region(b.start(), b.end());
        if (mark.lookingAt()) {
            s = mark.end();
        }
        int e = s;
        while (e < b.end() && "：:（(，,—–;；。|".indexOf(d.text.charAt(e)) < 0
                && !(d.text.charAt(e) == '-' && e + 1 < b.end() && d.text.charAt(e + 1) == ' ')) {
            e++;
        }
        while (e > s && Character.isWhitespace(d.text.charAt(e - 1))) {
            e--;
        }
        if (e - s < 2 || e - s > 60) {
            return null;
        }
        return new PolicyText.Cell(s, e, false);
    }

    private static Map<Col, PolicyText.Cell> labelled(Doc d, PolicyText.Block b) {
        Map<Col, PolicyText.Cell> fields = new LinkedHashMap<>();
        if (!containsIn(d.lower, ":", b.start(), b.end()) && !containsIn(d.lower, "：", b.start(), b.end())) {
            return fields; // every FIELD_LABEL match ends in a colon: most paragraphs have none
        }
        Matcher m = d.lowerMatcher(Tests.FIELD_LABEL);
        List<int[]> labels = new ArrayList<>();
        for (int from = b.start(); findLabel(d, m, b, from); from = Math.max(m.end(), m.start() + 1)) {
            labels.add(new int[]{m.start(), m.end()});
        }
        for (int i = 0; i < labels.size(); i++) {
            int vs = labels.get(i)[1];
            int ve = i + 1 < labels.size() ? labels.get(i + 1)[0] : b.end();
            while (ve > vs && ("；;，,。 |".indexOf(d.text.charAt(ve - 1)) >= 0)) {
                ve--;
            }
            Col c = labelColumn(LABEL_PUNCT.matcher(d.lower.substring(labels.get(i)[0], labels.get(i)[1])).replaceAll(""));
            if (ve > vs) {
                fields.putIfAbsent(c, new PolicyText.Cell(vs, ve, false));
            }
        }
        return fields;
    }

    /**
     * The first {@link #FIELD_LABEL} match in block {@code b} starting at or after {@code from}, as
     * {@code d.find(Tests.FIELD_LABEL, b.start(), from, b.end())} reports it, trying only positions that can start
     * one: a label ends in whitespace and a colon, so it starts at most {@link #MAX_LABEL} characters before the
     * whitespace run in front of some colon. Windows are tried colon by colon, never a position twice, so positions
     * are tried in ascending order and the first match is the same (long paragraphs with one "Email:" no longer try
     * the label alternatives at every word).
     */
    private static boolean findLabel(Doc d, Matcher m, PolicyText.Block b, int from) {
        String s = d.lower;
        int tried = from;
        for (int c = from; c < b.end(); c++) {
            char ch = s.charAt(c);
            if (ch != ':' && ch != '：') {
                continue;
            }
            int ws = c;
            while (ws > b.start() && isRegexSpace(s.charAt(ws - 1))) {
                ws--;
            }
            int lo = Math.max(tried, ws - MAX_LABEL);
            if (lo < c && d.findStart(Tests.FIELD_LABEL, b.start(), lo, c, b.end())) {
                return true;
            }
            tried = Math.max(tried, c);
        }
        return false;
    }

    /** {@code \s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private void prose(Doc d, List<PrivacyPolicyFacts.DeclaredSdk> out, Set<String> seenIds) {
        for (int s = 0; s < d.sentences.size(); s++) {
            int[] sen = d.sentences.get(s);
            if (d.block(sen[2]).kind() == PolicyText.Kind.TABLE_ROW) {
                continue;
            }
            if (!d.has(Tests.PROSE, sen[0], sen[1]) || d.has(Tests.NEGATION, sen[0], sen[1])) {
                continue;
            }
            // longest match per position; overlapping shorter aliases ("Amap" inside "Amap Location") dropped
            List<PhraseIndex.Hit<String>> hits = new ArrayList<>(sdkNames.all(d.lower, sen[0], sen[1]));
            hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                    : Integer.compare(b.end() - b.start(), a.end() - a.start()));
            int coveredTo = -1;
            for (PhraseIndex.Hit<String> h : hits) {
                if (h.start() < coveredTo) {
                    continue;
                }
                coveredTo = h.end();
                if (!seenIds.add(h.value())) {
                    continue;
                }
                String name = d.text.substring(h.start(), h.end());
                String vendor = null;
                Matcher v = PROSE_VENDOR.matcher(d.text.substring(sen[0], sen[1]));
                if (v.find()) {
                    vendor = (v.group(1) != null ? v.group(1) : v.group(2)).strip();
                }
                out.add(new PrivacyPolicyFacts.DeclaredSdk(name, vendor, null, null, null, null, h.value(),
                        piTypesIn(d, sen[0], sen[1]), "prose", d.sentenceSpan(s)));
            }
        }
    }

    private static final Pattern PROSE_VENDOR = Pattern.compile(
            "由([^，。、（(]{2,40}?(公司|集团|Ltd\\.?|Inc\\.?|LLC))提供|provided by ([A-Z][^,.;()]{2,60}?(Ltd\\.?|Inc\\.?|LLC|Limited|GmbH|Corporation))");

    private String catalogMatch(Doc d, PolicyText.Cell cell) {
        if (cell == null) {
            return null;
        }
        PhraseIndex.Hit<String> h = sdkNames.best(d.lower, cell.start(), cell.end());
        return h == null ? null : h.value();
    }

    private PrivacyPolicyFacts.DeclaredSdk entry(Doc d, Map<Col, PolicyText.Cell> cells, String source, int start, int end) {
        String id = catalogMatch(d, cells.get(Col.NAME));
        if (id == null) {
            id = catalogMatch(d, cells.get(Col.PACKAGE));
        }
        PolicyText.Cell pi = cells.get(Col.PI);
        List<String> piTypes = pi == null ? piTypesIn(d, start, end) : piTypesIn(d, pi.start(), pi.end());
        return new PrivacyPolicyFacts.DeclaredSdk(text(d, cells.get(Col.NAME)), text(d, cells.get(Col.VENDOR)),
                text(d, cells.get(Col.PURPOSE)), pi == null ? null : text(d, pi), text(d, cells.get(Col.LINK)),
                text(d, cells.get(Col.PACKAGE)), id, piTypes, source, Span.of(d.text, start, end));
    }

    private static String text(Doc d, PolicyText.Cell c) {
        if (c == null) {
            return null;
        }
        String s = c.text(d.text).strip();
        return s.isEmpty() ? null : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    // ------------------------------------------------------------------------------------------------ dates, contact

    private static final String DATE = "(\\d{4})\\s*[年\\-/.]\\s*(\\d{1,2})\\s*[月\\-/.]\\s*(\\d{1,2})\\s*日?"
            + "|((?:January|February|March|April|May|June|July|August|September|October|November|December))\\s+(\\d{1,2}),?\\s+(\\d{4})"
            + "|(\\d{1,2})\\s+((?:January|February|March|April|May|June|July|August|September|October|November|December))\\s+(\\d{4})";
    static final Pattern EFFECTIVE_LABEL = Pattern.compile(
            "(生效日期|生效时间|生效|effective date|effective|takes effect|in effect from)[^\\n。]{0,12}?(?:" + DATE + ")",
            Pattern.CASE_INSENSITIVE);
    static final Pattern UPDATED_LABEL = Pattern.compile(
            "(更新日期|更新时间|最近更新|最后更新|修订日期|版本日期|last updated|updated on|updated|last revised|revised on)[^\\n。]{0,12}?(?:" + DATE + ")",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PUBLISHED_LABEL = Pattern.compile(
            "(发布日期|发布时间|发布|published|issued)[^\\n。]{0,12}?(?:" + DATE + ")", Pattern.CASE_INSENSITIVE);
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private static PrivacyPolicyFacts.DateFact date(Doc d, int label) {
        Matcher m = Tests.SET.matcher(label, d.text);
        for (int from = 0; Tests.SET.find(label, m, d.text, d.testMasks(), 0, from, d.text.length());
             from = Math.max(m.end(), m.start() + 1)) {
            String iso = null;
            try {
                if (m.group(2) != null) {
                    iso = iso(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                } else if (m.group(5) != null) {
                    iso = iso(Integer.parseInt(m.group(7)), MONTHS.indexOf(m.group(5).toLowerCase(Locale.ROOT)) + 1,
                            Integer.parseInt(m.group(6)));
                } else if (m.group(9) != null) {
                    iso = iso(Integer.parseInt(m.group(10)), MONTHS.indexOf(m.group(9).toLowerCase(Locale.ROOT)) + 1,
                            Integer.parseInt(m.group(8)));
                }
            } catch (RuntimeException e) {
                iso = null;
            }
            if (iso != null) {
                return new PrivacyPolicyFacts.DateFact(iso, d.spanAt(m.start()));
            }
        }
        return null;
    }

    private static String iso(int y, int m, int day) {
        return java.time.LocalDate.of(y, m, day).toString();
    }

    private static final Pattern EMAIL_TLD = Pattern.compile("\\.[A-Za-z]{2,12}$");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d-])((?:\\+?86[- ]?)?1[3-9]\\d{9}|0\\d{2,3}-\\d{7,8}|400-?\\d{3}-?\\d{4}|\\+?\\d{1,3}[- ]\\(?\\d{2,4}\\)?[- ]\\d{3,4}[- ]\\d{3,4})(?![\\d-])");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:注册地址|办公地址|联系地址|通信地址|地址|registered address|office address|mailing address|address)\\s*(?:为|是|[：:])\\s*([^\\n。；;]{6,120})",
            Pattern.CASE_INSENSITIVE);
    /** Company-name shapes, matched only in short windows before an anchor (a whole-text lazy scan costs ~1 s). */
    private static final Pattern ZH_COMPANY_AT_END = Pattern.compile(
            "([\\p{IsHan}A-Za-z0-9（）()·]{2,40}(?:有限公司|有限责任公司|股份有限公司|工作室))\\s*[（(]?$");
    private static final Pattern ZH_OPERATOR_AFTER = Pattern.compile(
            "^\\s*([^，,。；;（(\\n]{2,60}?(?:有限公司|有限责任公司|股份有限公司|公司|工作室))");
    private static final Pattern EN_COMPANY_AT_START = Pattern.compile(
            "^([A-Z][\\w&.,' -]{2,80}?(?:Co\\., Ltd\\.|Ltd\\.?|Limited|Inc\\.?|LLC|Corporation|GmbH|Studio))");
    private static final Pattern EN_COMPANY_AT_END = Pattern.compile(
            "([A-Z][\\w&.,' -]{2,80}?(?:Co\\., Ltd\\.|Ltd\\.?|Limited|Inc\\.?|LLC|Corporation|GmbH))\\s*\\(\\s*[\"“]?$");
    private static final Pattern OPERATOR_ANCHOR = Pattern.compile(
            "以下简称|以下称|(运营者|运营方|开发者|提供者|经营者|运营主体|个人信息处理者)(为|是|[：:])|(operated|provided|developed|offered|controlled) by |\\(\\s*[\"“]?(we|us)\\b");

    private static PrivacyPolicyFacts.Operator operator(Doc d) {
        String name = null;
        List<Span> ev = new ArrayList<>();
        String simp = ChineseForms.toSimplified(d.text);
        Matcher a = Tests.SET.matcher(Tests.OPERATOR, simp);
        for (int at = 0; name == null && Tests.SET.find(Tests.OPERATOR, a, simp, d.testMasks(), 0, at, simp.length());
             at = Math.max(a.end(), a.start() + 1)) {
            String g = a.group();
            Matcher m;
            if (g.startsWith("以下")) {
                int from = Math.max(0, a.start() - 48);
                m = ZH_COMPANY_AT_END.matcher(simp.substring(from, a.start()));
                if (m.find()) {
                    name = cleanOperator(d.text.substring(from + m.start(1), from + m.end(1)));
                }
            } else if (g.endsWith(" by ")) {
                m = EN_COMPANY_AT_START.matcher(d.text.substring(a.end(), Math.min(d.text.length(), a.end() + 100)));
                if (m.find()) {
                    name = m.group(1).strip();
                }
            } else if (g.startsWith("(")) {
                int from = Math.max(0, a.start() - 100);
                m = EN_COMPANY_AT_END.matcher(d.text.substring(from, a.start() + 1));
                if (m.find()) {
                    name = cleanOperator(m.group(1));
                }
            } else {
                m = ZH_OPERATOR_AFTER.matcher(simp.substring(a.end(), Math.min(simp.length(), a.end() + 70)));
                if (m.find()) {
                    name = cleanOperator(d.text.substring(a.end() + m.start(1), a.end() + m.end(1)));
                }
            }
            if (name != null) {
                ev.add(d.spanAt(a.start()));
            }
        }
        Set<String> emails = new LinkedHashSet<>();
        for (int at = d.text.indexOf('@'); at >= 0 && emails.size() < 5; at = d.text.indexOf('@', at + 1)) {
            String e = email(d.text, at);
            if (e != null && emails.add(e) && ev.size() < 3) {
                ev.add(d.spanAt(at));
            }
        }
        Set<String> phones = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (int s = 0; s < d.sentences.size() && (phones.size() < 5 || addresses.size() < 3); s++) {
            int[] sen = d.sentences.get(s);
            int digits = 0;
            for (int i = sen[0]; i < sen[1] && digits < 7; i++) {
                if (Character.isDigit(d.text.charAt(i))) {
                    digits++;
                }
            }
            if (digits >= 7) {
                Matcher p = PHONE.matcher(d.text).region(sen[0], sen[1]);
                while (p.find() && phones.size() < 5) {
                    if (phones.add(p.group(1)) && ev.size() < 3) {
                        ev.add(d.sentenceSpan(s));
                    }
                }
            }
            if (containsIn(d.lower, "地址", sen[0], sen[1]) || containsIn(d.lower, "address", sen[0], sen[1])) {
                Matcher m = ADDRESS.matcher(d.text).region(sen[0], sen[1]);
                while (m.find() && addresses.size() < 3) {
                    String v = m.group(1).strip();
                    if (v.indexOf('@') < 0 && !v.startsWith("http")) {
                        addresses.add(v);
                    }
                }
            }
        }
        return new PrivacyPolicyFacts.Operator(name, List.copyOf(emails), List.copyOf(phones), List.copyOf(addresses), ev);
    }

    /** {@code needle} inside {@code s[from, to)}; unlike {@code indexOf(needle, from)} never reads past {@code to}. */
    static boolean containsIn(String s, String needle, int from, int to) {
        char first = needle.charAt(0);
        for (int i = from; i <= to - needle.length(); i++) {
            if (s.charAt(i) == first && s.startsWith(needle, i)) {
                return true;
            }
        }
        return false;
    }

    /** The address around an '@', or null: local part [A-Za-z0-9._%+-]{1,64}, domain with a 2-12 letter TLD. */
    private static String email(String t, int at) {
        int s = at;
        while (s > 0 && at - s < 64 && isLocal(t.charAt(s - 1))) {
            s--;
        }
        int e = at + 1;
        while (e < t.length() && e - at < 120 && (Character.isLetterOrDigit(t.charAt(e)) && t.charAt(e) < 128
                || t.charAt(e) == '.' || t.charAt(e) == '-')) {
            e++;
        }
        while (e > at + 1 && (t.charAt(e - 1) == '.' || t.charAt(e - 1) == '-')) {
            e--;
        }
        if (s == at || e <= at + 1) {
            return null;
        }
        String domain = t.substring(at + 1, e);
        return domain.indexOf('.') > 0 && EMAIL_TLD.matcher(domain).find() ? t.substring(s, e) : null;
    }

    private static boolean isLocal(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "._%+-".indexOf(c) >= 0);
    }

    /** "行出打车由上海…公司" → "上海…公司"; "Fitloop is operated by Fitloop Labs Ltd." → "Fitloop Labs Ltd.". */
    private static String cleanOperator(String raw) {
        String s = raw.strip();
        int by = s.lastIndexOf(" by ");
        if (by >= 0) {
            s = s.substring(by + 4);
        }
        int cut = -1;
        for (int i = 0; i < s.length(); i++) {
            if ("由是为為）)】」》：:".indexOf(s.charAt(i)) >= 0) {
                cut = i;
            }
        }
        return (cut >= 0 ? s.substring(cut + 1) : s).strip();
    }

    private static final Pattern RESPONSE_CONTEXT = Pattern.compile(
            "回复|答复|反馈|响应|respond|reply|response|answer", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAYS = Pattern.compile(
            "(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*个?(工作日|日|天)|(\\d{1,3}|fifteen|thirty|ten|seven|twenty|forty-five|sixty) (working |business |calendar )?days?",
            Pattern.CASE_INSENSITIVE);

    /** The longest promised response period (days) in a sentence about answering requests, and its sentence. */
    private static int[] responseDays(Doc d) {
        int[] best = null;
        Matcher m = d.lowerMatcher(Tests.DAYS);
        for (int from = 0; d.find(Tests.DAYS, 0, from, d.lower.length());
             from = Math.max(m.end(), m.start() + 1)) {
            int s = d.sentenceAt(m.start());
            if (!d.hasInSentence(Tests.RESPONSE, s)) {
                continue;
            }
            String n = m.group(1) != null ? m.group(1) : m.group(3);
            int days = number(n);
            if (days > 0 && (best == null || days > best[0])) {
                best = new int[]{days, s};
            }
        }
        return best;
    }

    private static int number(String n) {
        if (n.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(n);
        }
        switch (n.toLowerCase(Locale.ROOT)) {
            case "seven": return 7;
            case "ten": return 10;
            case "fifteen": return 15;
            case "twenty": return 20;
            case "thirty": return 30;
            case "forty-five": return 45;
            case "sixty": return 60;
            default: break;
        }
        // 十五, 三十, 七, 二十五
        String digits = "零一二三四五六七八九";
        int value = 0;
        int cur = 0;
        for (char c : n.toCharArray()) {
            if (c == '十') {
                value += (cur == 0 ? 1 : cur) * 10;
                cur = 0;
            } else {
                cur = digits.indexOf(c);
            }
        }
        return value + Math.max(cur, 0);
    }

    // ------------------------------------------------------------------------------------------------ language

    /** Simplified-only and traditional-only forms of common policy characters. */
    private static final String HANS = "个们这说时国会对来发经过还没为与业务该据关处认识请选择读权隐私条协议户账号应网络设备联系简体类数";
    private static final String HANT = "個們這說時國會對來發經過還沒為與業務該據關處認識請選擇讀權隱私條協議戶賬號應網絡設備聯繫簡體類數";

    private static final byte S_OTHER = 0;
    private static final byte S_HAN = 1;
    private static final byte S_HANS = 2;
    private static final byte S_HANT = 3;
    private static final byte S_LATIN = 4;
    /** Per UTF-16 unit, what {@link #language} counts it as (Character.UnicodeScript.of per char was 10 % of a parse). */
    private static final byte[] SCRIPT = new byte[1 << 16];

    static {
        for (int c = 0; c < SCRIPT.length; c++) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                boolean s = HANS.indexOf(c) >= 0;
                boolean t = HANT.indexOf(c) >= 0;
                SCRIPT[c] = s && !t ? S_HANS : t && !s ? S_HANT : S_HAN;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                SCRIPT[c] = S_LATIN;
            }
        }
    }

    static String language(String text) {
        int han = 0;
        int latin = 0;
        int hans = 0;
        int hant = 0;
        int n = Math.min(text.length(), 200_000);
        for (int i = 0; i < n; i++) {
            switch (SCRIPT[text.charAt(i)]) {
                case S_HANS: hans++; han++; break;
                case S_HANT: hant++; han++; break;
                case S_HAN: han++; break;
                case S_LATIN: latin++; break;
                default: break;
            }
        }
        // a Chinese policy quotes English SDK names and URLs; a Han character carries ~3 Latin letters of content
        if (han > 0 && han * 3 >= latin) {
            return hant > hans ? "zh-Hant" : "zh-Hans";
        }
        if (latin > 0) {
            String lower = text.toLowerCase(Locale.ROOT);
            int english = count(lower, " the ") + count(lower, " and ") + count(lower, " of ") + count(lower, " your ");
            return english * 50 >= Math.max(1, latin / 10) ? "en" : "other";
        }
        return "other";
    }

    private static int count(String s, String needle) {
        int c = 0;
        for (int i = s.indexOf(needle); i >= 0 && c < 10_000; i = s.indexOf(needle, i + 1)) {
            c++;
        }
        return c;
    }

    /** Bytes as UTF-8 text, for callers that have a String (tests, app assets). */
    public PrivacyPolicyFacts parseText(String text, String mediaType, PrivacyPolicyFacts.Source source, Context ctx) {
        return parse(text.getBytes(StandardCharsets.UTF_8), mediaType, null, source, ctx);
    }

    /**
     * The per-sentence and per-block tests, searched through one {@link RegexSet} (in a holder so that it is built
     * after the patterns above exist).
     */
    private static final class Tests {
        static final int NEGATION = 0;
        static final int EXPERIENCE = 1;
        static final int FUNCTION = 2;
        static final int PERMISSION = 3;
        static final int PROSE = 4;
        static final int SDK = 5;
        static final int RESPONSE = 6;
        static final int DAYS = 7;
        static final int FIELD_LABEL = 8;
        static final int OPERATOR = 9;
        static final int EFFECTIVE = 10;
        static final int UPDATED = 11;
        static final int PUBLISHED = 12;
        static final RegexSet SET = new RegexSet(List.of(PrivacyVocabulary.NEGATION, PrivacyVocabulary.EXPERIENCE_PURPOSE,
                PrivacyVocabulary.FUNCTION_PURPOSE, PrivacyVocabulary.PERMISSION_CONTEXT, PROSE_CONTEXT, SDK_CONTEXT,
                RESPONSE_CONTEXT, PrivacyPolicyParser.DAYS, PrivacyPolicyParser.FIELD_LABEL, OPERATOR_ANCHOR, EFFECTIVE_LABEL, UPDATED_LABEL,
                PUBLISHED_LABEL));

        private Tests() {
        }
    }
}
