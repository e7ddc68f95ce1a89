#!/usr/bin/env bash
# Cold start of the tutorial audit: `java -jar target/gradaudit.jar audit FILE`, a fresh JVM each
# run. Prints each run's wall time and the median. Usage: bench/audit-cold.sh [runs] [file]
# With LAUNCHER=bin/gradaudit, times the launcher (class-data sharing, quick JIT tier) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
file=${2:-derivations/rodriguez-2019-backprop.deriv}
[ -f target/gradaudit.jar ] || mvn -q -DskipTests package
times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  if [ -n "${LAUNCHER:-}" ]; then
    "$LAUNCHER" audit "$file" > /dev/null || [ $? -eq 1 ]
  else
    java -jar target/gradaudit.jar audit "$file" > /dev/null || [ $? -eq 1 ]
  fi
  end=$(date +%s%N)
  t=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
  echo "run $i: ${t} s"
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "median of %d: %.3f s\n", NR, m }'
