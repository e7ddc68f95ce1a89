package org.gradaudit.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table of built-in functions: every function a derivation can call without defining it, and
 * what the layers below the CAS and the evaluators know about it. Each layer that treats functions
 * one by one does so in an exhaustive {@code switch} over this enum (the CAS's heads in
 * {@code symbolic.Session}, complex values and rounding bounds in {@code numeric.NumericBuiltins},
 * compiled doubles in {@code numeric.RealCompiler}), and the textbook facts the reports and the
 * diagnoser use are switches here ({@link #derivative}, {@link #definition},
 * {@link #derivativeIsConfusable}), so adding a function is one constant here plus the compile
 * errors it causes there.
 *
 * <p>Each takes one argument. {@code ln} is another name of {@code log}, the natural log.
 * {@code step(z)} is 1 for {@code z > 0}, else 0: relu's derivative as backprop takes it, with
 * {@code step(0) = 0}; its own derivative is taken as 0 away from its jump.
 */
public enum Builtin {
    EXP, LOG("ln"), SQRT, SIN, COS, TANH, SIGMOID, SOFTPLUS, RELU, STEP;

    private static final Map<String, Builtin> BY_NAME;

    static {
        Map<String, Builtin> m = new LinkedHashMap<>();
        for (Builtin b : values()) {
            m.put(b.spelling, b);
            b.aliases.forEach(a -> m.put(a, b));
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private final String spelling;
    private final List<String> aliases;

    Builtin(String... aliases) {
        this.spelling = name().toLowerCase(Locale.ROOT);
        this.aliases = List.of(aliases);
    }

    /** The name as written and printed: {@code sigmoid}. */
    public String spelling() {
        return spelling;
    }

    /** The built-in called {@code name} (its spelling or an alias), or null. */
    public static Builtin named(String name) {
        return BY_NAME.get(name);
    }

    /** Every name a derivation can call, aliases included, in table order. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** {@code f(arg)}, written with this function's spelling. */
    public Expr call(Expr arg) {
        return Expr.call(spelling, arg);
    }

    /**
     * The derivative {@code f'(u)} in terms of built-ins of {@code u}: the rule the CAS is given for
     * the functions it keeps opaque, and the textbook derivative for the others.
     */
    public Expr derivative(Expr u) {
        Expr one = Expr.num(1);
        return switch (this) {
            case EXP -> EXP.call(u);
            case LOG -> Expr.div(one, u);
            case SQRT -> Expr.div(one, Expr.mul(Expr.num(2), SQRT.call(u)));
            case SIN -> COS.call(u);
            case COS -> Expr.neg(SIN.call(u));
            case TANH -> Expr.sub(one, Expr.pow(TANH.call(u), Expr.num(2)));
            case SIGMOID -> Expr.mul(SIGMOID.call(u), Expr.sub(one, SIGMOID.call(u)));
            case SOFTPLUS -> SIGMOID.call(u);
            case RELU -> STEP.call(u);
            case STEP -> Expr.num(0);
        };
    }

    /**
     * The textbook definition of this function in terms of others, with {@code #} for its argument
     * ({@code 1/(1 + e^-#)} for the sigmoid), as a report writes it out where a claim is about the
     * function itself; empty for a function that is its own primitive.
     */
    public java.util.Optional<String> definition() {
        return java.util.Optional.ofNullable(switch (this) {
            case SIGMOID -> "1/(1 + e^-#)";
            case TANH -> "(e^# - e^-#)/(e^# + e^-#)";
            case SOFTPLUS -> "ln(1 + e^#)";
            case EXP, LOG, SQRT, SIN, COS, RELU, STEP -> null;
        });
    }

    /**
     * Whether hand-written backprop confuses this function's derivative with another's (sigmoid's
     * {@code h*(1 - h)} where tanh's {@code 1 - h^2} belongs): the smooth activations whose
     * derivatives the diagnoser tries in place of one another.
     */
    public boolean derivativeIsConfusable() {
        return switch (this) {
            case SIGMOID, TANH, EXP, SOFTPLUS, SIN, COS -> true;
            case LOG, SQRT, RELU, STEP -> false;
        };
    }

    /**
     * The value in doubles. {@code sigmoid} and {@code softplus} are computed in forms that neither
     * overflow nor lose small values on either side of 0.
     */
    public double apply(double z) {
        return switch (this) {
            case EXP -> Math.exp(z);
            case LOG -> Math.log(z);
            case SQRT -> Math.sqrt(z);
            case SIN -> Math.sin(z);
            case COS -> Math.cos(z);
            case TANH -> Math.tanh(z);
            case SIGMOID -> sigmoid(z);
            case SOFTPLUS -> softplus(z);
            case RELU -> relu(z);
            case STEP -> step(z);
        };
    }

    /** {@code 1 / (1 + exp(-z))}, from {@code exp} of a non-positive number. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** {@code log(1 + exp(z))} as {@code max(z, 0) + log1p(exp(-|z|))}. */
    public static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** {@code max(0, z)}. */
    public static double relu(double z) {
        return Math.max(0.0, z);
    }

    /** The derivative of relu: 1 for z > 0, else 0 (the convention backprop uses at 0); NaN stays NaN. */
    public static double step(double z) {
        return Double.isNaN(z) ? z : z > 0 ? 1 : 0;
    }
}
