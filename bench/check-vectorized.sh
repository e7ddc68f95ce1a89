#!/usr/bin/env bash
# Benchmark of `gradaudit check FILE --dims` on a vectorized derivation (not a test): each run in its own
# JVM, the in-process seconds of the check itself from the JSON report (summary.seconds: the gradient
# check, not JVM start-up, parsing or the code lines' run), median of RUNS runs, for fast mode (its default
# method, the complex step) and full mode with each method. Acceptance at 784-64-10, m = 32: fast mode
# under 0.5 s, full mode under 5 s.
# Usage: bench/check-vectorized.sh [RUNS] [FILE] [DIMS]
#   default: 5 derivations/nielsen-network2-minibatch.deriv n0=784,n1=64,n2=10,m=32
#   e.g. bench/check-vectorized.sh 5 derivations/cs231n-case-study.deriv N=32,D=784,n_h=64,K=10
# METHODS="complex-step ridders" restricts full mode's methods; JAR=... runs another jar.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
FILE="${2:-derivations/nielsen-network2-minibatch.deriv}"
DIMS="${3:-n0=784,n1=64,n2=10,m=32}"
JAR="${JAR:-target/gradaudit.jar}"
METHODS="${METHODS:-complex-step central ridders}"
[ -f "$JAR" ] || mvn -B -q -DskipTests package
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
seconds() { grep -o '"seconds": [0-9.eE+-]*' | tail -1 | awk '{ print $2 }'; }
one() { # mode, method (empty: the default), runs
  local mode="$1" method="$2" all=""
  for _ in $(seq "$3"); do
    local out
    out=$(java -jar "$JAR" check "$FILE" --dims "$DIMS" --mode "$mode" ${method:+--method "$method"} \
      --format json) || [ $? -eq 1 ]
    all="$all$(echo "$out" | seconds)"$'\n'
  done
  printf '%-5s %-13s median %8.3f s   runs: %s\n' "$mode" "${method:-default}" \
    "$(printf '%s' "$all" | grep . | median)" "$(printf '%s' "$all" | grep . | tr '\n' ' ')"
}
echo "check $FILE --dims $DIMS, $RUNS runs each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
one fast "" "$RUNS"
for m in $METHODS; do
  one full "$m" "$RUNS"
done
