package org.gradaudit.check.grad;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gradaudit.numeric.loss.FunctionLoss;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Mlp;
import org.gradaudit.numeric.mlp.MlpLoss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.testing.GradientModel;

/** Builds {@link CheckTarget}s: the built-in MLP, or a user's {@link GradientModel}. */
public final class CheckTargets {
    private CheckTargets() {
    }

    /**
     * The built-in MLP drawn from {@code seed}, its gradient from the given backprop.
     *
     * @throws IllegalArgumentException if the variant does not apply to the network's shape
     */
    public static CheckTarget mlp(MlpSpec spec, long seed, Backprop backprop) {
        org.gradaudit.bounds.MemoryBudget.require("the network " + spec.describe(), spec.bytes());
        Mlp mlp = new Mlp(spec, seed);
        return mlp(mlp, mlp.initialParameters(), backprop);
    }

    /**
     * The built-in MLP at the given parameters (for example with a pre-activation placed at a kink).
     *
     * @throws IllegalArgumentException if {@code theta} has the wrong length or the variant does not apply
     */
    public static CheckTarget mlp(Mlp mlp, double[] theta, Backprop backprop) {
        MlpSpec spec = mlp.spec();
        double[] claimed = mlp.gradient(theta, backprop);
        String description = spec.describe() + (backprop == Backprop.CORRECT ? "" : ", backprop " + backprop);
        return new CheckTarget(description, tensors(mlp.parameterNames(), mlp.parameterShapes()), claimed,
                new MlpLoss(mlp, theta));
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
        checkVector(name, source, theta, size);
        double loss = call(name, "loss", () -> model.loss(theta.clone()));
        if (!Double.isFinite(loss)) {
            throw new ModelException("model " + name + ": loss at the initial parameters is " + loss);
        }
        double[] grad = call(name, "gradient", () -> model.gradient(theta.clone()));
        checkVector(name, "gradient", grad, size);
        List<Tensor> tensors = tensors(names, shapes);
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

    private static void checkVector(String name, String what, double[] v, int size) {
        if (v == null) {
            throw new ModelException("model " + name + ": " + what + " returned null");
        }
        if (v.length != size) {
            throw new ModelException("model " + name + ": " + what + " returned " + v.length
                    + " elements, but its parameters hold " + size);
        }
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k]) && !what.equals("gradient")) {
                throw new ModelException("model " + name + ": " + what + " element " + k + " is " + v[k]);
            }
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

    private static List<Tensor> tensors(List<String> names, List<int[]> shapes) {
        List<Tensor> out = new ArrayList<>();
        int off = 0;
        for (int i = 0; i < names.size(); i++) {
            Tensor t = new Tensor(names.get(i), shapes.get(i), off);
            out.add(t);
            off += t.size();
        }
        return out;
    }
}
