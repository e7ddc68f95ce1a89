package org.gradaudit.numeric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;

/**
 * Compiles an {@link Expr} once into a tree of small Java objects, so that it can be evaluated many
 * times fast: no map lookups, no allocation, no dispatch on the node type per call. Three flavours of
 * the same tree: {@linkplain #compile doubles}, {@linkplain #compileComplex complex numbers} (for the
 * complex step) and {@linkplain #compileWithError doubles with a rounding-error bound}.
 *
 * <p>The variables of the expression are bound to slots: {@code values[i]} is the value of
 * {@code slots.get(i)}. Built-in functions are those of {@link #builtinFunctions()}; {@code ^} is
 * {@link Math#pow}. What the compiled code cannot evaluate is a caller's bug and is refused at
 * compilation with an {@link IllegalArgumentException} that names it.
 */
public final class Evaluators {
    private Evaluators() {
    }

    /**
     * The names of the built-in functions, aliases included: those of {@link Builtin}.
     */
    public static Set<String> builtinFunctions() {
        return Builtin.names();
    }

    /**
     * Compiles {@code e} for evaluation in doubles.
     *
     * @throws IllegalArgumentException if {@code e} has a variable not in {@code slots}, a derivative
     *     ({@link Expr.Deriv}), a call of a function that is not built in or with other than one
     *     argument, or if {@code slots} names a variable twice
     * @throws NullPointerException if an argument is null
     */
    public static Evaluator compile(Expr e, List<String> slots) {
        Evaluator body = new RealCompiler(index(slots)).compile(e);
        int n = slots.size();
        return values -> {
            checkLength(values.length, n);
            return body.eval(values);
        };
    }

    /**
     * Compiles {@code e} for evaluation in complex numbers, with commons-math {@code Complex}
     * arithmetic and the complex extensions of the built-ins described on {@link NumericBuiltins}: where an
     * argument has imaginary part 0 the real function is used; otherwise {@code log} and {@code sqrt}
     * give NaN unless the real part is positive, and {@code relu} and {@code abs} follow the sign of
     * the real part (their derivative at 0 comes out as 0). {@code z^n} for a real integer {@code n}
     * is repeated multiplication, so a negative base works as it does in doubles; other powers are
     * {@code exp(w log z)} for a base with positive real part, {@code 0} for a zero base and a
     * positive exponent, and NaN otherwise.
     *
     * @throws IllegalArgumentException as {@link #compile}
     * @throws NullPointerException if an argument is null
     */
    public static ComplexEvaluator compileComplex(Expr e, List<String> slots) {
        ComplexEvaluator body = new ComplexCompiler(index(slots)).compile(e);
        int n = slots.size();
        return values -> {
            checkLength(values.length, n);
            return body.eval(values);
        };
    }

    /**
     * Compiles {@code e} for evaluation in doubles together with a bound on the rounding error of that
     * evaluation, the inputs taken as exact. The rules, with {@code u = 2^-53} and {@code err(x)} the
     * bound carried by operand {@code x}:
     * <ul>
     *   <li>{@code a + b}, {@code a - b}: {@code err(a) + err(b) + u|result|};
     *   <li>{@code a * b}: {@code |b| err(a) + |a| err(b) + err(a) err(b) + u|result|};
     *   <li>{@code a / b}: {@code (err(a) + |a/b| err(b)) / (|b| - err(b)) + u|result|}, infinite when
     *       {@code err(b) >= |b|};
     *   <li>{@code f(a)}: {@code max|f'| over [a - err(a), a + err(a)] * err(a) + c_f u |result|}, with
     *       {@code c_f} from the documented accuracy of {@link Math} (2.5 for {@code exp, log, sin, cos},
     *       1 for {@code sqrt}, 5.5 for {@code tanh}, 5 for {@code sigmoid}, 6.5 for {@code softplus},
     *       0 for {@code relu, abs});
     *   <li>{@code a^n} for a constant integer {@code n}: {@code |n| m^(n-1) err(a) + 2.5u|result|}
     *       with {@code m} the largest ({@code n > 0}) or smallest ({@code n < 0}, infinite if the
     *       interval reaches 0) {@code |a|} in reach;
     *   <li>{@code a^b} otherwise: first order only, {@code |b a^(b-1)| err(a) + |a^b ln a| err(b) + 2.5u|result|};
     *   <li>multiplications, divisions and functions also add {@code Double.MIN_VALUE} for underflow.
     * </ul>
     * These are rigorous bounds, not first-order estimates, except for the general power; they are
     * themselves computed in doubles, so they are exact only to a few ulps of the bound. NaN values
     * carry a NaN bound, overflowed ones an infinite one.
     *
     * @throws IllegalArgumentException as {@link #compile}
     * @throws NullPointerException if an argument is null
     */
    public static ErrorEvaluator compileWithError(Expr e, List<String> slots) {
        return withError(new ErrorCompiler(index(slots)).compile(e), slots.size());
    }

    /** The evaluator of a compiled node over {@code n} slots. */
    static ErrorEvaluator withError(ErrorCompiler.Node body, int n) {
        return values -> {
            checkLength(values.length, n);
            double[] err = new double[1];
            double v = body.eval(values, err);
            double bound = Double.isNaN(v) ? Double.NaN : Double.isInfinite(v) ? Double.POSITIVE_INFINITY : err[0];
            return new BoundedValue(v, bound);
        };
    }

    /** The slots of the last compilation and their index: callers compile many formulas over the same slots. */
    private record Index(List<String> slots, Map<String, Integer> index) {
    }

    private static volatile Index last = new Index(List.of(), Map.of());

    static Map<String, Integer> index(List<String> slots) {
        Objects.requireNonNull(slots, "slots");
        Index known = last;
        // Compared by content, not identity: a caller may change its list between compilations.
        if (known.slots().equals(slots)) {
            return known.index();
        }
        Map<String, Integer> m = buildIndex(slots);
        last = new Index(List.copyOf(slots), java.util.Collections.unmodifiableMap(m));
        return m;
    }

    private static Map<String, Integer> buildIndex(List<String> slots) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            String name = Objects.requireNonNull(slots.get(i), "slot name");
            if (m.putIfAbsent(name, i) != null) {
                throw new IllegalArgumentException("slot [" + name + "] is named twice in " + slots);
            }
        }
        return m;
    }

    private static void checkLength(int length, int slots) {
        if (length != slots) {
            throw new IllegalArgumentException("expected one value per slot, " + slots + ", but got [" + length + "]");
        }
    }

    /** The slot of {@code v}. */
    static int slot(Expr.Var v, Map<String, Integer> slots) {
        Integer i = slots.get(v.name());
        if (i == null) {
            throw new IllegalArgumentException("variable [" + v.name() + "] has no slot; slots are " + slots.keySet());
        }
        return i;
    }

    /** The built-in that {@code c} calls, checked to have one argument. */
    static Builtin builtin(Expr.Call c) {
        Builtin b = Builtin.named(c.fn());
        if (b == null) {
            throw new IllegalArgumentException("unknown function [" + c.fn() + "]; built-ins are " + Builtin.names());
        }
        if (c.args().size() != 1) {
            throw new IllegalArgumentException("function [" + c.fn() + "] takes 1 argument but was given ["
                    + c.args().size() + "]");
        }
        return b;
    }

    static IllegalArgumentException derivative(Expr.Deriv d) {
        return new IllegalArgumentException("derivative [" + d + "] cannot be evaluated; substitute its value first");
    }

    /** The value of {@code e} if it is a constant ({@code 3} or {@code -3}), else NaN. */
    static double constant(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Neg g && g.arg() instanceof Expr.Num n) {
            return -n.value();
        }
        return Double.NaN;
    }

    /** Whether {@code c} is an integer small enough to power by repeated squaring. */
    static boolean isSmallInteger(double c) {
        return c == Math.rint(c) && Math.abs(c) <= Integer.MAX_VALUE;
    }
}
