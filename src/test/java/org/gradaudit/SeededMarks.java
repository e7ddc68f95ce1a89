package org.gradaudit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a derivation file marked {@code # seeded: KIND}: a mistake put there on purpose, of
 * the diagnosis it should get ({@code sign}, {@code rank-1}, ...). The seeded-mistakes tests of the
 * scalar and the vectorized derivations read them here.
 */
public final class SeededMarks {
    private static final Pattern SEEDED = Pattern.compile("#\\s*seeded:\\s*([a-z0-9-]+)\\s*$");

    private SeededMarks() {
    }

    /**
     * @param file a derivation file
     * @return the marked lines (1-based) with their kinds, in file order
     * @throws IOException if the file cannot be read
     */
    public static Map<Integer, String> of(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<Integer, String> marked = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SEEDED.matcher(lines.get(i));
            if (m.find()) {
                marked.put(i + 1, m.group(1));
            }
        }
        return marked;
    }
}
