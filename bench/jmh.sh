#!/usr/bin/env bash
# JMH benchmark of the core scorer: PHQ-9, WAI-SR and CORE-OM administrations scored per second on one
# thread, pinned to one core. Extra arguments go to JMH (e.g. -f 3 for three forks).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests -pl alliance-bench -am
mkdir -p bench/out
taskset -c 1 java -jar alliance-bench/target/benchmarks.jar ScorerBenchmark \
  -rf json -rff bench/out/jmh-scorer.json "$@" | tee bench/out/jmh-scorer.txt
