#!/usr/bin/env bash
# Parser evaluation for RSX Migrate static analysis (JSqlParser vs Druid vs Calcite Babel), see RESULTS.md.
#
# Usage: bench/parser-eval/run.sh                 fetch jars, compile, run; writes target/results.md and stdout
#        ROUNDS=50 WARMUP=10 bench/parser-eval/run.sh   quick run
# Needs: java 17+, mvn (or the project's mvnw), network access to Maven Central (first run only).
# Everything it writes goes to bench/parser-eval/target.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TARGET=$HERE/target
LIB=$TARGET/lib
ROUNDS=${ROUNDS:-1000}
WARMUP=${WARMUP:-200}
export ROUNDS WARMUP
if command -v mvn >/dev/null 2>&1; then MVN=mvn; else MVN=$ROOT/mvnw; fi

# JSqlParser version the plugin's pom.xml pins today; evaluated a second time, on its own, for comparison.
PINNED=$(sed -n 's:.*<jsqlparser.version>\(.*\)</jsqlparser.version>.*:\1:p' "$ROOT/pom.xml" | head -1)

# 1. One profile per parser, so each folder holds exactly that parser and its runtime dependencies.
for p in jsqlparser druid calcite; do
  rm -rf "$LIB/$p"
  "$MVN" -B -q -Dstyle.color=never -f "$HERE/pom.xml" -P "$p" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$LIB/$p" >&2
done
PINNED_LIB=$TARGET/lib-pinned
rm -rf "$PINNED_LIB"
"$MVN" -B -q -Dstyle.color=never -f "$HERE/pom.xml" -P jsqlparser -Djsqlparser.version="$PINNED" \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PINNED_LIB/jsqlparser" >&2

# 2. Compile and run the single-file harness against all three.
CP=$(find "$LIB" -name '*.jar' | sort | paste -sd:)
rm -rf "$TARGET/classes"
mkdir -p "$TARGET/classes"
javac -nowarn -d "$TARGET/classes" -cp "$CP" "$HERE/ParserEvaluation.java"

{
  echo "# Parser evaluation results"
  echo
  echo "- Command: \`ROUNDS=$ROUNDS WARMUP=$WARMUP bench/parser-eval/run.sh\`"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Java: $(java -version 2>&1 | head -2 | tail -1)"
  echo "- Host: $(nproc) CPUs, $(uname -sr)"
  echo
  java -Xms512m -Xmx512m -cp "$TARGET/classes:$CP" ParserEvaluation "$HERE/corpus.sql" "$LIB"
  echo
  echo "# Appendix: JSqlParser $PINNED (the version pom.xml pins today), same corpus, same harness"
  echo
  # Same class files (compiled against the newest JSqlParser), JSqlParser jar swapped for the pinned one.
  PINNED_CP=$(find "$PINNED_LIB" -name '*.jar' | sort | paste -sd:)
  PARSERS=jsqlparser java -Xms512m -Xmx512m -cp "$TARGET/classes:$PINNED_CP" ParserEvaluation \
    "$HERE/corpus.sql" "$PINNED_LIB" | sed 's/^## /### /'
} | tee "$TARGET/results.md"
