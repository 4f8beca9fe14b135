#!/usr/bin/env bash
# Benchmark of rsx:migrate against the floor: N generated raw-SQL migrations applied by the plugin, and the same
# statements sent over plain JDBC, on one MariaDB server started for the run (loopback, normal grants).
#
# Usage: bench/run.sh                      N=200 migrations, RUNS=3 timed runs per operation (after one warm-up)
#        N=20 RUNS=1 bench/run.sh          smoke run (well under two minutes)
# Other settings (environment): WARMUP=1 (untimed runs before the timed ones), SKIP_BUILD=1 (use the plugin already
# in ~/.m2), MARIADB_HOME (default ~/.rsx/binaries/mariadb-11.4.5-linux, as unpacked by the plugin),
# BREAK_JDBC=1 (self-test of the check: adds a column on the JDBC side after the runs, so the run must fail),
# RSX_ARGS (extra arguments for every rsx goal; default -Drsx.mode=production: the server is on loopback, where
# rsx:migrate would otherwise default to development mode and time a snapshot as well).
#
# Every timed operation runs in a fresh process; the time is wall-clock around that process (date +%s%N). The
# results go to bench/target/results.md and stdout. Exits non-zero when the plugin and JDBC do not end with the
# same columns and row counts.
set -euo pipefail

N=${N:-200}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
TARGET=$BENCH/target
PROJECT=$TARGET/project
MIGRATIONS=$PROJECT/src/main/resources/db/migrations
SERVER_DIR=$TARGET/mariadb
MARIADB_HOME=${MARIADB_HOME:-$HOME/.rsx/binaries/mariadb-11.4.5-linux}
MVNW=$ROOT/mvnw
COMMAND="N=$N RUNS=$RUNS${RSX_ARGS:+ RSX_ARGS='$RSX_ARGS'} bench/run.sh"
DB_USER=bench
DB_PASSWORD='bench-Pw-1'

exec 3>&2   # the script's own stderr: progress stays visible even inside redirected commands and traps
log() { printf '[bench] %s\n' "$*" >&3; }
die() { log "ERROR: $*"; exit 1; }

[[ $N =~ ^[0-9]+$ && $N -gt 0 ]] || die "N must be a positive number, not '$N'"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || die "RUNS must be a positive number, not '$RUNS'"
[[ -x $MARIADB_HOME/bin/mariadbd ]] || die "no MariaDB binaries in $MARIADB_HOME (run any rsx goal once on the embedded database to unpack them, or set MARIADB_HOME)"

# ---------------------------------------------------------------------------------------------------------------
# The server: one mariadbd for the whole run, stopped by the trap whatever happens.
SERVER_PID=
stop_server() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        log "stopping MariaDB (pid $SERVER_PID)"
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            log "MariaDB did not stop in 30 s; killing it"
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    python3 - <<'PY' 2>/dev/null && return 0
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 4<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    die "found no free port"
}

export LD_LIBRARY_PATH=$MARIADB_HOME/libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
as_root=()
[[ $(id -u) -eq 0 ]] && as_root=(--user=root)   # mariadbd refuses to run as root without it

sql_root() { "$MARIADB_HOME/bin/mariadb" --no-defaults --skip-ssl -h127.0.0.1 -P"$PORT" -uroot -N -B "$@"; }

start_server() {
    rm -rf "$SERVER_DIR"
    mkdir -p "$SERVER_DIR/data" "$SERVER_DIR/tmp"
    log "initialising a MariaDB data directory in $SERVER_DIR/data"
    (cd "$MARIADB_HOME" && scripts/mariadb-install-db --no-defaults --basedir="$MARIADB_HOME" \
        --datadir="$SERVER_DIR/data" --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve --force \
        "${as_root[@]}" > "$SERVER_DIR/install.log" 2>&1) || { cat "$SERVER_DIR/install.log" >&2; die "mariadb-install-db failed"; }
    PORT=$(free_port)
    log "starting MariaDB on 127.0.0.1:$PORT"
    "$MARIADB_HOME/bin/mariadbd" --no-defaults --basedir="$MARIADB_HOME" --datadir="$SERVER_DIR/data" \
        --tmpdir="$SERVER_DIR/tmp" --socket="$SERVER_DIR/mariadb.sock" --pid-file="$SERVER_DIR/mariadb.pid" \
        --port="$PORT" --bind-address=127.0.0.1 --skip-name-resolve --skip-ssl \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --log-error="$SERVER_DIR/error.log" "${as_root[@]}" < /dev/null > "$SERVER_DIR/console.log" 2>&1 3>&- &
    SERVER_PID=$!
    for _ in $(seq 1 240); do
        if sql_root -e 'SELECT 1' > /dev/null 2>&1; then break; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_DIR/error.log" >&2; die "mariadbd exited"; }
        sleep 0.5
    done
    sql_root -e 'SELECT 1' > /dev/null || die "MariaDB did not answer within 120 s"
    # A user with a password and grants on the benchmark databases only: no --skip-grant-tables, no root.
    sql_root -e "CREATE USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
                 GRANT ALL PRIVILEGES ON \`rsx\\_%\`.* TO '$DB_USER'@'127.0.0.1';
                 GRANT ALL PRIVILEGES ON \`jdbc\\_%\`.* TO '$DB_USER'@'127.0.0.1';"
}

recreate() {   # drop and create a database: not timed
    sql_root -e "DROP DATABASE IF EXISTS \`$1\`; CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
}

url_of() { echo "jdbc:mysql://127.0.0.1:$PORT/$1"; }

# ---------------------------------------------------------------------------------------------------------------
# Timing: every operation in a fresh process, WARMUP untimed runs, then RUNS timed ones; median reported.
declare -a ROWS=()
now_ns() { date +%s%N; }
median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

# measure <label> <prepare-function or -> <command...>; prints progress, appends a result row.
measure() {
    local label=$1 prepare=$2; shift 2
    local i start end ns times="" shown=""
    for ((i = 1; i <= WARMUP + RUNS; i++)); do
        [[ $prepare != - ]] && "$prepare"
        start=$(now_ns)
        "$@" > "$TARGET/last-run.log" 2>&1 || { cat "$TARGET/last-run.log" >&2; die "$label failed: $*"; }
        end=$(now_ns)
        ns=$((end - start))
        if ((i > WARMUP)); then
            times+="$ns "
            shown+="$(secs "$ns") "
        fi
        log "$label: run $i/$((WARMUP + RUNS))$( ((i <= WARMUP)) && echo ' (warm-up)') $(secs "$ns") s"
    done
    local med
    med=$(echo "$times" | median)
    ROWS+=("$label|$(secs "$med")|${shown% }")
    LAST_MEDIAN_NS=$med
}

# ---------------------------------------------------------------------------------------------------------------
START_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$TARGET"

PLUGIN_VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)
CONNECTOR_VERSION=$(sed -n 's:.*<mysql.connector.version>\(.*\)</mysql.connector.version>.*:\1:p' "$ROOT/pom.xml")
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "building and installing rsx-maven-plugin $PLUGIN_VERSION"
    (cd "$ROOT" && ./mvnw -B -q install -DskipTests -Dinvoker.skip)
fi
CONNECTOR_JAR=$HOME/.m2/repository/com/mysql/mysql-connector-j/$CONNECTOR_VERSION/mysql-connector-j-$CONNECTOR_VERSION.jar
[[ -f $CONNECTOR_JAR ]] || die "no $CONNECTOR_JAR (build the plugin first)"

log "generating a throw-away project with $N migrations in $PROJECT"
rm -rf "$PROJECT"
mkdir -p "$PROJECT"
cat > "$PROJECT/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <!-- Generated by bench/run.sh; deleted and rewritten on every run. -->
  <groupId>dev.rsx.bench</groupId>
  <artifactId>rsx-bench</artifactId>
  <version>1.0.0</version>
  <packaging>jar</packaging>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.rsx</groupId>
        <artifactId>rsx-maven-plugin</artifactId>
        <version>$PLUGIN_VERSION</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
"$BENCH/generate.sh" "$MIGRATIONS" "$N" > /dev/null

start_server
MARIADB_VERSION=$(sql_root -e 'SELECT VERSION()')

# Credentials reach the plugin through its environment fallback (RSX_DB_USER / RSX_DB_PASSWORD).
export RSX_DB_USER=$DB_USER RSX_DB_PASSWORD=$DB_PASSWORD
unset RSX_DB_URL
mvn_in_project() { (cd "$PROJECT" && "$MVNW" -B -q "$@"); }

# The generated files are recorded in rsx.sum, as rsx:new would have done; production mode refuses unrecorded ones.
mvn_in_project rsx:hash > /dev/null

RSX_ARGS=${RSX_ARGS--Drsx.mode=production}
RSX_APPLY="rsx:migrate -Drsx.url=$(url_of rsx_apply) -Drsx.normalize.skip=true $RSX_ARGS"
RSX_DEFAULT="rsx:migrate -Drsx.url=$(url_of rsx_default) $RSX_ARGS"
RSX_STATUS="rsx:status -Drsx.url=$(url_of rsx_apply) $RSX_ARGS"
JDBC_URL="$(url_of jdbc_floor)?user=$DB_USER&password=$DB_PASSWORD"

prepare_rsx_apply() { recreate rsx_apply; }
prepare_rsx_default() { recreate rsx_default; }
prepare_jdbc() { recreate jdbc_floor; }
jdbc_floor() {
    java -cp "$CONNECTOR_JAR" "$BENCH/JdbcFloor.java" "$JDBC_URL" "$MIGRATIONS" > "$TARGET/jdbc-floor.out"
    cat "$TARGET/jdbc-floor.out"
    JDBC_INTERNAL_MS+="$(sed -n 's/.* in \([0-9]*\) ms$/\1/p' "$TARGET/jdbc-floor.out") "
}

log "Maven start-up: mvn validate"
measure "(e) mvn validate of the same project (Maven start-up, no plugin goal)" - mvn_in_project validate
VALIDATE_NS=$LAST_MEDIAN_NS

log "rsx:migrate applying $N migrations to an empty database, normalization skipped"
# shellcheck disable=SC2086
measure "(a) rsx:migrate, apply $N to an empty database (rsx.normalize.skip=true)" prepare_rsx_apply mvn_in_project $RSX_APPLY
APPLY_NS=$LAST_MEDIAN_NS

log "rsx:migrate no-op re-run, normalization skipped"
# shellcheck disable=SC2086
measure "(b) rsx:migrate, no-op re-run, $N applied (rsx.normalize.skip=true)" - mvn_in_project $RSX_APPLY
NOOP_NS=$LAST_MEDIAN_NS

log "rsx:status"
# shellcheck disable=SC2086
measure "(c) rsx:status, $N applied" - mvn_in_project $RSX_STATUS

log "rsx:migrate applying $N migrations to an empty database, with the default normalization"
# shellcheck disable=SC2086
measure "(a') rsx:migrate, apply $N to an empty database (defaults: normalization included)" prepare_rsx_default mvn_in_project $RSX_DEFAULT

log "rsx:migrate no-op re-run, with the default normalization"
# shellcheck disable=SC2086
measure "(b') rsx:migrate, no-op re-run, $N applied (defaults: normalization check included)" - mvn_in_project $RSX_DEFAULT

log "JDBC floor"
JDBC_INTERNAL_MS=""
measure "(d) JDBC floor, whole process (JVM start + source compile + statements)" prepare_jdbc jdbc_floor
# The floor's own clock (connection open to last statement), for the timed runs only.
JDBC_TIMED_MS=$(echo "$JDBC_INTERNAL_MS" | tr ' ' '\n' | sed '/^$/d' | tail -n "$RUNS" | tr '\n' ' ')
JDBC_MED_MS=$(echo "$JDBC_TIMED_MS" | median)
ROWS+=("(d) JDBC floor, statements only (its own clock)|$(awk -v ms="$JDBC_MED_MS" 'BEGIN { printf "%.2f", ms / 1000 }')|$(for ms in $JDBC_TIMED_MS; do awk -v ms="$ms" 'BEGIN { printf "%.2f ", ms / 1000 }'; done | sed 's/ $//')")

# ---------------------------------------------------------------------------------------------------------------
# Same end state? Columns and row counts of rsx_apply (plugin, no normalization) and jdbc_floor.
if [[ ${BREAK_JDBC:-0} == 1 ]]; then
    log "BREAK_JDBC=1: adding a column on the JDBC side; the comparison must fail"
    sql_root -e "ALTER TABLE jdbc_floor.t0_items ADD COLUMN break_jdbc INT NULL"
fi
columns_of() {
    sql_root -e "SELECT table_name, column_name, column_type FROM information_schema.columns
                 WHERE table_schema = '$1' AND UPPER(table_name) NOT LIKE 'DATABASECHANGELOG%'
                 ORDER BY table_name, ordinal_position"
}
counts_of() {
    local t
    for t in $(sql_root -e "SELECT table_name FROM information_schema.tables WHERE table_schema = '$1'
                            AND UPPER(table_name) NOT LIKE 'DATABASECHANGELOG%' ORDER BY table_name"); do
        printf '%s %s\n' "$t" "$(sql_root -e "SELECT COUNT(*) FROM \`$1\`.\`$t\`")"
    done
}
columns_of rsx_apply > "$TARGET/columns-rsx.txt"
columns_of jdbc_floor > "$TARGET/columns-jdbc.txt"
counts_of rsx_apply > "$TARGET/rows-rsx.txt"
counts_of jdbc_floor > "$TARGET/rows-jdbc.txt"
APPLIED=$(sql_root -e "SELECT COUNT(*) FROM rsx_apply.DATABASECHANGELOG")
SAME=yes
if ! diff -u "$TARGET/columns-jdbc.txt" "$TARGET/columns-rsx.txt" > "$TARGET/columns.diff"; then
    SAME=no; log "columns differ:"; head -40 "$TARGET/columns.diff" >&2
fi
if ! diff -u "$TARGET/rows-jdbc.txt" "$TARGET/rows-rsx.txt" > "$TARGET/rows.diff"; then
    SAME=no; log "row counts differ:"; head -40 "$TARGET/rows.diff" >&2
fi
[[ $APPLIED == "$N" ]] || { SAME=no; log "DATABASECHANGELOG has $APPLIED rows, expected $N"; }
[[ -s $TARGET/columns-jdbc.txt ]] || { SAME=no; log "the JDBC floor created no tables"; }
NORMALIZED_COLUMNS=$(columns_of rsx_default | wc -l)
TABLES=$(wc -l < "$TARGET/rows-jdbc.txt")
COLUMNS=$(wc -l < "$TARGET/columns-jdbc.txt")
ROWCOUNT=$(awk '{ s += $2 } END { print s + 0 }' "$TARGET/rows-jdbc.txt")

stop_server

# ---------------------------------------------------------------------------------------------------------------
OVERHEAD_MS=$(awk -v a="$APPLY_NS" -v v="$VALIDATE_NS" -v j="$JDBC_MED_MS" -v n="$N" \
    'BEGIN { printf "%.1f", ((a - v) / 1e6 - j) / n }')
MARGINAL_MS=$(awk -v a="$APPLY_NS" -v b="$NOOP_NS" -v j="$JDBC_MED_MS" -v n="$N" \
    'BEGIN { printf "%.1f", ((a - b) / 1e6 - j) / n }')
JAVA_VERSION=$(java -version 2>&1 | head -1)
MAVEN_VERSION=$("$MVNW" -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$ROOT" status --porcelain -- src/main pom.xml 2>/dev/null) ]]; then COMMIT+=" + uncommitted changes in src/main"; fi
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
END_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

{
    echo "# rsx:migrate benchmark"
    echo
    echo "Command: \`$COMMAND\` ($N generated migrations, $WARMUP warm-up + $RUNS timed runs per operation, each in a fresh process)"
    echo
    echo "| Operation | Median (s) | Runs (s) |"
    echo "|---|---:|---|"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r op med runs <<< "$row"
        echo "| $op | $med | $runs |"
    done
    echo
    echo "Derived (not measured directly): per-migration overhead of rsx:migrate over the JDBC floor"
    echo "= ((a) − (e) − (d) statements only) / N = $OVERHEAD_MS ms per migration; this spreads the plugin's fixed cost"
    echo "(plugin class loading, Liquibase start-up, tracking-table creation) over the N migrations. Without that fixed"
    echo "cost, ((a) − (b) − (d) statements only) / N = $MARGINAL_MS ms per migration."
    echo
    echo "End state: $TABLES tables, $COLUMNS columns, $ROWCOUNT rows; plugin (normalization skipped) and JDBC floor"
    echo "identical: $SAME. With the default normalization the plugin's schema has $NORMALIZED_COLUMNS columns."
    echo
    echo "Machine: $(nproc) CPUs ($CPU), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM;"
    echo "load average at start $START_LOAD, at end $END_LOAD."
    echo "JDK: $JAVA_VERSION. Maven: $MAVEN_VERSION (wrapper). MariaDB: $MARIADB_VERSION (loopback TCP, user with password)."
    echo "Plugin: dev.rsx:rsx-maven-plugin:$PLUGIN_VERSION built from commit $COMMIT; JDBC driver: mysql-connector-j $CONNECTOR_VERSION."
} | tee "$TARGET/results.md"

[[ $SAME == yes ]] || { log "FAILED: the plugin and the JDBC floor ended with different schemas or data"; exit 1; }
