package org.gradaudit.report;

import java.util.List;
import org.gradaudit.matrix.grad.Steps;

/** {@code gradaudit derive} on a vectorized derivation: each gradient's rule step, as text. */
public final class MatrixDeriveReport {
    private MatrixDeriveReport() {
    }

    public static String render(String file, String loss, List<Steps.Step> steps) {
        StringBuilder out = new StringBuilder("Gradients of ").append(loss).append(" in ").append(file)
                .append(", by the reverse-mode matrix rules (each from the gradients of the quantities that use it)\n");
        for (Steps.Step s : steps) {
            out.append("\nd").append(loss).append("/d").append(s.of()).append("   shape ").append(s.shape()).append('\n');
            out.append("  = ").append(s.rule()).append('\n');
            if (!s.named().equals(s.rule())) {
                out.append("  = ").append(s.named()).append("   (in the file's gradient names)\n");
            }
        }
        return out.toString();
    }
}
