package org.gradaudit.gradient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One named parameter tensor: a contiguous, row-major slice of the flat parameter vector.
 *
 * @param name for example {@code W1}
 * @param shape its dimensions, each positive; empty for a scalar
 * @param offset where its first element sits in the flat vector
 */
public record Tensor(String name, int[] shape, int offset) {
    /**
     * @throws IllegalArgumentException if the name is blank, a dimension is not positive or the offset negative
     */
    public Tensor {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("tensor name must not be blank");
        }
        shape = shape.clone();
        long size = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("tensor " + name + " has a dimension [" + d + "] <= 0");
            }
            size *= d;
        }
        if (size > Integer.MAX_VALUE || offset < 0) {
            throw new IllegalArgumentException("tensor " + name + " is too large or has a negative offset");
        }
    }

    /**
     * Tensors of the given names and shapes laid out one after another from offset 0, in order.
     *
     * @throws IllegalArgumentException as the constructor, or if the lists differ in length
     */
    public static List<Tensor> layout(List<String> names, List<int[]> shapes) {
        if (names.size() != shapes.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + shapes.size() + " shapes");
        }
        List<Tensor> out = new ArrayList<>();
        int off = 0;
        for (int i = 0; i < names.size(); i++) {
            Tensor t = new Tensor(names.get(i), shapes.get(i), off);
            out.add(t);
            off += t.size();
        }
        return List.copyOf(out);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements. */
    public int size() {
        return sizeOf(shape);
    }

    /** The number of elements of a tensor of this shape. */
    public static int sizeOf(int[] shape) {
        int s = 1;
        for (int d : shape) {
            s *= d;
        }
        return s;
    }

    /** Whether flat index {@code k} lies in this tensor. */
    public boolean contains(int k) {
        return k >= offset && k < offset + size();
    }

    /** The row-major multi-index of flat index {@code k} (which must lie in this tensor). */
    public int[] index(int k) {
        int r = k - offset;
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = r % shape[d];
            r /= shape[d];
        }
        return idx;
    }

    /** For example {@code W1[3,0]}. */
    public static String label(String name, int[] index) {
        return index.length == 0 ? name
                : name + Arrays.stream(index).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.name.equals(name) && Arrays.equals(t.shape, shape) && t.offset == offset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), offset);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + "@" + offset;
    }
}
