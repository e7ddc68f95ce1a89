package org.gradaudit.symbolic;

import java.io.OutputStream;
import java.io.PrintStream;
import org.gradaudit.expr.Numbers;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IBuiltInSymbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * One Symja engine, bound to the thread that opened it. Symja keeps its engine in a thread-local
 * and user symbols (with their rules) in that engine's context, so a session is opened on, and
 * used only from, one worker thread.
 */
final class Session {
    /** Prefix of the symbols that stand for user variables; no Symja built-in starts with it. */
    static final String VAR_PREFIX = "gav";
    private static final PrintStream SINK = new PrintStream(OutputStream.nullOutputStream());
    private static boolean globalDone;

    final EvalEngine engine;
    final ISymbol sigmoid;
    final ISymbol tanh;
    final ISymbol softplus;
    final ISymbol relu;
    final ISymbol step;

    private Session(EvalEngine engine, ISymbol sigmoid, ISymbol tanh, ISymbol softplus, ISymbol relu, ISymbol step) {
        this.engine = engine;
        this.sigmoid = sigmoid;
        this.tanh = tanh;
        this.softplus = softplus;
        this.relu = relu;
        this.step = step;
    }

    /** Opens a session on the current thread, configuring Symja first if nobody has yet. */
    static Session open() {
        configureOnce();
        // recursion limit 512, iteration limit 1000; message and print streams go nowhere
        EvalEngine engine = new EvalEngine("gradaudit", 512, 1000, SINK, SINK, false);
        engine.setFileSystemEnabled(false);
        engine.setQuietMode(true);
        EvalEngine.set(engine);
        ISymbol sigmoid = opaque("gasigmoid");
        ISymbol tanh = opaque("gatanh");
        ISymbol softplus = opaque("gasoftplus");
        ISymbol relu = opaque("garelu");
        ISymbol step = opaque("gastep");
        IExpr s = F.unaryAST1(sigmoid, F.Slot1);
        IExpr t = F.unaryAST1(tanh, F.Slot1);
        // f /: Derivative(1)[f] := Function(...): engine-local rules, built without the parser
        derivativeRule(engine, sigmoid, F.Times(s, F.Subtract(F.C1, s)));
        derivativeRule(engine, tanh, F.Subtract(F.C1, F.Sqr(t)));
        derivativeRule(engine, softplus, s);
        // relu' = step, with step(0) = 0 as backprop takes it; step' = 0 away from its jump.
        derivativeRule(engine, relu, F.unaryAST1(step, F.Slot1));
        derivativeRule(engine, step, F.C0);
        return new Session(engine, sigmoid, tanh, softplus, relu, step);
    }

    /** The symbol for the {@code index}-th variable, in an order that sorts like the index. */
    ISymbol variable(int index) {
        return symbol(Numbers.format("%s%04d", VAR_PREFIX, index));
    }

    private static ISymbol opaque(String name) {
        return symbol(name);
    }

    private static ISymbol symbol(String name) {
        ISymbol s = F.symbol(name);
        if (s instanceof IBuiltInSymbol) {
            throw new IllegalStateException("Symja has a built-in named [" + name + "]");
        }
        return s;
    }

    private static void derivativeRule(EvalEngine engine, ISymbol f, IExpr body) {
        engine.evaluate(F.TagSetDelayed(f, F.unaryAST1(F.Derivative(F.C1), f), F.Function(body)));
    }

    /**
     * Global Symja settings, once per JVM and before Symja's first use: no JAS helper threads
     * (they keep the JVM alive for a minute at exit), no file system, and hard size limits that
     * turn runaway computations into exceptions.
     */
    private static synchronized void configureOnce() {
        if (globalDone) {
            return;
        }
        Config.JAS_NO_THREADS = true;
        Config.FILESYSTEM_ENABLED = false;
        Config.JAVA_AWT_DESKTOP_AVAILABLE = false;
        Config.SWING_PLOT_FRAME = false;
        Config.MAX_AST_SIZE = 20_000;
        Config.MAX_BIT_LENGTH = 200_000;
        Config.MAX_POLYNOMIAL_DEGREE = 1_000;
        Config.MAX_INPUT_LEAVES = 100_000L;
        Config.MAX_OUTPUT_SIZE = 100_000;
        Config.MAX_LOOP_COUNT = 100_000L;
        Config.MAX_MATRIX_DIMENSION_SIZE = 100;
        F.initSymbols();
        globalDone = true;
    }
}
