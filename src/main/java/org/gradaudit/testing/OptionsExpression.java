package org.gradaudit.testing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Options written as the Java expression that rebuilds them, such as
 * {@code GradientOptions.defaults().withSeed(7)}: what a failure message prints so that the
 * failing check can be run again as it ran. Only what differs from the defaults is written.
 */
final class OptionsExpression {
    private OptionsExpression() {
    }

    static String of(GradientOptions o, GradientOptions defaults) {
        StringBuilder b = new StringBuilder("GradientOptions.defaults()");
        if (o.method() != defaults.method()) {
            b.append(".withMethod(NumericMethod.").append(o.method().name()).append(')');
        }
        if (o.absoluteTolerance() != defaults.absoluteTolerance() || o.relativeTolerance() != defaults.relativeTolerance()) {
            b.append(".withTolerance(").append(o.absoluteTolerance()).append(", ").append(o.relativeTolerance()).append(')');
        }
        List<String> whole = o.selection().entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(e -> '"' + e.getKey() + '"').collect(Collectors.toList());
        if (!whole.isEmpty()) {
            b.append(".onlyParameters(").append(String.join(", ", whole)).append(')');
        }
        o.selection().forEach((name, idx) -> {
            if (!idx.isEmpty()) {
                b.append(".onlyElements(\"").append(name).append("\", ")
                        .append(idx.stream().map(String::valueOf).collect(Collectors.joining(", "))).append(')');
            }
        });
        long seed = o.seed();
        if (seed != defaults.seed()) {
            b.append(".withSeed(").append(seed).append(seed > Integer.MAX_VALUE || seed < Integer.MIN_VALUE ? "L" : "")
                    .append(')');
        }
        if (o.maxRows() != defaults.maxRows()) {
            b.append(".withMaxRows(").append(o.maxRows()).append(')');
        }
        if (o.threads() != defaults.threads()) {
            b.append(".withThreads(").append(o.threads()).append(')');
        }
        return b.toString();
    }
}
