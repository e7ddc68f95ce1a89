#!/bin/sh
# Benchmark of `gradaudit check` (not a test): builds the test classes and runs
# org.gradaudit.bench.CheckBench on the 784-64-10 softmax/cross-entropy MLP at batch 32,
# full mode with each method and fast mode, median of 5 runs. Extra argument: layer sizes.
# bench/check.sh --false-alarms [N]: N seeded correct networks (default 1000), every method.
# bench/check.sh --bare-floor [N] [SEED]: N random networks from the testing API's NetworkSpace (seeded; each
# mismatch prints its case), Ridders at tolerance 0.
set -e
cd "$(dirname "$0")/.."
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
