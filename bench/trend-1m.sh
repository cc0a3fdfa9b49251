#!/usr/bin/env bash
# End-to-end benchmark of `alliance trend` and `alliance gains` on simulated courses: 50,000 clients x 20
# sessions (1,000,000 sessions, each with a PHQ-9 and an SRS: 2,000,000 administrations), and half of that
# to show how memory grows. Needs hyperfine and GNU time; builds nothing (run `mvn -q package -DskipTests`).
#
#     bench/trend-1m.sh            # writes bench/out/trend-results.md
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/out"
ALLIANCE="$ROOT/alliance"
RUNS="${RUNS:-3}"
[[ -f "$ROOT/alliance-cli/target/alliance.jar" ]] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install -y hyperfine" >&2; exit 1; }
mkdir -p "$OUT"

report="$OUT/trend-results.md"
{
  echo "# alliance trend and gains on simulated courses"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD), nproc $(nproc)"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- hyperfine --warmup 1 --runs $RUNS; peak RSS from one extra run under /usr/bin/time"
  echo
  echo "| clients | sessions | administrations | command | wall time ± sd (s) | peak RSS (MB) |"
  echo "|---:|---:|---:|---|---:|---:|"
} > "$report"

for clients in 25000 50000; do
  data="$OUT/sim-$((clients / 1000))k.csv"
  if [[ ! -f "$data" ]]; then
    "$ALLIANCE" simulate --clients "$clients" --sessions 20..20 --complete --seed 1 --out "$data"
  fi
  administrations=$(($(wc -l < "$data") - 1))
  for command in "trend --format csv" "gains --cutoff 6 --format csv"; do
    name=${command%% *}
    json="$OUT/hyperfine-$name-$clients.json"
    # Through a shell, so the output can be discarded; the shell start is a few milliseconds.
    hyperfine --warmup 1 --runs "$RUNS" --export-json "$json" \
      "$ALLIANCE $command $data > /dev/null 2>&1" >/dev/null
    /usr/bin/time -f %M -o "$OUT/rss.txt" "$ALLIANCE" $command "$data" > /dev/null 2>&1 || true
    rss=$(tail -1 "$OUT/rss.txt")
    read -r mean sd < <(python3 -c "import json;r=json.load(open('$json'))['results'][0];print(f\"{r['mean']:.2f} {r['stddev'] or 0:.2f}\")")
    echo "| $clients | $((clients * 20)) | $administrations | alliance $command | $mean ± $sd | $((rss / 1024)) |" >> "$report"
  done
done
cat "$report"
