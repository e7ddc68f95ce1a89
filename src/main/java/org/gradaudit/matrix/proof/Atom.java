package org.gradaudit.matrix.proof;

import java.util.List;
import java.util.stream.Collectors;
import org.gradaudit.matrix.expr.Shape;

/**
 * An opaque factor of the canonical form: a leaf, or an operation that is not elementwise
 * arithmetic, over canonical arguments. Two atoms are the same factor exactly when their keys are
 * equal; a key is a deterministic function of the atom's value-defining parts (arguments' canonical
 * keys and, where an operation depends on it, their shapes), so equal keys mean equal values.
 */
sealed interface Atom {
    /** The canonical spelling; equal keys, equal values. */
    String key();

    /** The atom's own shape (it broadcasts as numpy does within an elementwise formula). */
    Shape shape();

    /** A quantity or a gradient leaf ({@code X}, {@code dL/dZ1}), possibly transposed. */
    record Leaf(String key, Shape shape, String name, boolean transposed) implements Atom {
        static Leaf of(String name, Shape shape, boolean transposed) {
            return new Leaf(transposed ? name + ".T" : name, shape, name, transposed);
        }
    }

    /** An elementwise built-in function of a formula, by its numpy spelling. */
    record Call(String key, Shape shape, String fn, Frac arg) implements Atom {
        static Call of(String fn, Frac arg) {
            return new Call(fn + "(" + arg.key() + ")", arg.shape(), fn, arg);
        }
    }

    /** A 0/1 mask {@code (a > b)} or {@code (a >= b)}: idempotent under elementwise products. */
    record Mask(String key, Shape shape, String op, Frac a, Frac b) implements Atom {
        static Mask of(String op, Frac a, Frac b, Shape shape) {
            return new Mask("(" + a.key() + " " + op + " " + b.key() + ")", shape, op, a, b);
        }
    }

    /** A chain of matrix products, associativity applied: every operand is one monomial or a whole fraction. */
    record Chain(String key, Shape shape, List<Frac> operands) implements Atom {
        static Chain of(List<Frac> operands, Shape shape) {
            return new Chain(operands.stream().map(f -> f.key() + ":" + f.shape()).collect(Collectors.joining(" @ ", "[", "]")),
                    shape, List.copyOf(operands));
        }
    }

    /** {@code np.sum(arg, axis, keepdims)} of one monomial (or a whole fraction), axis normalised. */
    record Sum(String key, Shape shape, Frac arg, int axis, boolean keepdims) implements Atom {
        static Sum of(Frac arg, int axis, boolean keepdims, Shape shape) {
            return new Sum("sum(" + arg.key() + ":" + arg.shape() + ", " + axis + (keepdims ? ", keep" : "") + ")",
                    shape, arg, axis, keepdims);
        }
    }

    /** Any other operation over canonical arguments, spelled with its parameters and the arguments' shapes. */
    record Op(String key, Shape shape, String name, List<Frac> args) implements Atom {
        static Op of(String name, List<Frac> args, Shape shape) {
            return new Op(name + args.stream().map(f -> f.key() + ":" + f.shape()).collect(Collectors.joining(", ", "(", ")")),
                    shape, name, List.copyOf(args));
        }
    }
}
