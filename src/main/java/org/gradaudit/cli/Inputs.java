package org.gradaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.gradaudit.derivation.DerivationParser;

/**
 * The derivations named on the command line: files, directories (every {@code *.deriv} file under
 * them, in name order), a glob the shell did not expand ({@code 'derivations/*.deriv'}), and
 * {@code -} for standard input.
 */
final class Inputs {
    /** How deep a directory is searched for derivation files. */
    static final int MAX_DEPTH = 16;
    /** The name standard input goes by in messages and reports. */
    static final String STDIN = "<stdin>";

    private Inputs() {
    }

    /**
     * The files the arguments stand for, in order; {@code -} stays {@code -}.
     *
     * @throws InputException if a directory or glob holds no derivation file, or {@code -} is given twice
     */
    static List<String> expand(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean stdin = false;
        for (String a : args) {
            if (a.equals("-")) {
                if (stdin) {
                    throw new InputException("'-' (standard input) can be named only once");
                }
                stdin = true;
                out.add(a);
            } else if (path(a) != null && Files.isDirectory(path(a))) {
                out.addAll(found(a, Path.of(a), p -> p.getFileName().toString().endsWith(".deriv"), "*.deriv"));
            } else if (path(a) != null && a.matches(".*[*?\\[{].*") && !Files.exists(Path.of(a)) && glob(a) != null) {
                int cut = a.replace('\\', '/').substring(0, firstGlobChar(a)).lastIndexOf('/');
                Path base = cut < 0 ? Path.of(".") : Path.of(a.substring(0, cut + 1));
                out.addAll(found(a, base, glob(a)::matches, "nothing matches"));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** The path named, or null when it is no valid path (the reading of the file then says so). */
    private static Path path(String a) {
        try {
            return Path.of(a);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The glob {@code a}, or null when it is not a well-formed one: then it is an ordinary file name. */
    private static PathMatcher glob(String a) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + a);
        } catch (java.util.regex.PatternSyntaxException e) {
            return null;
        }
    }

    private static int firstGlobChar(String a) {
        for (int i = 0; i < a.length(); i++) {
            if ("*?[{".indexOf(a.charAt(i)) >= 0) {
                return i;
            }
        }
        return a.length();
    }

    private static List<String> found(String arg, Path base, Predicate<Path> wanted, String none) {
        boolean relativeToDot = base.equals(Path.of("."));
        try (Stream<Path> s = Files.walk(base, MAX_DEPTH)) {
            List<String> files = s.filter(Files::isRegularFile)
                    .map(p -> relativeToDot ? base.relativize(p) : p)
                    .filter(wanted)
                    .map(Path::toString).sorted().toList();
            if (files.isEmpty()) {
                throw new InputException(arg + ": no derivation files (" + none + ")");
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(arg + ": cannot list: " + e.getMessage());
        }
    }

    /**
     * Standard input as text, at most the parser's limit.
     *
     * @throws InputException if it is longer, not UTF-8, or cannot be read
     */
    static String readStdin(InputStream in) {
        byte[] bytes;
        long limit = DerivationParser.MAX_CHARS * 4L;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new InputException(STDIN + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > limit) {
            throw new InputException(STDIN + ": more than " + limit + " bytes; gradaudit reads derivations of at most "
                    + DerivationParser.MAX_CHARS + " characters");
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(STDIN + ": not UTF-8 text");
        }
    }
}
