package org.gradaudit.symbolic;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;
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
    /** The symbol of each built-in Symja does not have natively, and the way back. */
    private final Map<Builtin, ISymbol> opaque = new EnumMap<>(Builtin.class);
    private final Map<IExpr, Builtin> byHead = new HashMap<>();

    private Session(EvalEngine engine) {
        this.engine = engine;
    }

    /** Opens a session on the current thread, configuring Symja first if nobody has yet. */
    static Session open() {
        configureOnce();
        // recursion limit 512, iteration limit 1000; message and print streams go nowhere
        EvalEngine engine = new EvalEngine("gradaudit", 512, 1000, SINK, SINK, false);
        engine.setFileSystemEnabled(false);
        engine.setQuietMode(true);
        EvalEngine.set(engine);
        Session session = new Session(engine);
        for (Builtin f : Builtin.values()) {
            if (nativeCall(f, F.Slot1).isEmpty()) {
                ISymbol s = opaque("ga" + f.spelling());
                session.opaque.put(f, s);
                session.byHead.put(s, f);
            }
        }
        // The activations stay opaque, with the table's derivatives as engine-local rules
        // (sigmoid' = sigmoid*(1 - sigmoid), relu' = step, ...), so that backprop identities are
        // proven in the form in which tutorials write them.
        for (Map.Entry<Builtin, ISymbol> e : session.opaque.entrySet()) {
            ToSymja to = new ToSymja(session, Set.of("u"));
            IExpr body = to.convert(e.getKey().derivative(Expr.var("u")));
            IExpr slotted = body.replaceAll(F.Rule(to.symbol("u"), F.Slot1)).orElse(body);
            derivativeRule(engine, e.getValue(), slotted);
        }
        return session;
    }

    /**
     * {@code f(arg)} with Symja's own function, or empty when Symja has none that we may use (then
     * the function is an opaque symbol of the session).
     */
    static Optional<IExpr> nativeCall(Builtin f, IExpr arg) {
        return switch (f) {
            case EXP -> Optional.of(F.Exp(arg));
            case LOG -> Optional.of(F.Log(arg));
            case SQRT -> Optional.of(F.Sqrt(arg));
            case SIN -> Optional.of(F.Sin(arg));
            case COS -> Optional.of(F.Cos(arg));
            case TANH, SIGMOID, SOFTPLUS, RELU, STEP -> Optional.empty();
        };
    }

    /** {@code f(arg)} in Symja: its own function, or this session's opaque symbol. */
    IExpr call(Builtin f, IExpr arg) {
        return nativeCall(f, arg).orElseGet(() -> F.unaryAST1(opaque.get(f), arg));
    }

    /** The built-in whose opaque symbol {@code head} is, if it is one. */
    Optional<Builtin> opaqueBuiltin(IExpr head) {
        return Optional.ofNullable(byHead.get(head));
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
