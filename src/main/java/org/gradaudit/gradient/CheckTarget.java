package org.gradaudit.gradient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gradaudit.numeric.loss.PerturbableLoss;
import org.gradaudit.numeric.loss.SubsetLoss;

/**
 * What a gradient check compares: a claimed gradient (from backprop, a user's code, a derivation's
 * published lines) against a loss that numeric methods can probe, both at the loss's base point.
 * The checker compares; whoever builds the target computed the claimed gradient.
 *
 * @param description human-readable, for example {@code mlp 2-3-1 sigmoid/sigmoid bce batch 1}
 * @param tensors the parameter tensors, contiguous and in order, covering the flat vector
 * @param claimed the gradient under test, one entry per parameter
 * @param loss the loss, probed near its base point
 * @param unclaimed the tensors for which the producer has no gradient to offer, each with the reason
 *     (a derivation with no code line for a parameter): they fail the check, and their entries of
 *     {@code claimed} are not read
 */
public record CheckTarget(String description, List<Tensor> tensors, double[] claimed, PerturbableLoss loss,
                          Map<String, String> unclaimed) {
    /**
     * @throws IllegalArgumentException if the tensors are not contiguous from 0, names repeat, the
     *     sizes of tensors, claimed gradient and loss differ, or an unclaimed name is no tensor's
     */
    public CheckTarget {
        Objects.requireNonNull(description, "description");
        unclaimed = Collections.unmodifiableMap(new LinkedHashMap<>(unclaimed));
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
        for (String u : unclaimed.keySet()) {
            if (!names.contains(u)) {
                throw new IllegalArgumentException("unclaimed tensor " + u + " is not one of the tensors");
            }
        }
        if (next != claimed.length || next != loss.dimension()) {
            throw new IllegalArgumentException("tensors hold " + next + " elements, the claimed gradient "
                    + claimed.length + ", the loss " + loss.dimension());
        }
    }

    /** A target with a claimed gradient for every tensor. */
    public CheckTarget(String description, List<Tensor> tensors, double[] claimed, PerturbableLoss loss) {
        this(description, tensors, claimed, loss, Map.of());
    }

    /** The same target with another loss (the same function, wrapped: timed, for example). */
    public CheckTarget withLoss(PerturbableLoss other) {
        return new CheckTarget(description, tensors, claimed, other, unclaimed);
    }

    /**
     * This target without its {@link #unclaimed} tensors: the others, their claimed gradient, and
     * the loss as a function of their elements only (the rest held where they are).
     */
    public CheckTarget claimedOnly() {
        List<String> names = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (Tensor t : tensors) {
            if (!unclaimed.containsKey(t.name())) {
                names.add(t.name());
                shapes.add(t.shape());
                for (int k = t.offset(); k < t.offset() + t.size(); k++) {
                    indices.add(k);
                }
            }
        }
        int[] subset = indices.stream().mapToInt(Integer::intValue).toArray();
        double[] kept = new double[subset.length];
        for (int k = 0; k < subset.length; k++) {
            kept[k] = claimed[subset[k]];
        }
        return new CheckTarget(description, Tensor.layout(names, shapes), kept, new SubsetLoss(loss, subset));
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
