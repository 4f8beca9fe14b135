#!/usr/bin/env bash
# Writes N raw-SQL migrations with a realistic mix into a directory, named like rsx:new names them
# (<UTC timestamp>_<description>.sql), every statement ending with ';' at the end of its line:
#   ~25% CREATE TABLE (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, ...) with a few seed rows,
#   ~30% ALTER TABLE ... ADD COLUMN, ~20% CREATE INDEX, ~25% small INSERT + UPDATE.
# The output is deterministic: the same N always gives the same files.
#
# Usage: bench/generate.sh <directory> [N]     (N defaults to $N, then 200)
set -euo pipefail

DIR=${1:?usage: bench/generate.sh <directory> [N]}
COUNT=${2:-${N:-200}}
mkdir -p "$DIR"
rm -f "$DIR"/*.sql "$DIR"/rsx.sum

BASE=$(date -u -d '2025-01-06 09:00:00' +%s)
tables=()       # tables created so far
columns=()      # per table: how many extra columns were added (index parallel to tables)
indexed=()      # per table: how many of those columns are indexed
status_indexed=()  # per table: 1 once status is indexed
MAX_ADDED=200
MAX_INDEXED=60   # MariaDB allows 64 indexes per table; N=1000 and below reach at most 54

version_of() { date -u -d "@$((BASE + $1 * 3600))" +%Y%m%d%H%M%S; }

for ((i = 1; i <= COUNT; i++)); do
    version=$(version_of "$i")
    kind=$(((i * 13) % 20))   # a permutation of 0..19 every 20 migrations: the kinds interleave
    ntables=${#tables[@]}
    # Kinds by that value: 0-4 create table, 5-10 add column, 11-14 create index, 15-19 data.
    if ((ntables == 0 || kind < 5)); then
        t=$ntables
        name="t${t}_items"
        tables+=("$name"); columns+=(0); indexed+=(0); status_indexed+=(0)
        file="$DIR/${version}_create_${name}_table.sql"
        {
            echo "-- create ${name} table"
            echo "-- Every table needs: id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY"
            echo
            echo "CREATE TABLE ${name} ("
            echo "    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            echo "    name VARCHAR(255) NOT NULL,"
            echo "    status VARCHAR(20) NOT NULL DEFAULT 'new',"
            echo "    amount DECIMAL(12,2) NOT NULL DEFAULT 0.00,"
            echo "    note TEXT,"
            echo "    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
            echo ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;"
            echo
            echo "INSERT INTO ${name} (name, amount) VALUES"
            echo "    ('first ${name}', 1.50),"
            echo "    ('second ${name}', 2.75),"
            echo "    ('third ${name}', 10.00);"
        } > "$file"
        continue
    fi
    t=$(((i * 7) % ntables))
    # The first tables come up far more often at large N: past MAX_ADDED added columns (inside MariaDB's
    # 65,535-byte rows) the newest table takes the change. N=1000 and below never reach it (at most 98).
    ((columns[t] < MAX_ADDED)) || t=$((ntables - 1))
    name=${tables[$t]}
    if ((kind < 11)); then
        c=$((columns[t] + 1)); columns[t]=$c
        file="$DIR/${version}_add_col${c}_to_${name}.sql"
        {
            echo "-- add col${c} to ${name}"
            echo
            echo "ALTER TABLE ${name} ADD COLUMN col${c} VARCHAR(64) NULL;"
            if ((i % 3 == 0)); then
                echo "ALTER TABLE ${name} ADD COLUMN col${c}_count INT NOT NULL DEFAULT 0;"
            fi
        } > "$file"
    elif ((kind < 15)); then
        col=""
        if ((columns[t] > indexed[t] && indexed[t] < MAX_INDEXED)); then
            c=$((indexed[t] + 1)); indexed[t]=$c
            col="col${c}"
        elif ((status_indexed[t] == 0)); then
            status_indexed[t]=1
            col="status"
        fi
        if [[ -n $col ]]; then
            file="$DIR/${version}_index_${col}_of_${name}.sql"
            {
                echo "-- index ${col} of ${name}"
                echo
                echo "CREATE INDEX idx_${name}_${col} ON ${name} (${col});"
            } > "$file"
            continue
        fi
        file="$DIR/${version}_backfill_${name}_rows_${i}.sql"
        {
            echo "-- backfill ${name} rows"
            echo
            echo "INSERT INTO ${name} (name, amount) VALUES ('backfill ${i}', ${i}.00);"
        } > "$file"
    else
        file="$DIR/${version}_seed_${name}_batch_${i}.sql"
        {
            echo "-- seed ${name} batch ${i}"
            echo
            echo "INSERT INTO ${name} (name, status, amount) VALUES"
            echo "    ('batch ${i} a', 'new', ${i}.10),"
            echo "    ('batch ${i} b', 'new', ${i}.20);"
            echo "UPDATE ${name} SET status = 'active' WHERE amount > 2.00 AND status = 'new';"
        } > "$file"
    fi
done
echo "Wrote $COUNT migrations to $DIR"
