#!/usr/bin/env bash
# Soak run of the clinic server: MINUTES (default 10) of mixed load on a 512 MB heap, H2 by default:
#   bench/soak.sh                      # H2 in a fresh temporary data directory
#   bench/soak.sh jdbc:postgresql://localhost:5432/alliance_bench?user=alliance\&password=alliance
# The load (bench/soak.py, 8 threads): reads (trend, alerts, client list, caseload page), submissions,
# CSV imports of 200 rows and sign-ins. Every minute the server is asked for a full GC (jcmd GC.run)
# and the heap left after it is read from the GC log. The table (per minute: requests, 5xx, p50, p99,
# heap after full GC) goes to bench/out/soak-<db>.md. Build first: mvn -q -B package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
db_url="${1:-}"
minutes="${MINUTES:-10}"
out=bench/out; mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
jar=alliance-web/target/alliance-web.jar
db_args=(--data-dir "$work/data")
label=h2
if [[ -n "$db_url" ]]; then
  db_args=(--db-url "$db_url")
  label=postgresql
fi
password="soak-password-1"
echo "$password" | java -jar "$jar" add-user "${db_args[@]}" --username soak --role clinician --team Soak >/dev/null
token=$(java -jar "$jar" add-token "${db_args[@]}" --username soak --name soak | tail -1)
port=18081
java -Xms512m -Xmx512m -Xlog:gc:file="$work/gc.log" -jar "$jar" "${db_args[@]}" --port "$port" \
  > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fs "localhost:$port/health" >/dev/null && break; sleep 1; done
python3 bench/soak.py "http://localhost:$port" "$token" soak "$password" "$minutes" "$server" "$work/gc.log" \
  | tee "$out/soak-$label.md"
cp "$work/server.log" "$out/soak-$label-server.log"
echo "server errors logged: $(grep -c ' ERROR ' "$work/server.log" || true) (log: $out/soak-$label-server.log)" | tee -a "$out/soak-$label.md"
