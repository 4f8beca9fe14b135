#!/usr/bin/env bash
# The scale curve: bench/run.sh once per size, rsx:migrate with Flyway and Liquibase, and one table that puts the
# sizes' medians side by side, with what a migration costs each tool over the JDBC floor at each size and between
# sizes. Each size's results.md is kept in bench/target/curve/results-<N>.md, its progress in log-<N>.txt.
#
# Usage: bench/curve.sh                        N = 200, 1,000 and 10,000, RUNS=3 each (the peers make the 10,000 run
#                                              long: Flyway's apply of 10,000 alone takes minutes)
#        SIZES="200 1000" bench/curve.sh       other sizes
#        TABLE_ONLY=1 bench/curve.sh           the table again from the kept results, without running anything
# Every other setting passes through to bench/run.sh (RUNS, WARMUP, SKIP_BUILD, MARIADB_HOME, ...); TOOLS defaults to
# rsx,flyway,liquibase. The plugin is built once, before the first size.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CURVE=$BENCH/target/curve
SIZES=${SIZES:-200 1000 10000}
export TOOLS=${TOOLS:-rsx,flyway,liquibase}

log() { printf '[curve] %s\n' "$*" >&2; }
for n in $SIZES; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || { log "ERROR: SIZES must be positive numbers, not '$n'"; exit 1; }
done

if [[ ${TABLE_ONLY:-0} != 1 ]]; then
    mkdir -p "$CURVE"
    started=$(date +%s)
    for n in $SIZES; do
        log "N=$n: bench/run.sh (progress in $CURVE/log-$n.txt)"
        N=$n "$BENCH/run.sh" > "$CURVE/log-$n.txt" 2>&1 ||
            { tail -20 "$CURVE/log-$n.txt" >&2; log "ERROR: the run with N=$n failed"; exit 1; }
        cp "$BENCH/target/results.md" "$CURVE/results-$n.md"
        export SKIP_BUILD=1
    done
    log "the sizes took $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"
fi

# median <N> <row prefix>: the median column of the row of results-<N>.md that starts with the prefix, or nothing.
median() {
    local file=$CURVE/results-$1.md
    [[ -f $file ]] || { log "ERROR: no $file (run without TABLE_ONLY first)"; exit 1; }
    awk -F'|' -v prefix="| $2" 'index($0, prefix) == 1 { gsub(/ /, "", $3); print $3; exit }' "$file"
}
has() { [[ ",$TOOLS," == *",$1,"* ]]; }
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }

FLOOR="(d) JDBC floor, statements only"
declare -a N_LIST
read -r -a N_LIST <<< "$SIZES"
header() {   # header <first column>
    local line="| $1 |" rule="|---|" n
    for n in "${N_LIST[@]}"; do line+=" N=$(thousands "$n") |"; rule+="---:|"; done
    printf '%s\n%s\n' "$line" "$rule"
}
value_row() {   # value_row <label> <row prefix> [tool]: a row of medians; missing only where the tool did not run
    local line="| $1 |" n v
    for n in "${N_LIST[@]}"; do
        v=$(median "$n" "$2")
        if [[ -z $v ]] && { [[ -z ${3:-} ]] || has "$3"; }; then
            log "ERROR: $CURVE/results-$n.md has no row '$2' (did bench/run.sh change its table?)"
            exit 1
        fi
        line+=" ${v:-—} |"
    done
    echo "$line"
}
# per_size_row <label> <row prefix> <decimals> <awk expression>: a figure at each size, computed from the row's median
# x, Maven's start-up e, the floor's statements d and the size n; missing where the tool did not run.
per_size_row() {
    local line="| $1 |" n x
    for n in "${N_LIST[@]}"; do
        x=$(median "$n" "$2")
        if [[ -n $x ]]; then
            line+=" $(awk -v x="$x" -v e="$(median "$n" "(e) ")" -v d="$(median "$n" "$FLOOR")" -v n="$n" \
                "BEGIN { printf \"%.$3f\", $4 }") |"
        else
            line+=" — |"
        fi
    done
    echo "$line"
}
# between_sizes <label> <apply prefix>: (Δ apply − Δ floor) / Δ N in ms from each size to the next, so that every
# fixed cost (Maven, start-up, the first connection) cancels out.
between_sizes() {
    local line="| $1 |" i from to a1 a2 d1 d2
    for ((i = 1; i < ${#N_LIST[@]}; i++)); do
        from=${N_LIST[i - 1]} to=${N_LIST[i]}
        a1=$(median "$from" "$2") a2=$(median "$to" "$2")
        d1=$(median "$from" "$FLOOR") d2=$(median "$to" "$FLOOR")
        if [[ -n $a1 && -n $a2 ]]; then
            line+=" $(awk -v a1="$a1" -v a2="$a2" -v d1="$d1" -v d2="$d2" -v n1="$from" -v n2="$to" \
                'BEGIN { printf "%.1f", ((a2 - a1) - (d2 - d1)) * 1000 / (n2 - n1) }') |"
        else
            line+=" — |"
        fi
    done
    echo "$line"
}

echo "Medians in seconds, one \`bench/run.sh\` run per size (\`SIZES=\"$SIZES\"\`); each size's command, machine and"
echo "rounds are in its results file (\`bench/target/curve/results-<N>.md\`)."
echo
header "Median (s)"
value_row "(e) \`mvn validate\`" "(e) "
value_row "(a) \`rsx:migrate\`, apply all" "(a) " rsx
value_row "(f) \`flyway:migrate\`, apply all" "(f) " flyway
value_row "(i) \`liquibase:update\`, apply all" "(i) " liquibase
value_row "(b) \`rsx:migrate\`, no-op" "(b) " rsx
value_row "(g) \`flyway:migrate\`, no-op" "(g) " flyway
value_row "(j) \`liquibase:update\`, no-op" "(j) " liquibase
value_row "(c) \`rsx:status\`" "(c) " rsx
value_row "(h) \`flyway:info\`" "(h) " flyway
value_row "(k) \`liquibase:status\`" "(k) " liquibase
value_row "(d) JDBC floor, statements only" "$FLOOR"
value_row "(d') JDBC floor with history rows, statements and rows only" "(d') JDBC floor with history rows"
echo
header "Per migration over the floor, ((apply) − (e) − (d)) / N, ms"
per_size_row "rsx" "(a) " 1 "(x - e - d) * 1000 / n"
per_size_row "Flyway" "(f) " 1 "(x - e - d) * 1000 / n"
per_size_row "Liquibase" "(i) " 1 "(x - e - d) * 1000 / n"
echo
header "No-op over Maven's start-up, (no-op) − (e), s"
per_size_row "rsx" "(b) " 2 "x - e"
per_size_row "Flyway" "(g) " 2 "x - e"
per_size_row "Liquibase" "(j) " 2 "x - e"
if ((${#N_LIST[@]} > 1)); then
    echo
    line="| One more migration over the floor, (Δ apply − Δ (d)) / Δ N, ms |" rule="|---|"
    for ((i = 1; i < ${#N_LIST[@]}; i++)); do
        line+=" $(thousands "${N_LIST[i - 1]}") → $(thousands "${N_LIST[i]}") |" rule+="---:|"
    done
    printf '%s\n%s\n' "$line" "$rule"
    between_sizes "rsx" "(a) "
    between_sizes "Flyway" "(f) "
    between_sizes "Liquibase" "(i) "
fi
