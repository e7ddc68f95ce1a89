package org.gradaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.model.Model;
import org.gradaudit.model.ModelBuilder;

/**
 * Reads a derivation file named on the command line into a model, or fails with an InputException.
 * Only regular files are read (after following links: a device, a FIFO or a directory is refused
 * before it is opened), and at most {@link DerivationParser#MAX_BYTES} plus one byte of them,
 * whatever size the file system reports.
 */
final class Derivations {
    private Derivations() {
    }

    static Model load(String file) {
        return load(file, text(file));
    }

    /** A scalar derivation from its text, already read with {@link #text}. */
    static Model load(String file, String text) {
        if (org.gradaudit.matrix.Vectorized.declaresDims(text)) {
            throw new InputException(file + ": this is a vectorized derivation (it declares 'dim'); 'audit' and 'derive'"
                    + " read it, 'check' does not yet");
        }
        return parse(file, text);
    }

    /** Parses text read elsewhere (standard input) under the given name. */
    static Model parse(String name, String text) {
        try {
            Derivation d = DerivationParser.parse(name, text);
            return ModelBuilder.build(d);
        } catch (DerivationException e) {
            throw new InputException(e.getMessage());
        }
    }

    /** A vectorized file (one with {@code dim} lines), resolved; see {@link org.gradaudit.matrix.Vectorized}. */
    static org.gradaudit.matrix.model.MatrixModel loadVectorized(String file, String text) {
        try {
            return org.gradaudit.matrix.Vectorized.load(file, text);
        } catch (DerivationException e) {
            throw new InputException(e.getMessage());
        }
    }

    /** The text of a derivation file: a regular file, bounded in size, UTF-8, or an InputException. */
    static String text(String file) {
        return decode(file, read(file));
    }

    /** The file's bytes, at most the limit; refuses what is not a regular file or is longer. */
    static byte[] read(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(file + ": not a valid file name");
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new InputException(file + ": not a regular file ("
                        + (attributes.isDirectory() ? "a directory" : "a device, FIFO or socket")
                        + "); gradaudit reads derivations only from regular files");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(DerivationParser.MAX_BYTES + 1);
            }
            if (bytes.length > DerivationParser.MAX_BYTES) {
                throw new InputException(file + ": file is larger than " + DerivationParser.MAX_BYTES
                        + " bytes (1 MiB); gradaudit reads derivations of at most that");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file + ": permission denied");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The bytes as UTF-8 text; the first malformed byte is reported with its line and column. */
    static String decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            // columns count characters, as the parser's do
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new InputException(String.format(Locale.ROOT, "%s:%d:%d: not UTF-8 text: byte 0x%02x cannot start"
                    + " or continue a UTF-8 character here", file, line, column, bytes[at] & 0xff));
        }
        out.flip();
        return out.toString();
    }
}
