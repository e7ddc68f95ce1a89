package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Symja starts early for scalar audits and derivations only. */
class CasPreloadTest {
    private static final String VECTORIZED = "derivations/dlai-c1w3-planar.deriv";
    private static final String SCALAR = "derivations/tanh-sigmoid-bce.deriv";

    @Test
    void vectorizedFilesDoNotStartSymja() {
        assertFalse(CasPreload.wanted(new String[] {"audit", VECTORIZED}));
        assertFalse(CasPreload.wanted(new String[] {"audit", "--format", "json", "--seed", "3", VECTORIZED}));
        assertFalse(CasPreload.wanted(new String[] {"derive", VECTORIZED, "derivations/nielsen-backprop.deriv"}));
    }

    @Test
    void scalarFilesStandardInputAndDirectoriesStartItAsBefore() {
        assertTrue(CasPreload.wanted(new String[] {"audit", SCALAR}));
        assertTrue(CasPreload.wanted(new String[] {"audit", VECTORIZED, SCALAR}));
        assertTrue(CasPreload.wanted(new String[] {"derive", SCALAR}));
        assertTrue(CasPreload.wanted(new String[] {"audit", "-"}));
        assertTrue(CasPreload.wanted(new String[] {"audit", "derivations"}));
    }

    @Test
    void aCommandRefusedForItsFilesDoesNotStartIt() {
        // exiting while Symja started once left its clean-up thread's NullPointerException on stderr
        assertFalse(CasPreload.wanted(new String[] {"audit", "no-such-file.deriv"}));
        assertFalse(CasPreload.wanted(new String[] {"audit", "/dev/zero"}));
        assertFalse(CasPreload.wanted(new String[] {"audit", "--seed", "3"}));
    }

    @Test
    void otherCommandsDoNotStartIt() {
        assertFalse(CasPreload.wanted(new String[] {}));
        assertFalse(CasPreload.wanted(new String[] {"check", SCALAR}));
        assertFalse(CasPreload.wanted(new String[] {"--version"}));
    }
}
