#!/usr/bin/env bash
# Cold audit of the two-layer vectorized derivation (deeplearning.ai's planar network, the issue's
# example): a fresh JVM each run, median of the runs. Target: under 2 s.
# Usage: bench/audit-vectorized.sh [runs] [file]   (LAUNCHER=bin/gradaudit times the fast launcher)
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/audit-cold.sh "${1:-5}" "${2:-derivations/dlai-c1w3-planar.deriv}"
