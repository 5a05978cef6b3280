package com.admissiongate.privacy;

import java.util.List;

/**
 * A policy reduced to plain text plus its block structure. {@code text} is what every {@link Span} offset points
 * into: the blocks' texts joined with a newline, in document order.
 *
 * @param format   html, text or pdf
 * @param problems non-fatal problems met while extracting (e.g. TEXT_TRUNCATED, TOO_MANY_PAGES)
 */
public record PolicyText(String format, String text, List<Block> blocks, List<PolicyProblem> problems) {

    public enum Kind { HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW }

    /**
     * @param table   index of the HTML table a TABLE_ROW belongs to, else -1
     * @param cells   the row's cells (TABLE_ROW only)
     * @param heading text of the closest heading before the block (or null): the context a list or table lives in
     */
    public record Block(Kind kind, int start, int end, int table, List<Cell> cells, String heading) {
        public Block {
            cells = cells == null ? List.of() : List.copyOf(cells);
        }

        public String text(String doc) {
            return doc.substring(start, end);
        }
    }

    /** A table cell's offsets in the text; {@code header} for th cells. */
    public record Cell(int start, int end, boolean header) {
        public String text(String doc) {
            return doc.substring(start, end);
        }
    }

    public PolicyText {
        blocks = List.copyOf(blocks);
        problems = List.copyOf(problems);
    }
}
