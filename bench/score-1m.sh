#!/usr/bin/env bash
# End-to-end benchmark of `alliance score` on wide PHQ-9 files, beside the same scoring done with pandas
# and with R's data.table on the same file.
#
#     bench/score-1m.sh [ROWS...]        (default: 1000000 5000000)
#
# For each size: generates bench/out/phq9-ROWS.csv (once; reused when present), times the three tools
# with hyperfine (warm-up 1, runs 3), measures each tool's peak RSS with GNU time in one extra run,
# checks that the three outputs agree (row count, valid rows, sum of totals), and writes a markdown
# report to bench/out/score-results.md (also printed). Builds nothing: run `mvn -q package -DskipTests`
# first. Needs hyperfine, GNU time, Debian's python3-pandas and r-base-core + r-cran-data.table.
#
# Environment: WARMUP (1), RUNS (3), SEED (42), PYTHON (/usr/bin/python3), RSCRIPT (Rscript),
# ALLIANCE (the repository's ./alliance launcher), ALLIANCE_JAR (alliance-cli/target/alliance.jar; only
# checked for existence, the launcher finds its own jar).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/out"
JAR="${ALLIANCE_JAR:-$ROOT/alliance-cli/target/alliance.jar}"
ALLIANCE="${ALLIANCE:-$ROOT/alliance}"
PYTHON="${PYTHON:-/usr/bin/python3}"
RSCRIPT="${RSCRIPT:-Rscript}"
WARMUP="${WARMUP:-1}"
RUNS="${RUNS:-3}"
SEED="${SEED:-42}"
TOOLS=(alliance pandas datatable)

if [[ $# -gt 0 ]]; then SIZES=("$@"); else SIZES=(1000000 5000000); fi
for rows in "${SIZES[@]}"; do
  [[ "$rows" =~ ^[1-9][0-9]*$ ]] || { echo "error: ROWS must be a positive integer, got '$rows'" >&2; exit 2; }
done

die() { echo "error: $*" >&2; exit 1; }

# --- preflight: everything must be there before anything is timed -----------------------------------
[[ -f "$JAR" ]] || die "$JAR not found. Build it first:  (cd $ROOT && mvn -q package -DskipTests)"
[[ -x "$ALLIANCE" ]] || die "launcher $ALLIANCE not found or not executable"
command -v hyperfine >/dev/null || die "hyperfine missing:  apt-get install -y hyperfine"
[[ -x /usr/bin/time ]] || die "GNU time missing:  apt-get install -y time"
"$PYTHON" -c 'import pandas' 2>/dev/null \
  || die "$PYTHON cannot import pandas:  apt-get install -y python3-pandas (and use /usr/bin/python3)"
"$RSCRIPT" -e 'suppressPackageStartupMessages(library(data.table))' >/dev/null 2>&1 \
  || die "R with data.table missing:  apt-get install -y r-base-core r-cran-data.table"

mkdir -p "$OUT"

# The command line of each tool, as an array.
tool_cmd() {
  local tool=$1 in=$2 out=$3
  case "$tool" in
    alliance)  CMD=("$ALLIANCE" score "$in" --instrument phq-9 --format csv --out "$out") ;;
    pandas)    CMD=("$PYTHON" "$BENCH/score_pandas.py" "$in" "$out") ;;
    datatable) CMD=("$RSCRIPT" "$BENCH/score_datatable.R" "$in" "$out") ;;
    *) die "unknown tool $tool" ;;
  esac
}

# One string hyperfine can split again (it runs the command without a shell: -N).
quoted() { local q; printf -v q '%q ' "$@"; echo "${q% }"; }

# rows, valid rows (non-empty total) and sum of totals of a scored CSV, found by header name. Quotes
# and CR are stripped, and totals are read as numbers so "12" and "12.0" agree.
summarise_output() {
  awk -F, '
    { gsub(/\r|"/, "") }
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "total") col = i
              if (!col) { print "no total column"; exit 1 }
              next }
    { rows++; if ($col != "") { valid++; sum += $col } }
    END { if (col) printf "%d %d %.0f\n", rows, valid, sum }' "$1"
}

# --- machine facts ---------------------------------------------------------------------------------
{
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), nproc $(nproc)"
  echo "- memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- java: $(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"
  echo "- ALLIANCE_JAVA_OPTS=${ALLIANCE_JAVA_OPTS:-unset (launcher default)}, JAVA_HOME=${JAVA_HOME:-unset}, JAVA_TOOL_OPTIONS=${JAVA_TOOL_OPTIONS:-unset}"
  echo "- jar: $(stat -c '%s bytes, built %y' "$JAR" | cut -d. -f1)"
  echo "- python: $("$PYTHON" -c 'import sys, pandas, numpy; print(sys.version.split()[0], "pandas", pandas.__version__, "numpy", numpy.__version__)')"
  echo "- R: $("$RSCRIPT" -e 'suppressPackageStartupMessages(library(data.table)); setDTthreads(0L); cat(R.version.string, "data.table", format(packageVersion("data.table")), "threads", getDTthreads())')"
  echo "- $(hyperfine --version), GNU time $(dpkg-query -W -f '${Version}' time 2>/dev/null || echo '?')"
  echo "- hyperfine --warmup $WARMUP --runs $RUNS; peak RSS from one extra run under /usr/bin/time -f %M"
} > "$OUT/machine.md"
cat "$OUT/machine.md"

# --- per size --------------------------------------------------------------------------------------
for rows in "${SIZES[@]}"; do
  data="$OUT/phq9-$rows.csv"
  if [[ -s "$data" ]]; then
    echo "== $rows rows: reusing $data"
  else
    echo "== $rows rows: generating $data"
    "$PYTHON" "$BENCH/gen_phq9.py" "$rows" "$data.tmp" --seed "$SEED"
    mv "$data.tmp" "$data"
  fi

  for tool in "${TOOLS[@]}"; do
    result="$OUT/score-$rows-$tool.csv"
    tool_cmd "$tool" "$data" "$result"
    rm -f "$result"

    # Peak RSS (KiB; the largest process in the tree, so the JVM under the launcher counts). The tool's
    # stderr (alliance reports every invalid row there) goes to a log, as hyperfine discards it.
    rc=0
    /usr/bin/time -f %M -o "$OUT/rss-$rows-$tool.txt" "${CMD[@]}" 2> "$OUT/stderr-$rows-$tool.txt" || rc=$?
    ignore=()
    if [[ $rc -ne 0 ]]; then
      # The CLI may use exit 1 for "invalid input" when some rows do not score: still a finished run.
      if [[ $tool == alliance && $rc -eq 1 && -s "$result" ]]; then
        echo "note: alliance exits 1 on this file (it has invalid rows); timing with --ignore-failure" >&2
        ignore=(--ignore-failure)
      else
        tail -n 20 "$OUT/stderr-$rows-$tool.txt" >&2
        die "$tool failed (exit $rc): $(quoted "${CMD[@]}")"
      fi
    fi
    # Keep only the last line: GNU time prepends "Command exited with non-zero status" on failure.
    tail -n 1 "$OUT/rss-$rows-$tool.txt" > "$OUT/rss-$rows-$tool.txt.tmp"
    mv "$OUT/rss-$rows-$tool.txt.tmp" "$OUT/rss-$rows-$tool.txt"

    hyperfine -N --warmup "$WARMUP" --runs "$RUNS" "${ignore[@]}" \
      --export-json "$OUT/hyperfine-$rows-$tool.json" \
      --command-name "$tool" "$(quoted "${CMD[@]}")"

    summarise_output "$result" > "$OUT/check-$rows-$tool.txt"
    echo "$tool: rows valid sum-of-totals = $(cat "$OUT/check-$rows-$tool.txt")"
  done

  # Informational: pandas and data.table write byte-identical files; does alliance too?
  for tool in alliance datatable; do
    if cmp -s "$OUT/score-$rows-pandas.csv" "$OUT/score-$rows-$tool.csv"; then same=yes; else same=no; fi
    echo "$same" > "$OUT/identical-$rows-$tool.txt"
  done
done

# --- report ----------------------------------------------------------------------------------------
status=0
"$PYTHON" "$BENCH/report.py" "$OUT" "${SIZES[@]}" > "$OUT/score-results.md" || status=$?
cat "$OUT/score-results.md"
echo "(saved to $OUT/score-results.md)"
exit "$status"
