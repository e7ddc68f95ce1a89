package org.gradaudit.cli;

import org.gradaudit.check.grad.Mode;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.Output;

/** The closed choices of the command line, each an {@link EnumConverter} (picocli needs one class per type). */
final class Choices {
    private Choices() {
    }

    static final class FormatChoice extends EnumConverter<Format> {
        FormatChoice() {
            super(Format.class, "format");
        }
    }

    static final class ActivationChoice extends EnumConverter<Activation> {
        ActivationChoice() {
            super(Activation.class, "activation");
        }
    }

    static final class OutputChoice extends EnumConverter<Output> {
        OutputChoice() {
            super(Output.class, "output");
        }
    }

    static final class LossChoice extends EnumConverter<Loss> {
        LossChoice() {
            super(Loss.class, "loss");
        }
    }

    static final class BackpropChoice extends EnumConverter<Backprop> {
        BackpropChoice() {
            super(Backprop.class, "backprop");
        }
    }

    static final class MethodChoice extends EnumConverter<Method> {
        MethodChoice() {
            super(Method.class, "method");
        }
    }

    static final class ModeChoice extends EnumConverter<Mode> {
        ModeChoice() {
            super(Mode.class, "mode");
        }
    }
}
