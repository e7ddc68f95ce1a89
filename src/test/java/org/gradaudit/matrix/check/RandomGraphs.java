package org.gradaudit.matrix.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random vectorized derivations for properties: parameters of several shapes over three
 * dimensions, then nodes made by matrix products (with transposes), elementwise operators with
 * broadcasting of columns, rows and scalars, elementwise functions, reductions over an axis, softmax
 * and transposes, and a scalar loss that uses the last node and one other. Every formula fits its
 * shapes by construction; {@link #counts} records which operations were generated.
 */
final class RandomGraphs {
    private static final String[] DIMS = {"a", "b", "c"};

    /** A quantity of the generated file and its shape (a pair of dims; "1" for a broadcast axis). */
    record Q(String name, String rows, String cols) {
        String shape() {
            return "(" + rows + ", " + cols + ")";
        }
    }

    final Map<String, Integer> counts = new TreeMap<>();
    private final Random random;
    private final List<Q> pool = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    RandomGraphs(long seed) {
        this.random = new Random(seed);
    }

    private String dim() {
        return DIMS[random.nextInt(DIMS.length)];
    }

    /** A whole file: dims, parameters, 3 to 8 nodes, and the loss. */
    String file() {
        text.append("dim a, b, c\n");
        int params = 3 + random.nextInt(3);
        for (int i = 0; i < params; i++) {
            String r = random.nextInt(4) == 0 ? "1" : dim();
            String c = random.nextInt(4) == 0 ? "1" : dim();
            Q q = new Q("P" + i, r, c);
            pool.add(q);
            text.append("param ").append(q.name()).append(" : ").append(q.shape()).append('\n');
        }
        int nodes = 3 + random.nextInt(6);
        for (int i = 0; i < nodes; i++) {
            node("N" + i);
        }
        Q last = pool.get(pool.size() - 1);
        Q other = pool.get(random.nextInt(pool.size() - 1));
        text.append("input R : ").append(last.shape()).append('\n');
        text.append("loss L(").append(last.name()).append(", R) = np.sum(").append(last.name()).append(" * R) + 0.1 * np.sum(")
                .append(other.name()).append(" ** 2)\n");
        return text.toString();
    }

    private void count(String op) {
        counts.merge(op, 1, Integer::sum);
    }

    private void define(String name, String formula, String rows, String cols) {
        text.append(name).append(" = ").append(formula).append('\n');
        pool.add(new Q(name, rows, cols));
    }

    private Q any() {
        return pool.get(random.nextInt(pool.size()));
    }

    private void node(String name) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Q x = any();
            switch (random.nextInt(7)) {
                case 0 -> {
                    // matrix product, each operand possibly transposed
                    boolean tx = random.nextBoolean();
                    String xr = tx ? x.cols() : x.rows();
                    String xc = tx ? x.rows() : x.cols();
                    for (Q y : pool) {
                        for (boolean ty : new boolean[] {false, true}) {
                            String yr = ty ? y.cols() : y.rows();
                            String yc = ty ? y.rows() : y.cols();
                            if (yr.equals(xc) && random.nextInt(3) > 0) {
                                count(tx || ty ? "matmul-transposed" : "matmul");
                                define(name, "np.dot(" + x.name() + (tx ? ".T" : "") + ", " + y.name() + (ty ? ".T" : "")
                                        + ")", xr, yc);
                                return;
                            }
                        }
                    }
                }
                case 1 -> {
                    // elementwise with broadcasting: the other operand has the same shape, or 1 in an axis
                    for (Q y : pool) {
                        if (fits(y.rows(), x.rows()) && fits(y.cols(), x.cols()) && y != x) {
                            String op = new String[] {"+", "-", "*", "/"}[random.nextInt(4)];
                            count(y.rows().equals(x.rows()) && y.cols().equals(x.cols()) ? "elementwise" : "broadcast");
                            String right = op.equals("/") ? "(1 + " + y.name() + " ** 2)" : y.name();
                            define(name, x.name() + " " + op + " " + right, x.rows(), x.cols());
                            return;
                        }
                    }
                }
                case 2 -> {
                    String[] fns = {"np.tanh(%s)", "sigmoid(%s)", "np.exp(np.tanh(%s))", "np.log(1 + %s ** 2)",
                        "np.sqrt(1 + %s ** 2)", "%s ** 3", "np.multiply(%s, %s)"};
                    String f = fns[random.nextInt(fns.length)];
                    count("function");
                    define(name, f.replace("%s", x.name()), x.rows(), x.cols());
                    return;
                }
                case 3 -> {
                    int axis = random.nextInt(2);
                    String op = random.nextBoolean() ? "np.sum" : "np.mean";
                    count("reduce");
                    define(name, op + "(" + x.name() + ", axis=" + axis + ", keepdims=True)", axis == 0 ? "1" : x.rows(),
                            axis == 0 ? x.cols() : "1");
                    return;
                }
                case 4 -> {
                    count("transpose");
                    define(name, x.name() + ".T", x.cols(), x.rows());
                    return;
                }
                case 5 -> {
                    int axis = random.nextInt(2);
                    count("softmax");
                    define(name, "softmax(" + x.name() + ", axis=" + axis + ")", x.rows(), x.cols());
                    return;
                }
                default -> {
                    count("scalar");
                    define(name, "0.5 * " + x.name() + " + np.sum(" + x.name() + ") / 4", x.rows(), x.cols());
                    return;
                }
            }
        }
        count("function");
        Q x = any();
        define(name, "np.tanh(" + x.name() + ")", x.rows(), x.cols());
    }

    /** Whether an axis of size {@code y} broadcasts against one of size {@code x} without changing it. */
    private static boolean fits(String y, String x) {
        return y.equals(x) || y.equals("1");
    }
}
