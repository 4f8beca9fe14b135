#!/usr/bin/env bash
# Benchmark of rsx:check: N generated migrations (bench/generate.sh), recorded with rsx:hash, then
#   (1) rsx:check with the static rules only (-Drsx.check.devDatabase.skip=true), a fresh JVM each run, and
#   (2) the whole rsx:check, the scratch embedded MariaDB included,
# median of RUNS runs after one warm-up each. Needs the plugin installed (./mvnw -B install -DskipTests -Dinvoker.skip).
# Usage: bench/check.sh                 (N=200, RUNS=3)
#        N=1000 RUNS=3 bench/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-200}
RUNS=${RUNS:-3}
ROOT=$(pwd)
PROJECT=$ROOT/target/bench-check
PLUGIN_VERSION=$(./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout)
rm -rf "$PROJECT" && mkdir -p "$PROJECT"
cat > "$PROJECT/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.rsx.bench</groupId>
  <artifactId>bench-check</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.rsx</groupId><artifactId>rsx-maven-plugin</artifactId><version>$PLUGIN_VERSION</version>
  </plugin></plugins></build>
</project>
POM
bench/generate.sh "$PROJECT/src/main/resources/db/migrations" "$N" > /dev/null
mvn_in_project() { (cd "$PROJECT" && "$ROOT/mvnw" -B -q "$@"); }
mvn_in_project rsx:hash > /dev/null

median_of() {  # label, command...
    local label=$1; shift
    "$@" > /dev/null   # warm-up
    local times=()
    for ((r = 1; r <= RUNS; r++)); do
        local start end
        start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    printf '| %s | %s |\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f s", a[int((NR+1)/2)]}')"
}
echo "| rsx:check of $N migrations (median of $RUNS, fresh JVM each) | Wall time |"
echo "|---|---|"
median_of "mvn validate (Maven's own start-up)" mvn_in_project validate
median_of "static rules and rsx.sum only (-Drsx.check.devDatabase.skip=true)" mvn_in_project rsx:check -Drsx.check.devDatabase.skip=true
median_of "whole check: static, scratch embedded MariaDB, normalization, live rules" mvn_in_project rsx:check
