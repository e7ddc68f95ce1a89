package org.gradaudit.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.model.Model;
import org.gradaudit.model.ModelBuilder;

/** Reads a derivation file named on the command line into a model, or fails with an InputException. */
final class Derivations {
    private Derivations() {
    }

    static Model load(String file) {
        Path path = Path.of(file);
        String text;
        try {
            if (Files.size(path) > DerivationParser.MAX_CHARS * 4L) {
                throw new InputException(file + ": file is " + Files.size(path)
                        + " bytes; gradaudit reads derivations of at most " + DerivationParser.MAX_CHARS + " characters");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
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
}
