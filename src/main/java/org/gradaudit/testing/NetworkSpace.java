package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A space of built-in network cases to search for a wrong gradient: how many hidden layers, how
 * wide, how large a batch, which activations, outputs and losses (any of them can be fixed), the
 * ranges of parameters and inputs, and how far from a relu kink every case must be. An immutable
 * value, validated where it is made. It is also the generator and the shrinker of its cases:
 * <pre>{@code
 * NetworkSpace space = NetworkSpace.defaults()
 *         .withHiddenLayers(1, 2)
 *         .withActivations(Network.Activation.RELU)     // fix the activation
 *         .awayFromKinks(1e-3);
 * GradientSearch.assertGradientForAll(space, MyBackprop::gradient, SearchOptions.defaults());
 *
 * NetworkCase c = space.generate(new Random(42));        // a generator: seeded random -> case
 * List<NetworkCase> smaller = space.shrink(c);           // a shrinker: case -> smaller cases
 * }</pre>
 *
 * <p>Output and loss go together as the built-in networks allow: softmax with at least two output
 * units, an identity output with mse only. Targets suit the loss: 0 or 1 for bce, one-hot rows for
 * cross-entropy, values in [0, 1] for mse.
 *
 * <p>Every option with its default and an example: {@code docs/testing.md}, "{@code NetworkSpace} options".
 */
public final class NetworkSpace {
    private static final NetworkSpace DEFAULTS = new NetworkSpace(0, 2, 4, 3, EnumSet.allOf(Network.Activation.class),
            EnumSet.allOf(Network.Output.class), EnumSet.allOf(Network.Loss.class), -2, 2, -2, 2, 0);
    /** Draws of a case kept away from kinks before the space is called too narrow. */
    private static final int KINK_ATTEMPTS = 1000;

    final int minHidden;
    final int maxHidden;
    final int maxUnits;
    final int maxBatch;
    final Set<Network.Activation> activations;
    final Set<Network.Output> outputs;
    final Set<Network.Loss> losses;
    final double parameterLow;
    final double parameterHigh;
    final double inputLow;
    final double inputHigh;
    final double kinkMargin;
    /** Every output and loss allowed together, in enum order. */
    final List<NetworkDraws.Pair> pairs;

    private NetworkSpace(int minHidden, int maxHidden, int maxUnits, int maxBatch, Set<Network.Activation> activations,
            Set<Network.Output> outputs, Set<Network.Loss> losses, double parameterLow, double parameterHigh,
            double inputLow, double inputHigh, double kinkMargin) {
        this.minHidden = minHidden;
        this.maxHidden = maxHidden;
        this.maxUnits = maxUnits;
        this.maxBatch = maxBatch;
        this.activations = Set.copyOf(activations);
        this.outputs = Set.copyOf(outputs);
        this.losses = Set.copyOf(losses);
        this.parameterLow = parameterLow;
        this.parameterHigh = parameterHigh;
        this.inputLow = inputLow;
        this.inputHigh = inputHigh;
        this.kinkMargin = kinkMargin;
        this.pairs = NetworkDraws.pairs(outputs, losses, maxUnits);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no network has one of the outputs " + outputs + " and one of the losses "
                    + losses + " with at most " + maxUnits + " units (softmax needs 2 outputs, an identity output mse)");
        }
    }

    /**
     * Up to two hidden layers of up to four units, batches up to three; every activation, output
     * and loss; parameters and inputs in [-2, 2]; kinks allowed.
     *
     * @return the default space
     */
    public static NetworkSpace defaults() {
        return DEFAULTS;
    }

    /**
     * How many hidden layers a case has.
     *
     * @param min fewest hidden layers, {@code >= 0}
     * @param max most hidden layers, {@code >= min}
     * @return this space with that depth
     * @throws IllegalArgumentException if {@code min < 0} or {@code max < min}
     */
    public NetworkSpace withHiddenLayers(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("need 0 <= min <= max hidden layers, were [" + min + ", " + max + "]");
        }
        return new NetworkSpace(min, max, maxUnits, maxBatch, activations, outputs, losses, parameterLow,
                parameterHigh, inputLow, inputHigh, kinkMargin);
    }

    /**
     * How wide a layer may be.
     *
     * @param n most units in any layer, input and output included, {@code >= 1}
     * @return this space with that width
     * @throws IllegalArgumentException if {@code n < 1}, or no allowed output fits (softmax needs 2)
     */
    public NetworkSpace withMaxUnits(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxUnits must be >= 1, was [" + n + "]");
        }
        return new NetworkSpace(minHidden, maxHidden, n, maxBatch, activations, outputs, losses, parameterLow,
                parameterHigh, inputLow, inputHigh, kinkMargin);
    }

    /**
     * How many examples a case may have.
     *
     * @param n the largest batch, {@code >= 1}
     * @return this space with that batch bound
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public NetworkSpace withMaxBatch(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, was [" + n + "]");
        }
        return new NetworkSpace(minHidden, maxHidden, maxUnits, n, activations, outputs, losses, parameterLow,
                parameterHigh, inputLow, inputHigh, kinkMargin);
    }

    /**
     * The hidden activations a case may have.
     *
     * @param allowed the hidden activations to draw from, at least one
     * @return this space with those activations
     * @throws IllegalArgumentException if none is given
     */
    public NetworkSpace withActivations(Network.Activation... allowed) {
        return new NetworkSpace(minHidden, maxHidden, maxUnits, maxBatch, set(Network.Activation.class, allowed),
                outputs, losses, parameterLow, parameterHigh, inputLow, inputHigh, kinkMargin);
    }

    /**
     * The output activations a case may have.
     *
     * @param allowed the output activations to draw from, at least one
     * @return this space with those outputs
     * @throws IllegalArgumentException if none is given, or none goes with an allowed loss
     */
    public NetworkSpace withOutputs(Network.Output... allowed) {
        return new NetworkSpace(minHidden, maxHidden, maxUnits, maxBatch, activations,
                set(Network.Output.class, allowed), losses, parameterLow, parameterHigh, inputLow, inputHigh,
                kinkMargin);
    }

    /**
     * The losses a case may have.
     *
     * @param allowed the losses to draw from, at least one
     * @return this space with those losses
     * @throws IllegalArgumentException if none is given, or none goes with an allowed output
     */
    public NetworkSpace withLosses(Network.Loss... allowed) {
        return new NetworkSpace(minHidden, maxHidden, maxUnits, maxBatch, activations, outputs,
                set(Network.Loss.class, allowed), parameterLow, parameterHigh, inputLow, inputHigh, kinkMargin);
    }

    /**
     * The range every parameter is drawn from.
     *
     * @param low the smallest parameter, finite
     * @param high the largest, finite and {@code >= low}
     * @return this space with that parameter range
     * @throws IllegalArgumentException if the bounds are not finite and ordered
     */
    public NetworkSpace withParameters(double low, double high) {
        Values.checkRange("parameter bounds", low, high);
        return new NetworkSpace(minHidden, maxHidden, maxUnits, maxBatch, activations, outputs, losses, low, high,
                inputLow, inputHigh, kinkMargin);
    }

    /**
     * The range every input is drawn from.
     *
     * @param low the smallest input, finite
     * @param high the largest, finite and {@code >= low}
     * @return this space with that input range
     * @throws IllegalArgumentException if the bounds are not finite and ordered
     */
    public NetworkSpace withInputs(double low, double high) {
        Values.checkRange("input bounds", low, high);
        return new NetworkSpace(minHidden, maxHidden, maxUnits, maxBatch, activations, outputs, losses, parameterLow,
                parameterHigh, low, high, kinkMargin);
    }

    /**
     * Only cases whose hidden pre-activations are all at least {@code margin} from relu's kink at 0
     * ({@link NetworkCase#kinkDistance()}); a case of a smooth activation always qualifies. Neither
     * drawing nor shrinking leaves the space, so no element of a gradient sits at a point where it
     * is not defined.
     *
     * @param margin the smallest |Z| accepted, positive and finite
     * @return this space kept that far from kinks
     * @throws IllegalArgumentException if {@code margin} is not positive and finite
     */
    public NetworkSpace awayFromKinks(double margin) {
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be positive and finite, was [" + margin + "]");
        }
        return new NetworkSpace(minHidden, maxHidden, maxUnits, maxBatch, activations, outputs, losses, parameterLow,
                parameterHigh, inputLow, inputHigh, margin);
    }

    /**
     * Draws a case: a network shape, then its parameters, inputs and targets, all from
     * {@code random}. The same seed gives the same case.
     *
     * @param random the source of randomness
     * @return a case of this space
     * @throws IllegalStateException if 1,000 draws in a row come too close to a kink
     */
    public NetworkCase generate(Random random) {
        Objects.requireNonNull(random, "random");
        for (int attempt = 0; attempt < KINK_ATTEMPTS; attempt++) {
            Network n = NetworkDraws.network(this, random);
            NetworkCase c = new NetworkCase(n, Values.draw(random, n.parameterCount(), parameterLow, parameterHigh),
                    Values.draw(random, n.inputCount(), inputLow, inputHigh), NetworkDraws.targets(random, n));
            if (c.kinkDistance() >= kinkMargin) {
                return c;
            }
        }
        throw new IllegalStateException(KINK_ATTEMPTS + " cases in a row came within " + kinkMargin
                + " of a kink; use a smaller margin or smaller networks");
    }

    /**
     * Smaller and simpler cases of this space that might still fail, most aggressive first: batch
     * 1, one hidden layer fewer, one unit fewer in a layer (the weights of the rest kept), one
     * example fewer; then parameters, inputs and targets toward simple values (all at once, then one
     * at a time: 0 or the bound nearest to it, then fewer decimals). Every candidate is
     * {@linkplain #contains in this space}.
     *
     * @param c a case
     * @return the candidates; empty for a case as simple as this space allows
     */
    public List<NetworkCase> shrink(NetworkCase c) {
        Objects.requireNonNull(c, "case");
        List<NetworkCase> out = new ArrayList<>();
        for (NetworkCase candidate : NetworkShrinking.candidates(c, this)) {
            if (contains(candidate)) {
                out.add(candidate);
            }
        }
        return out;
    }

    /**
     * Whether {@code c} is a case this space could draw: its shape, activation, output and loss are
     * allowed, its values lie in the ranges, its targets suit the loss, and it keeps the margin from
     * kinks.
     *
     * @param c a case
     * @return whether it belongs to this space
     */
    public boolean contains(NetworkCase c) {
        Network n = c.network();
        if (n.hiddenLayers() < minHidden || n.hiddenLayers() > maxHidden || n.maxUnits() > maxUnits
                || n.batch() > maxBatch || !activations.contains(n.activation()) || !outputs.contains(n.output())
                || !losses.contains(n.loss())) {
            return false;
        }
        return Values.within(c.parameters(), parameterLow, parameterHigh) && Values.within(c.inputs(), inputLow, inputHigh)
                && NetworkDraws.targetsSuit(n, c.targets()) && c.kinkDistance() >= kinkMargin;
    }

    /** For example {@code NetworkSpace.defaults().withHiddenLayers(1, 2).awayFromKinks(0.001)}, as Java. */
    @Override
    public String toString() {
        return NetworkSpaceJava.print(this, DEFAULTS);
    }

    @SafeVarargs
    private static <E extends Enum<E>> Set<E> set(Class<E> type, E... allowed) {
        if (allowed.length == 0) {
            throw new IllegalArgumentException("allow at least one " + type.getSimpleName());
        }
        EnumSet<E> s = EnumSet.noneOf(type);
        for (E e : allowed) {
            s.add(Objects.requireNonNull(e, type.getSimpleName()));
        }
        return s;
    }
}
