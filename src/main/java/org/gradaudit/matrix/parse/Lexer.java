package org.gradaudit.matrix.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits a numpy formula into tokens; Leibniz {@code dL/dX} is one token when L is the loss and X a quantity. */
final class Lexer {
    private static final List<String> OPERATORS = List.of("**", ">=", "<=", "==", "!=", "+=", "-=", "*=", "/=",
            "+", "-", "*", "/", "@", "(", ")", "[", "]", ",", "=", ">", "<", ".", ":");

    private Lexer() {
    }

    /**
     * @param offset the column of the text's first character, minus one
     * @param loss the loss's name, or "" when the file has none
     * @param quantities the names a Leibniz denominator may be
     * @throws SyntaxError at the first character that starts no token
     */
    static List<Token> lex(String text, int offset, String loss, Set<String> quantities) throws SyntaxError {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = name(text, i);
                String word = text.substring(i, j);
                if (!loss.isEmpty() && word.equals("d" + loss) && j + 1 < text.length() && text.charAt(j) == '/'
                        && text.charAt(j + 1) == 'd') {
                    int k = name(text, j + 2);
                    String of = text.substring(j + 2, k);
                    if (quantities.contains(of)) {
                        out.add(new Token(Token.Type.LEIBNIZ, of, offset + i + 1));
                        i = k;
                        continue;
                    }
                }
                out.add(new Token(Token.Type.NAME, word, offset + i + 1));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int j = i;
                while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                if (j < text.length() && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < text.length() && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                        k++;
                    }
                    if (k < text.length() && Character.isDigit(text.charAt(k))) {
                        j = k;
                        while (j < text.length() && Character.isDigit(text.charAt(j))) {
                            j++;
                        }
                    }
                }
                out.add(new Token(Token.Type.NUMBER, text.substring(i, j), offset + i + 1));
                i = j;
            } else {
                String op = null;
                for (String o : OPERATORS) {
                    if (text.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) {
                    String hint = switch (c) {
                        case '^' -> "; numpy writes powers as '**' (and '^' is xor), transposes as '.T'";
                        case '\u2299', '\u2218' -> "; write elementwise products as '*'";
                        case '\u03a3', '\u2211' -> "; write sums as np.sum(A, axis=k, keepdims=True)";
                        default -> "";
                    };
                    throw new SyntaxError(offset + i + 1, "unexpected character '" + c + "'" + hint);
                }
                out.add(new Token(Token.Type.OP, op, offset + i + 1));
                i += op.length();
            }
        }
        out.add(new Token(Token.Type.END, "", offset + text.length() + 1));
        return out;
    }

    private static int name(String text, int i) {
        int j = i;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        return j;
    }
}
