#!/usr/bin/env bash
# Benchmark of schema normalization: TABLES generated tables (each with a foreign key to the previous one, latin1,
# INT/TEXT/FLOAT/DATETIME columns) and ROWS rows per table, normalized once, then the no-op second run.
# Usage: bench/normalize.sh            (200 tables x 10,000 rows, the figures in docs/benchmarks.md)
#        TABLES=20 ROWS=100 bench/normalize.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TABLES=${TABLES:-200}
ROWS=${ROWS:-10000}
./mvnw -B -q test-compile -Dinvoker.skip
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.rsx.bench.NormalizeBenchmark \
  "$TABLES" "$ROWS" target/bench-normalize
