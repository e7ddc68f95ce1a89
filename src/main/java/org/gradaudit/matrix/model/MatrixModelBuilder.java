package org.gradaudit.matrix.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.Position;
import org.gradaudit.derivation.Problem;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.parse.MStatement;
import org.gradaudit.matrix.parse.MatrixDerivation;

/**
 * Resolves a parsed vectorized file into a {@link MatrixModel}: orders the definitions, infers
 * every forward shape, and refuses shape errors in definitions and the loss (input errors, naming
 * both shapes and a repair), a loss that is not a scalar, cycles, and code lines that assign no
 * gradient name.
 */
public final class MatrixModelBuilder {
    private final MatrixDerivation d;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> dims = new ArrayList<>();
    private final Map<String, MatrixModel.Quantity> quantities = new LinkedHashMap<>();
    private final Map<String, MExpr> definitions = new LinkedHashMap<>();
    private final Map<String, MStatement> definedAt = new LinkedHashMap<>();
    private final Map<String, MatrixModel.GradName> gradNames = new LinkedHashMap<>();
    private final List<MStatement> judged = new ArrayList<>();
    private final List<MStatement.Upstream> upstreams = new ArrayList<>();
    private final List<MStatement.GradName> partials = new ArrayList<>();
    private String loss = "";

    private MatrixModelBuilder(MatrixDerivation d) {
        this.d = d;
    }

    /** @throws DerivationException every problem found, each with its position */
    public static MatrixModel build(MatrixDerivation d) throws DerivationException {
        return new MatrixModelBuilder(d).run();
    }

    private MatrixModel run() throws DerivationException {
        for (MStatement s : d.statements()) {
            if (s instanceof MStatement.Dims ds) {
                dims.addAll(ds.names());
            } else if (s instanceof MStatement.Declare dc) {
                quantities.put(dc.name(), new MatrixModel.Quantity(dc.name(), dc.parameter() ? MatrixModel.Kind.PARAM
                        : MatrixModel.Kind.INPUT, dc.shape(), dc.low(), dc.high(), dc.position().line()));
            } else if (s instanceof MStatement.Define df) {
                definitions.put(df.name(), df.formula());
                definedAt.put(df.name(), df);
            } else if (s instanceof MStatement.Loss l) {
                if (!loss.isEmpty()) {
                    problem(l.position(), "a second loss; a file has one");
                }
                loss = l.name();
                definitions.put(l.name(), l.formula());
                definedAt.put(l.name(), l);
            } else if (s instanceof MStatement.GradName g) {
                gradNames.put(g.name(), new MatrixModel.GradName(g.name(), g.of(), g.coefficient(), g.position().line(),
                        g.via()));
                if (!g.via().isEmpty()) {
                    partials.add(g);
                }
            } else if (s instanceof MStatement.Upstream u) {
                upstreams.add(u);
            } else {
                judged.add(s);
            }
        }
        if (dims.isEmpty()) {
            problem(new Position(d.source().file(), 1, 1), "a vectorized file declares its sizes with 'dim'");
        }
        Upstreams.define(upstreams, this);
        if (loss.isEmpty()) {
            problem(new Position(d.source().file(), 1, 1), "no loss: declare one with 'loss L(prediction, target) = ...'"
                    + " or receive the gradient of one from outside with 'upstream dout = dL/dout'");
        }
        int before = problems.size();
        List<String> order = order();
        if (problems.size() > before) {
            throwIfAny(); // a cycle or a gradient in a definition: shapes cannot be inferred
        }
        inferShapes(order);
        if (!loss.isEmpty()) {
            checkLoss();
        }
        defaultGradNames();
        Partials.check(partials, this);
        checkJudged();
        throwIfAny();
        Map<String, String> upstreamOf = new LinkedHashMap<>();
        upstreams.forEach(u -> upstreamOf.put(u.node(), u.name()));
        return new MatrixModel(d, dims, quantities, order, definitions, loss, gradNames, judged, upstreamOf);
    }

    /** Depth-first order of the definitions; a cycle or a gradient used in a definition is a problem. */
    private List<String> order() {
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String name : definitions.keySet()) {
            visit(name, out, done, new java.util.LinkedHashSet<>());
        }
        return out;
    }

    private void visit(String name, List<String> out, Set<String> done, Set<String> path) {
        if (done.contains(name) || !definitions.containsKey(name)) {
            return;
        }
        if (!path.add(name)) {
            problem(definedAt.get(name).position(), "the definitions are cyclic: " + String.join(" -> ", path) + " -> "
                    + name);
            return;
        }
        for (String used : uses(definitions.get(name), definedAt.get(name))) {
            visit(used, out, done, path);
        }
        path.remove(name);
        if (done.add(name)) {
            out.add(name);
        }
    }

    private Set<String> uses(MExpr e, MStatement at) {
        Set<String> out = new java.util.LinkedHashSet<>();
        collect(e, out, at);
        return out;
    }

    private void collect(MExpr e, Set<String> out, MStatement at) {
        if (e instanceof MExpr.Ref r) {
            if (!quantities.containsKey(r.name()) && !definitions.containsKey(r.name())) {
                problem(pos(at, e), "'" + r.name() + "' is a gradient name; a forward definition uses only inputs,"
                        + " parameters and defined quantities");
            }
            out.add(r.name());
        } else if (e instanceof MExpr.Adjoint) {
            problem(pos(at, e), "a forward definition cannot use a gradient");
        }
        for (MExpr c : e.children()) {
            collect(c, out, at);
        }
    }

    private void inferShapes(List<String> order) {
        for (String name : order) {
            MStatement at = definedAt.get(name);
            if (name.equals(loss)) {
                Upstreams.shape(upstreams, quantities);
            }
            Shapes shapes = new Shapes(n -> {
                MatrixModel.Quantity q = quantities.get(n);
                return q == null ? Shape.SCALAR : q.shape();
            });
            Shape shape;
            try {
                shape = shapes.infer(definitions.get(name));
            } catch (ShapeError e) {
                problem(pos(at, e.node()), e.getMessage());
                shape = Shape.SCALAR;
            }
            MatrixModel.Kind kind = name.equals(loss) ? MatrixModel.Kind.LOSS : MatrixModel.Kind.NODE;
            quantities.put(name, new MatrixModel.Quantity(name, kind, shape, 0, 0, at.position().line()));
        }
    }

    private void checkLoss() {
        Shape shape = quantities.get(loss).shape();
        if (!(definedAt.get(loss) instanceof MStatement.Loss l)) {
            return; // defined by upstream gradients: np.sum(...), a scalar
        }
        if (!shape.isScalar() && problems.isEmpty()) {
            problem(l.position(), "the loss " + loss + " has shape " + shape + "; a loss is a scalar: sum or average it,"
                    + " e.g. -1/m * np.sum(...)");
        }
        for (String n : List.of(l.prediction(), l.target())) {
            if (!quantities.containsKey(n)) {
                problem(l.position(), "'" + n + "' in loss " + loss + "(" + l.prediction() + ", " + l.target()
                        + ") is not a quantity of the file");
            }
        }
    }

    private void defaultGradNames() {
        for (MatrixModel.GradName g : List.copyOf(gradNames.values())) {
            if (!quantities.containsKey(g.of())) {
                problem(new Position(d.source().file(), g.line(), 1), "grad " + g.name() + " names dL/d" + g.of()
                        + ", but '" + g.of() + "' is not a quantity");
            }
            if (quantities.containsKey(g.name())) {
                problem(new Position(d.source().file(), g.line(), 1), "'" + g.name() + "' is already a quantity");
            }
        }
        for (MatrixModel.Quantity q : quantities.values()) {
            String name = "d" + q.name();
            if (!gradNames.containsKey(name) && !quantities.containsKey(name) && q.kind() != MatrixModel.Kind.LOSS) {
                gradNames.put(name, new MatrixModel.GradName(name, q.name(), new MExpr.Num(1), 0));
            }
        }
    }

    /** Whether a formula reads the quantity {@code v}. */
    static boolean reads(MExpr e, String v) {
        return e instanceof MExpr.Ref r ? r.name().equals(v) : e.children().stream().anyMatch(c -> reads(c, v));
    }

    private void checkJudged() {
        for (MStatement s : judged) {
            if (s instanceof MStatement.Code c && !gradNames.containsKey(c.name())) {
                problem(c.position(), "code assigns '" + c.name() + "', which is no gradient name; declare what it"
                        + " holds, e.g. 'grad " + c.name() + " = dL/dX'");
            }
            MExpr f = s instanceof MStatement.Code c ? c.formula() : ((MStatement.Claim) s).formula();
            checkNames(f, s);
        }
    }

    private void checkNames(MExpr e, MStatement at) {
        if (e instanceof MExpr.Ref r && !quantities.containsKey(r.name()) && !gradNames.containsKey(r.name())) {
            problem(pos(at, e), "'" + r.name() + "' is neither a quantity nor a gradient name");
        }
        if (e instanceof MExpr.Adjoint a && !a.loss().equals(loss)) {
            problem(pos(at, e), "only gradients of the loss " + loss + " can be used");
        }
        for (MExpr c : e.children()) {
            checkNames(c, at);
        }
    }

    // --- for Upstreams ---

    String loss() {
        return loss;
    }

    void setLoss(String name, MExpr formula, MStatement at) {
        loss = name;
        definitions.put(name, formula);
        definedAt.put(name, at);
    }

    Map<String, MExpr> definitions() {
        return definitions;
    }

    Map<String, MatrixModel.Quantity> quantities() {
        return quantities;
    }

    MStatement definedAt(String name) {
        return definedAt.get(name);
    }

    private Position pos(MStatement at, MExpr node) {
        return new Position(at.position().file(), at.position().line(), d.column(node));
    }

    void problem(Position p, String message) {
        problems.add(new Problem(p, message));
    }

    private void throwIfAny() throws DerivationException {
        if (!problems.isEmpty()) {
            throw new DerivationException(problems);
        }
    }
}
