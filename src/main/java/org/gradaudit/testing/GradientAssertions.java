package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.gradaudit.check.grad.CheckOptions;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.GradientChecker;
import org.gradaudit.check.grad.Mode;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;
import org.gradaudit.numeric.loss.FunctionLoss;
import org.gradaudit.numeric.loss.PerturbableLoss;
import org.gradaudit.numeric.loss.SubsetLoss;

/**
 * Assertions that a hand-written gradient matches numeric derivatives of its loss, element by
 * element. They throw the JDK's {@link AssertionError}, so they work under JUnit, TestNG or a plain
 * {@code main}, and need none of them at run time.
 *
 * <pre>{@code
 * import static org.gradaudit.testing.GradientAssertions.assertGradient;
 *
 * assertGradient(x -> x[0] * x[0] * x[1],                       // f
 *                x -> new double[] {2 * x[0] * x[1], x[0] * x[0]}, // its gradient, by hand
 *                new double[] {0.3, -1.2});                       // the point
 * }</pre>
 *
 * A failure's message is a table of the worst elements (name and index, analytic, numeric,
 * absolute and relative error, the tolerance), the numeric method and its step, and the seed and
 * options that reproduce it.
 *
 * <p>Every element is held to its own noise floor (see {@link GradientOptions}); a mismatch where
 * the left and right one-sided differences disagree and the claimed value lies between them is a
 * kink (relu at 0), reported in the message of a failure but never itself a failure.
 */
public final class GradientAssertions {
    /** Failures the checker lists before counting the rest; the table shows the worst of these. */
    private static final int LISTED = 10_000;

    private GradientAssertions() {
    }

    /**
     * {@link #assertGradient(ToDoubleFunction, Function, double[], GradientOptions)} with
     * {@link GradientOptions#defaults()}.
     *
     * @param f the function, of a vector named {@code x} in messages
     * @param gradient the claimed gradient of {@code f}: the code under test
     * @param x the point
     * @throws AssertionError if an element of the gradient does not match
     */
    public static void assertGradient(ToDoubleFunction<double[]> f, Function<double[], double[]> gradient,
            double[] x) {
        assertGradient(f, gradient, x, GradientOptions.defaults());
    }

    /**
     * Asserts that {@code gradient} is the gradient of {@code f} at {@code x}. {@code gradient} is
     * called once, {@code f} many times near {@code x} (about 17 to 24 times per element with Ridders);
     * neither may keep or modify its argument, and {@code f} must be deterministic (and thread-safe
     * if {@link GradientOptions#withThreads} asks for threads). In messages the vector is {@code x},
     * its elements {@code x[0], x[1], ...}.
     *
     * @param f the function
     * @param gradient the claimed gradient of {@code f}: the code under test
     * @param x the point, finite
     * @param options how to check
     * @throws AssertionError if an element does not match, {@code f} is not finite at {@code x}, or
     *     {@code gradient} returns null or a vector of another length
     * @throws IllegalArgumentException if {@code x} is empty or not finite, the options select an
     *     element that does not exist, or ask for the complex step (a Java function has no complex
     *     extension)
     * @throws RuntimeException whatever {@code f} or {@code gradient} throws, unchanged
     */
    public static void assertGradient(ToDoubleFunction<double[]> f, Function<double[], double[]> gradient,
            double[] x, GradientOptions options) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(options, "options");
        double[] point = x.clone();
        if (point.length == 0) {
            throw new IllegalArgumentException("x must have at least one element");
        }
        for (int k = 0; k < point.length; k++) {
            if (!Double.isFinite(point[k])) {
                throw new IllegalArgumentException("x[" + k + "] is " + point[k] + "; the point must be finite");
            }
        }
        double[] g = gradient.apply(point.clone());
        if (g == null || g.length != point.length) {
            throw new AssertionError("the gradient returned " + (g == null ? "null" : g.length + " elements")
                    + " for a point of " + point.length + " elements");
        }
        String description = "f at x = " + GradientFailure.vector(point);
        check(new CheckTarget(description, List.of(new Tensor("x", new int[] {point.length}, 0)), g,
                new FunctionLoss(f, point)), options);
    }

    /**
     * {@link #assertGradient(GradientModel, GradientOptions)} with {@link GradientOptions#defaults()}.
     *
     * @param model the model whose {@link GradientModel#gradient} is under test
     * @throws AssertionError if an element does not match, or the model misbehaves
     */
    public static void assertGradient(GradientModel model) {
        assertGradient(model, GradientOptions.defaults());
    }

    /**
     * Asserts that the model's gradient matches numeric derivatives of its loss at
     * {@link GradientModel#initialParameters(long) initialParameters(options.seed())}.
     *
     * @param model the model whose {@link GradientModel#gradient} is under test
     * @param options how to check
     * @throws AssertionError if an element does not match, or the model throws, declares no
     *     parameters, or returns a vector of the wrong length, a non-finite loss or a non-finite
     *     gradient element at that point
     * @throws IllegalArgumentException if the options select a parameter the model does not
     *     declare, or ask for the complex step
     */
    public static void assertGradient(GradientModel model, GradientOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        CheckTarget target;
        try {
            target = ModelTargets.model(model, options.seed());
        } catch (ModelException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        check(target, options);
    }

    /**
     * Asserts that the model's gradient matches numeric derivatives of its loss at {@code theta}
     * (a point from a property's arbitrary, say), rather than at its initial parameters.
     *
     * @param model the model whose {@link GradientModel#gradient} is under test
     * @param theta the parameters, flat, in the order of {@link GradientModel#parameters()}
     * @param options how to check
     * @throws AssertionError as {@link #assertGradient(GradientModel, GradientOptions)}, with
     *     {@code theta} for the initial parameters
     * @throws IllegalArgumentException if {@code theta} is not finite, or as
     *     {@link #assertGradient(GradientModel, GradientOptions)}
     */
    public static void assertGradient(GradientModel model, double[] theta, GradientOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        for (int k = 0; k < theta.length; k++) {
            if (!Double.isFinite(theta[k])) {
                throw new IllegalArgumentException("theta[" + k + "] is " + theta[k] + "; the point must be finite");
            }
        }
        CheckTarget target;
        try {
            target = ModelTargets.model(model, theta);
        } catch (ModelException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        check(target, options);
    }

    /**
     * {@link #assertGradient(NetworkCase, Function, GradientOptions)} with
     * {@link GradientOptions#defaults()}.
     *
     * @param network a built-in network on its batch, at its parameters
     * @param gradient the claimed gradient of the network's loss: the code under test
     * @throws AssertionError if an element does not match
     */
    public static void assertGradient(NetworkCase network, Function<double[], double[]> gradient) {
        assertGradient(network, gradient, GradientOptions.defaults());
    }

    /**
     * Asserts that {@code gradient} is the gradient of the built-in network's loss (the mean over
     * its batch) at the case's parameters: a check of your own backpropagation, or of the built-in
     * one, against a reference forward pass. The network's loss has a complex extension, so
     * {@link NumericMethod#COMPLEX_STEP} works here.
     *
     * @param network a built-in network on its batch, at its parameters
     * @param gradient the claimed gradient, in the order of {@link Network#parameters()}
     * @param options how to check
     * @throws AssertionError if an element does not match, or {@code gradient} returns null or a
     *     vector of another length
     * @throws IllegalArgumentException if the options select a parameter the network does not have
     */
    public static void assertGradient(NetworkCase network, Function<double[], double[]> gradient,
            GradientOptions options) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(options, "options");
        double[] theta = network.parameters();
        double[] g = gradient.apply(theta.clone());
        if (g == null || g.length != theta.length) {
            throw new AssertionError("the gradient returned " + (g == null ? "null" : g.length + " elements")
                    + " for " + theta.length + " parameters of " + network.network());
        }
        List<Tensor> tensors = new ArrayList<>();
        int off = 0;
        for (GradientModel.Parameter p : network.network().parameters()) {
            tensors.add(new Tensor(p.name(), p.shape().stream().mapToInt(Integer::intValue).toArray(), off));
            off += p.size();
        }
        check(new CheckTarget(network.network().toString(), tensors, g, network.loss()), options);
    }

    private static void check(CheckTarget full, GradientOptions options) {
        CheckTarget target = select(full, options);
        if (options.method() == NumericMethod.COMPLEX_STEP && !target.loss().supportsComplexStep()) {
            throw new IllegalArgumentException("NumericMethod.COMPLEX_STEP needs a loss with a complex extension, and "
                    + target.description() + " has none; use RIDDERS or CENTRAL");
        }
        CheckOptions co = CheckOptions.defaults().withMethod(options.method().internal()).withMode(Mode.FULL)
                .withThreads(options.threads()).withMaxFailures(LISTED).withSeed(options.seed())
                .withAllowance(options.absoluteTolerance(), options.relativeTolerance());
        CheckResult r = GradientChecker.check(target, co);
        if (!r.passed()) {
            throw new AssertionError(GradientFailure.message(r, options));
        }
    }

    /** The target narrowed to the selected parameters and elements; selected elements become scalars. */
    private static CheckTarget select(CheckTarget full, GradientOptions options) {
        Map<String, List<Integer>> sel = options.selection();
        if (sel.isEmpty()) {
            return full;
        }
        List<String> known = full.tensors().stream().map(Tensor::name).toList();
        for (String name : sel.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("no parameter [" + name + "] in " + full.description()
                        + "; its parameters are " + known);
            }
        }
        double[] claimed = full.claimed();
        List<Tensor> tensors = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (Tensor t : full.tensors()) {
            List<Integer> idx = sel.get(t.name());
            if (idx == null) {
                continue;
            }
            if (idx.isEmpty()) {
                tensors.add(new Tensor(t.name(), t.shape(), indices.size()));
                for (int k = 0; k < t.size(); k++) {
                    indices.add(t.offset() + k);
                }
                continue;
            }
            for (int i : idx) {
                if (i >= t.size()) {
                    throw new IllegalArgumentException("element " + i + " of [" + t.name() + "] does not exist: it has "
                            + t.size() + " elements, shape " + Arrays.toString(t.shape()));
                }
                tensors.add(new Tensor(Tensor.label(t.name(), t.index(t.offset() + i)), new int[0], indices.size()));
                indices.add(t.offset() + i);
            }
        }
        int[] flat = indices.stream().mapToInt(Integer::intValue).toArray();
        double[] sub = new double[flat.length];
        for (int k = 0; k < flat.length; k++) {
            sub[k] = claimed[flat[k]];
        }
        PerturbableLoss loss = new SubsetLoss(full.loss(), flat);
        return new CheckTarget(full.description(), tensors, sub, loss);
    }
}
