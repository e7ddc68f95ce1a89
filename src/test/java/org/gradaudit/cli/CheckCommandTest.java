package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckCommandTest {

    /** The real command, in-process: {@link AuditCommandTest#run}. */
    private static AuditCommandTest.Run run(String... args) {
        return AuditCommandTest.run(args);
    }

    @Test
    void theDefaultNetworkPasses() {
        AuditCommandTest.Run r = run("check", "--layers", "2,3,1", "--activation", "sigmoid", "--output", "sigmoid", "--loss", "bce",
                "--batch", "1", "--seed", "1", "--method", "ridders");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("summary: 4 parameters, 13 elements checked, 0 failed"), r.out());
        assertTrue(r.out().contains("tolerance: "));
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @CsvSource({"full, central", "full, ridders", "full, complex-step", "fast, ridders", "fast, complex-step"})
    void thePublishedDz1FailsAndNamesW1AndB1(String mode, String method) {
        AuditCommandTest.Run r = run("check", "--backprop", "published-dz1", "--mode", mode, "--method", method);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\nW1 .*FAIL\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nb1 .*FAIL\\n.*"), r.out());
        assertTrue(r.out().contains("  W1["), r.out());
        assertTrue(r.out().contains("  b1["), r.out());
    }

    @Test
    void jsonFollowsTheContract() {
        AuditCommandTest.Run r = run("check", "--layers", "3,4,2", "--output", "softmax", "--loss", "cross-entropy", "--batch", "2",
                "--backprop", "published-dz1", "--format", "json", "--max-failures", "1");
        assertEquals(1, r.code());
        String j = r.out();
        for (String key : new String[] {"\"tool\": \"gradaudit\"", "\"version\": \"0.1.0\"",
            "\"model\": \"mlp 3-4-2 sigmoid/softmax cross-entropy batch 2, backprop published-dz1\"",
            "\"method\": \"ridders\"", "\"mode\": \"full\"", "\"seed\": 1", "\"name\": \"W1\"", "\"shape\": [4, 3]",
            "\"checked\": 12", "\"max_abs_error\": ", "\"max_rel_error\": ", "\"worst\": {", "\"index\": [",
            "\"kinks\": 0", "\"verdict\": \"fail\"", "\"verdict\": \"pass\"", "\"elements_checked\": 26",
            "\"failed\": 16", "\"unlisted_failures\": 15", "\"seconds\": "}) {
            assertTrue(j.contains(key), key + " in\n" + j);
        }
        assertTrue(j.startsWith("{") && j.strip().endsWith("}"));
    }

    @Test
    void aCorrectReluNetworkPasses() {
        // GradientCheckerTest places a pre-activation exactly at 0; here a seeded relu net passes.
        AuditCommandTest.Run r = run("check", "--layers", "3,5,2", "--activation", "relu", "--output", "softmax", "--loss",
                "cross-entropy", "--batch", "3", "--method", "central");
        assertEquals(0, r.code(), r.out());
    }

    @Test
    void aUserModelIsChecked() {
        AuditCommandTest.Run ok = run("check", "--model", "com.example.LogisticRegression", "--seed", "3");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("com.example.LogisticRegression"));
        AuditCommandTest.Run off = run("check", "--model", TestModels.OffByALittle.class.getName(), "--method", "central");
        assertEquals(1, off.code(), off.out() + off.err());
        assertTrue(off.out().contains("  w[0,1]: analytic -1.99900"), off.out());
    }

    @Test
    void fastModeWithoutAMethodUsesTheComplexStepWhereTheLossHasOneElseRidders() {
        AuditCommandTest.Run builtIn = run("check", "--layers", "4,5,3", "--output", "softmax", "--loss", "cross-entropy", "--mode",
                "fast");
        assertEquals(0, builtIn.code(), builtIn.out() + builtIn.err());
        assertTrue(builtIn.out().contains("method complex-step, mode fast (1 random direction over all parameters)"),
                builtIn.out());
        AuditCommandTest.Run model = run("check", "--model", TestModels.OffByALittle.class.getName(), "--mode", "fast");
        assertEquals(1, model.code(), model.out() + model.err());
        assertTrue(model.out().contains("method ridders, mode fast"), model.out());
        assertTrue(model.out().contains("  w[0,1]: analytic -1.99900"), model.out());
        // A correct model costs one direction over all its parameters, as the built-in network does.
        AuditCommandTest.Run correct = run("check", "--model", "com.example.LogisticRegression", "--mode", "fast",
                "--format", "json");
        assertEquals(0, correct.code(), correct.out() + correct.err());
        assertEquals(2, correct.out().split("\"directions\": 1,", -1).length - 1, correct.out());
        AuditCommandTest.Run full = run("check", "--layers", "4,5,3", "--output", "softmax", "--loss", "cross-entropy");
        assertTrue(full.out().contains("method ridders, mode full"), full.out());
    }

    @Test
    void aUserModelLoadsFromAClasspath() {
        Path classes = Path.of("target", "test-classes");
        AuditCommandTest.Run r = run("check", "--classpath", classes.toString(), "--model", "com.example.LogisticRegression");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--activation|softsign|unknown activation 'softsign' (one of sigmoid, tanh, relu, identity)",
        "--loss|hinge|unknown loss 'hinge' (one of bce, cross-entropy, mse)",
        "--output|tanh|unknown output 'tanh'",
        "--method|forward|unknown method 'forward'",
        "--method|rider|unknown method 'rider'; did you mean 'ridders'?",
        "--layers|2,0,1|layer sizes must be positive, but size 2 of [2-0-1] is 0",
        "--layers|-3,1|layer sizes must be positive",
        "--batch|0|batch must be positive",
        "--model|com.example.Missing|--model com.example.Missing: class not found",
        "--model|org.gradaudit.cli.TestModels$Throwing|threw java.lang.IllegalStateException: no data loaded in loss",
        "--model|org.gradaudit.cli.TestModels$NanLoss|loss at the initial parameters is NaN",
        "--model|org.gradaudit.cli.TestModels$WrongLength|gradient returned 3 elements, but its parameters hold 4",
        "--model|org.gradaudit.cli.TestModels$NanGradient|gradient element w[1,0] is NaN",
        "--model|org.gradaudit.cli.TestModels$NotAModel|does not implement org.gradaudit.testing.GradientModel",
        "--classpath|no/such.jar|--classpath needs --model CLASS"})
    void badInputIsOneMessageAndExitTwo(String option, String value, String message) {
        AuditCommandTest.Run r = run("check", option, value);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void complexStepOnAUserModelIsBadInput() {
        AuditCommandTest.Run r = run("check", "--model", "com.example.LogisticRegression", "--method", "complex-step");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("complex extension"), r.err());
    }

    @Test
    void helpGivesEachMethodsStepAndAccuracy() {
        AuditCommandTest.Run r = run("check", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("h = cbrt(eps) max(1,|x|)"));
        assertTrue(r.out().contains("first steps 0.1 and 0.01"), r.out());
        assertTrue(r.out().contains("h = 1e-20"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "check --model com.example.LogisticRegression --layers 9,9,9|--layers describes the built-in network and"
                + " cannot be combined with --model",
        "check --model com.example.LogisticRegression --activation tanh --loss mse|--activation, --loss describe",
        "check derivations/relu-mse.deriv --layers 2,3,1|--layers describes the built-in network and cannot be"
                + " combined with a derivation FILE",
        "check derivations/relu-mse.deriv --backprop published-dz1|--backprop describes",
        "check derivations/relu-mse.deriv --model com.example.LogisticRegression|cannot be combined",
        "check --directions 4|--directions applies to --mode fast only",
        "check --classpath target|--classpath needs --model CLASS",
        "audit --brief --format json derivations/relu-mse.deriv|--brief applies to the text format",
        "check --time-limit 0|must be more than 0",
        "check --time-limit 1,5|is not a number of seconds"})
    void optionsThatDoNotApplyAreRefusedNotIgnored(String args, String message) {
        AuditCommandTest.Run r = run(args.split(" "));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void theTimeLimitTakesFractions() {
        AuditCommandTest.Run r = run("check", "--time-limit", "0.75", "--mode", "fast", "--directions", "4");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void badInputInJsonIsStillADocument() {
        AuditCommandTest.Run r = run("check", "--format", "json", "--model", "com.example.Missing");
        assertEquals(2, r.code());
        assertTrue(r.out().matches("(?s)\\{\\s*\"tool\": \"gradaudit\",\\s*\"version\": \"[^\"]+\",\\s*\"error\": "
                + "\"--model com.example.Missing: class not found in the classpath\"\\s*}\\s*"), r.out());
    }
}
