#!/bin/sh
# Benchmark of `gradaudit check` (not a test): builds the test classes and runs
# org.gradaudit.bench.CheckBench on the 784-64-10 softmax/cross-entropy MLP at batch 32,
# full and fast mode with each method, median of 5 runs. Extra argument: layer sizes.
# bench/check.sh --false-alarms [N]: N seeded correct networks (default 1000), every method, both modes.
# bench/check.sh --bare-floor [N] [SEED] [defaults]: N random networks from the testing API's NetworkSpace
# (seeded; each mismatch prints its case), Ridders at tolerance 0, or with `defaults` at GradientOptions'
# default allowance.
# bench/check.sh --torch [RUNS]: side by side with PyTorch's gradcheck (bench/side-by-side.sh), when
# python3-torch is installed (apt-get update && apt-get install -y python3-torch).
set -e
cd "$(dirname "$0")/.."
if [ "$1" = "--torch" ]; then
  shift
  exec sh bench/side-by-side.sh "$@"
fi
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
if [ "$1" = "--false-alarms" ]; then
  shift
  exec java -cp "$CP" org.gradaudit.bench.FalseAlarmRuns "$@"
fi
if [ "$1" = "--bare-floor" ]; then
  shift
  exec java -cp "$CP" org.gradaudit.bench.BareFloorRuns "$@"
fi
exec java -cp "$CP" org.gradaudit.bench.CheckBench "$@"
