#!/usr/bin/env bash
# Cold start of the tutorial audit: `java -jar target/gradaudit.jar audit FILE`, a fresh JVM each
# run. Prints each run's wall and user CPU time (user CPU, summed over the JVM's threads, is less
# sensitive to other load on a shared machine) and the medians.
# Usage: bench/audit-cold.sh [runs] [file]
# With LAUNCHER=bin/gradaudit, times the launcher (class-data sharing, quick JIT tier) instead.
# With BASELINE=other.jar (or BASELINE=other.jar:its-file, for a jar that reads another version of
# the file), runs that jar too, interleaved with ours run by run, and prints its medians as well.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
file=${2:-derivations/rodriguez-2019-backprop.deriv}
[ -f target/gradaudit.jar ] || mvn -q -DskipTests package
TIMEFORMAT='%R %U'

# one timed run: prints "wall user" in seconds
timed() {
  { time "$@" > /dev/null 2>&1 || [ $? -eq 1 ]; } 2>&1
}

ours() {
  if [ -n "${LAUNCHER:-}" ]; then timed "$LAUNCHER" audit "$file"; else timed java -jar target/gradaudit.jar audit "$file"; fi
}

median() {
  sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

BASELINE=${BASELINE:-}
base_jar=${BASELINE%%:*}
base_file=$file
[ -n "${BASELINE:-}" ] && [ "$BASELINE" != "$base_jar" ] && base_file=${BASELINE#*:}
ours_wall=(); ours_user=(); base_wall=(); base_user=()
for i in $(seq "$runs"); do
  read -r w u < <(ours)
  echo "run $i: ${w} s wall, ${u} s user"
  ours_wall+=("$w"); ours_user+=("$u")
  if [ -n "${BASELINE:-}" ]; then
    read -r w u < <(timed java -jar "$base_jar" audit "$base_file")
    echo "run $i: ${w} s wall, ${u} s user (baseline)"
    base_wall+=("$w"); base_user+=("$u")
  fi
done
echo "median of $runs: $(printf '%s\n' "${ours_wall[@]}" | median) s wall, $(printf '%s\n' "${ours_user[@]}" | median) s user"
if [ -n "${BASELINE:-}" ]; then
  echo "baseline median of $runs: $(printf '%s\n' "${base_wall[@]}" | median) s wall, $(printf '%s\n' "${base_user[@]}" | median) s user"
fi
