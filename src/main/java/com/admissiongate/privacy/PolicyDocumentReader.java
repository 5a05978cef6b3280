package com.admissiongate.privacy;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Untrusted bytes → {@link PolicyText}, for HTML (jsoup), PDF (PDFBox) and plain text. Bounded by
 * {@link PrivacyLimits}: size before anything is parsed, an estimate of HTML nesting before jsoup builds a tree and
 * the real depth after, PDF pages and decoded-stream memory, extracted characters, and a cooperative deadline.
 * Never throws for bad input: {@link Result#problem()} says why nothing was read.
 */
public final class PolicyDocumentReader {

    /** Either text or the fatal problem that stopped reading. */
    public record Result(PolicyText text, PolicyProblem problem) {
        public boolean ok() {
            return text != null;
        }
    }

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> LEAF_BLOCKS = Set.of("p", "li", "dt", "dd", "pre", "blockquote", "caption",
            "figcaption", "address", "summary", "label", "button");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "body", "ul", "ol",
            "dl", "header", "footer", "nav", "aside", "details", "form", "fieldset", "center", "span", "font", "a",
            "strong", "b", "em", "i", "u", "small", "big");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "head", "svg", "math",
            "iframe", "object", "select", "textarea");
    /** Tags that never nest (void) or close implicitly: left out of the pre-parse nesting estimate. */
    private static final Set<String> NO_DEPTH = Set.of("br", "img", "hr", "meta", "link", "input", "area", "base",
            "col", "embed", "param", "source", "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option",
            "!doctype", "html", "head", "body", "tbody", "thead");

    private final PrivacyLimits limits;

    public PrivacyLimits limits() {
        return limits;
    }

    public PolicyDocumentReader(PrivacyLimits limits) {
        this.limits = limits.validate();
    }

    /**
     * @param mediaType the declared content type or null; sniffing wins over it (a PDF is a PDF whatever the header)
     * @param name      file name or URL path, for the extension hint; may be null
     */
    public Result read(byte[] bytes, String mediaType, String name) {
        if (bytes.length > limits.maxBytes()) {
            return fail(PolicyProblem.Code.TOO_LARGE, bytes.length + " bytes exceed the limit of " + limits.maxBytes());
        }
        if (bytes.length == 0) {
            return fail(PolicyProblem.Code.EMPTY, "the policy document is empty");
        }
        Deadline deadline = Deadline.in(limits.parseTimeout());
        String format = format(bytes, mediaType, name);
        try {
            Result r;
            switch (format) {
                case "pdf":
                    r = pdf(bytes, deadline);
                    break;
                case "html":
                    r = html(bytes, deadline);
                    break;
                case "text":
                    r = text(bytes, deadline);
                    break;
                default:
                    return fail(PolicyProblem.Code.UNSUPPORTED_FORMAT, "not HTML, PDF or text (" + mediaType + ")");
            }
            if (r.ok() && r.text().text().isBlank()) {
                return fail(PolicyProblem.Code.EMPTY, "no text could be extracted from the " + format + " document");
            }
            return r;
        } catch (Deadline.Expired e) {
            return fail(PolicyProblem.Code.TIMEOUT, "reading the " + format + " document took longer than "
                    + limits.parseTimeout().toMillis() + " ms");
        } catch (OutOfMemoryError e) {
            // last resort: the memory caps should make this unreachable
            return fail(PolicyProblem.Code.TOO_LARGE, "the " + format + " document needs more memory than allowed");
        } catch (StackOverflowError e) {
            return fail(PolicyProblem.Code.TOO_DEEP, "the " + format + " document is nested too deeply");
        } catch (RuntimeException e) {
            return fail(PolicyProblem.Code.MALFORMED, "the " + format + " document cannot be read: " + e);
        }
    }

    static String format(byte[] b, String mediaType, String name) {
        if (startsWith(b, "%PDF-")) {
            return "pdf";
        }
        if (isBinary(b)) {
            return "binary";
        }
        String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        String mt = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (mt.contains("html") || n.endsWith(".html") || n.endsWith(".htm") || head.contains("<html")
                || head.contains("<!doctype html") || head.contains("<body") || head.contains("<p>")
                || head.contains("<div") || head.contains("<table") || head.contains("<h1")) {
            return "html";
        }
        if (mt.contains("pdf") || n.endsWith(".pdf")) {
            return "binary";
        }
        return "text";
    }

    private static boolean isBinary(byte[] b) {
        if (b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE))) {
            return false; // UTF-16 with BOM
        }
        int n = Math.min(b.length, 4096);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, String prefix) {
        int skip = 0;
        while (skip < b.length && skip < 1024 && b[skip] != '%') {
            skip++; // PDF readers accept junk before the header
        }
        if (b.length - skip < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[skip + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- HTML

    private Result html(byte[] bytes, Deadline deadline) {
        int estimate = nestingEstimate(bytes, deadline);
        if (estimate > limits.maxDomDepth() * 4) {
            return fail(PolicyProblem.Code.TOO_DEEP, "HTML elements nest about " + estimate
                    + " deep (limit " + limits.maxDomDepth() + ")");
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        } catch (IOException e) {
            return fail(PolicyProblem.Code.MALFORMED, "HTML cannot be decoded: " + e.getMessage());
        }
        deadline.check();
        int depth = depth(doc, deadline);
        if (depth > limits.maxDomDepth()) {
            return fail(PolicyProblem.Code.TOO_DEEP, "HTML elements nest " + depth + " deep (limit "
                    + limits.maxDomDepth() + ")");
        }
        Builder out = new Builder("html", limits.maxChars(), deadline);
        Element root = doc.body() == null ? doc : doc.body();
        String title = doc.title();
        if (!title.isBlank()) {
            out.add(PolicyText.Kind.HEADING, title, -1, null);
        }
        walk(root, out);
        return new Result(out.build(), null);
    }

    /** Open minus close tags over the raw bytes: refuses a nesting bomb before jsoup spends time on it. */
    static int nestingEstimate(byte[] b, Deadline deadline) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < b.length - 1; i++) {
            if ((i & 0xFFFF) == 0) {
                deadline.check();
            }
            if (b[i] != '<') {
                continue;
            }
            boolean close = b[i + 1] == '/';
            int j = close ? i + 2 : i + 1;
            int s = j;
            while (j < b.length && j - s < 16 && (Character.isLetterOrDigit(b[j]) || b[j] == '!')) {
                j++;
            }
            if (j == s) {
                continue;
            }
            String tag = new String(b, s, j - s, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (NO_DEPTH.contains(tag)) {
                continue;
            }
            if (close) {
                depth = Math.max(0, depth - 1);
            } else {
                int k = j;
                while (k < b.length && b[k] != '>' && k - j < 2048) {
                    k++;
                }
                if (k < b.length && b[k] == '>' && b[k - 1] == '/') {
                    continue;
                }
                depth++;
                max = Math.max(max, depth);
            }
        }
        return max;
    }

    private static int depth(Node root, Deadline deadline) {
        int max = 0;
        Deque<Node> stack = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        stack.push(root);
        depths.push(0);
        int steps = 0;
        while (!stack.isEmpty()) {
            if ((++steps & 0xFFF) == 0) {
                deadline.check();
            }
            Node n = stack.pop();
            int d = depths.pop();
            max = Math.max(max, d);
            for (Node c : n.childNodes()) {
                if (c instanceof Element) {
                    stack.push(c);
                    depths.push(d + 1);
                }
            }
        }
        return max;
    }

    /** Iterative: emit leaf blocks, descend into containers, rows become TABLE_ROW blocks. */
    private void walk(Element root, Builder out) {
        Deque<Node> stack = new ArrayDeque<>();
        pushChildren(stack, root);
        int[] tableCounter = {0};
        java.util.Map<Element, Integer> tableIds = new java.util.IdentityHashMap<>();
        StringBuilder inline = new StringBuilder();
        while (!stack.isEmpty()) {
            out.deadline.check();
            Node n = stack.pop();
            if (n == END) { // a container ended: flush its loose inline text
                flush(inline, out);
                continue;
            }
            if (n instanceof TextNode t) {
                inline.append(t.text());
                continue;
            }
            if (!(n instanceof Element e)) {
                continue;
            }
            String tag = e.normalName();
            if (SKIP.contains(tag)) {
                continue;
            }
            if (tag.equals("br")) {
                flush(inline, out);
                continue;
            }
            if (HEADINGS.contains(tag)) {
                flush(inline, out);
                out.add(PolicyText.Kind.HEADING, e.text(), -1, null);
                continue;
            }
            if (tag.equals("tr")) {
                flush(inline, out);
                Element table = e.closest("table");
                Integer id = tableIds.computeIfAbsent(table == null ? e : table, k -> tableCounter[0]++);
                List<String> cells = new ArrayList<>();
                List<Boolean> header = new ArrayList<>();
                for (Element c : e.children()) {
                    if (c.normalName().equals("td") || c.normalName().equals("th")) {
                        cells.add(c.text());
                        header.add(c.normalName().equals("th"));
                    }
                }
                out.addRow(cells, header, id);
                continue;
            }
            if (tag.equals("table") || tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
                flush(inline, out);
                pushChildren(stack, e);
                continue;
            }
            boolean hasBlockChild = false;
            for (Element c : e.children()) {
                String ct = c.normalName();
                if (HEADINGS.contains(ct) || LEAF_BLOCKS.contains(ct) || ct.equals("table") || ct.equals("div")
                        || ct.equals("ul") || ct.equals("ol") || ct.equals("section") || ct.equals("tr")) {
                    hasBlockChild = true;
                    break;
                }
            }
            if (LEAF_BLOCKS.contains(tag) && !hasBlockChild) {
                flush(inline, out);
                out.add(tag.equals("li") ? PolicyText.Kind.LIST_ITEM : PolicyText.Kind.PARAGRAPH, e.text(), -1, null);
                continue;
            }
            if (!hasBlockChild && !CONTAINERS.contains(tag)) {
                inline.append(e.text());
                continue;
            }
            if (!hasBlockChild && (tag.equals("div") || tag.equals("section") || tag.equals("article"))) {
                flush(inline, out);
                out.add(PolicyText.Kind.PARAGRAPH, e.text(), -1, null);
                continue;
            }
            if (!hasBlockChild) {
                inline.append(e.text());
                continue;
            }
            flush(inline, out);
            stack.push(END);
            pushChildren(stack, e);
        }
        flush(inline, out);
    }

    private static final Element END = new Element("gate-end-marker");

    private static void pushChildren(Deque<Node> stack, Element e) {
        List<Node> kids = e.childNodes();
        for (int i = kids.size() - 1; i >= 0; i--) {
            stack.push(kids.get(i));
        }
    }

    private static void flush(StringBuilder inline, Builder out) {
        if (!inline.toString().isBlank()) {
            out.add(PolicyText.Kind.PARAGRAPH, inline.toString(), -1, null);
        }
        inline.setLength(0);
    }

    // ---------------------------------------------------------------- text

    private Result text(byte[] bytes, Deadline deadline) {
        String s = decode(bytes);
        Builder out = new Builder("text", limits.maxChars(), deadline);
        lines(s, out, false);
        return new Result(out.build(), null);
    }

    static String decode(byte[] b) {
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            // Chinese policies that are not UTF-8 are GBK/GB2312 in practice; GB18030 is their superset
            return new String(b, Charset.forName("GB18030"));
        }
    }

    /**
     * Lines → blocks. Plain text: one block per line (policies written as text put a paragraph on a line). PDF:
     * lines wrap inside paragraphs, so a line joins the previous one unless it starts a list item, the previous
     * ended a sentence or a blank line separates them.
     */
    private static void lines(String s, Builder out, boolean wrap) {
        StringBuilder para = new StringBuilder();
        for (String raw : splitLines(s)) {
            out.deadline.check();
            String line = raw.strip();
            if (line.isEmpty()) {
                flushPara(para, out);
                continue;
            }
            boolean item = LIST_MARK.matcher(line).lookingAt();
            if (!wrap || item || para.length() == 0 || endsSentence(para)) {
                flushPara(para, out);
                para.append(line);
            } else {
                char last = para.charAt(para.length() - 1);
                if (!(isCjk(last) || isCjk(line.charAt(0)))) {
                    para.append(' ');
                }
                para.append(line);
            }
        }
        flushPara(para, out);
    }

    /**
     * {@code s.split("\\R", -1)} without the regex (a character-by-character search over the whole document): a
     * line break is {@code \r\n} or one of {@code \n \u000B \f \r \u0085 \u2028 \u2029}. Like that split, a
     * document that is one empty string gives one empty line.
     */
    static List<String> splitLines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    static final java.util.regex.Pattern LIST_MARK = java.util.regex.Pattern.compile(
            "([-*•·●▪◦]\\s*|\\d{1,2}[.、)）]\\s*|[（(]\\d{1,2}[)）]\\s*|[（(]?[一二三四五六七八九十]{1,3}[)）、.]\\s*)");

    private static boolean endsSentence(StringBuilder p) {
        char c = p.charAt(p.length() - 1);
        return c == '。' || c == '：' || c == ':' || c == '；' || c == '！' || c == '？';
    }

    private static void flushPara(StringBuilder para, Builder out) {
        if (para.length() > 0) {
            String t = para.toString();
            boolean item = LIST_MARK.matcher(t).lookingAt();
            boolean heading = t.length() <= 40 && t.indexOf('：') < 0 && t.indexOf(':') < 0
                    && HEADING_LIKE.matcher(t).matches();
            out.add(heading ? PolicyText.Kind.HEADING : item ? PolicyText.Kind.LIST_ITEM : PolicyText.Kind.PARAGRAPH,
                    t, -1, null);
            para.setLength(0);
        }
    }

    /** "第三章 …", "3. How we share", "三、…" without a final full stop. */
    private static final java.util.regex.Pattern HEADING_LIKE = java.util.regex.Pattern.compile(
            "(第[一二三四五六七八九十\\d]+[章节条部分]|[一二三四五六七八九十]{1,3}[、.]|\\d{1,2}(\\.\\d{1,2})?\\.?\\s)[^。.;；]{1,36}");

    static boolean isCjk(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
    }

    // ---------------------------------------------------------------- PDF

    private Result pdf(byte[] bytes, Deadline deadline) {
        List<PolicyProblem> notes = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxPdfMemory()).streamCache)) {
            deadline.check();
            int pages = doc.getNumberOfPages();
            int last = pages;
            if (pages > limits.maxPdfPages()) {
                last = limits.maxPdfPages();
                notes.add(PolicyProblem.warning(PolicyProblem.Code.TOO_MANY_PAGES, pages + " pages; only the first "
                        + last + " were read"));
            }
            long decoded = decodedContentBytes(doc, last, deadline);
            if (decoded > limits.maxPdfMemory()) {
                return fail(PolicyProblem.Code.TOO_LARGE, "the PDF's page content decodes to more than "
                        + limits.maxPdfMemory() + " bytes");
            }
            BoundedStripper stripper = new BoundedStripper(limits.maxChars(), deadline);
            stripper.setStartPage(1);
            stripper.setEndPage(last);
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd("\n\n");
            String s = stripper.getText(doc);
            Builder out = new Builder("pdf", limits.maxChars(), deadline);
            out.problems.addAll(notes);
            if (stripper.truncated) {
                out.truncated();
            }
            lines(s, out, true);
            return new Result(out.build(), null);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            return fail(PolicyProblem.Code.MALFORMED, "the PDF is password-protected");
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Maximum allowed") || m.contains("memory")) {
                return fail(PolicyProblem.Code.TOO_LARGE, "the PDF decodes to more than "
                        + limits.maxPdfMemory() + " bytes: " + m);
            }
            return fail(PolicyProblem.Code.MALFORMED, "the PDF cannot be read: " + m);
        }
    }

    /**
     * Inflates the content streams of the pages to be read (and the form XObjects they use) without keeping them,
     * stopping at the cap: PDFBox decodes streams lazily and skips whitespace without calling back, so a compression
     * bomb would otherwise cost minutes of CPU inside the text stripper with no chance to check the deadline.
     */
    private long decodedContentBytes(PDDocument doc, int lastPage, Deadline deadline) throws IOException {
        long cap = limits.maxPdfMemory();
        long total = 0;
        byte[] buf = new byte[1 << 16];
        java.util.Set<org.apache.pdfbox.cos.COSBase> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < lastPage && total <= cap; i++) {
            org.apache.pdfbox.pdmodel.PDPage page = doc.getPage(i);
            List<org.apache.pdfbox.cos.COSStream> streams = new ArrayList<>();
            java.util.Iterator<org.apache.pdfbox.pdmodel.common.PDStream> it = page.getContentStreams();
            while (it.hasNext()) {
                streams.add(it.next().getCOSObject());
            }
            org.apache.pdfbox.pdmodel.PDResources res = page.getResources();
            if (res != null) {
                for (org.apache.pdfbox.cos.COSName n : res.getXObjectNames()) {
                    org.apache.pdfbox.pdmodel.graphics.PDXObject x = res.getXObject(n);
                    if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject f) {
                        streams.add(f.getCOSObject());
                    }
                }
            }
            for (org.apache.pdfbox.cos.COSStream cs : streams) {
                if (!seen.add(cs)) {
                    continue;
                }
                try (InputStream in = cs.createInputStream()) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > cap) {
                            return total;
                        }
                        if ((total & 0xFFFFF) < n) {
                            deadline.check();
                        }
                    }
                }
            }
        }
        return total;
    }

    /** Stops at the character cap and checks the deadline on every page and text run. */
    private static final class BoundedStripper extends PDFTextStripper {
        private final int maxChars;
        private final Deadline deadline;
        private int chars;
        boolean truncated;

        BoundedStripper(int maxChars, Deadline deadline) {
            this.maxChars = maxChars;
            this.deadline = deadline;
        }

        @Override
        public void processPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
            deadline.check();
            if (chars >= maxChars) {
                truncated = true;
                return;
            }
            super.processPage(page);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            deadline.check();
            if (chars >= maxChars) {
                truncated = true;
                return;
            }
            chars += text.length();
            super.writeString(text, positions);
        }
    }

    // ---------------------------------------------------------------- output

    private static Result fail(PolicyProblem.Code code, String message) {
        return new Result(null, PolicyProblem.fatal(code, message));
    }

    /** Accumulates blocks into one text; stops (TEXT_TRUNCATED) at the character cap. */
    static final class Builder {
        final String format;
        final int maxChars;
        final Deadline deadline;
        final StringBuilder text = new StringBuilder();
        final List<PolicyText.Block> blocks = new ArrayList<>();
        final List<PolicyProblem> problems = new ArrayList<>();
        String heading;
        boolean full;

        Builder(String format, int maxChars, Deadline deadline) {
            this.format = format;
            this.maxChars = maxChars;
            this.deadline = deadline;
        }

        void truncated() {
            if (!full) {
                full = true;
                problems.add(PolicyProblem.warning(PolicyProblem.Code.TEXT_TRUNCATED,
                        "text cut at " + maxChars + " characters"));
            }
        }

        void add(PolicyText.Kind kind, String raw, int table, List<PolicyText.Cell> cells) {
            String t = normalize(raw);
            if (t.isEmpty() || full) {
                return;
            }
            if (text.length() + t.length() + 1 > maxChars) {
                truncated();
                return;
            }
            int start = text.length();
            text.append(t).append('\n');
            blocks.add(new PolicyText.Block(kind, start, start + t.length(), table, cells, heading));
            if (kind == PolicyText.Kind.HEADING) {
                heading = t;
            }
        }

        void addRow(List<String> cells, List<Boolean> header, int table) {
            if (full) {
                return;
            }
            int start = text.length();
            List<PolicyText.Cell> out = new ArrayList<>();
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    row.append(" | ");
                }
                String c = normalize(cells.get(i));
                out.add(new PolicyText.Cell(start + row.length(), start + row.length() + c.length(), header.get(i)));
                row.append(c);
            }
            if (row.toString().replace("|", "").isBlank()) {
                return;
            }
            if (text.length() + row.length() + 1 > maxChars) {
                truncated();
                return;
            }
            text.append(row).append('\n');
            blocks.add(new PolicyText.Block(PolicyText.Kind.TABLE_ROW, start, start + row.length(), table, out, heading));
        }

        /** NBSP and ideographic space to space, runs of ASCII whitespace to one space, stripped (one pass, no regex). */
        static String normalize(String s) {
            if (isNormal(s)) {
                return s.strip(); // what the copy below would build, without the copy (most blocks)
            }
            StringBuilder b = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\u00A0' || c == '\u3000' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\n'
                        || c == ' ') {
                    if (!space) {
                        b.append(' ');
                        space = true;
                    }
                } else {
                    b.append(c);
                    space = false;
                }
            }
            return b.toString().strip();
        }

        /** No character {@link #normalize} replaces and no two spaces in a row: its copy would equal {@code s}. */
        private static boolean isNormal(String s) {
            char prev = 'x';
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\u00A0' || c == '\u3000' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\n'
                        || (c == ' ' && prev == ' ')) {
                    return false;
                }
                prev = c;
            }
            return true;
        }

        PolicyText build() {
            return new PolicyText(format, text.toString(), blocks, problems);
        }
    }
}
