#!/bin/sh
# Side by side with PyTorch (not a test): gradaudit's `check` and torch.autograd.gradcheck on the
# same networks (100-64-1 sigmoid/bce and 784-64-10 sigmoid/softmax cross-entropy, float64, batch
# 32), fast and full mode, each run in its own process (a cold JVM, a fresh Python), RUNS times
# (default 5); prints the median in-process seconds of each side (gradaudit: summary.seconds of its
# JSON; PyTorch: the gradcheck call, timed by bench/torch_gradcheck.py) and PyTorch's median over
# gradaudit's. Run as `bench/check.sh --torch [RUNS]`. PyTorch's slow mode on 784-64-10 takes about
# two minutes a run; TORCH_SLOW_RUNS (default RUNS) sets its number of runs alone. The fast-mode
# rows are also run through bin/gradaudit (its class-data-sharing archive for check), and every row
# also gives the median wall time of the whole process (JVM or Python start-up, building the network
# and its backprop gradient, the check, the report), which the in-process seconds leave out.
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
bin/gradaudit check --layers 2,3,1 > /dev/null  # makes its class-data-sharing archive, outside the timing

median() {
  sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

now() {
  date +%s%N
}

# gradaudit LAUNCHER LAYERS OUTPUT LOSS MODE [METHOD]: "median-in-process median-wall" of RUNS runs
gradaudit() {
  launcher=$1 layers=$2 output=$3 loss=$4 mode=$5 method=$6
  : > target/side.in
  : > target/side.wall
  i=0
  while [ $i -lt "$RUNS" ]; do
    start=$(now)
    $launcher check --layers "$layers" --output "$output" --loss "$loss" --batch 32 --mode "$mode" \
      ${method:+--method "$method"} --format json > target/side.json
    end=$(now)
    tr -d '\n ' < target/side.json | sed 's/.*"seconds":\([0-9.eE+-]*\).*/\1/' >> target/side.in
    echo >> target/side.in
    echo "$start $end" | awk '{ printf "%.4f\n", ($2 - $1) / 1e9 }' >> target/side.wall
    i=$((i + 1))
  done
  echo "$(median < target/side.in) $(median < target/side.wall)"
}

# torch LAYERS MODE N: "median-in-process median-wall" of N runs of gradcheck
torch() {
  : > target/side.in
  : > target/side.wall
  i=0
  while [ $i -lt "$3" ]; do
    start=$(now)
    $PY bench/torch_gradcheck.py "$1" "$2" 32 | cut -d' ' -f1 >> target/side.in
    end=$(now)
    echo "$start $end" | awk '{ printf "%.4f\n", ($2 - $1) / 1e9 }' >> target/side.wall
    i=$((i + 1))
  done
  echo "$(median < target/side.in) $(median < target/side.wall)"
}

echo "medians of $RUNS runs (PyTorch slow mode on 784-64-10: $SLOW), each run its own process;"
echo "in-process: gradaudit's summary.seconds, PyTorch's gradcheck call; wall: the whole process"
printf '%-10s %-5s %-40s %10s %10s %9s %9s %9s %9s\n' network mode "gradaudit method (launcher)" \
  "us in-p" "torch in-p" "torch/us" "us wall" "torch wall" "torch/us"
for net in "100,64,1 sigmoid bce" "784,64,10 softmax cross-entropy"; do
  set -- $net
  for mode in fast full; do
    n=$RUNS
    [ "$mode" = full ] && [ "$1" = "784,64,10" ] && n=$SLOW
    t=$(torch "$1" "$mode" "$n")
    if [ "$mode" = fast ]; then
      rows="default|java central|java default|bin central|bin"
    else
      rows="central|java complex-step|java ridders|java"
    fi
    for row in $rows; do
      m=${row%|*}
      launcher="java -jar $JAR"
      [ "${row#*|}" = bin ] && launcher=bin/gradaudit
      arg=$m
      [ "$m" = default ] && arg=""
      s=$(gradaudit "$launcher" "$1" "$2" "$3" "$mode" "$arg")
      label="$m$( [ "$m" = default ] && echo " (complex-step)") ($( [ "${row#*|}" = bin ] && echo bin/gradaudit || echo java -jar))"
      echo "$s $t" | awk -v net="$(echo "$1" | tr , -)" -v mode="$mode" -v label="$label" \
        '{ printf "%-10s %-5s %-40s %10.4f %10.4f %8.1fx %9.3f %9.3f %8.1fx\n", net, mode, label, $1, $3, $3 / $1, $2, $4, $4 / $2 }'
    done
  done
done
