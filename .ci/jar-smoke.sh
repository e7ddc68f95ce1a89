#!/usr/bin/env bash
# The command-line jar is minimized (maven-shade-plugin's minimizeJar) and no unit test runs it:
# run each command once from target/gradaudit.jar and check its exit code, so that a class the
# minimizer dropped shows up here rather than in a user's hands.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/gradaudit.jar
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
expect() {  # expected exit code, then the command's arguments
    local want=$1; shift
    set +e; java -jar "$jar" "$@" > "$out" 2>&1; local got=$?; set -e
    if [[ $got != "$want" ]]; then
        cat "$out"; echo "jar-smoke: FAIL: exit $got, expected $want: gradaudit $*" >&2; exit 1
    fi
    if grep -qE 'gradaudit: internal error|^\s+at .+\.java:[0-9]+\)' "$out"; then
        cat "$out"; echo "jar-smoke: FAIL: gradaudit $*" >&2; exit 1
    fi
}
expect 0 audit derivations/rodriguez-2019-backprop-corrected.deriv
expect 1 audit --format json derivations/
expect 0 derive derivations/three-layer-sigmoid.deriv
expect 1 check derivations/rodriguez-2019-backprop.deriv
expect 0 check --layers 3,4,2 --output softmax --loss cross-entropy --batch 2 --method complex-step
expect 1 check --layers 2,3,1 --backprop published-dz1 --mode fast --format junit
expect 0 check --classpath target/test-classes --model com.example.LogisticRegression
expect 0 completion
expect 0 man
echo "jar-smoke: OK"
