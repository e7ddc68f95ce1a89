package org.gradaudit.matrix.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.expr.MExpr;

/** The arguments of a call: positional formulas, then the keywords {@code axis=k} and {@code keepdims=True}. */
final class Arguments {
    private Arguments() {
    }

    static NumpyParser.Args read(NumpyParser p, Token fn, int positionalWanted) throws SyntaxError {
        List<MExpr> positional = new ArrayList<>();
        Map<String, String> keywords = new LinkedHashMap<>();
        if (!p.in.peek().is(")")) {
            do {
                Token t = p.in.peek();
                if (t.type() == Token.Type.NAME && p.in.peekSecond().is("=")) {
                    p.in.take();
                    p.in.take();
                    Token v = p.in.take();
                    if (!t.text().equals("axis") && !t.text().equals("keepdims")) {
                        throw new SyntaxError(t.column(), "unsupported argument '" + t.text() + "' of " + fn.text()
                                + "; supported: axis=0, axis=1, axis=-1, keepdims=True");
                    }
                    String value = v.text();
                    if (v.is("-") && p.in.peek().type() == Token.Type.NUMBER) {
                        value = "-" + p.in.take().text();
                    }
                    keywords.put(t.text(), value);
                } else {
                    positional.add(p.formula());
                }
            } while (p.in.accept(","));
        }
        p.in.expect(")", "to close the arguments of " + fn.text());
        if (positional.size() != positionalWanted) {
            throw new SyntaxError(fn.column(), fn.text() + " takes " + positionalWanted + " array argument"
                    + (positionalWanted == 1 ? "" : "s") + " here, found " + positional.size());
        }
        int axis = MExpr.Reduce.ALL;
        if (keywords.containsKey("axis")) {
            String a = keywords.get("axis");
            if (!a.matches("-?[0-9]+") || Math.abs(Integer.parseInt(a)) > 2) {
                throw new SyntaxError(fn.column(), "axis must be 0, 1 or -1, found '" + a + "' (tuples of axes are not supported)");
            }
            axis = Integer.parseInt(a);
        }
        boolean keepdims = false;
        if (keywords.containsKey("keepdims")) {
            String k = keywords.get("keepdims");
            if (!k.equals("True") && !k.equals("False")) {
                throw new SyntaxError(fn.column(), "keepdims must be True or False, found '" + k + "'");
            }
            keepdims = k.equals("True");
        }
        return new NumpyParser.Args(positional, axis, keepdims);
    }
}
