package org.gradaudit.numeric;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.expr.Expr;

/**
 * {@link Evaluators#compileWithError} for many expressions over the same slots that share subtrees,
 * such as the changed formulas a diagnosis tries (each differs from the claim in one place and shares
 * the rest of its tree): a subtree compiled once, recognised by identity, is not compiled again. The
 * evaluators compute exactly what {@code compileWithError}'s do. Not for use by several threads at once.
 */
public final class SharedErrorCompiler {
    /**
     * Most compiled subtrees kept; past it they are forgotten and compiled afresh. A few hundred
     * formulas' worth: the ones compiled one after another share their trees with each other (a
     * claim's hypotheses differ from it on one path), so after a clear only the shared tree is
     * compiled again, and a small table stays in the processor's fastest cache: on the tutorial's
     * search that no pair ends, 1,000 took a fifth less time than 16,000 (and 16,000 less than 100,000).
     */
    private static final int MAX_KEPT = 2_000;

    private final List<String> slots;
    private final Map<String, Integer> index;
    private final Map<Expr, ErrorCompiler.Node> compiled = new IdentityHashMap<>();

    /**
     * @throws IllegalArgumentException if {@code slots} names a variable twice
     * @throws NullPointerException if {@code slots} or a name in it is null
     */
    public SharedErrorCompiler(List<String> slots) {
        this.slots = List.copyOf(slots);
        this.index = Evaluators.index(this.slots);
    }

    /** The slots the evaluators read, in order. */
    public List<String> slots() {
        return slots;
    }

    /**
     * Compiles {@code e} as {@link Evaluators#compileWithError} does.
     *
     * @throws IllegalArgumentException as {@link Evaluators#compileWithError}
     */
    public ErrorEvaluator compile(Expr e) {
        if (compiled.size() > MAX_KEPT) {
            compiled.clear();
        }
        return Evaluators.withError(new ErrorCompiler(index, compiled).compile(e), slots.size());
    }
}
