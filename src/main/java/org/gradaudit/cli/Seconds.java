package org.gradaudit.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/**
 * {@code --time-limit SECONDS}: a positive number of seconds, fractions allowed ({@code 0.5},
 * {@code 2.25}), at most a day; read to the millisecond.
 */
final class Seconds implements CommandLine.ITypeConverter<Duration> {
    /** The longest time limit accepted. */
    static final Duration MAX = Duration.ofDays(1);

    @Override
    public Duration convert(String s) {
        double v;
        try {
            if (!s.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + s + "' is not a number of seconds (such as 60 or 0.5)");
        }
        long millis = Math.round(v * 1000);
        if (millis < 1 || millis > MAX.toMillis()) {
            throw new CommandLine.TypeConversionException("must be more than 0 and at most " + MAX.toSeconds()
                    + " seconds, was " + s);
        }
        return Duration.ofMillis(millis);
    }

    /** For messages: {@code 0.5 s}, {@code 60 s}. */
    static String format(Duration d) {
        double s = d.toMillis() / 1000.0;
        return (s == Math.rint(s) ? String.format(Locale.ROOT, "%d", (long) s) : String.format(Locale.ROOT, "%s", s))
                + " s";
    }
}
