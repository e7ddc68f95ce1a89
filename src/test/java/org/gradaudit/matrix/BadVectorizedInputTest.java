package org.gradaudit.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gradaudit.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form a vectorized file may not use is refused: exit code 2, one message naming
 * file:line:column and what to write instead, no report, no stack trace.
 */
class BadVectorizedInputTest {
    private static final String HEAD = "dim n_x, n_h, m\ninput X : (n_x, m)\ninput Y : (1, m) in [0, 1]\n"
            + "param W1 : (n_h, n_x), b1 : (n_h, 1), W2 : (1, n_h), b2 : (1, 1)\n";
    private static final String NET = "Z1 = np.dot(W1, X) + b1\nA1 = np.tanh(Z1)\nZ2 = np.dot(W2, A1) + b2\n"
            + "A2 = sigmoid(Z2)\nloss L(A2, Y) = -1/m * np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))\n";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("'*' between shapes that do not broadcast", HEAD + "Z1 = W1 * X + b1\n",
                        "5:9: '*' is elementwise in numpy; (n_h, n_x) and (n_x, m) do not broadcast in W1 * X;"
                                + " did you mean np.dot(W1, X)?"),
                Arguments.of("np.dot with mismatched inner dimensions", HEAD + "Z1 = np.dot(X, W1)\n",
                        "5:6: np.dot(X, W1) multiplies (n_x, m) by (n_h, n_x): the inner dimensions m and n_h differ;"
                                + " did you mean np.dot(W1, X)?"),
                Arguments.of("a rank-1 array meeting a column", HEAD + "input v : (n_h,)\nZ = b1 + v\n",
                        "6:8: the rank-1 array (n_h,) meets the column (n_h, 1)"),
                Arguments.of("an unsupported numpy function", HEAD + "Z = np.einsum(W1, X)\n",
                        "5:5: unsupported function 'np.einsum'; supported: np.dot"),
                Arguments.of("math notation for a transpose", HEAD + "Z = W1 X^T\n", "unexpected"),
                Arguments.of("a caret", HEAD + "Z = X^2\n", "5:6: unexpected character '^'; numpy writes powers as '**'"),
                Arguments.of("integer-label indexing", HEAD + NET + "code dZ2[range(m), Y] -= 1\n",
                        "10:9: integer-label indexing such as dscores[range(N), y] -= 1 is not supported"),
                Arguments.of("a 10,000 x 10,000 fixed shape", "dim m\ninput X : (10000, 10000)\n",
                        "2:11: fixed dimension 10000 is outside 1 to 64"),
                Arguments.of("an unclosed parenthesis in dim (found by the fuzz test)", "dim n, (m\ninput X : (n, m)\n",
                        "1:8: expected a dimension name in 'dim', found '(m'"),
                Arguments.of("an undeclared dimension", "dim m\ninput X : (n, m)\n",
                        "2:11: 'n' in shape (n, m) is not a declared dimension"),
                Arguments.of("(n) for a rank-1 shape", "dim n\ninput X : (n)\n", "2:11: (n) is not a shape in numpy"),
                Arguments.of("rank 3", "dim n\ninput X : (n, n, n)\n", "has rank 3"),
                Arguments.of("a loss that is not a scalar", HEAD + "loss L(Y, Y) = Y * Y\n", "a loss is a scalar"),
                Arguments.of("no loss", HEAD + "Z = np.dot(W1, X)\n", "no loss"),
                Arguments.of("code assigning no gradient name", HEAD + NET + "code foo = A2 - Y\n",
                        "10:1: code assigns 'foo', which is no gradient name"),
                Arguments.of("a gradient name that is no factor of dL/dX", HEAD + NET + "grad dZ2 = X * dL/dZ2\n",
                        "a gradient name is a factor of numbers and dimensions times dL/dX"),
                Arguments.of("np.maximum against something else than 0", HEAD + "Z = np.maximum(1, X)\n",
                        "np.maximum is supported only against 0"),
                Arguments.of("a non-constant exponent", HEAD + "Z = np.power(X, X)\n", "constant exponent"),
                Arguments.of("an axis out of range", HEAD + "Z = np.sum(X, axis=3)\n", "axis must be 0, 1 or -1"),
                Arguments.of("an axis the shape lacks", HEAD + "v = np.sum(X, axis=0)\nZ = np.sum(v, axis=1)\n",
                        "axis 1 is out of range for (m,)"),
                Arguments.of("softmax without an axis", HEAD + "Z = softmax(X)\n", "softmax needs the axis"),
                Arguments.of("an alias using one declared below it", HEAD + "alias s = t + X\nalias t = X\n",
                        "5:11: 't' is declared at line 6 with fn or alias, after this use"),
                Arguments.of("a function's body using a quantity", HEAD + "fn f(z) = z * W1\n",
                        "5:15: unknown name 'W1': a function's body uses only its parameters (z)"),
                Arguments.of("a function called with the wrong count", HEAD + "fn f(z) = z * 2\nZ = f(X, X)\n",
                        "6:5: f takes 1 array argument here, found 2"),
                Arguments.of("a function named as a built-in", HEAD + "fn sigmoid(z) = z\n",
                        "5:4: 'sigmoid' is a built-in function"),
                Arguments.of("a function that expands too far", HEAD + "fn f0(z) = z * z\n"
                        + java.util.stream.IntStream.range(1, 16).mapToObj(i -> "fn f" + i + "(z) = f" + (i - 1) + "(z) * f"
                        + (i - 1) + "(z)\n").collect(java.util.stream.Collectors.joining()),
                        "write out to more than 10000 nodes"),
                Arguments.of("an upstream gradient of no node", HEAD + "upstream dQ = dL/dQ\n",
                        "5:1: 'upstream dQ': 'Q' must be a node of the file"),
                Arguments.of("an upstream gradient beside a loss", HEAD + NET + "upstream dA1 = dL/dA1\n",
                        "10:1: an upstream gradient defines the loss L as everything downstream, but the file also"
                                + " declares 'loss L(...)'"),
                Arguments.of("an upstream gradient used forward", HEAD + "Z1 = np.dot(W1, X) + b1\nQ = Z1 * dZ1\n"
                        + "upstream dZ1 = dL/dZ1\n", "6:1: 'dZ1' is the upstream gradient of Z1, given to the backward"
                        + " pass; a forward definition cannot use it"),
                Arguments.of("upstream without dL/dX", HEAD + "Z1 = np.dot(W1, X) + b1\nupstream dZ1 = Z1\n",
                        "6:1: expected 'upstream NAME = dL/dX [in [low, high]]'"),
                Arguments.of("a partial gradient through a node that does not read it", HEAD + NET
                        + "grad g = dL/dZ1 via Z2\n", "10:21: 'via Z2': the definition of Z2 does not read Z1, so no part"
                        + " of dL/dZ1 flows through it; the definitions that read Z1: A1"),
                Arguments.of("a partial gradient through an input", HEAD + NET + "grad g = dL/dW1 via X\n",
                        "10:21: 'via X': 'X' is an input or parameter, which reads nothing"),
                Arguments.of("a partial gradient through an unknown name", HEAD + NET + "grad g = dL/dW1 via Q\n",
                        "10:21: 'via Q': 'Q' is not a quantity"),
                Arguments.of("via without a consumer", HEAD + NET + "grad g = dL/dW1 via\n",
                        "10:17: 'via' names the one consumer of the variable"),
                Arguments.of("np.ones of a bare dimension in parentheses", HEAD + "Z = np.ones((m)) * X\n",
                        "5:5: (m) is not a shape in numpy; write (m,) for a rank-1 array or (m, 1) for a column"),
                Arguments.of("np.ones of an undeclared size", HEAD + "Z = np.ones((k, m)) * X\n",
                        "5:14: np.ones takes a shape of declared dimensions and integers 1 to 64"),
                Arguments.of("masked assignment of a value other than 0", HEAD + NET + "code dZ1[Z1 <= 0] = 1\n",
                        "masked assignment is supported only as dZ1[mask] = 0"),
                Arguments.of("a claim about another quantity than the loss", HEAD + NET + "dZ2/dA1 = W2\n",
                        "vectorized files claim gradients of the loss only"),
                Arguments.of("cyclic definitions", HEAD + "P = Q + X\nQ = P * 2\nloss L(P, X) = np.sum(P)\n",
                        "the definitions are cyclic"),
                Arguments.of("an equality mask", HEAD + "Z = (X == 0)\n", "'==' masks are not supported"),
                Arguments.of("nesting too deep", HEAD + "Z = " + "(".repeat(300) + "X" + ")".repeat(300) + "\n",
                        "nested more than 200 deep"),
                Arguments.of("an unknown name", HEAD + "Z = np.dot(W3, X)\n", "5:12: unknown name 'W3'"),
                Arguments.of("a gradient in a definition", HEAD + NET + "Q = dL/dA2 + A2\n",
                        "a forward definition cannot use a gradient"),
                Arguments.of("np.ones_like", HEAD + "Z = np.ones_like(X)\n", "unsupported function 'np.ones_like'"),
                Arguments.of("an attribute outside the subset", HEAD + "Z = X.reshape(1)\n",
                        "unsupported attribute '.reshape'"),
                Arguments.of("a redefinition", HEAD + NET + "A1 = np.tanh(Z1)\n", "'A1' is already declared or defined at line 6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedWithItsPositionAndAHint(String what, String text, String expected, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("bad.deriv");
        Files.writeString(file, text);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"audit", file.toString()}, new PrintWriter(out), new PrintWriter(err));
        String message = err.toString().replace(dir + "/", "");
        assertEquals(2, code, what + ": " + message + out);
        assertEquals("", out.toString(), "no partial report");
        assertTrue(message.startsWith("gradaudit: bad.deriv:"), message);
        assertTrue(message.contains(expected), what + ": " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void aShapeThatIsHugeInProductionIsAuditedAtSmallDrawnSizes(@TempDir Path dir) throws IOException {
        // n may be 10,000 where the network runs; the audit draws its own small sizes for every dimension
        Path file = dir.resolve("big.deriv");
        Files.writeString(file, "dim n, k\ninput X : (n, n), Y : (n, k)\nparam W : (n, n)\nZ = np.dot(W, X)\n"
                + "loss L(Z, Y) = np.sum(np.dot(Z, Y))\ndL/dZ = 0 * Z + np.sum(Y, axis=1, keepdims=True).T\n");
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"audit", "--verbose", file.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("size draws (n, k) = (5, 2), (3, 6), (4, 7)"), out.toString());
    }
}
