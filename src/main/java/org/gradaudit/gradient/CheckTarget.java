package org.gradaudit.gradient;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * What a gradient check compares: a claimed gradient (from backprop, a user's code, a derivation's
 * published lines) against a loss that numeric methods can probe, both at the loss's base point.
 * The checker compares; whoever builds the target computed the claimed gradient.
 *
 * @param description human-readable, for example {@code mlp 2-3-1 sigmoid/sigmoid bce batch 1}
 * @param tensors the parameter tensors, contiguous and in order, covering the flat vector
 * @param claimed the gradient under test, one entry per parameter
 * @param loss the loss, probed near its base point
 */
public record CheckTarget(String description, List<Tensor> tensors, double[] claimed, PerturbableLoss loss) {
    /**
     * @throws IllegalArgumentException if the tensors are not contiguous from 0, names repeat, or
     *     the sizes of tensors, claimed gradient and loss differ
     */
    public CheckTarget {
        Objects.requireNonNull(description, "description");
        tensors = List.copyOf(tensors);
        Objects.requireNonNull(loss, "loss");
        claimed = claimed.clone();
        int next = 0;
        Set<String> names = new HashSet<>();
        for (Tensor t : tensors) {
            if (t.offset() != next) {
                throw new IllegalArgumentException("tensor " + t.name() + " starts at " + t.offset() + ", expected " + next);
            }
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("tensor name " + t.name() + " appears twice");
            }
            next += t.size();
        }
        if (next != claimed.length || next != loss.dimension()) {
            throw new IllegalArgumentException("tensors hold " + next + " elements, the claimed gradient "
                    + claimed.length + ", the loss " + loss.dimension());
        }
    }

    @Override
    public double[] claimed() {
        return claimed.clone();
    }

    public double claimed(int k) {
        return claimed[k];
    }

    /** The total number of parameters. */
    public int size() {
        return claimed.length;
    }
}
