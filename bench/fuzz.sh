#!/usr/bin/env bash
# Nightly-sized fuzz run over mutated derivations: the suite's MutatedDerivationsFuzzTest with more
# cases (each audit run in-process with --time-limit 3 and --points 32; exit codes 0, 1 or 2 only,
# no internal error, no stack trace, no terminal escape, each file within its time limit plus a
# margin), over every derivation of the repository (the suite takes only the shorter ones). Prints the counts of exit codes and the slowest file.
# Usage: bench/fuzz.sh [cases] [seed]     e.g. bench/fuzz.sh 3000 7
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-3000}
seed=${2:-20261201}
start=$(date +%s)
mvn -q -Dtest=MutatedDerivationsFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.cases="$cases" -Dfuzz.seed="$seed" -Dfuzz.maxLines=100000 test \
  | grep -a 'MutatedDerivationsFuzzTest:' || true
echo "wall time: $(( $(date +%s) - start )) s"
