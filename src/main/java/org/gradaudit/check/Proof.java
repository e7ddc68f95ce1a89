package org.gradaudit.check;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which proof established a vectorized statement that the numeric judgement found equal; its JSON
 * spelling ({@code proof}, next to {@code symbolic}) is {@link #toString}, or null for none.
 *
 * @param kind which proof was found
 * @param sizes for an entrywise proof, the size draw it holds at; else empty
 */
public record Proof(Kind kind, Map<String, Integer> sizes) {
    /** No proof was found within the bounds: {@code symbolic} is {@code unknown}. */
    public static final Proof NONE = new Proof(Kind.NONE, Map.of());
    /** Equal matrix canonical forms. */
    public static final Proof CANONICAL_FORM = new Proof(Kind.CANONICAL_FORM, Map.of());

    public Proof {
        sizes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sizes));
    }

    /** The kinds of proof, strongest first. */
    public enum Kind {
        /** The claim and the reverse-rule truth have the same matrix canonical form: equal at every size. */
        CANONICAL_FORM,
        /** Every entry's difference simplifies to 0 in the CAS, at one size draw only. */
        ENTRYWISE,
        /** None. */
        NONE
    }

    /** An entrywise proof at the given sizes. */
    public static Proof entrywise(Map<String, Integer> sizes) {
        return new Proof(Kind.ENTRYWISE, sizes);
    }

    public boolean found() {
        return kind != Kind.NONE;
    }

    /** {@code matrix canonical form}, {@code entrywise at sizes n_x = 2, m = 8}, or {@code none}. */
    @Override
    public String toString() {
        return switch (kind) {
            case CANONICAL_FORM -> "matrix canonical form";
            case ENTRYWISE -> "entrywise at sizes " + sizes.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining(", "));
            case NONE -> "none";
        };
    }
}
