package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.Scope;
import org.junit.jupiter.api.Test;

class CanonicalTest {
    private static String of(String s) throws Exception {
        return Canonical.of(ExprParser.parse(s, Scope.of(Set.of("sigmoid"), Set.of("a", "b", "c"))).expr());
    }

    @Test
    void reorderingAndRegroupingSumsAndProductsDoNotMatter() throws Exception {
        assertEquals(of("a*b*c"), of("c*(b*a)"));
        assertEquals(of("a - b + c"), of("c + (-b + a)"));
        assertEquals(of("sigmoid(a*b)*(1 - c)"), of("(-c + 1)*sigmoid(b*a)"));
    }

    @Test
    void anythingElseDoes() throws Exception {
        assertNotEquals(of("a - b"), of("b - a"));
        assertNotEquals(of("a/b"), of("b/a"));
        assertNotEquals(of("a*b"), of("a*b*b"));
        assertNotEquals(of("a^b"), of("b^a"));
    }
}
