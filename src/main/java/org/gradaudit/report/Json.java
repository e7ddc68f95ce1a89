package org.gradaudit.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for report documents: build the document from {@link Map}s (insertion
 * ordered), {@link List}s, strings, numbers, booleans and null, then {@link #write} it. Non-finite
 * doubles become strings ("NaN", "Infinity"), since JSON has no literal for them.
 */
public final class Json {
    private Json() {
    }

    /** An insertion-ordered object builder: {@code Json.object("a", 1, "b", "x")}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("object needs key/value pairs, got " + keysAndValues.length + " items");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The value as indented JSON text. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    private static void write(Object v, StringBuilder out, int indent) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Double d) {
            number(d, out);
        } else if (v instanceof Float f) {
            number(f.doubleValue(), out);
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            object(m, out, indent);
        } else if (v instanceof Collection<?> c) {
            array(new ArrayList<>(c), out, indent);
        } else if (v instanceof double[] a) {
            List<Object> l = new ArrayList<>();
            for (double d : a) {
                l.add(d);
            }
            array(l, out, indent);
        } else if (v instanceof int[] a) {
            List<Object> l = new ArrayList<>();
            for (int i : a) {
                l.add(i);
            }
            array(l, out, indent);
        } else if (v instanceof Enum<?> e) {
            string(e.toString(), out);
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }

    private static void number(double d, StringBuilder out) {
        if (!Double.isFinite(d)) {
            string(Double.toString(d), out);
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            out.append(d);
        }
    }

    private static void object(Map<?, ?> m, StringBuilder out, int indent) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        boolean flat = m.values().stream().allMatch(Json::scalar) && m.size() <= 6;
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            if (flat) {
                out.append(' ');
            } else {
                newline(out, indent + 1);
            }
            string(String.valueOf(e.getKey()), out);
            out.append(": ");
            write(e.getValue(), out, indent + 1);
        }
        if (flat) {
            out.append(" }");
        } else {
            newline(out, indent);
            out.append('}');
        }
    }

    private static void array(List<Object> l, StringBuilder out, int indent) {
        if (l.stream().allMatch(Json::scalar)) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                out.append(i > 0 ? ", " : "");
                write(l.get(i), out, indent);
            }
            out.append(']');
            return;
        }
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
            out.append(i > 0 ? "," : "");
            newline(out, indent + 1);
            write(l.get(i), out, indent + 1);
        }
        newline(out, indent);
        out.append(']');
    }

    private static boolean scalar(Object v) {
        return !(v instanceof Map<?, ?> || v instanceof Collection<?> || v instanceof double[] || v instanceof int[]);
    }

    private static void newline(StringBuilder out, int indent) {
        out.append('\n');
        out.append("  ".repeat(indent));
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || TerminalText.unsafe(c)) { // controls, DEL, C1, bidi and invisible characters
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
