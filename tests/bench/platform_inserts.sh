#!/bin/bash
# The cost of the history indexes on the platform's INSERT path (issue 12): 100k single-row
# INSERTs (one transaction each, extended protocol as node-postgres sends them, pgbench) into a
# platform-like tenant_logs, per type of detalhes, without indexes, with 0004's indexes and (json)
# with the first 0004's ::jsonb-cast indexes. Two mixes: "platform" (1 row in 10 is cron history)
# and "cron" (every row is). Each configuration runs REPEAT times, interleaved; the median
# latency is printed with its ratio to no indexes. synchronous_commit=off, so the figure is the
# CPU cost of the row, not the disk's fsync.
# Usage: PG* variables set (e.g. under pg_virtualenv), tests/bench/platform_inserts.sh [REPEAT]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
repeat=${1:-3}
rows=100000
db=cron_bench_inserts_$$
psql -X -q -d postgres -c "CREATE DATABASE $db"
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
export PGDATABASE=$db
export PGOPTIONS="-c client_min_messages=warning"
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT

for mix in platform cron; do
    [ $mix = platform ] && p=10 || p=1
    cat > "$work/$mix.sql" <<SQL
\set r random(1, $p)
\if :r = 1
INSERT INTO tenant_logs (tenant_id, usuario_id, acao, detalhes, ip_address) VALUES (1, 7, 'sync_automatico_persistente', '{"job":"sgp_sync_inteligente","status":"success","duracao_segundos":3,"runner":"r1","total_provedores":4,"total_novos":7,"total_atualizados":9}', '10.0.0.1');
\else
INSERT INTO tenant_logs (tenant_id, usuario_id, acao, detalhes, ip_address) VALUES (1, 7, 'login', '{"user_id":42,"ip":"10.0.0.1","agent":"Mozilla/5.0 (X11; Linux x86_64)","path":"/api/clientes"}', '10.0.0.1');
\endif
SQL
done

configs="jsonb:none jsonb:indexes json:none json:indexes json:oldcast text:none text:indexes"
run() { # mix type indexes -> average latency in ms
    local mix=$1 type=$2 idx=$3
    psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
DROP TABLE IF EXISTS tenant_logs;
CREATE TABLE tenant_logs (id BIGSERIAL PRIMARY KEY, tenant_id INTEGER, usuario_id INTEGER,
  acao VARCHAR(100) NOT NULL, detalhes $type, ip_address VARCHAR(45), user_agent TEXT,
  created_at TIMESTAMP DEFAULT NOW());
SQL
    case $idx in
        indexes) psql -X -q -v ON_ERROR_STOP=1 -f "$here/sql/postgresql/0004_history_indexes.sql" >/dev/null ;;
        oldcast) psql -X -q -v ON_ERROR_STOP=1 -f "$here/tests/fixtures/old_0004_history_indexes.sql" >/dev/null ;;
    esac
    PGOPTIONS="-c synchronous_commit=off" pgbench -n -M extended -c 1 -t $rows -f "$work/$mix.sql" 2>&1 \
        | awk '/latency average/ {print $4}'
}
for mix in platform cron; do
    declare -A samples=()
    for ((i = 0; i < repeat; i++)); do
        for config in $configs; do
            samples[$config]+="$(run $mix ${config%%:*} ${config##*:}) "
        done
    done
    median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    for config in $configs; do
        type=${config%%:*}
        m=$(median "${samples[$config]}")
        base=$(median "${samples[$type:none]}")
        printf '%-8s %-6s %-8s median %s ms/INSERT (runs: %s) ratio to no indexes %.2f\n' \
            $mix $type ${config##*:} "$m" "${samples[$config]% }" "$(echo "$m / $base" | bc -l)"
    done
    unset samples
done
