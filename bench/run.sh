#!/usr/bin/env bash
# Benchmark of rsx:migrate against its peers and the floor, in one run against one MariaDB server started for the
# run (loopback, normal grants): N generated raw-SQL migrations (bench/generate.sh) applied by
#   - rsx:migrate in production mode (RSX_ARGS) and in development mode (a logical snapshot first),
#   - flyway:migrate (flyway-maven-plugin FLYWAY_VERSION with flyway-mysql), the same files renamed
#     V<version>__<description>.sql,
#   - liquibase:update (liquibase-maven-plugin 4.33.0), the same files under one <includeAll>, one changeset each
#     (with a two-line formatted-SQL header, so that Liquibase splits them into statements at ';' as the others do),
#   - a plain JDBC program sending the same statements (the floor, bench/JdbcFloor.java), and the same program
#     running each migration as one transaction ended by a history row and a commit (d'), as the tools record them,
# plus `mvn validate` (Maven's own start-up). Each tool has its own database on that server and its own generated
# Maven project in bench/target; the peers are benchmark-only and never dependencies of the plugin.
#
# Usage: bench/run.sh                      N=200 migrations, RUNS=3 timed rounds (after one warm-up round);
#                                          about 3 minutes on a busy 2-core machine, the build included
#        N=20 RUNS=1 bench/run.sh          smoke run (.ci/run), the peers included: about 80 s there
#        N=1000 RUNS=3 bench/run.sh        the larger case: about 6 minutes there
#        N=10000 TOOLS=rsx bench/run.sh    the scale case: rsx:migrate in production mode, the floors and Maven only
#                                          (about 5 minutes on a quiet machine; the peers at this size take far longer)
#        LATENCY_MS=5 bench/run.sh         every tool and floor through a 10 ms round trip (about 10 minutes with the
#                                          peers: Flyway's apply alone takes over a minute)
# The first run on a machine downloads flyway-maven-plugin, flyway-mysql and liquibase-maven-plugin with their
# dependencies (about 10 MB, 10 s here) from Maven Central into ~/.m2, in an untimed step before the measurements;
# later runs need no network for them.
# Other settings (environment): WARMUP=1 (untimed rounds before the timed ones), SKIP_BUILD=1 (use the plugin already
# in ~/.m2), MARIADB_HOME (default ~/.rsx/binaries/mariadb-11.4.5-linux, as unpacked by the plugin),
# BREAK_JDBC=1 (self-test of the check: adds a column on the JDBC side after the runs, so the run must fail),
# RSX_ARGS (extra arguments for every rsx goal; default -Drsx.mode=production: the server is on loopback, where
# rsx:migrate would otherwise default to development mode and time a snapshot as well; the development-mode rows
# append -Drsx.mode=development), FLYWAY_VERSION (default 11.20.3, the latest 11.x when this was written),
# TOOLS (default rsx,rsx-normalize,rsx-dev,flyway,liquibase: which rows run besides the JDBC floors and mvn validate;
# rsx is (a) to (c), rsx-normalize (a') and (b'), rsx-dev the development-mode rows; the ratios to the peers are only
# printed when both peers ran), GENERAL_LOG=1 (the server writes every statement to bench/target/mariadb/general.log: to see where a tool's time
# goes; it slows every tool down, so do not compare timings of such a run), LATENCY_MS (default 0: every tool and
# both floors reach the server through bench/DelayProxy.java, which delivers every byte that many milliseconds after
# it arrived, in both directions, as a server across a network would: each connection and each statement then costs
# round trips as it would on a remote server; the targets are stated for loopback, so judge them on runs without it).
#
# Every timed operation runs in a fresh process; the time is wall-clock around that process (date +%s%N). The runs go
# in rounds: WARMUP untimed warm-up rounds, then RUNS timed rounds, and every round runs each group once. The groups,
# in this order: mvn validate; rsx (a), (b), (c); rsx-normalize (a'), (b'); rsx-dev (a-dev), (b-dev); flyway (f),
# (g), (h); liquibase (i), (j), (k); the JDBC floors (d), (d'); only the tools in TOOLS. Within a group the operations keep
# that order (the apply, which recreates the tool's database, before the no-op re-run and the status that read it).
# The groups' order rotates: of G groups, round r (counted from 1) starts with group (r - 1) mod G, so that no tool
# always follows the same one and the load drifting during a run falls on every tool alike. The results go to
# bench/target/results.md and stdout: every operation's median and timed runs (in run order, in the groups' order
# above), then the ratios the targets name and whether each is met, and the same targets round by round. Exits
# non-zero when a tool does not end with the same columns and row counts as the JDBC floor (tracking tables
# excluded), naming the tool and the first difference.
set -euo pipefail

N=${N:-200}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
TARGET=$BENCH/target
PROJECT=$TARGET/project
MIGRATIONS=$PROJECT/src/main/resources/db/migrations
FLYWAY_PROJECT=$TARGET/flyway
LIQUIBASE_PROJECT=$TARGET/liquibase
FLYWAY_VERSION=${FLYWAY_VERSION:-11.20.3}
LIQUIBASE_VERSION=4.33.0   # the version the issue names; also the liquibase-core inside rsx-maven-plugin
SERVER_DIR=$TARGET/mariadb
MARIADB_HOME=${MARIADB_HOME:-$HOME/.rsx/binaries/mariadb-11.4.5-linux}
MVNW=$ROOT/mvnw
LATENCY_MS=${LATENCY_MS:-0}
COMMAND="N=$N RUNS=$RUNS${RSX_ARGS:+ RSX_ARGS='$RSX_ARGS'}${TOOLS:+ TOOLS=$TOOLS}$( ((LATENCY_MS > 0)) && echo " LATENCY_MS=$LATENCY_MS" || true) bench/run.sh"
DB_USER=bench
DB_PASSWORD='bench-Pw-1'

exec 3>&2   # the script's own stderr: progress stays visible even inside redirected commands and traps
log() { printf '[bench] %s\n' "$*" >&3; }
die() { log "ERROR: $*"; exit 1; }

[[ $N =~ ^[0-9]+$ && $N -gt 0 ]] || die "N must be a positive number, not '$N'"
[[ $LATENCY_MS =~ ^[0-9]+$ ]] || die "LATENCY_MS must be a whole number of milliseconds, not '$LATENCY_MS'"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || die "RUNS must be a positive number, not '$RUNS'"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a number, not '$WARMUP'"
TOOLS=${TOOLS:-rsx,rsx-normalize,rsx-dev,flyway,liquibase}
for tool in ${TOOLS//,/ }; do
    [[ $tool =~ ^(rsx|rsx-normalize|rsx-dev|flyway|liquibase)$ ]] ||
        die "TOOLS: unknown '$tool' (known: rsx, rsx-normalize, rsx-dev, flyway, liquibase)"
done
has() { [[ ",$TOOLS," == *",$1,"* ]]; }
has rsx || die "TOOLS must include rsx: every target is about rsx:migrate"
PEERS=no
has flyway && has liquibase && PEERS=yes
[[ -x $MARIADB_HOME/bin/mariadbd ]] || die "no MariaDB binaries in $MARIADB_HOME (run any rsx goal once on the embedded database to unpack them, or set MARIADB_HOME)"

# ---------------------------------------------------------------------------------------------------------------
# The server: one mariadbd for the whole run, stopped by the trap whatever happens.
SERVER_PID=
PROXY_PID=
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
    if [[ -n $PROXY_PID ]]; then
        kill "$PROXY_PID" 2>/dev/null || true
        wait "$PROXY_PID" 2>/dev/null || true
        PROXY_PID=
    fi
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
general_log=()
[[ ${GENERAL_LOG:-0} == 1 ]] && general_log=(--general-log --general-log-file="$SERVER_DIR/general.log")

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
        --log-error="$SERVER_DIR/error.log" "${general_log[@]}" "${as_root[@]}" < /dev/null > "$SERVER_DIR/console.log" 2>&1 3>&- &
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
                 GRANT ALL PRIVILEGES ON \`jdbc\\_%\`.* TO '$DB_USER'@'127.0.0.1';
                 GRANT ALL PRIVILEGES ON \`flyway\\_%\`.* TO '$DB_USER'@'127.0.0.1';
                 GRANT ALL PRIVILEGES ON \`liquibase\\_%\`.* TO '$DB_USER'@'127.0.0.1';"
}

recreate() {   # drop and create a database: not timed
    sql_root -e "DROP DATABASE IF EXISTS \`$1\`; CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
}

# The tools' port: the server's, or with LATENCY_MS the delaying proxy's in front of it (started with the server).
TOOL_PORT=
url_of() { echo "jdbc:mysql://127.0.0.1:$TOOL_PORT/$1"; }

start_latency_proxy() {
    TOOL_PORT=$PORT
    ((LATENCY_MS > 0)) || return 0
    TOOL_PORT=$(free_port)
    log "starting bench/DelayProxy.java on 127.0.0.1:$TOOL_PORT: $LATENCY_MS ms each way to the server"
    java "$BENCH/DelayProxy.java" "$TOOL_PORT" "$PORT" "$LATENCY_MS" > "$SERVER_DIR/proxy.log" 2>&1 &
    PROXY_PID=$!
    for _ in $(seq 1 60); do grep -q listening "$SERVER_DIR/proxy.log" 2>/dev/null && return 0; sleep 0.5; done
    cat "$SERVER_DIR/proxy.log" >&2
    die "bench/DelayProxy.java did not start"
}

# ---------------------------------------------------------------------------------------------------------------
# Timing: every operation in a fresh process, in rounds: WARMUP untimed rounds, then RUNS timed ones, each selected
# group once per round, in an order that rotates from round to round; median reported.
declare -a ROWS=()
now_ns() { date +%s%N; }
median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

# operation <key> <label> <prepare-function or -> <command-function>: registers an operation (not run yet).
declare -A OP_LABEL=() OP_PREPARE=() OP_COMMAND=() OP_TIMES=() OP_SHOWN=() MEDIAN_NS=()
operation() { OP_LABEL[$1]=$2 OP_PREPARE[$1]=$3 OP_COMMAND[$1]=$4 OP_TIMES[$1]="" OP_SHOWN[$1]=""; }

# group <name> <key...>: a tool's operations, run in this order within every round (its apply, which recreates the
# database, before the no-op re-run and the status that read it). The table lists the groups in this order too.
declare -a GROUP_NAMES=() GROUP_KEYS=()
group() { local name=$1; shift; GROUP_NAMES+=("$name"); GROUP_KEYS+=("$*"); }

# run_once <key> <round>: one run of an operation, timed from round WARMUP + 1 on; prints progress.
run_once() {
    local key=$1 round=$2 start end ns
    [[ ${OP_PREPARE[$key]} != - ]] && "${OP_PREPARE[$key]}"
    start=$(now_ns)
    "${OP_COMMAND[$key]}" > "$TARGET/last-run.log" 2>&1 ||
        { cat "$TARGET/last-run.log" >&2; die "${OP_LABEL[$key]} failed in round $round: ${OP_COMMAND[$key]}"; }
    end=$(now_ns)
    ns=$((end - start))
    if ((round > WARMUP)); then
        OP_TIMES[$key]+="$ns "
        OP_SHOWN[$key]+="$(secs "$ns") "
    fi
    log "round $round/$((WARMUP + RUNS))$( ((round <= WARMUP)) && echo ' (warm-up)') ${OP_LABEL[$key]}: $(secs "$ns") s"
}

# ---------------------------------------------------------------------------------------------------------------
START_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$TARGET"

# Read before the run, which may outlast commits made meanwhile.
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$ROOT" status --porcelain -- src/main pom.xml 2>/dev/null) ]]; then COMMIT+=" + uncommitted changes in src/main"; fi
PLUGIN_VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)
CONNECTOR_VERSION=$(sed -n 's:.*<mysql.connector.version>\(.*\)</mysql.connector.version>.*:\1:p' "$ROOT/pom.xml")
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "building and installing rsx-maven-plugin $PLUGIN_VERSION"
    (cd "$ROOT" && ./mvnw -B -q install -DskipTests -Dinvoker.skip)
fi
CONNECTOR_JAR=$HOME/.m2/repository/com/mysql/mysql-connector-j/$CONNECTOR_VERSION/mysql-connector-j-$CONNECTOR_VERSION.jar
[[ -f $CONNECTOR_JAR ]] || die "no $CONNECTOR_JAR (build the plugin first)"

# write_pom <directory> <artifactId> <plugin element>: a throw-away project whose build has that one plugin.
write_pom() {
    rm -rf "$1"
    mkdir -p "$1"
    cat > "$1/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <!-- Generated by bench/run.sh; deleted and rewritten on every run. -->
  <groupId>dev.rsx.bench</groupId>
  <artifactId>$2</artifactId>
  <version>1.0.0</version>
  <packaging>jar</packaging>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <build>
    <plugins>
$3
    </plugins>
  </build>
</project>
EOF
}

log "generating a throw-away project with $N migrations in $PROJECT"
write_pom "$PROJECT" rsx-bench "      <plugin>
        <groupId>dev.rsx</groupId>
        <artifactId>rsx-maven-plugin</artifactId>
        <version>$PLUGIN_VERSION</version>
      </plugin>"
"$BENCH/generate.sh" "$MIGRATIONS" "$N" > /dev/null

if has flyway; then
    # The peers get the very same files. Flyway wants V<version>__<description>.sql: the rsx name's timestamp is the
    # version, the rest the description. Its location is a plain directory (filesystem:), as rsx reads its own.
    log "generating the Flyway $FLYWAY_VERSION project in $FLYWAY_PROJECT"
    write_pom "$FLYWAY_PROJECT" flyway-bench "      <plugin>
            <groupId>org.flywaydb</groupId>
            <artifactId>flyway-maven-plugin</artifactId>
            <version>$FLYWAY_VERSION</version>
            <configuration>
              <locations>
                <location>filesystem:\${project.basedir}/migrations</location>
              </locations>
            </configuration>
            <dependencies>
              <dependency>
                <groupId>org.flywaydb</groupId>
                <artifactId>flyway-mysql</artifactId>
                <version>$FLYWAY_VERSION</version>
              </dependency>
              <dependency>
                <groupId>com.mysql</groupId>
                <artifactId>mysql-connector-j</artifactId>
                <version>$CONNECTOR_VERSION</version>
              </dependency>
            </dependencies>
          </plugin>"
    mkdir -p "$FLYWAY_PROJECT/migrations"
    for file in "$MIGRATIONS"/*.sql; do
        name=$(basename "$file")
        cp "$file" "$FLYWAY_PROJECT/migrations/V${name%%_*}__${name#*_}"
    done

fi

if has liquibase; then
    # Liquibase: a master changelog (the benchmark's own XML) including every .sql file of one directory, in
    # alphabetical order, which is version order here. A plain .sql file would be one changeset whose whole text is
    # sent as ONE statement (Liquibase 4.33's SqlChangeLogParser sets splitStatements=false), which MySQL refuses
    # for a file with two statements (1064) unless the URL has allowMultiQueries=true, and that would also save
    # Liquibase the round trips the others pay. So every copy gets the two header lines of a formatted SQL
    # changelog and stays one changeset, now split at ';' like rsx and Flyway do (formatted SQL's defaults:
    # splitStatements=true, endDelimiter ';', runInTransaction=true). The statements themselves are unchanged.
    log "generating the Liquibase $LIQUIBASE_VERSION project in $LIQUIBASE_PROJECT"
    write_pom "$LIQUIBASE_PROJECT" liquibase-bench "      <plugin>
            <groupId>org.liquibase</groupId>
            <artifactId>liquibase-maven-plugin</artifactId>
            <version>$LIQUIBASE_VERSION</version>
            <configuration>
              <changeLogFile>changelog/master.xml</changeLogFile>
            </configuration>
            <dependencies>
              <dependency>
                <groupId>com.mysql</groupId>
                <artifactId>mysql-connector-j</artifactId>
                <version>$CONNECTOR_VERSION</version>
              </dependency>
            </dependencies>
          </plugin>"
    mkdir -p "$LIQUIBASE_PROJECT/changelog/migrations"
    for file in "$MIGRATIONS"/*.sql; do
        name=$(basename "$file" .sql)
        { printf -- '--liquibase formatted sql\n--changeset bench:%s\n' "$name"; cat "$file"; } \
            > "$LIQUIBASE_PROJECT/changelog/migrations/$name.sql"
    done
    cat > "$LIQUIBASE_PROJECT/changelog/master.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by bench/run.sh: every .sql file of migrations/ is one changeset (formatted SQL), in file-name order. -->
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                                       http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
  <includeAll path="migrations/" relativeToChangelogFile="true"/>
</databaseChangeLog>
EOF

fi

start_server
start_latency_proxy
MARIADB_VERSION=$(sql_root -e 'SELECT VERSION()')

# Credentials reach the plugin through its environment fallback (RSX_DB_USER / RSX_DB_PASSWORD).
export RSX_DB_USER=$DB_USER RSX_DB_PASSWORD=$DB_PASSWORD
unset RSX_DB_URL
mvn_in() { local dir=$1; shift; (cd "$dir" && "$MVNW" -B -q "$@"); }
mvn_in_project() { mvn_in "$PROJECT" "$@"; }
mvn_in_flyway() { mvn_in "$FLYWAY_PROJECT" "$@"; }
mvn_in_liquibase() { mvn_in "$LIQUIBASE_PROJECT" "$@"; }

# The generated files are recorded in rsx.sum, as rsx:new would have done; production mode refuses unrecorded ones.
mvn_in_project rsx:hash > /dev/null

RSX_ARGS=${RSX_ARGS--Drsx.mode=production}
RSX_APPLY="rsx:migrate -Drsx.url=$(url_of rsx_apply) -Drsx.normalize.skip=true $RSX_ARGS"
RSX_DEFAULT="rsx:migrate -Drsx.url=$(url_of rsx_default) $RSX_ARGS"
RSX_STATUS="rsx:status -Drsx.url=$(url_of rsx_apply) $RSX_ARGS"
# Development mode: the same as (a)/(b) but for the mode (the last -Drsx.mode wins), so the difference is the
# snapshot taken before applying (logical: the server is not the plugin's own) and removed after success.
RSX_DEV="rsx:migrate -Drsx.url=$(url_of rsx_dev) -Drsx.normalize.skip=true $RSX_ARGS -Drsx.mode=development"
JDBC_URL="$(url_of jdbc_floor)?user=$DB_USER&password=$DB_PASSWORD"
JDBC_TRACKED_URL="$(url_of jdbc_tracked)?user=$DB_USER&password=$DB_PASSWORD"
# The peers with their defaults, apart from what only costs time or wants the network: Liquibase's analytics
# (on by default; it fetches its configuration from config.liquibase.com and posts usage data) and its banner.
# There is no hub mode in 4.33. Flyway needs no switch for MariaDB 11.4: through mysql-connector-j it reports
# "MySQL 11.4" and runs as MySQL, without a warning.
FLYWAY_ARGS="-Dflyway.url=$(url_of flyway_apply) -Dflyway.user=$DB_USER -Dflyway.password=$DB_PASSWORD"
LIQUIBASE_ARGS="-Dliquibase.url=$(url_of liquibase_apply) -Dliquibase.username=$DB_USER -Dliquibase.password=$DB_PASSWORD
    -Dliquibase.analytics.enabled=false -Dliquibase.showBanner=false"

prepare_rsx_apply() { recreate rsx_apply; }
prepare_rsx_default() { recreate rsx_default; }
prepare_rsx_dev() { recreate rsx_dev; }
prepare_flyway() { recreate flyway_apply; }
prepare_liquibase() { recreate liquibase_apply; }
prepare_jdbc() { recreate jdbc_floor; }
prepare_jdbc_tracked() { recreate jdbc_tracked; }
jdbc_floor() {
    java -cp "$CONNECTOR_JAR" "$BENCH/JdbcFloor.java" "$JDBC_URL" "$MIGRATIONS" > "$TARGET/jdbc-floor.out"
    cat "$TARGET/jdbc-floor.out"
    JDBC_INTERNAL_MS+="$(sed -n 's/.* in \([0-9]*\) ms$/\1/p' "$TARGET/jdbc-floor.out") "
}
# The floor as a recording tool runs it: each migration one transaction, ended by a history row and a commit.
jdbc_floor_tracked() {
    java -cp "$CONNECTOR_JAR" "$BENCH/JdbcFloor.java" "$JDBC_TRACKED_URL" "$MIGRATIONS" tracked > "$TARGET/jdbc-tracked.out"
    cat "$TARGET/jdbc-tracked.out"
    JDBC_TRACKED_INTERNAL_MS+="$(sed -n 's/.* in \([0-9]*\) ms$/\1/p' "$TARGET/jdbc-tracked.out") "
}
# The timed commands (the args variables are split into words on purpose).
mvn_validate() { mvn_in_project validate; }
# shellcheck disable=SC2086
rsx_apply() { mvn_in_project $RSX_APPLY; }
# shellcheck disable=SC2086
rsx_status() { mvn_in_project $RSX_STATUS; }
# shellcheck disable=SC2086
rsx_default() { mvn_in_project $RSX_DEFAULT; }
# shellcheck disable=SC2086
rsx_dev() { mvn_in_project $RSX_DEV; }
# shellcheck disable=SC2086
flyway_migrate() { mvn_in_flyway flyway:migrate $FLYWAY_ARGS; }
# shellcheck disable=SC2086
flyway_info() { mvn_in_flyway flyway:info $FLYWAY_ARGS; }
# shellcheck disable=SC2086
liquibase_update() { mvn_in_liquibase liquibase:update $LIQUIBASE_ARGS; }
# shellcheck disable=SC2086
liquibase_status() { mvn_in_liquibase liquibase:status $LIQUIBASE_ARGS; }

operation e "(e) mvn validate of the same project (Maven start-up, no plugin goal)" - mvn_validate
operation a "(a) rsx:migrate, apply $N to an empty database (rsx.normalize.skip=true)" prepare_rsx_apply rsx_apply
operation b "(b) rsx:migrate, no-op re-run, $N applied (rsx.normalize.skip=true)" - rsx_apply
operation c "(c) rsx:status, $N applied" - rsx_status
operation a_norm "(a') rsx:migrate, apply $N to an empty database (defaults: normalization included)" prepare_rsx_default rsx_default
operation b_norm "(b') rsx:migrate, no-op re-run, $N applied (defaults: normalization check included)" - rsx_default
operation a_dev "(a-dev) rsx:migrate development mode, apply $N to an empty database (snapshot first; rsx.normalize.skip=true)" prepare_rsx_dev rsx_dev
operation b_dev "(b-dev) rsx:migrate development mode, no-op re-run, $N applied (rsx.normalize.skip=true)" - rsx_dev
operation f "(f) flyway:migrate, apply $N to an empty database" prepare_flyway flyway_migrate
operation g "(g) flyway:migrate, no-op re-run, $N applied" - flyway_migrate
operation h "(h) flyway:info, $N applied" - flyway_info
operation i "(i) liquibase:update, apply $N to an empty database" prepare_liquibase liquibase_update
operation j "(j) liquibase:update, no-op re-run, $N applied" - liquibase_update
operation k "(k) liquibase:status, $N applied" - liquibase_status
operation d "(d) JDBC floor, whole process (JVM start + source compile + statements)" prepare_jdbc jdbc_floor
operation d_tracked "(d') JDBC floor with a history row and a commit per migration, whole process" prepare_jdbc_tracked jdbc_floor_tracked

group "mvn validate" e
group rsx a b c   # always: TOOLS must include rsx
if has rsx-normalize; then group rsx-normalize a_norm b_norm; fi
if has rsx-dev; then group rsx-dev a_dev b_dev; fi
if has flyway; then group flyway f g h; fi
if has liquibase; then group liquibase i j k; fi
group "JDBC floor" d d_tracked

# Untimed: the first run on a machine downloads the peer plugins and their dependencies from Maven Central here,
# so that no timed run (nor a warm-up with WARMUP=0) includes a download. One info/status run of each pulls in
# everything their goals load.
PEERS_CACHED=no
[[ -d $HOME/.m2/repository/org/flywaydb/flyway-maven-plugin/$FLYWAY_VERSION &&
   -d $HOME/.m2/repository/org/liquibase/liquibase-maven-plugin/$LIQUIBASE_VERSION ]] && PEERS_CACHED=yes
RESOLVE_SECS=0
if has flyway || has liquibase; then
    log "resolving the peer plugins (already in ~/.m2: $PEERS_CACHED); not timed"
    resolve_started=$(now_ns)
    if has flyway; then
        prepare_flyway
        flyway_info > "$TARGET/resolve-flyway.log" 2>&1 ||
            { cat "$TARGET/resolve-flyway.log" >&2; die "flyway:info failed (is Maven Central reachable?)"; }
    fi
    if has liquibase; then
        prepare_liquibase
        liquibase_status > "$TARGET/resolve-liquibase.log" 2>&1 ||
            { cat "$TARGET/resolve-liquibase.log" >&2; die "liquibase:status failed (is Maven Central reachable?)"; }
    fi
    RESOLVE_SECS=$(secs $(($(now_ns) - resolve_started)))
    log "peer plugins resolved and run once in $RESOLVE_SECS s"
fi

# Round r (from 1) runs the groups starting with group (r - 1) mod G: no tool always follows the same one, and the
# load's drift during the run falls on every tool alike.
JDBC_INTERNAL_MS="" JDBC_TRACKED_INTERNAL_MS=""
GROUP_COUNT=${#GROUP_KEYS[@]}
for ((round = 1; round <= WARMUP + RUNS; round++)); do
    order=() names=""
    for ((n = 0; n < GROUP_COUNT; n++)); do
        index=$(((round - 1 + n) % GROUP_COUNT))
        order+=("${GROUP_KEYS[index]}")
        names+="${GROUP_NAMES[index]}, "
    done
    log "round $round/$((WARMUP + RUNS))$( ((round <= WARMUP)) && echo ' (warm-up)'): ${names%, }"
    for keys in "${order[@]}"; do
        for key in $keys; do run_once "$key" "$round"; done
    done
done

# Every operation's median and timed runs, in the groups' order (the floor's group last).
for keys in "${GROUP_KEYS[@]}"; do
    for key in $keys; do
        MEDIAN_NS[$key]=$(echo "${OP_TIMES[$key]}" | median)
        ROWS+=("${OP_LABEL[$key]}|$(secs "${MEDIAN_NS[$key]}")|${OP_SHOWN[$key]% }")
    done
done
VALIDATE_NS=${MEDIAN_NS[e]}
APPLY_NS=${MEDIAN_NS[a]}
NOOP_NS=${MEDIAN_NS[b]}
if has rsx-normalize; then
    DEFAULT_APPLY_NS=${MEDIAN_NS[a_norm]}
    DEFAULT_NOOP_NS=${MEDIAN_NS[b_norm]}
fi
if has rsx-dev; then DEV_APPLY_NS=${MEDIAN_NS[a_dev]}; fi
if has flyway; then
    FLYWAY_APPLY_NS=${MEDIAN_NS[f]}
    FLYWAY_NOOP_NS=${MEDIAN_NS[g]}
fi
if has liquibase; then
    LIQUIBASE_APPLY_NS=${MEDIAN_NS[i]}
    LIQUIBASE_NOOP_NS=${MEDIAN_NS[j]}
fi

# The floors' own clocks (connection open to last statement), for the timed runs only.
timed_runs() { echo "$1" | tr ' ' '\n' | sed '/^$/d' | tail -n "$RUNS" | tr '\n' ' '; }
clock_row() {   # clock_row <label> <timed ms>: a table row in seconds
    ROWS+=("$1|$(awk -v ms="$(echo "$2" | median)" 'BEGIN { printf "%.2f", ms / 1000 }')|$(for ms in $2; do awk -v ms="$ms" 'BEGIN { printf "%.2f ", ms / 1000 }'; done | sed 's/ $//')")
}
JDBC_TIMED_MS=$(timed_runs "$JDBC_INTERNAL_MS")
JDBC_MED_MS=$(echo "$JDBC_TIMED_MS" | median)
JDBC_TRACKED_TIMED_MS=$(timed_runs "$JDBC_TRACKED_INTERNAL_MS")
JDBC_TRACKED_MED_MS=$(echo "$JDBC_TRACKED_TIMED_MS" | median)
clock_row "(d) JDBC floor, statements only (its own clock)" "$JDBC_TIMED_MS"
clock_row "(d') JDBC floor with history rows, statements and rows only (its own clock)" "$JDBC_TRACKED_TIMED_MS"

# ---------------------------------------------------------------------------------------------------------------
# Same end state? Every tool's database against the JDBC floor's: columns (table, column, type) and row counts,
# without the tools' own tracking tables, plus N migrations recorded in each tracking table.
if [[ ${BREAK_JDBC:-0} == 1 ]]; then
    log "BREAK_JDBC=1: adding a column on the JDBC side; the comparison must fail"
    sql_root -e "ALTER TABLE jdbc_floor.t0_items ADD COLUMN break_jdbc INT NULL"
fi
TRACKING_TABLES="'DATABASECHANGELOG', 'DATABASECHANGELOGLOCK', 'FLYWAY_SCHEMA_HISTORY', 'FLOOR_HISTORY'"
columns_of() {
    sql_root -e "SELECT table_name, column_name, column_type FROM information_schema.columns
                 WHERE table_schema = '$1' AND UPPER(table_name) NOT IN ($TRACKING_TABLES)
                 ORDER BY table_name, ordinal_position"
}
# One client for all tables: at 10,000 migrations a client per table took 8 of the run's 22 minutes.
counts_of() {
    sql_root -e "SELECT table_name FROM information_schema.tables WHERE table_schema = '$1'
                 AND UPPER(table_name) NOT IN ($TRACKING_TABLES) ORDER BY table_name" \
        | while read -r t; do printf "SELECT CONCAT('%s', ' ', COUNT(*)) FROM \`%s\`.\`%s\`;\n" "$t" "$1" "$t"; done \
        | sql_root
}
# The first changed line of a unified diff (floor '-', tool '+').
first_difference() { grep -E '^[-+]' "$1" | grep -v -E '^(---|\+\+\+) ' | head -1; }

FAILURES=()
# check_end_state <tool> <database> <query counting the migrations the tool recorded>
check_end_state() {
    local tool=$1 db=$2 recorded what
    columns_of "$db" > "$TARGET/columns-$db.txt"
    counts_of "$db" > "$TARGET/rows-$db.txt"
    for what in columns rows; do
        if ! diff -u "$TARGET/$what-jdbc_floor.txt" "$TARGET/$what-$db.txt" > "$TARGET/$what-$db.diff"; then
            FAILURES+=("$tool (database $db): $what differ from the JDBC floor; first difference (- floor, + $tool): $(first_difference "$TARGET/$what-$db.diff")")
        fi
    done
    recorded=$(sql_root -e "$3")
    [[ $recorded == "$N" ]] || FAILURES+=("$tool (database $db): $recorded migrations recorded, expected $N")
}
columns_of jdbc_floor > "$TARGET/columns-jdbc_floor.txt"
counts_of jdbc_floor > "$TARGET/rows-jdbc_floor.txt"
[[ -s $TARGET/columns-jdbc_floor.txt ]] || FAILURES+=("JDBC floor (database jdbc_floor): created no tables")
check_end_state "JDBC floor with history rows" jdbc_tracked "SELECT COUNT(*) FROM jdbc_tracked.floor_history"
check_end_state "rsx:migrate production" rsx_apply "SELECT COUNT(*) FROM rsx_apply.DATABASECHANGELOG"
if has rsx-dev; then
    check_end_state "rsx:migrate development" rsx_dev "SELECT COUNT(*) FROM rsx_dev.DATABASECHANGELOG"
fi
if has flyway; then
    check_end_state "flyway:migrate" flyway_apply \
        "SELECT COUNT(*) FROM flyway_apply.flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
fi
if has liquibase; then
    check_end_state "liquibase:update" liquibase_apply "SELECT COUNT(*) FROM liquibase_apply.DATABASECHANGELOG"
fi
# Development mode removes its snapshot after success: a shadow schema left over would be a plugin bug.
LEFT_SNAPSHOTS=$(sql_root -e "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name LIKE 'rsx\\_snap\\_%'")
[[ $LEFT_SNAPSHOTS == 0 ]] || log "WARNING: $LEFT_SNAPSHOTS snapshot schema(s) rsx_snap_* left on the server after the development-mode runs"
SAME=yes
if ((${#FAILURES[@]} > 0)); then
    SAME=no
    for failure in "${FAILURES[@]}"; do log "DIFFERENT: $failure"; done
fi
NORMALIZED_COLUMNS=$(has rsx-normalize && columns_of rsx_default | wc -l || echo "(not measured)")
TABLES=$(wc -l < "$TARGET/rows-jdbc_floor.txt")
COLUMNS=$(wc -l < "$TARGET/columns-jdbc_floor.txt")
ROWCOUNT=$(awk '{ s += $2 } END { print s + 0 }' "$TARGET/rows-jdbc_floor.txt")

stop_server

# ---------------------------------------------------------------------------------------------------------------
# The issue's limits, used by the verdicts on medians and round by round.
NOOP_RATIO_LIMIT=0.75          # no-op rsx:migrate / flyway:migrate
APPLY_RATIO_LIMIT=0.60         # apply rsx:migrate / the faster peer
OVERHEAD_LIMIT_MS=2.0          # ((a) − (e) − (d) statements only) / N
NOOP_OVER_MAVEN_LIMIT_S=2.0    # (b) − (e), stated for N=10,000
# The targets' ratios, from medians of this run. verdict <value> <limit>: MET when value <= limit. The value functions
# print rounded for the tables, and with UNROUNDED as their last argument the digits a verdict needs (a no-op of
# 2.504 s against Flyway's 3.324 s is 0.7533: rounded to 0.75 it would pass the limit of 0.75).
UNROUNDED=%.9f
ratio() { awk -v x="$1" -v y="$2" -v format="${3:-%.2f}" 'BEGIN { printf format, x / y }'; }
# (awk, not bash arithmetic: a median of an even number of runs can be fractional)
at_most() { awk -v v="$1" -v l="$2" 'BEGIN { exit !(v <= l) }'; }
verdict() { if at_most "$1" "$2"; then echo MET; else echo "NOT MET"; fi; }
# per_migration_ms <apply ns> <ns to subtract> [format] [floor ms, default (d)]: ((apply − that) − floor) / N
per_migration_ms() {
    awk -v a="$1" -v b="$2" -v format="${3:-%.1f}" -v j="${4:-$JDBC_MED_MS}" -v n="$N" \
        'BEGIN { printf format, ((a - b) / 1e6 - j) / n }'
}
noop_over_maven_s() { awk -v b="$NOOP_NS" -v e="$VALIDATE_NS" -v format="${1:-%.2f}" 'BEGIN { printf format, (b - e) / 1e9 }'; }
OVERHEAD_MS=$(per_migration_ms "$APPLY_NS" "$VALIDATE_NS")
OVERHEAD_VERDICT=$(verdict "$(per_migration_ms "$APPLY_NS" "$VALIDATE_NS" "$UNROUNDED")" "$OVERHEAD_LIMIT_MS")
MARGINAL_MS=$(per_migration_ms "$APPLY_NS" "$NOOP_NS")
RECORDING_MS=$(awk -v t="$JDBC_TRACKED_MED_MS" -v j="$JDBC_MED_MS" -v n="$N" 'BEGIN { printf "%.1f", (t - j) / n }')
OVER_TRACKED_MS=$(per_migration_ms "$APPLY_NS" "$VALIDATE_NS" %.1f "$JDBC_TRACKED_MED_MS")
NOOP_OVER_MAVEN_S=$(noop_over_maven_s)
NOOP_OVER_MAVEN_VERDICT=$(verdict "$(noop_over_maven_s "$UNROUNDED")" "$NOOP_OVER_MAVEN_LIMIT_S")
if [[ $PEERS == yes ]]; then
    if at_most "$FLYWAY_APPLY_NS" "$LIQUIBASE_APPLY_NS"; then
        FASTER_PEER="Flyway (f)"; FASTER_PEER_NS=$FLYWAY_APPLY_NS
    else
        FASTER_PEER="Liquibase (i)"; FASTER_PEER_NS=$LIQUIBASE_APPLY_NS
    fi
    NOOP_RATIO=$(ratio "$NOOP_NS" "$FLYWAY_NOOP_NS")
    APPLY_RATIO=$(ratio "$APPLY_NS" "$FASTER_PEER_NS")
    NOOP_VERDICT=$(verdict "$(ratio "$NOOP_NS" "$FLYWAY_NOOP_NS" "$UNROUNDED")" "$NOOP_RATIO_LIMIT")
    APPLY_VERDICT=$(verdict "$(ratio "$APPLY_NS" "$FASTER_PEER_NS" "$UNROUNDED")" "$APPLY_RATIO_LIMIT")
    FLYWAY_OVERHEAD_MS=$(per_migration_ms "$FLYWAY_APPLY_NS" "$VALIDATE_NS")
    LIQUIBASE_OVERHEAD_MS=$(per_migration_ms "$LIQUIBASE_APPLY_NS" "$VALIDATE_NS")
    FLYWAY_MARGINAL_MS=$(per_migration_ms "$FLYWAY_APPLY_NS" "$FLYWAY_NOOP_NS")
    LIQUIBASE_MARGINAL_MS=$(per_migration_ms "$LIQUIBASE_APPLY_NS" "$LIQUIBASE_NOOP_NS")
fi
# The same targets round by round: every round ran each tool once, close together in time, so a round's ratios
# share its load. Shows whether a median's verdict holds in most rounds or rests on one.
per_round() {
    awk -v a="${OP_TIMES[a]}" -v b="${OP_TIMES[b]}" -v e="${OP_TIMES[e]}" -v f="${OP_TIMES[f]:-}" \
        -v g="${OP_TIMES[g]:-}" -v i="${OP_TIMES[i]:-}" -v j="$JDBC_TIMED_MS" -v n="$N" -v peers="$PEERS" \
        -v noop_limit="$NOOP_RATIO_LIMIT" -v apply_limit="$APPLY_RATIO_LIMIT" -v overhead_limit="$OVERHEAD_LIMIT_MS" '
    BEGIN {
        rounds = split(a, A, " "); split(b, B, " "); split(e, E, " "); split(f, F, " "); split(g, G, " ")
        split(i, I, " "); split(j, J, " ")
        if (peers == "yes") {
            print "| Round | no-op (b) / (g) | apply (a) / faster peer | overhead, ms |"
            print "|---:|---:|---:|---:|"
        } else {
            print "| Round | overhead, ms |"
            print "|---:|---:|"
        }
        for (r = 1; r <= rounds; r++) {
            overhead = ((A[r] - E[r]) / 1e6 - J[r]) / n
            met_overhead += overhead <= overhead_limit
            if (peers == "yes") {
                noop = B[r] / G[r]; apply = A[r] / (F[r] < I[r] ? F[r] : I[r])
                met_noop += noop <= noop_limit; met_apply += apply <= apply_limit
                printf "| %d | %.2f | %.2f | %.1f |\n", r, noop, apply, overhead
            } else {
                printf "| %d | %.1f |\n", r, overhead
            }
        }
        print ""
        printf "Rounds that met each target: "
        if (peers == "yes") printf "no-op %d of %d, apply %d of %d, ", met_noop, rounds, met_apply, rounds
        printf "overhead %d of %d.\n", met_overhead, rounds
    }'
}
JAVA_VERSION=$(java -version 2>&1 | head -1)
MAVEN_VERSION=$("$MVNW" -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
END_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

{
    echo "# rsx:migrate benchmark: peers and floor"
    echo
    echo "Command: \`$COMMAND\` ($N generated migrations, $WARMUP warm-up + $RUNS timed rounds, every operation once per round, each in a fresh process)"
    echo
    echo "| Operation | Median (s) | Runs (s) |"
    echo "|---|---:|---|"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r op med runs <<< "$row"
        echo "| $op | $med | $runs |"
    done
    echo
    echo "Targets (ratios of this run's medians, verdict on the unrounded ratio):"
    echo
    echo "| Target | Value | Limit | Verdict |"
    echo "|---|---:|---:|---|"
    if [[ $PEERS == yes ]]; then
        echo "| no-op: rsx:migrate (b) / flyway:migrate (g) | $NOOP_RATIO | $NOOP_RATIO_LIMIT | $NOOP_VERDICT |"
        echo "| apply $N, production mode: rsx:migrate (a) / faster peer, $FASTER_PEER (target stated for N=200) | $APPLY_RATIO | $APPLY_RATIO_LIMIT | $APPLY_VERDICT |"
    fi
    echo "| per-migration overhead over the JDBC floor: ((a) − (e) − (d) statements only) / N, ms | $OVERHEAD_MS | $OVERHEAD_LIMIT_MS | $OVERHEAD_VERDICT |"
    echo "| no-op over Maven's start-up: (b) − (e), s (target stated for N=10,000) | $NOOP_OVER_MAVEN_S | $NOOP_OVER_MAVEN_LIMIT_S | $NOOP_OVER_MAVEN_VERDICT |"
    echo
    echo "Derived, for context (no targets):"
    echo
    if [[ $PEERS == yes ]] && has rsx-normalize; then
        echo "- with the default normalization: (b') / (g) = $(ratio "$DEFAULT_NOOP_NS" "$FLYWAY_NOOP_NS"), (a') / faster peer = $(ratio "$DEFAULT_APPLY_NS" "$FASTER_PEER_NS");"
    fi
    if has rsx-dev; then
        echo "- development mode's snapshot: (a-dev) − (a) = $(awk -v d="$DEV_APPLY_NS" -v a="$APPLY_NS" 'BEGIN { printf "%.2f", (d - a) / 1e9 }') s;"
    fi
    echo "- per-migration overhead over the floor, ((apply) − (e) − (d) statements only) / N, which spreads each tool's"
    echo "  fixed cost (class loading, start-up, tracking table) over the N migrations: rsx $OVERHEAD_MS ms$(
        [[ $PEERS == yes ]] && echo ", Flyway $FLYWAY_OVERHEAD_MS ms, Liquibase $LIQUIBASE_OVERHEAD_MS ms");"
    echo "- without that fixed cost, ((apply) − (no-op) − (d) statements only) / N: rsx $MARGINAL_MS ms$(
        [[ $PEERS == yes ]] && echo ", Flyway $FLYWAY_MARGINAL_MS ms, Liquibase $LIQUIBASE_MARGINAL_MS ms");"
    echo "- recording what ran, ((d') − (d)) statements only / N: $RECORDING_MS ms per migration (a history row and a"
    echo "  commit per migration, less the commits saved by running a migration's data changes in one transaction: what"
    echo "  every tool that records its migrations this way pays, and part of the overhead above); rsx's overhead over"
    echo "  that floor instead, ((a) − (e) − (d') statements only) / N: $OVER_TRACKED_MS ms."
    echo
    echo "The targets round by round (each ratio from one round's runs, which ran close together in time):"
    echo
    per_round
    echo
    echo "End state: $TABLES tables, $COLUMNS columns, $ROWCOUNT rows in the JDBC floor's database. Every tool run"
    echo "($TOOLS; normalization skipped) identical to it (tracking tables excluded), with $N migrations recorded by"
    echo "each: $SAME. With the default normalization the plugin's schema has $NORMALIZED_COLUMNS columns. Snapshot"
    echo "schemas left after development mode: $LEFT_SNAPSHOTS."
    for failure in "${FAILURES[@]}"; do echo "- DIFFERENT: $failure"; done
    echo
    echo "Machine: $(nproc) CPUs ($CPU), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM;"
    echo "load average at start $START_LOAD, at end $END_LOAD."
    echo "JDK: $JAVA_VERSION. Maven: $MAVEN_VERSION (wrapper). MariaDB: $MARIADB_VERSION (loopback TCP$( ((LATENCY_MS > 0)) && echo " through bench/DelayProxy.java, $LATENCY_MS ms each way"), user with password)."
    if [[ ${SKIP_BUILD:-0} == 1 ]]; then
        echo "Plugin: dev.rsx:rsx-maven-plugin:$PLUGIN_VERSION as installed before the run (SKIP_BUILD=1; the checkout was at commit $COMMIT); JDBC driver: mysql-connector-j $CONNECTOR_VERSION."
    else
        echo "Plugin: dev.rsx:rsx-maven-plugin:$PLUGIN_VERSION built from commit $COMMIT; JDBC driver: mysql-connector-j $CONNECTOR_VERSION."
    fi
    if has flyway || has liquibase; then
        echo "Peers: flyway-maven-plugin and flyway-mysql $FLYWAY_VERSION; liquibase-maven-plugin $LIQUIBASE_VERSION; both with"
        echo "mysql-connector-j $CONNECTOR_VERSION. Resolving them and one untimed flyway:info + liquibase:status took $RESOLVE_SECS s"
        echo "(already in ~/.m2 before the run: $PEERS_CACHED)."
    fi
    echo "The whole run took $((SECONDS / 60)) min $((SECONDS % 60)) s."
} | tee "$TARGET/results.md"

[[ $SAME == yes ]] || { log "FAILED: ${FAILURES[0]}"; exit 1; }
