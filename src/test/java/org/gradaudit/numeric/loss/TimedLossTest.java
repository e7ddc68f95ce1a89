package org.gradaudit.numeric.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.bounds.TimeLimitException;
import org.junit.jupiter.api.Test;

class TimedLossTest {
    /** A loss whose own line answers differently from its along(): which one a probe reached shows. */
    private static final class MarkedLine implements PerturbableLoss {
        int lines;

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double[] point() {
            return new double[] {1, 2};
        }

        @Override
        public boolean supportsComplexStep() {
            return true;
        }

        @Override
        public Evaluator evaluator() {
            return new Evaluator() {
                @Override
                public double withElement(int k, double value) {
                    return value;
                }

                @Override
                public Complex withElement(int k, Complex value) {
                    return value;
                }

                @Override
                public double along(double[] direction, double t) {
                    return -1;
                }

                @Override
                public Complex along(double[] direction, Complex t) {
                    return new Complex(-1);
                }

                @Override
                public Line line(double[] direction) {
                    lines++;
                    return new Line() {
                        @Override
                        public double at(double t) {
                            return 10 * t;
                        }

                        @Override
                        public Complex at(Complex t) {
                            return t.multiply(10);
                        }
                    };
                }
            };
        }
    }

    @Test
    void aDirectionIsProbedOnTheWrappedLossesOwnLine() {
        MarkedLine inner = new MarkedLine();
        PerturbableLoss.Line line = new TimedLoss(inner, Deadline.NONE).evaluator().line(new double[] {1, 1});
        assertEquals(1, inner.lines);
        assertEquals(3.0, line.at(0.3), 0);
        assertEquals(new Complex(0, 2), line.at(new Complex(0, 0.2)));
    }

    @Test
    void aProbeAlongALineAfterTheDeadlineStops() throws InterruptedException {
        Deadline deadline = Deadline.after(Duration.ofMillis(1));
        PerturbableLoss.Line line = new TimedLoss(new MarkedLine(), deadline).evaluator().line(new double[] {1, 1});
        while (!deadline.passed()) {
            Thread.sleep(1);
        }
        assertThrows(TimeLimitException.class, () -> line.at(0.1));
        assertThrows(TimeLimitException.class, () -> line.at(new Complex(0, 1e-20)));
    }
}
