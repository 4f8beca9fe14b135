#!/usr/bin/env bash
# Benchmark of what integration tests pay for their database (FixtureBenchmark; files in target/bench-fixtures):
# (a) CALL rsx_restore_fixtures() on a 20-table database (5 tables with a foreign key) that rsx's FixtureLoader filled
# from fixture files with ROWS rows per table, after a test's changes (3 tables emptied, 10 rows of 3 tables updated,
# 5 rows inserted into 2 tables): WARMUP untimed runs, then RUNS timed runs, checked exact afterwards (row counts, row
# checksums, next AUTO_INCREMENT ids). For comparison: the procedure without its ALTER TABLE ... AUTO_INCREMENT
# statements and with them alone (RUNS runs each), and a full LogicalSnapshot restore (5 runs).
# (b) start and close of the embedded throw-away database (ThrowawayDatabase.embedded): cold, binaries unpacked from the
# jar into an empty directory (1 run), and warm (5 runs); and a start on a data directory initialised already (5 runs).
# Usage: bench/fixtures.sh                        (RUNS=20 WARMUP=3 ROWS=50: a few minutes on 2 cores)
#        RUNS=3 WARMUP=0 bench/fixtures.sh        (smoke run)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
ROWS=${ROWS:-50}
WORK=target/bench-fixtures
echo "start: $(date -u +%FT%TZ), nproc $(nproc), load:$(uptime | sed 's/.*load average//')"
./mvnw -B -q test-compile -Dinvoker.skip
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -version 2>&1 | head -1
status=0
java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.rsx.bench.FixtureBenchmark \
  "$WORK" "$RUNS" "$WARMUP" "$ROWS" || status=$?
echo "end:   $(date -u +%FT%TZ), load:$(uptime | sed 's/.*load average//')"
# The program stops its servers however it ends (try-with-resources); say so if one is left on a data directory of it.
if pgrep -f "mariadbd.*$(pwd)/$WORK/" >/dev/null; then
  echo "a mariadbd on $WORK is still running: $(pgrep -f "mariadbd.*$(pwd)/$WORK/" | tr '\n' ' ')" >&2
  status=1
fi
exit $status
