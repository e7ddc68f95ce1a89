package org.gradaudit.check.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gradaudit.bench.FalseAlarmRuns;
import org.junit.jupiter.api.Test;

/** Issue 3's acceptance: 1,000 seeded correct networks of random shape, activation and loss pass with every method. */
class NoFalseAlarmsTest {
    @Test
    void aThousandCorrectNetworksPassWithEveryMethod() {
        assertEquals(List.of(), FalseAlarmRuns.alarms(1000));
    }
}
