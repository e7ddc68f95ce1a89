package org.gradaudit.report;

import java.util.List;
import java.util.Locale;

/** Left-aligned columns of text, each as wide as its widest cell, two spaces apart. */
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
                line.append(String.format(Locale.ROOT, "%-" + width[i] + "s", row[i])).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
