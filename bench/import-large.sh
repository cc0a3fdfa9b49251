#!/usr/bin/env bash
# A large CSV import in bounded memory: SIZE_MB (default 50) of PHQ-9 rows posted to /api/import of a
# server on a 512 MB heap. Reports the answer, the time taken and the largest heap left after any GC
# while importing (from the GC log). Build first: mvn -q -B package -DskipTests
#   bench/import-large.sh                 # H2 in a fresh temporary folder
#   bench/import-large.sh jdbc:postgresql://localhost:5432/alliance_bench?user=alliance\&password=alliance
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${SIZE_MB:-50}"
out=bench/out; mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
jar=alliance-web/target/alliance-web.jar
db_args=(--data-dir "$work/data")
label=H2
if [[ -n "${1:-}" ]]; then
  db_args=(--db-url "$1")
  label=PostgreSQL
fi
echo "import-password-1" | java -jar "$jar" add-user "${db_args[@]}" --username importer --role clinician >/dev/null
token=$(java -jar "$jar" add-token "${db_args[@]}" --username importer --name bench | tail -1)
python3 - "$work/big.csv" "$size_mb" <<'PY'
import random, sys
path, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
random.seed(5)
with open(path, "w") as out:
    out.write("client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9\n")
    row, written = 0, 0
    while written < size:
        line = f"big-{row // 1000},{row % 1000 + 1},phq-9," + ",".join(str(random.randint(0, 3)) for _ in range(8)) + ",0\n"
        out.write(line)
        written += len(line)
        row += 1
print(f"{row} rows", file=sys.stderr)
PY
port=18082
java -Xms512m -Xmx512m -Xlog:gc:file="$work/gc.log" -jar "$jar" "${db_args[@]}" --port "$port" \
  --max-import-mb "$size_mb.5" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fs "localhost:$port/health" >/dev/null && break; sleep 1; done
start=$(date +%s.%N)
answer=$(curl -s -H "Authorization: Bearer $token" -H "Content-Type: text/csv" --data-binary @"$work/big.csv" \
  "localhost:$port/api/import" -w ' HTTP %{http_code}' | tail -c 300)
end=$(date +%s.%N)
peak=$(grep -o 'M->[0-9]*M' "$work/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
{
  echo "import of $(du -m "$work/big.csv" | cut -f1) MB CSV on a 512 MB heap ($label)"
  echo "answer: $answer"
  echo "time: $(python3 -c "print(round($end - $start, 1))") s"
  echo "largest heap after a GC while importing: ${peak} MB"
  echo "OutOfMemoryError in the server log: $(grep -c OutOfMemoryError "$work/server.log" || true)"
} | tee "$out/import-large-$label.txt"
