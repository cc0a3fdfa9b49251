#!/usr/bin/env bash
# The caseload dashboard of a clinician with 1,000 clients, on a database of 100,000 clients (100 clinicians
# x 1,000 clients, 8 administrations each: ORS and SRS at sessions 1-4, 800,000 in all), seeded with
# bench/dashboard-seed.sql. On H2 in a fresh temporary folder, or on a PostgreSQL database the script may empty:
#   bench/web-dashboard.sh
#   bench/web-dashboard.sh 'jdbc:postgresql://localhost:5432/alliance_dash?user=alliance&password=alliance'
# Times GET / (the rendered page) with hyperfine: the first request (alerts computed for all 1,000 clients),
# then warm requests. Results in bench/out/web-dashboard-<db>.txt. Build first: mvn -q -B package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
db_url="${1:-}"
jar=alliance-web/target/alliance-web.jar
out=bench/out; mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; wait "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
if [[ -n "$db_url" ]]; then
  label=postgresql
  db_args=(--db-url "$db_url")
  psql_url=$(python3 -c 'import sys, urllib.parse as u
x = u.urlparse(sys.argv[1][5:]); q = dict(u.parse_qsl(x.query))
print("postgresql://%s:%s@%s:%s%s" % (q["user"], q["password"], x.hostname, x.port, x.path))' "$db_url")
  psql -q "$psql_url" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
  seed() { psql -q "$psql_url" -f bench/dashboard-seed.sql; }
  sizes() { echo "$(psql -tA "$psql_url" -c 'SELECT count(*) FROM clients') clients, $(psql -tA "$psql_url" \
    -c 'SELECT count(*) FROM administrations') administrations"; }
else
  label=h2
  db_args=(--data-dir "$work/data")
  # The server's own URL for that folder; H2 lets one process at a time open the file, so seed before it starts.
  h2_url="jdbc:h2:file:$work/data/alliance"
  seed() { java -Xmx2g -cp "$jar" org.h2.tools.RunScript -url "$h2_url" -script bench/dashboard-seed.sql; }
  sizes() { java -cp "$jar" org.h2.tools.Shell -url "$h2_url" -sql "SELECT (SELECT count(*) FROM clients) || ' clients, ' || (SELECT count(*) FROM administrations) || ' administrations' AS sizes" | sed -n 2p; }
fi
echo "bench-password-1" | java -jar "$jar" add-user "${db_args[@]}" --username bench --role clinician --team Bench >/dev/null
token=$(java -jar "$jar" add-token "${db_args[@]}" --username bench --name dashboard | tail -1)
seed
sizes=$(sizes)
port=18081
java -Xms512m -Xmx512m -jar "$jar" "${db_args[@]}" --port "$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fs "localhost:$port/health" >/dev/null && break; sleep 1; done
# The token goes in a curl config file, so it is not printed with the command.
auth="$work/curl-auth"; echo "header = \"Authorization: Bearer $token\"" > "$auth"
{
  echo "# web-dashboard on $label, $(date -u +%Y-%m-%dT%H:%MZ): $sizes; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "## first request (alerts of 1,000 clients computed)"
  curl -s -o /dev/null -w "status %{http_code}, %{time_total} s, %{size_download} bytes\n" -K "$auth" "localhost:$port/"
  echo "## warm requests"
  hyperfine -N --warmup 5 --runs 50 "curl -s -o /dev/null -K $auth localhost:$port/"
} 2>&1 | tee "$out/web-dashboard-$label.txt"
