package org.gradaudit.matrix.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;

/** Parses one statement of each kind, for {@link MatrixFileParser}. */
final class Statements {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern RANGE = Pattern.compile("\\s+in\\s*\\[([^,\\]]+),([^\\]]+)]\\s*$");
    private static final Pattern GRAD = Pattern.compile("([A-Za-z_]\\w*)\\s*=(.*)");
    private static final Pattern VIA = Pattern.compile("\\s+via(?:\\s+(\\S*))?\\s*$");
    static final Pattern UPSTREAM = Pattern.compile("(\\s*upstream\\s+)([A-Za-z_]\\w*)\\s*=\\s*d([A-Za-z_]\\w*)\\s*/"
            + "\\s*d([A-Za-z_]\\w*)\\s*(?:in\\s*\\[([^,\\]]+),([^\\]]+)]\\s*)?");

    private final MatrixFileParser p;

    Statements(MatrixFileParser p) {
        this.p = p;
    }

    void dims(String line, int indent) throws SyntaxError {
        int start = indent + 3;
        List<String> names = new ArrayList<>();
        for (Declarations.Item item : Declarations.split(line.substring(start), start)) {
            if (!NAME.matcher(item.text()).matches() || item.text().equals("np")) {
                throw new SyntaxError(item.offset() + 1, "expected a dimension name in 'dim', found '" + item.text() + "'");
            }
            if (p.define(item.text(), item.offset() + 1)) {
                names.add(item.text());
            }
        }
        p.add(new MStatement.Dims(p.pos(indent + 1), p.section(), names));
    }

    void declare(String line, int indent, boolean parameter) throws SyntaxError {
        int start = indent + 5; // 'input' and 'param' are both five letters
        for (Declarations.Item item : Declarations.split(line.substring(start), start)) {
            String text = item.text();
            double low = -2;
            double high = 2;
            Matcher range = RANGE.matcher(" " + text);
            if (range.find()) {
                try {
                    low = Double.parseDouble(range.group(1).strip());
                    high = Double.parseDouble(range.group(2).strip());
                } catch (NumberFormatException e) {
                    throw new SyntaxError(item.offset() + range.start(), "range must be two numbers: in [low, high]");
                }
                if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                    throw new SyntaxError(item.offset() + range.start(), "range must have low < high, both finite");
                }
                text = (" " + text).substring(0, range.start()).strip();
            }
            int colon = text.indexOf(':');
            String name = (colon < 0 ? text : text.substring(0, colon)).strip();
            if (!NAME.matcher(name).matches()) {
                throw new SyntaxError(item.offset() + 1, "expected 'NAME : (shape)' in '" + (parameter ? "param" : "input")
                        + "', found '" + text + "'");
            }
            int open = colon + 1;
            while (open < text.length() && Character.isWhitespace(text.charAt(open))) {
                open++;
            }
            Shape shape = colon < 0 ? Shape.SCALAR
                    : Declarations.shape(text.substring(colon + 1), item.offset() + open + 1, p.vocabulary().dims());
            if (p.define(name, item.offset() + 1)) {
                p.add(new MStatement.Declare(p.pos(item.offset() + 1), p.section(), parameter, name, shape, low, high));
            }
        }
    }

    void loss(String line, Matcher m) throws SyntaxError {
        if (!m.matches()) {
            throw new SyntaxError(1, "expected 'loss L(prediction, target) = formula'");
        }
        int offset = m.start(5);
        MExpr f = p.formula(m.group(5), offset);
        if (p.define(m.group(2), m.start(2) + 1)) {
            p.add(new MStatement.Loss(p.pos(line.indexOf("loss") + 1), p.section(), m.group(2),
                    m.group(3), m.group(4), f, m.group(5).strip()));
        }
    }

    void grad(String line, int indent) throws SyntaxError {
        int start = indent + 4;
        for (Declarations.Item item : Declarations.split(line.substring(start), start)) {
            Matcher g = GRAD.matcher(item.text());
            if (!g.matches()) {
                throw new SyntaxError(item.offset() + 1, "expected 'grad NAME = [factor *] dL/dX', e.g. 'grad dZ2 = m * dL/dZ2'");
            }
            int rhsOffset = item.offset() + g.start(2);
            String rhsText = g.group(2);
            String via = "";
            int viaColumn = 1;
            Matcher v = VIA.matcher(rhsText);
            if (v.find()) {
                via = v.group(1) == null ? "" : v.group(1);
                viaColumn = rhsOffset + (v.group(1) == null ? v.start() + 1 : v.start(1)) + 1;
                if (!NAME.matcher(via).matches()) {
                    throw new SyntaxError(viaColumn, "'via' names the one consumer of the variable whose part of the"
                            + " gradient this is, e.g. 'grad dxmu1 = dL/dxmu via xhat'; found '" + via + "'");
                }
                rhsText = rhsText.substring(0, v.start());
            }
            MExpr rhs = p.formula(rhsText, rhsOffset);
            MExpr coefficient = new MExpr.Num(1);
            MExpr.Adjoint adjoint = null;
            if (rhs instanceof MExpr.Adjoint a) {
                adjoint = a;
            } else if (rhs instanceof MExpr.Bin b && b.op() == MExpr.BinOp.MUL && b.b() instanceof MExpr.Adjoint a
                    && constant(b.a())) {
                adjoint = a;
                coefficient = b.a();
            } else if (rhs instanceof MExpr.Bin b && b.op() == MExpr.BinOp.DIV && b.a() instanceof MExpr.Adjoint a
                    && constant(b.b())) {
                adjoint = a;
                coefficient = new MExpr.Bin(MExpr.BinOp.DIV, new MExpr.Num(1), b.b());
            }
            if (adjoint == null) {
                throw new SyntaxError(rhsOffset + 1, "a gradient name is a factor of numbers and dimensions times dL/dX"
                        + " (e.g. 'm * dL/dZ2', '1/m * dL/dW', or 'dL/dX'), found '" + g.group(2).strip() + "'");
            }
            p.add(new MStatement.GradName(p.pos(item.offset() + 1), p.section(), g.group(1), adjoint.of(), coefficient,
                    via, viaColumn));
        }
    }

    void upstream(String line, int indent) throws SyntaxError {
        Matcher m = UPSTREAM.matcher(line);
        if (!m.matches()) {
            throw new SyntaxError(indent + 1, "expected 'upstream NAME = dL/dX [in [low, high]]', e.g. 'upstream dout ="
                    + " dL/dout': the gradient NAME of a loss L with respect to node X arrives from outside the file");
        }
        double low = -2;
        double high = 2;
        if (m.group(5) != null) {
            try {
                low = Double.parseDouble(m.group(5).strip());
                high = Double.parseDouble(m.group(6).strip());
            } catch (NumberFormatException e) {
                throw new SyntaxError(m.start(5) + 1, "range must be two numbers: in [low, high]");
            }
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new SyntaxError(m.start(5) + 1, "range must have low < high, both finite");
            }
        }
        if (p.define(m.group(2), m.start(2) + 1)) {
            p.add(new MStatement.Upstream(p.pos(indent + 1), p.section(), m.group(2), m.group(3), m.group(4), low, high));
        }
    }

    /** Whether a formula is made of numbers and dimensions only. */
    static boolean constant(MExpr e) {
        if (e instanceof MExpr.Ref || e instanceof MExpr.Adjoint) {
            return false;
        }
        return e.children().stream().allMatch(Statements::constant) && (e instanceof MExpr.Num || e instanceof MExpr.DimRef
                || e instanceof MExpr.Bin || e instanceof MExpr.Neg || e instanceof MExpr.Pow);
    }

    void code(String line, Matcher m, int indent) throws SyntaxError {
        if (!m.matches()) {
            throw new SyntaxError(indent + 1, "expected 'code dX = formula' (also +=, -=, *=, /=, or dX[mask] = 0)");
        }
        String name = m.group(2);
        String op = m.group(3);
        int rest = m.start(4);
        MStatement.Code.Op kind;
        MExpr formula;
        String text = m.group(4).strip();
        if (op.equals("[")) {
            int close = matching(line, m.start(3));
            if (close < 0) {
                throw new SyntaxError(m.start(3) + 1, "unclosed '['");
            }
            String index = line.substring(m.start(3) + 1, close);
            String after = line.substring(close + 1).strip();
            if (index.contains(",") || index.contains("range(")) {
                throw new SyntaxError(m.start(3) + 1, "integer-label indexing such as dscores[range(N), y] -= 1 is not"
                        + " supported; write the labels one-hot, as an input Y of the scores' shape: code dscores = probs - Y");
            }
            if (!after.matches("=\\s*0(\\.0*)?")) {
                throw new SyntaxError(close + 2, "masked assignment is supported only as " + name + "[mask] = 0");
            }
            MExpr mask = p.formula(index, m.start(3) + 1);
            if (!(mask instanceof MExpr.Compare c)) {
                throw new SyntaxError(m.start(3) + 2, "the index of a masked assignment is a comparison, e.g. "
                        + name + "[Z <= 0] = 0");
            }
            kind = MStatement.Code.Op.MASK;
            formula = new MExpr.Compare(c.op().complement(), c.a(), c.b());
            p.add(new MStatement.Code(p.pos(indent + 1), p.section(), name, kind, formula,
                    name + "[" + index.strip() + "]", "0"));
            return;
        } else {
            kind = switch (op) {
                case "+=" -> MStatement.Code.Op.ADD;
                case "-=" -> MStatement.Code.Op.SUB;
                case "*=" -> MStatement.Code.Op.MUL;
                case "/=" -> MStatement.Code.Op.DIV;
                default -> MStatement.Code.Op.ASSIGN;
            };
            formula = p.formula(m.group(4), rest);
        }
        p.add(new MStatement.Code(p.pos(indent + 1), p.section(), name, kind, formula,
                line.substring(m.end(1), m.start(3)).strip(), text));
    }

    private static int matching(String line, int open) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            if (line.charAt(i) == '[') {
                depth++;
            } else if (line.charAt(i) == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    void claim(String line, Matcher m, int indent) throws SyntaxError {
        String loss = p.vocabulary().loss();
        if (loss.isEmpty() || !m.group(1).equals(loss)) {
            throw new SyntaxError(indent + 1, "vectorized files claim gradients of the loss only, dL/dX with L the"
                    + (loss.isEmpty() ? " loss (declare one with 'loss L(prediction, target) = ...')" : " loss '" + loss + "'"));
        }
        if (!p.vocabulary().quantities().contains(m.group(2))) {
            throw new SyntaxError(m.start(2) + 1, "unknown name '" + m.group(2) + "' in d" + loss + "/d" + m.group(2));
        }
        MExpr f = p.formula(m.group(3), m.start(3));
        String lhs = line.substring(indent, m.start(3) - 1).strip();
        p.add(new MStatement.Claim(p.pos(indent + 1), p.section(), m.group(2), f, lhs, m.group(3).strip()));
    }

    void define(String line, Matcher m, int indent) throws SyntaxError {
        if (!m.matches()) {
            throw new SyntaxError(indent + 1, "expected a definition 'NAME = formula', a claim 'dL/dX = formula', or one of"
                    + " dim, input, param, loss, upstream, grad, code, fn, alias");
        }
        String name = m.group(1);
        int eq = line.indexOf('=', m.end(1));
        MExpr f = p.formula(line.substring(eq + 1), eq + 1);
        if (p.define(name, indent + 1)) {
            p.add(new MStatement.Define(p.pos(indent + 1), p.section(), name, f, line.substring(eq + 1).strip()));
        }
    }
}
