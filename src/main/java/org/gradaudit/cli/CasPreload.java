package org.gradaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a command line should start Symja at once, while the command line and its files are
 * read: {@code audit} and {@code derive} of scalar files use it, vectorized files (which declare
 * {@code dim}) do not unless a proof needs it (and then start it themselves). Only the start of
 * each named regular file is read; when in doubt (standard input, a directory, a file that cannot
 * be read), Symja is started as before. A command line that names no regular file (a path that does
 * not exist, a device) is refused before it would need Symja, so Symja is not started for it.
 */
final class CasPreload {
    /** How much of a file is read to see whether it declares dimensions. */
    static final int PEEK_BYTES = 64 * 1024;

    private CasPreload() {
    }

    static boolean wanted(String[] args) {
        if (args.length == 0 || !(args[0].equals("audit") || args[0].equals("derive"))) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-")) {
                return true;
            }
            if (a.startsWith("-")) {
                continue;
            }
            Path p;
            try {
                p = Path.of(a);
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            if (Files.isDirectory(p)) {
                return true;
            }
            if (!Files.isRegularFile(p)) {
                continue; // an option's value
            }
            if (!org.gradaudit.matrix.Vectorized.declaresDims(peek(p))) {
                return true;
            }
        }
        // No scalar file to read (a missing path, a device, only vectorized files): the command is refused
        // or needs no Symja, and exiting while Symja starts can leave its clean-up thread's trace on stderr.
        return false;
    }

    private static String peek(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return new String(in.readNBytes(PEEK_BYTES), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return ""; // unreadable: the command reports it; Symja starts as before
        }
    }
}
