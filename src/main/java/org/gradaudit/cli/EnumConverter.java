package org.gradaudit.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Reads a closed choice from the command line by the spelling its enum prints ({@code toString()}):
 * one converter for every enum option, and one message listing what is accepted. Also the
 * {@code completionCandidates} of those options, so shell completion offers the same spellings.
 *
 * @param <E> the enum
 */
abstract class EnumConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E>, Iterable<String> {
    private final Class<E> type;
    private final String what;

    EnumConverter(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public E convert(String s) {
        for (E e : type.getEnumConstants()) {
            if (e.toString().equals(s) || e.toString().equals(s.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        String choices = String.join(", ", this);
        String near = Suggestions.closest(s, this);
        throw new CommandLine.TypeConversionException("unknown " + what + " '" + s + "'"
                + (near == null ? "" : "; did you mean '" + near + "'?") + " (one of " + choices + ")");
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).iterator();
    }

    /** The spellings, comma-separated, for a help text. */
    String choices() {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
}
