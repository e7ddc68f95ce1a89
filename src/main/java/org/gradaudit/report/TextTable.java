package org.gradaudit.report;

import java.util.List;
import org.gradaudit.expr.Numbers;

/**
 * Text layout for reports: left-aligned columns, each as wide as its widest cell, two spaces
 * apart; and paragraphs wrapped at a width.
 */
public final class TextTable {
    private TextTable() {
    }

    /**
     * Appends {@code rows} (the first is usually a header) to {@code out}, each line starting with
     * {@code indent} and without trailing spaces.
     *
     * @throws IllegalArgumentException if there are no rows or they differ in length
     */
    public static void render(List<String[]> rows, String indent, StringBuilder out) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one row");
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            if (row.length != width.length) {
                throw new IllegalArgumentException("rows differ in length: " + row.length + " and " + width.length);
            }
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                line.append(Numbers.format("%-" + width[i] + "s", row[i])).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /**
     * {@code text} wrapped at {@code width} columns between words, the first line starting with
     * {@code first} and the others with {@code rest}; ends with a newline. A word longer than the
     * width stands on a line of its own.
     */
    public static String wrap(String text, int width, String first, String rest) {
        StringBuilder out = new StringBuilder(first);
        int col = first.length();
        boolean lineEmpty = true;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!lineEmpty && col + 1 + word.length() > width) {
                out.append('\n').append(rest);
                col = rest.length();
                lineEmpty = true;
            } else if (!lineEmpty) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
            lineEmpty = false;
        }
        return out.append('\n').toString();
    }
}
