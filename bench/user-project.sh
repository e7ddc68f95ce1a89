#!/usr/bin/env bash
# A new user's first build: clone this repository (its committed HEAD), `mvn install` it, then build
# the minimal user project shown in docs/testing.md (its pom.xml and test, extracted from the page)
# against the installed artifact. Fails when:
#   - the install or the user build prints a [WARNING] (version ranges, retired repositories,
#     overlapping resources in the shaded jar), or the user's tests do not pass;
#   - the user's test classpath holds a logging binding or backend (slf4j-nop, slf4j-simple,
#     logback, log4j-core, log4j-to-slf4j, log4j-slf4j-impl) or picocli, or any version range;
#   - the installed artifact lacks its sources or javadoc jar.
# Prints the user's test classpath (jars and MB, besides JUnit) and the sizes of both jars.
# Usage: bench/user-project.sh              fresh clone, install, user project (1 to 3 minutes, warm ~/.m2)
#        bench/user-project.sh --installed  only the user project, against what `mvn install` of this
#                                           checkout left in ~/.m2 and target/ (what .ci/run does, ~40 s)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "user-project: FAIL: $*" >&2; exit 1; }

if [[ "${1:-}" == "--installed" ]]; then
    built="$root"
else
    built="$work/gradaudit"
    git clone -q "$root" "$built"
    echo "user-project: mvn install of a fresh clone ($(git -C "$built" rev-parse --short HEAD))"
    (cd "$built" && mvn -B -DskipTests install) > "$work/install.log" 2>&1 \
        || { tail -40 "$work/install.log"; fail "mvn install failed"; }
    # The one WARNING allowed: the shade plugin's minimizer names the project when a bundled jar has a
    # module-info (maven-shade-plugin 3.6.0 always logs it with minimizeJar; it is not about resolution).
    if grep -n '^\[WARNING\]' "$work/install.log" | grep -v 'Removing module-info from gradaudit-'; then
        fail "mvn install printed warnings (above)"
    fi
fi
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
installed="$repo/org/gradaudit/gradaudit/0.1.0"
for jar in gradaudit-0.1.0.jar gradaudit-0.1.0-sources.jar gradaudit-0.1.0-javadoc.jar; do
    [[ -s "$installed/$jar" ]] || fail "$installed/$jar was not installed"
done

user="$work/user"
mkdir -p "$user/src/test/java/com/example" "$user/src/test/resources/derivations"
extract() {  # the fenced block between <!-- NAME:begin --> and <!-- NAME:end --> of docs/testing.md
    awk -v b="<!-- $1:begin -->" -v e="<!-- $1:end -->" \
        '$0==b{on=1;next} $0==e{on=0} on && !/^```/' "$root/docs/testing.md"
}
extract user-pom > "$user/pom.xml"
extract user-test > "$user/src/test/java/com/example/MyNetTest.java"
[[ -s "$user/pom.xml" && -s "$user/src/test/java/com/example/MyNetTest.java" ]] || fail "docs/testing.md lost its markers"
cp "$root/derivations/relu-mse.deriv" "$user/src/test/resources/derivations/my-network.deriv"
# Not in the docs: the library chose no logging for the user, at run time too.
cat > "$user/src/test/java/com/example/NoLoggingBindingTest.java" <<'JAVA'
package com.example;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NoLoggingBindingTest {
    @Test
    void noSlf4jBindingAndNoLog4jRouting() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.impl.StaticLoggerBinder"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.logging.slf4j.SLF4JProvider"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
    }
}
JAVA

echo "user-project: mvn test of the user project from docs/testing.md"
(cd "$user" && mvn -B test) > "$work/user.log" 2>&1 || { tail -60 "$work/user.log"; fail "the user's build failed"; }
if grep -n '^\[WARNING\]' "$work/user.log"; then fail "the user's build printed warnings (above)"; fi
grep -q 'Tests run: 3, Failures: 0, Errors: 0' "$work/user.log" || { tail -30 "$work/user.log"; fail "expected 3 passing tests"; }

dep=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
(cd "$user" && mvn -B -q $dep:tree -Dscope=test -DoutputFile="$work/tree.txt") > "$work/tree.log" 2>&1 \
    || { cat "$work/tree.log"; fail "dependency:tree failed"; }
if grep -nE 'slf4j-(nop|simple|log4j12|jdk14|reload4j)|logback|log4j-core|log4j-to-slf4j|log4j-slf4j|picocli' "$work/tree.txt"; then
    fail "the user's test classpath holds the above (a logging binding or the command line's picocli)"
fi
if grep -nE ':\[|\(,|,\)' "$work/tree.txt"; then fail "a version range reached the user's tree (above)"; fi
(cd "$user" && mvn -B -q $dep:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt") > /dev/null 2>&1
tr ':' '\n' < "$work/cp.txt" | grep -vE '/org/junit/|/opentest4j/|/apiguardian/' > "$work/cp-lines.txt"
jars=$(wc -l < "$work/cp-lines.txt")
mb=$(xargs stat -c %s < "$work/cp-lines.txt" | awk '{s += $1} END {printf "%.1f", s / 1e6}')
echo "user-project: test classpath besides JUnit: $jars jars, $mb MB"
echo "user-project: library jar $(stat -c %s "$installed/gradaudit-0.1.0.jar" | awk '{printf "%.2f", $1 / 1e6}') MB," \
    "command-line jar $(stat -c %s "$built/target/gradaudit.jar" | awk '{printf "%.1f", $1 / 1e6}') MB"
echo "user-project: OK"
