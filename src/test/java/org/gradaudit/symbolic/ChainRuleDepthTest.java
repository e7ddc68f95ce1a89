package org.gradaudit.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicReference;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Model;
import org.gradaudit.model.ModelBuilder;
import org.junit.jupiter.api.Test;

/** The chain rule walks the graph in a loop: a chain of thousands of definitions needs no deep stack. */
class ChainRuleDepthTest {
    @Test
    void aChainOf800DefinitionsOnASmallStack() throws Exception {
        StringBuilder s = new StringBuilder("input x\na0 = x\n");
        for (int k = 1; k <= 800; k++) {
            s.append('a').append(k).append(" = a").append(k - 1).append(" + x\n");
        }
        Model m = ModelBuilder.build(DerivationParser.parse("chain.deriv", s.toString()));
        ChainRule rule = new ChainRule(m.graph(), Cas.get());
        AtomicReference<Object> result = new AtomicReference<>();
        // 128 KiB: recursing twice per definition, as the chain rule did, overflows it within a few hundred.
        Thread small = new Thread(null, () -> {
            try {
                result.set(rule.derivative("a800", "a0"));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "small-stack", 128 << 10);
        small.start();
        small.join();
        if (result.get() instanceof Throwable t) {
            throw new AssertionError(t);
        }
        ChainRule.Derivative d = (ChainRule.Derivative) result.get();
        assertEquals("1", d.closed().toString());
        assertEquals(1, Exprs.size(rule.derivative("a800", "a400").closed()));
    }
}
