#!/usr/bin/env bash
# Load test of the clinic server's API with wrk (Debian: apt-get install wrk), on H2 or PostgreSQL:
#   bench/web-api.sh                      # H2 in a fresh temporary data directory
#   bench/web-api.sh jdbc:postgresql://localhost:5432/alliance_bench?user=alliance\&password=alliance
# Measures, with 32 connections for DURATION seconds each (default 20):
#   GET /health                       the ceiling: a trivial endpoint of the same server
#   GET /api/clients/{id}/trend       one client with 40 sessions of ORS and SRS
#   POST /api/clients/{id}/administrations   durable submissions (each answered 201 only after its commit)
# Results go to bench/out/web-api-<db>.txt. Build first: mvn -q -B package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
db_url="${1:-}"
duration="${DURATION:-20}"
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

echo "bench-password-1" | java -jar "$jar" add-user "${db_args[@]}" --username bench --role clinician --team Bench >/dev/null
token=$(java -jar "$jar" add-token "${db_args[@]}" --username bench --name wrk | tail -1)
port=18080
# SERVER_JAVA_OPTS: JVM options of the server under test (heap, collector).
java ${SERVER_JAVA_OPTS:--Xms512m -Xmx512m} -jar "$jar" "${db_args[@]}" --port "$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fs "localhost:$port/health" >/dev/null && break; sleep 1; done
base="http://localhost:$port"
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")

# One client with 40 weekly sessions of ORS and SRS, and 200 clients for the submissions.
client=$(curl -fs "${auth[@]}" -d '{"reference":"bench-trend"}' "$base/api/clients" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
python3 - "$base" "$token" "$client" <<'PY'
import json, sys, urllib.request, random
base, token, client = sys.argv[1], sys.argv[2], sys.argv[3]
random.seed(7)
def post(path, body):
    req = urllib.request.Request(base + path, json.dumps(body).encode(), method="POST",
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))
for s in range(1, 41):
    ors = [round(min(10, max(0, 4 + s * 0.1 + random.gauss(0, 0.8))), 1) for _ in range(4)]
    srs = [round(min(10, max(0, 8.6 + random.gauss(0, 0.6))), 1) for _ in range(4)]
    date = "2025-%02d-%02d" % (1 + (s * 7) // 28 % 12, 1 + (s * 7) % 28)
    post(f"/api/clients/{client}/administrations", {"instrument": "ors", "session": s, "date": date,
         "answers": {f"ors_{i+1}": v for i, v in enumerate(ors)}})
    post(f"/api/clients/{client}/administrations", {"instrument": "srs", "session": s, "date": date,
         "answers": {f"srs_{i+1}": v for i, v in enumerate(srs)}})
for i in range(200):
    post("/api/clients", {"reference": f"bench-post-{i}"})
PY
ids=$(curl -fs "${auth[@]}" "$base/api/clients" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d["clients"] if isinstance(d,dict) else d; print(" ".join(str(c["id"]) for c in d if c["reference"].startswith("bench-post-")))')

cat > "$work/post.lua" <<LUA
local ids = { $(echo "$ids" | sed 's/ /, /g') }
local counter = 0
local next_thread = 0
function setup(thread) thread:set("thread_id", next_thread); next_thread = next_thread + 1 end
function request()
  counter = counter + 1
  local client = ids[(counter % #ids) + 1]
  local session = thread_id * 1000000 + counter
  local body = '{"instrument":"srs","session":' .. session .. ',"answers":{"srs_1":8.5,"srs_2":9,"srs_3":8.8,"srs_4":9.1}}'
  return wrk.format("POST", "/api/clients/" .. client .. "/administrations",
    {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, body)
end
local reported = false
function response(status, headers, body)
  if status ~= 201 and not reported then
    reported = true
    io.stderr:write("first answer other than 201: " .. status .. " " .. body .. "\n")
  end
end
LUA

{
  echo "# web-api on $label, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "## GET /health (ceiling)"
  wrk -t2 -c32 -d"${duration}s" --latency "$base/health"
  echo "## GET /api/clients/$client/trend (40 sessions of ORS and SRS)"
  wrk -t2 -c32 -d"${duration}s" --latency -H "Authorization: Bearer $token" "$base/api/clients/$client/trend"
  echo "## POST /api/clients/{id}/administrations (durable)"
  wrk -t2 -c32 -d"${duration}s" --latency -s "$work/post.lua" "$base"
} | tee "$out/web-api-$label.txt"
