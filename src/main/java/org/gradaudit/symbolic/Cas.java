package org.gradaudit.symbolic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.Names;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The computer algebra system, Symja, behind three operations on {@link Expr}: derivative,
 * simplification and zero test. See the package documentation for the sandbox.
 *
 * <p>Inputs may hold numbers, variables, {@code + - * / ^}, negation and calls of the built-ins of
 * {@link org.gradaudit.expr.Builtin} (one argument each); outputs use
 * the same vocabulary ({@code ln} comes back as {@code log}) and the caller's variable names.
 *
 * <p>Every call is bounded: inputs of more than {@link Limits#maxNodes} nodes or with a constant
 * exponent beyond {@link Limits#maxExponent} are refused, and the work runs on a daemon thread
 * that is abandoned once {@link Limits#timeout} has passed. Calls are serialised; the class is
 * thread-safe.
 */
public final class Cas {
    /**
     * Bounds on the work of one call.
     *
     * @param timeout processor time one call may spend on the CAS thread (and wall-clock time of
     *     at most {@link CallBudget#WALL_FACTOR} times that), Symja's start-up excluded
     * @param maxNodes largest input accepted, in expression nodes
     * @param maxExponent largest magnitude of a constant exponent accepted
     */
    public record Limits(Duration timeout, int maxNodes, int maxExponent) {
        /** 5 s, 10 000 nodes, exponents up to 64. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), 10_000, 64);

        /** @throws IllegalArgumentException if a bound is not positive */
        public Limits {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be > 0, was [" + timeout + "]");
            }
            if (maxNodes < 1) {
                throw new IllegalArgumentException("maxNodes must be >= 1, was [" + maxNodes + "]");
            }
            if (maxExponent < 1) {
                throw new IllegalArgumentException("maxExponent must be >= 1, was [" + maxExponent + "]");
            }
        }
    }

    private static final class Shared {
        static final Cas INSTANCE = new Cas(Limits.DEFAULT);
    }

    private final Limits limits;
    private final Tasks tasks;
    /**
     * Derivatives already computed, by input and variable, the last {@link #REMEMBERED} of them: an audit
     * asks for the same local derivatives from the true loss's chain rule and from the written loss's.
     * Only small inputs and results are kept, so that the table stays a few megabytes at most.
     */
    private final Map<DerivativeKey, Expr> derivatives = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DerivativeKey, Expr> eldest) {
            return size() > REMEMBERED;
        }
    };
    static final int REMEMBERED = 256;
    static final int REMEMBERED_NODES = 400;

    /**
     * Its equals and hashCode written out: a record's generated ones are linked at first use,
     * which a cold run pays for.
     */
    private record DerivativeKey(Expr e, String var) {
        @Override
        public boolean equals(Object o) {
            return o instanceof DerivativeKey k && e.equals(k.e) && var.equals(k.var);
        }

        @Override
        public int hashCode() {
            return e.hashCode() * 31 + var.hashCode();
        }
    }

    private Cas(Limits limits) {
        this.limits = limits;
        this.tasks = new Tasks(); // Symja starts in the background, on the worker thread
    }

    /**
     * The shared instance, with {@link Limits#DEFAULT}. The first call starts Symja in the
     * background (about 2 s of work) and returns at once; the first operation waits for it.
     *
     * @return the shared instance
     */
    public static Cas get() {
        return Shared.INSTANCE;
    }

    /**
     * A separate instance with its own bounds and worker thread, for callers that need other
     * limits than the shared instance's.
     *
     * @param limits the bounds for every call
     * @return a new instance
     */
    public static Cas create(Limits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        return new Cas(limits);
    }

    /**
     * The bounds of this instance.
     *
     * @return the limits every call of this instance runs under
     */
    public Limits limits() {
        return limits;
    }

    /**
     * d e / d var: the shorter (in nodes) of Symja's derivative and its {@code Together} form.
     *
     * @param e the expression to differentiate
     * @param var the variable, which need not occur in {@code e} (the result is then 0)
     * @return the derivative
     * @throws IllegalArgumentException if {@code var} is not a name, or {@code e} holds a
     *     derivative atom or a function other than the built-ins
     * @throws CasException if a bound was hit (size, exponent, time) or the result cannot be
     *     written as an expression (a complex number, say); the message says which
     */
    public Expr derivative(Expr e, String var) throws CasException {
        return derivative(e, var, Deadline.NONE);
    }

    /**
     * {@link #derivative(Expr, String)} under what is left of {@code deadline} as well as the
     * per-call timeout, whichever ends first.
     *
     * @throws CasException also when {@code deadline} passes first; its message then names the time limit
     */
    public Expr derivative(Expr e, String var, Deadline deadline) throws CasException {
        if (!Names.isName(var)) {
            throw new IllegalArgumentException("not a variable name: [" + var + "]");
        }
        Set<String> names = new TreeSet<>(InputGuard.check(e, limits));
        names.add(var);
        // Only small inputs are looked up: a key is hashed on the caller's thread, whose stack a deep
        // input (within the node bound) would overflow.
        DerivativeKey key = InputGuard.atMost(e, REMEMBERED_NODES) ? new DerivativeKey(e, var) : null;
        Expr known;
        synchronized (derivatives) {
            known = key == null ? null : derivatives.get(key);
        }
        if (known != null && !deadline.passed()) {
            return known; // (past the deadline, the task below refuses it as it refuses any)
        }
        String what = "d/d" + var + " of " + e;
        CallBudget budget = new CallBudget(limits.timeout);
        CallCandidates c = new CallCandidates();
        tasks.run(what, budget, deadline, s -> {
            c.open(s, names);
            c.first = s.engine.evaluate(F.D(c.to.convert(e), c.to.symbol(var)));
            return c.offer(c.first);
        });
        improve(what, budget, deadline, c, List.of(F::Together));
        Expr d = c.best(what);
        if (key != null && InputGuard.atMost(d, REMEMBERED_NODES)) {
            synchronized (derivatives) {
                derivatives.put(key, d);
            }
        }
        return d;
    }

    /**
     * A simplified, readable equivalent: the shortest (in nodes) of the evaluated form, its
     * {@code Together} form and, only when those are still longer than {@link #SIMPLIFY_ABOVE}
     * nodes, its {@code Simplify} form, written as described in the package documentation.
     * ({@code Simplify} costs tens of milliseconds a call and most of a second the first time,
     * and on derivatives of networks it rarely beats {@code Together}.) When time runs out after
     * the evaluated form, the best form so far is returned.
     *
     * @param e the expression to simplify
     * @return an equivalent expression
     * @throws IllegalArgumentException if {@code e} holds a derivative atom or a function other
     *     than the built-ins
     * @throws CasException if a bound was hit before even the evaluated form was found, or no
     *     form can be written as an expression; the message says which
     */
    public Expr simplify(Expr e) throws CasException {
        return simplify(e, Deadline.NONE);
    }

    /**
     * {@link #simplify(Expr)} under what is left of {@code deadline} as well as the per-call timeout.
     *
     * @throws CasException also when {@code deadline} passes before the evaluated form is found
     */
    public Expr simplify(Expr e, Deadline deadline) throws CasException {
        Set<String> names = InputGuard.check(e, limits);
        String what = "simplifying " + e;
        CallBudget budget = new CallBudget(limits.timeout);
        CallCandidates c = new CallCandidates();
        tasks.run(what, budget, deadline, s -> {
            c.open(s, names);
            c.first = s.engine.evaluate(c.to.convert(e));
            return c.offer(c.first);
        });
        improve(what, budget, deadline, c, List.of(F::Together));
        if (c.best != null && Exprs.size(c.best) > SIMPLIFY_ABOVE) {
            improve(what, budget, deadline, c, List.of(F::Simplify));
        }
        return c.best(what);
    }

    /** Size in nodes above which {@link #simplify} also tries Symja's {@code Simplify}. */
    static final int SIMPLIFY_ABOVE = 24;

    /**
     * Whether {@code e} is identically zero: {@code Together} first (milliseconds), then
     * {@code Simplify}. {@code PossibleZeroQ} is not used: it may answer from numeric samples,
     * which is not a proof, and gradaudit samples numerically on its own.
     *
     * @param e the expression to test, typically a difference {@code claimed - expected}
     * @return {@link ZeroTest#ZERO} if proven zero, {@link ZeroTest#GAVE_UP} if a time or size
     *     bound was hit first, else {@link ZeroTest#NOT_PROVEN}
     * @throws IllegalArgumentException if {@code e} holds a derivative atom or a function other
     *     than the built-ins
     */
    public ZeroTest isZero(Expr e) {
        return isZero(e, limits.timeout, true, Deadline.NONE);
    }

    /**
     * {@link #isZero(Expr)} under what is left of {@code deadline} as well as the per-call timeout;
     * {@link ZeroTest#GAVE_UP} when it passes first.
     */
    public ZeroTest isZero(Expr e, Deadline deadline) {
        return isZero(e, limits.timeout, true, deadline);
    }

    /**
     * {@link #isZero(Expr)} in its cheap forms only (evaluation and {@code Together}, no
     * {@code Simplify}) and within a time bound of the caller's, for a proof that is only worth
     * having when it comes quickly (the numeric comparison already stands). A time-out costs a
     * fresh Symja session, so the cheap forms are what keeps it from happening.
     *
     * @param e the expression to test
     * @param budget the wall-clock bound of this call; the instance's own timeout if that is shorter
     * @param deadline the command's deadline, which bounds the call as well
     * @return as {@link #isZero(Expr)}; {@link ZeroTest#GAVE_UP} when the budget ran out first
     * @throws IllegalArgumentException if {@code budget} is not positive, or as {@link #isZero(Expr)}
     */
    public ZeroTest isZeroQuickly(Expr e, Duration budget, Deadline deadline) {
        return isZero(e, budget, false, deadline);
    }

    private ZeroTest isZero(Expr e, Duration budget, boolean simplify, Deadline deadline) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be > 0, was [" + budget + "]");
        }
        Duration bound = budget.compareTo(limits.timeout) < 0 ? budget : limits.timeout;
        Set<String> names;
        try {
            names = InputGuard.check(e, limits);
        } catch (CasException tooBig) {
            return ZeroTest.GAVE_UP;
        }
        String what = "zero test of " + e;
        CallBudget call = new CallBudget(bound);
        IExpr[] evaluated = new IExpr[1];
        try {
            boolean zero = tasks.run(what, call, deadline, s -> {
                evaluated[0] = s.engine.evaluate(new ToSymja(s, names).convert(e));
                return evaluated[0].isZero() || s.engine.evaluate(F.Together(evaluated[0])).isZero();
            });
            if (!zero && simplify) {
                zero = tasks.run(what, call, deadline, s -> s.engine.evaluate(F.Simplify(evaluated[0])).isZero());
            }
            return zero ? ZeroTest.ZERO : ZeroTest.NOT_PROVEN;
        } catch (CasException failed) {
            return failed.boundHit() ? ZeroTest.GAVE_UP : ZeroTest.NOT_PROVEN;
        }
    }

    /**
     * Offers {@code method(first)} for each method in turn, each under what is left of the
     * deadline. A failure ends the chain (after a time-out the worker, and with it the session
     * that {@code first} belongs to, is gone); the best form so far stands.
     */
    private void improve(String what, CallBudget budget, Deadline deadline, CallCandidates c,
                         List<UnaryOperator<IExpr>> methods) {
        for (UnaryOperator<IExpr> method : methods) {
            try {
                tasks.run(what, budget, deadline, s -> c.offer(s.engine.evaluate(method.apply(c.first))));
            } catch (CasException failed) {
                return;
            }
        }
    }

    /** How many tasks have been handed to Symja; for tests that show a refusal happened before. */
    long tasksRun() {
        return tasks.handedOver();
    }

    /**
     * Processor time the CAS thread has spent on calls so far, Symja's start-up excluded: what a
     * caller's own budget for proofs counts, the same on a loaded machine as on a quiet one.
     */
    public long cpuNanos() {
        return tasks.cpuNanos();
    }
}
