package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;
import org.gradaudit.numeric.loss.FunctionLoss;

/** A user's {@link GradientModel} as a {@link CheckTarget}: its gradient called once, its loss probed by the checker. */
public final class ModelTargets {
    private ModelTargets() {
    }

    /**
     * A user's model at its initial parameters for {@code seed}, its gradient called once here.
     *
     * @throws ModelException if the model throws, declares no or bad parameters, or returns a
     *     wrong-length vector or a non-finite loss or gradient element at the initial parameters
     */
    public static CheckTarget model(GradientModel model, long seed) {
        String name = model.getClass().getName();
        double[] theta = call(name, "initialParameters(" + seed + ")", () -> model.initialParameters(seed));
        return model(model, theta, "initialParameters(" + seed + ")");
    }

    /**
     * A user's model at the given parameters, its gradient called once here.
     *
     * @throws ModelException as {@link #model(GradientModel, long)}, {@code theta} standing for the
     *     initial parameters
     */
    public static CheckTarget model(GradientModel model, double[] theta) {
        return model(model, theta == null ? null : theta.clone(), "the given parameters");
    }

    private static CheckTarget model(GradientModel model, double[] theta, String source) {
        String name = model.getClass().getName();
        List<GradientModel.Parameter> ps = call(name, "parameters()", model::parameters);
        if (ps == null || ps.isEmpty()) {
            throw new ModelException("model " + name + " declares no parameters");
        }
        List<String> names = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < ps.size(); i++) {
            GradientModel.Parameter p = ps.get(i);
            if (p == null) {
                throw new ModelException("model " + name + ": parameters() returned null at position " + i
                        + " of " + ps.size());
            }
            names.add(p.name());
            shapes.add(p.shape().stream().mapToInt(Integer::intValue).toArray());
            size += p.size();
        }
        checkLength(name, source, theta, size);
        for (int k = 0; k < theta.length; k++) {
            if (!Double.isFinite(theta[k])) {
                throw new ModelException("model " + name + ": " + source + " element " + k + " is " + theta[k]);
            }
        }
        double loss = call(name, "loss", () -> model.loss(theta.clone()));
        if (!Double.isFinite(loss)) {
            throw new ModelException("model " + name + ": loss at the initial parameters is " + loss);
        }
        double[] grad = call(name, "gradient", () -> model.gradient(theta.clone()));
        checkLength(name, "gradient", grad, size);
        List<Tensor> tensors = Tensor.layout(names, shapes);
        for (Tensor t : tensors) {
            for (int k = t.offset(); k < t.offset() + t.size(); k++) {
                if (!Double.isFinite(grad[k])) {
                    throw new ModelException("model " + name + ": gradient element "
                            + Tensor.label(t.name(), t.index(k)) + " is " + grad[k] + " at the initial parameters");
                }
            }
        }
        Object lock = new Object();
        boolean shared = model.isThreadSafe();
        FunctionLoss f = new FunctionLoss(th -> {
            if (shared) {
                return call(name, "loss", () -> model.loss(th));
            }
            synchronized (lock) {
                return call(name, "loss", () -> model.loss(th));
            }
        }, theta);
        String description = call(name, "description()", model::description);
        return new CheckTarget(description == null ? name : description, tensors, grad, f);
    }

    /** A vector the model returned has one element per parameter element; finiteness is checked by the caller. */
    private static void checkLength(String name, String what, double[] v, int size) {
        if (v == null) {
            throw new ModelException("model " + name + ": " + what + " returned null");
        }
        if (v.length != size) {
            throw new ModelException("model " + name + ": " + what + " returned " + v.length
                    + " elements, but its parameters hold " + size);
        }
    }

    /**
     * Calls the model; whatever it throws becomes a {@link ModelException} that says so, its cause the
     * model's own. That includes checked exceptions thrown without being declared (Kotlin, Lombok's
     * {@code @SneakyThrows}), which the interface's signatures do not allow but the JVM does, and
     * errors such as {@code AssertionError} or {@code StackOverflowError}; not {@code OutOfMemoryError}
     * and the like, which are no statement about the model.
     */
    private static <T> T call(String name, String what, Supplier<T> s) {
        try {
            return s.get();
        } catch (ModelException e) {
            throw e;
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            String checked = e instanceof RuntimeException || e instanceof Error ? ""
                    : " (a checked exception that " + what + " does not declare)";
            throw new ModelException("model " + name + " threw " + e + " in " + what + checked, e);
        }
    }
}
