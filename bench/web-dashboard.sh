#!/usr/bin/env bash
# The caseload dashboard of a clinician with 1,000 clients, on a PostgreSQL database of 100,000 clients
# (100 clinicians x 1,000 clients, 8 administrations each: ORS and SRS at sessions 1-4, 800,000 in all),
# seeded with SQL. Needs a PostgreSQL database the script may empty, e.g.:
#   bench/web-dashboard.sh 'jdbc:postgresql://localhost:5432/alliance_dash?user=alliance&password=alliance'
# Times GET / (the rendered page) with hyperfine: the first request (alerts computed for all 1,000 clients),
# then warm requests. Results in bench/out/web-dashboard.txt. Build first: mvn -q -B package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
db_url="$1"
psql_url=$(python3 -c 'import sys, urllib.parse as u
x = u.urlparse(sys.argv[1][5:]); q = dict(u.parse_qsl(x.query))
print("postgresql://%s:%s@%s:%s%s" % (q["user"], q["password"], x.hostname, x.port, x.path))' "$db_url")
jar=alliance-web/target/alliance-web.jar
out=bench/out; mkdir -p "$out"
psql -q "$psql_url" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
echo "bench-password-1" | java -jar "$jar" add-user --db-url "$db_url" --username bench --role clinician --team Bench >/dev/null
token=$(java -jar "$jar" add-token --db-url "$db_url" --username bench --name dashboard | tail -1)
psql -q "$psql_url" <<'SQL'
INSERT INTO users (username, display_name, role, team_id, password_hash, created_at)
  SELECT 'other-' || g, 'Other ' || g, 'clinician', (SELECT team_id FROM users WHERE username = 'bench'), 'x', now()
  FROM generate_series(1, 99) g;
INSERT INTO clients (reference, clinician_id, created_at)
  SELECT 'client-' || lpad(g::text, 6, '0'),
         CASE WHEN g <= 1000 THEN (SELECT id FROM users WHERE username = 'bench')
              ELSE (SELECT id FROM users WHERE username = 'other-' || (1 + g % 99)) END, now()
  FROM generate_series(1, 100000) g;
INSERT INTO administrations (client_id, instrument_id, instrument_version, session_number, administered_on, answers,
                             total, valid, band, risk_flags, created_by, created_at)
  SELECT c.id, m.instrument, m.version, s, DATE '2026-01-05' + 7 * s,
         m.answers, m.total + ((c.id + s) % 5), true, NULL, NULL, c.clinician_id, now()
  FROM clients c CROSS JOIN generate_series(1, 4) s
  CROSS JOIN (VALUES ('ors', '1.0', '{"ors_1":5,"ors_2":5,"ors_3":5,"ors_4":5}', 20.0),
                     ('srs', '3.0', '{"srs_1":9,"srs_2":9,"srs_3":9,"srs_4":9}', 34.0)) AS m(instrument, version, answers, total);
ANALYZE users, clients, administrations;
SQL
port=18081
java -Xms512m -Xmx512m -jar "$jar" --db-url "$db_url" --port "$port" > /tmp/alliance-dashboard-server.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "${auth:-}"' EXIT
for _ in $(seq 1 60); do curl -fs "localhost:$port/health" >/dev/null && break; sleep 1; done
# The token goes in a curl config file, so it is not printed with the command.
auth=$(mktemp); echo "header = \"Authorization: Bearer $token\"" > "$auth"
{
  echo "# web-dashboard on PostgreSQL, $(date -u +%Y-%m-%dT%H:%MZ): $(psql -tA "$psql_url" -c 'SELECT count(*) FROM clients') clients, $(psql -tA "$psql_url" -c 'SELECT count(*) FROM administrations') administrations"
  echo "## first request (alerts of 1,000 clients computed)"
  curl -s -o /dev/null -w "status %{http_code}, %{time_total} s, %{size_download} bytes\n" -K "$auth" "localhost:$port/"
  echo "## warm requests"
  hyperfine -N --warmup 5 --runs 50 "curl -s -o /dev/null -K $auth localhost:$port/"
} 2>&1 | tee "$out/web-dashboard.txt"
