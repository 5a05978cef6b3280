package com.admissiongate.privacy;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and ordinary documents through the bounded reader: every bad input ends in a stable problem code. */
class PolicyDocumentReaderTests {

    private final PolicyDocumentReader reader = new PolicyDocumentReader(PrivacyLimits.defaults());

    @Test
    void htmlBecomesHeadingsParagraphsListItemsAndTableRowsWithOffsets() {
        String html = "<html><head><title>T</title><script>var x='隐私';</script></head><body><h1>隐私政策</h1>"
                + "<div><p>第一段。</p><ul><li>相机权限：用于扫码</li></ul>"
                + "<table><tr><th>SDK名称</th><th>目的</th></tr><tr><td>极光推送</td><td>推送</td></tr></table></div></body></html>";
        PolicyDocumentReader.Result r = reader.read(html.getBytes(StandardCharsets.UTF_8), "text/html", null);

        assertThat(r.ok()).isTrue();
        PolicyText t = r.text();
        assertThat(t.format()).isEqualTo("html");
        assertThat(t.text()).isEqualTo("T\n隐私政策\n第一段。\n相机权限：用于扫码\nSDK名称 | 目的\n极光推送 | 推送\n");
        assertThat(t.blocks()).extracting(PolicyText.Block::kind).containsExactly(PolicyText.Kind.HEADING,
                PolicyText.Kind.HEADING, PolicyText.Kind.PARAGRAPH, PolicyText.Kind.LIST_ITEM,
                PolicyText.Kind.TABLE_ROW, PolicyText.Kind.TABLE_ROW);
        PolicyText.Block row = t.blocks().get(5);
        assertThat(row.cells()).hasSize(2);
        assertThat(row.cells().get(0).text(t.text())).isEqualTo("极光推送");
        assertThat(row.heading()).isEqualTo("隐私政策");
        assertThat(t.blocks().get(4).cells().get(0).header()).isTrue();
    }

    @Test
    void fiftyMegabytesIsRefusedUnparsed() {
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        PolicyDocumentReader.Result r = reader.read(big, "text/plain", null);

        assertThat(r.ok()).isFalse();
        assertThat(r.problem().code()).isEqualTo("TOO_LARGE");
        assertThat(r.problem().message()).isEqualTo("52428800 bytes exceed the limit of 5242880");
    }

    @Test
    void deeplyNestedHtmlIsRefusedBeforeJsoupBuildsIt() {
        String deep = "<html><body>" + "<div>".repeat(200_000) + "x" + "</div>".repeat(200_000) + "</body></html>";
        long t0 = System.nanoTime();
        PolicyDocumentReader.Result r = reader.read(deep.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(r.problem().code()).isEqualTo("TOO_DEEP");
        assertThat(r.problem().message()).startsWith("HTML elements nest about 200000 deep");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(PrivacyLimits.defaults().parseTimeout());
    }

    @Test
    void nestingBelowTheEstimateButAboveTheLimitIsCaughtOnTheRealTree() {
        // 300 <span> inside <b> under the raw estimate of 4 × 256, but the DOM is 300+ deep
        String deep = "<html><body>" + "<span>".repeat(300) + "x" + "</span>".repeat(300) + "</body></html>";
        PolicyDocumentReader.Result r = reader.read(deep.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(r.problem().code()).isEqualTo("TOO_DEEP");
        assertThat(r.problem().message()).startsWith("HTML elements nest 30");
    }

    @Test
    void textIsCutAtTheCharacterCapWithAWarning() {
        PolicyDocumentReader small = new PolicyDocumentReader(new PrivacyLimits(1 << 20, 100, 10, 1 << 20, 64,
                Duration.ofSeconds(5)));
        String text = "我们收集您的手机号码。\n".repeat(50);
        PolicyDocumentReader.Result r = small.read(text.getBytes(StandardCharsets.UTF_8), null, "p.txt");

        assertThat(r.ok()).isTrue();
        assertThat(r.text().text().length()).isLessThanOrEqualTo(100);
        assertThat(r.text().blocks()).hasSize(8);
        assertThat(r.text().problems()).extracting(PolicyProblem::code).containsExactly("TEXT_TRUNCATED");
    }

    @Test
    void gbkTextIsDecoded() {
        byte[] gbk = "隐私政策\n我们会收集您的位置信息。".getBytes(Charset.forName("GBK"));
        PolicyDocumentReader.Result r = reader.read(gbk, null, "policy.txt");

        assertThat(r.text().text()).isEqualTo("隐私政策\n我们会收集您的位置信息。\n");
    }

    @Test
    void binaryAndEmptyDocumentsAreProblems() {
        assertThat(reader.read(new byte[]{0x50, 0x4B, 3, 4, 0, 0, 1}, "application/zip", "x.zip").problem().code())
                .isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(reader.read(new byte[0], null, null).problem().code()).isEqualTo("EMPTY");
        assertThat(reader.read("<html><body><script>x</script></body></html>".getBytes(StandardCharsets.UTF_8), null, null)
                .problem().code()).isEqualTo("EMPTY");
        assertThat(reader.read("%PDF-1.7\n garbage".getBytes(StandardCharsets.ISO_8859_1), null, null).problem().code())
                .isEqualTo("MALFORMED");
    }

    @Test
    void pdfTextIsExtractedAndWrappedLinesJoined() throws IOException {
        byte[] pdf = pdf(2, "Privacy Policy", "We collect your email address to create", "your account.");
        PolicyDocumentReader.Result r = reader.read(pdf, "application/pdf", null);

        assertThat(r.ok()).as(String.valueOf(r.problem())).isTrue();
        assertThat(r.text().format()).isEqualTo("pdf");
        assertThat(r.text().text()).contains("We collect your email address to create your account.");
    }

    @Test
    void pdfPagesBeyondTheLimitAreNotRead() throws IOException {
        PolicyDocumentReader few = new PolicyDocumentReader(new PrivacyLimits(5 << 20, 100_000, 2, 64 << 20, 64,
                Duration.ofSeconds(5)));
        PolicyDocumentReader.Result r = few.read(pdf(5, "page"), null, null);

        assertThat(r.ok()).isTrue();
        assertThat(r.text().problems()).extracting(PolicyProblem::code).containsExactly("TOO_MANY_PAGES");
        assertThat(r.text().text().split("page", -1)).hasSize(3);
    }

    @Test
    void pdfCompressionBombEndsAtTheMemoryCap() throws IOException {
        // ~100 KB on disk, 128 MiB once inflated; the reader may use 8 MiB
        PolicyDocumentReader capped = new PolicyDocumentReader(new PrivacyLimits(5 << 20, 100_000, 10, 8 << 20, 64,
                Duration.ofSeconds(20)));
        byte[] bomb = bombPdf(128 << 20);
        assertThat(bomb.length).isLessThan(1 << 20);

        PolicyDocumentReader.Result r = capped.read(bomb, null, null);

        assertThat(r.ok()).isFalse();
        assertThat(r.problem().code()).isEqualTo("TOO_LARGE");
        assertThat(r.problem().message()).isEqualTo("the PDF's page content decodes to more than 8388608 bytes");
    }

    static byte[] pdf(int pages, String... lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.setLeading(14);
                    cs.newLineAtOffset(50, 700);
                    for (String l : lines) {
                        cs.showText(l);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] bombPdf(int inflated) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            InputStream spaces = new InputStream() {
                int left = inflated;

                @Override
                public int read() {
                    return left-- > 0 ? ' ' : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = Math.min(len, left);
                    Arrays.fill(b, off, off + n, (byte) ' ');
                    left -= n;
                    return n;
                }
            };
            page.setContents(new PDStream(doc, spaces, COSName.FLATE_DECODE));
            doc.save(out);
            return out.toByteArray();
        }
    }
}
