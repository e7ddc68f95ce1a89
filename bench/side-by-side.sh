#!/bin/sh
# Side by side with PyTorch (not a test): gradaudit's `check` and torch.autograd.gradcheck on the
# same networks (100-64-1 sigmoid/bce and 784-64-10 sigmoid/softmax cross-entropy, float64, batch
# 32), fast and full mode, each run in its own process (a cold JVM, a fresh Python), RUNS times
# (default 5); prints the median in-process seconds of each side (gradaudit: summary.seconds of its
# JSON; PyTorch: the gradcheck call, timed by bench/torch_gradcheck.py) and PyTorch's median over
# gradaudit's. Run as `bench/check.sh --torch [RUNS]`. PyTorch's slow mode on 784-64-10 takes about
# two minutes a run; TORCH_SLOW_RUNS (default RUNS) sets its number of runs alone.
# Needs the Debian package python3-torch: apt-get update && apt-get install -y python3-torch.
set -e
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SLOW=${TORCH_SLOW_RUNS:-$RUNS}
PY=/usr/bin/python3
if ! $PY -c 'import torch' 2>/dev/null; then
  echo "bench/check.sh --torch needs PyTorch for $PY: apt-get update && apt-get install -y python3-torch" >&2
  exit 2
fi
mvn -B -q -DskipTests package
JAR=target/gradaudit.jar

median() {
  sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# gradaudit LAYERS OUTPUT LOSS MODE [METHOD]: the median of RUNS in-process seconds
gradaudit() {
  layers=$1 output=$2 loss=$3 mode=$4 method=$5
  i=0
  while [ $i -lt "$RUNS" ]; do
    java -jar "$JAR" check --layers "$layers" --output "$output" --loss "$loss" --batch 32 --mode "$mode" \
      ${method:+--method "$method"} --format json | tr -d '\n ' | sed 's/.*"seconds":\([0-9.eE+-]*\).*/\1/'
    echo
    i=$((i + 1))
  done | median
}

# torch LAYERS MODE N: the median of N in-process seconds of gradcheck
torch() {
  i=0
  while [ $i -lt "$3" ]; do
    $PY bench/torch_gradcheck.py "$1" "$2" 32 | cut -d' ' -f1
    i=$((i + 1))
  done | median
}

echo "medians of $RUNS runs (PyTorch slow mode on 784-64-10: $SLOW), in-process seconds, each run its own process"
printf '%-10s %-5s %-22s %12s %12s %10s\n' network mode "gradaudit method" gradaudit pytorch "pytorch/us"
for net in "100,64,1 sigmoid bce" "784,64,10 softmax cross-entropy"; do
  set -- $net
  for mode in fast full; do
    n=$RUNS
    [ "$mode" = full ] && [ "$1" = "784,64,10" ] && n=$SLOW
    t=$(torch "$1" "$mode" "$n")
    if [ "$mode" = fast ]; then methods="default central"; else methods="central complex-step ridders"; fi
    for m in $methods; do
      arg=$m
      [ "$m" = default ] && arg=""
      s=$(gradaudit "$1" "$2" "$3" "$mode" "$arg")
      printf '%-10s %-5s %-22s %12.4f %12.4f %9.1fx\n' "$(echo "$1" | tr , -)" "$mode" \
        "$m$( [ "$m" = default ] && echo " (complex-step)")" "$s" "$t" "$(echo "$t $s" | awk '{ print $1 / $2 }')"
    done
  done
done
