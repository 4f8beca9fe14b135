#!/usr/bin/env bash
# Benchmark of the snapshot strategies on one embedded MariaDB the program starts itself (data directory in
# target/bench-snapshot/data): logical create + restore against mariadb-dump + reload, datadir create + restore
# against cp -a of the stopped data directory, and the logical snapshot again at SECOND times the rows per table
# (e.g. 4 or 0.25; 0: not at all). Each measurement: WARMUP untimed runs, then RUNS timed runs (median and all runs).
# 20 tables of INT/VARCHAR/TEXT/BLOB columns, 4 foreign keys, a view and a trigger; ROWS rows per table.
# Usage: bench/snapshot.sh                 (ROWS=7700: about 200 MB; the logical snapshot again at SECOND=4 times
#                                          the rows; the figures in docs/benchmarks.md)
#        ROWS=500 RUNS=1 WARMUP=0 SECOND=0 bench/snapshot.sh   (smoke run, under a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-7700}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
SECOND=${SECOND:-4}
WORK=target/bench-snapshot
echo "start: $(date -u +%FT%TZ), nproc $(nproc), load:$(uptime | sed 's/.*load average//')"
./mvnw -B -q test-compile -Dinvoker.skip
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -version 2>&1 | head -1
status=0
java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.rsx.bench.SnapshotBenchmark \
  "$WORK" "$ROWS" "$RUNS" "$WARMUP" "$SECOND" || status=$?
echo "end:   $(date -u +%FT%TZ), load:$(uptime | sed 's/.*load average//')"
# The program stops its server however it ends (try-with-resources); say so if one is left on its data directory.
if pgrep -f "mariadbd.*$(pwd)/$WORK/data" >/dev/null; then
  echo "a mariadbd on $WORK/data is still running: $(pgrep -f "mariadbd.*$(pwd)/$WORK/data" | tr '\n' ' ')" >&2
  status=1
fi
exit $status
