package org.gradaudit.check.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gradaudit.bench.FalseAlarmRuns;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's acceptance, kept by issue 15 for fast mode too: 1,000 seeded correct networks of
 * random shape, activation and loss pass with every method, in full and in fast mode.
 */
class NoFalseAlarmsTest {
    @Test
    void aThousandCorrectNetworksPassWithEveryMethodInBothModes() {
        assertEquals(List.of(), FalseAlarmRuns.alarms(1000));
    }
}
