package org.gradaudit.numeric.loss;

import org.apache.commons.math3.complex.Complex;
import org.gradaudit.bounds.Deadline;

/**
 * A loss whose every evaluation first checks a deadline, so that a gradient check ends by a
 * command's time limit however many elements are left: an evaluation takes microseconds at least,
 * the check nanoseconds. It cannot stop an evaluation that never returns (a user's model that
 * loops); that needs a watchdog around the model's calls.
 */
public final class TimedLoss implements PerturbableLoss {
    private final PerturbableLoss loss;
    private final Deadline deadline;

    /** @param loss the loss to evaluate; @param deadline when its evaluations must stop */
    public TimedLoss(PerturbableLoss loss, Deadline deadline) {
        this.loss = loss;
        this.deadline = deadline;
    }

    @Override
    public int dimension() {
        return loss.dimension();
    }

    @Override
    public double[] point() {
        return loss.point();
    }

    @Override
    public boolean supportsComplexStep() {
        return loss.supportsComplexStep();
    }

    @Override
    public boolean smooth() {
        return loss.smooth();
    }

    /** @throws org.gradaudit.bounds.TimeLimitException from any evaluation made after the deadline */
    @Override
    public Evaluator evaluator() {
        Evaluator ev = loss.evaluator();
        return new Evaluator() {
            @Override
            public double withElement(int k, double value) {
                deadline.check("checking the gradient");
                return ev.withElement(k, value);
            }

            @Override
            public Complex withElement(int k, Complex value) {
                deadline.check("checking the gradient");
                return ev.withElement(k, value);
            }

            @Override
            public double along(double[] direction, double t) {
                deadline.check("checking the gradient");
                return ev.along(direction, t);
            }

            @Override
            public Complex along(double[] direction, Complex t) {
                deadline.check("checking the gradient");
                return ev.along(direction, t);
            }

            /** The wrapped loss's own line (the built-in MLP's precomputes its first layer), each probe timed. */
            @Override
            public Line line(double[] direction) {
                Line line = ev.line(direction);
                return new Line() {
                    @Override
                    public double at(double t) {
                        deadline.check("checking the gradient");
                        return line.at(t);
                    }

                    @Override
                    public Complex at(Complex t) {
                        deadline.check("checking the gradient");
                        return line.at(t);
                    }
                };
            }
        };
    }
}
