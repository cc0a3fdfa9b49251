#!/usr/bin/python3
"""Markdown report for bench/score-1m.sh (standard library only).

    report.py OUT_DIR ROWS...

Reads, for each size and tool, OUT_DIR/hyperfine-ROWS-TOOL.json (hyperfine --export-json),
OUT_DIR/rss-ROWS-TOOL.txt (peak RSS in KiB from /usr/bin/time -f %M), OUT_DIR/check-ROWS-TOOL.txt
("rows valid-rows sum-of-totals" of the tool's output) and OUT_DIR/identical-ROWS-TOOL.txt (yes/no:
same bytes as pandas' output), plus OUT_DIR/machine.md. Tools whose files
are missing are left out. Exits 1 when the tools' outputs disagree or miss rows, else 0; the speed
and memory targets are reported but do not change the exit status.
"""

import json
import sys
from pathlib import Path

TOOLS = ["alliance", "pandas", "datatable"]
MEMORY_FLAT = 1.20  # target: alliance peak RSS at the largest size within 20% of the smallest
NOISY = 0.10  # flag timings whose sd is above this fraction of the mean


def load(out, rows, tool):
    hf = out / f"hyperfine-{rows}-{tool}.json"
    if not hf.exists():
        return None
    result = json.loads(hf.read_text())["results"][0]
    rss = out / f"rss-{rows}-{tool}.txt"
    check = out / f"check-{rows}-{tool}.txt"
    identical = out / f"identical-{rows}-{tool}.txt"
    return {
        "mean": result["mean"],
        "stddev": result.get("stddev") or 0.0,
        "min": result["min"],
        "max": result["max"],
        "rss_mb": int(rss.read_text().split()[-1]) / 1024 if rss.exists() else None,
        "check": tuple(check.read_text().split()) if check.exists() else None,
        "identical": identical.read_text().strip() if identical.exists() else "–",
    }


def main(argv):
    out = Path(argv[0])
    sizes = [int(r) for r in argv[1:]]
    data = {(rows, tool): load(out, rows, tool) for rows in sizes for tool in TOOLS}
    data = {key: value for key, value in data.items() if value is not None}
    ok = True
    lines = ["# alliance score: end-to-end benchmark (wide PHQ-9)", "",
             "`alliance score FILE --instrument phq-9 --format csv --out OUT` beside the same scoring "
             "in pandas (`bench/score_pandas.py`) and data.table (`bench/score_datatable.R`), same input "
             "file (`bench/gen_phq9.py`, seeded), warm page cache.", "", "## Machine", ""]
    machine = out / "machine.md"
    lines += machine.read_text().rstrip("\n").splitlines() if machine.exists() else ["(not recorded)"]

    lines += ["", "## Results", "",
              "| rows | tool | mean wall time ± sd (s) | min – max (s) | peak RSS (MB) | time / alliance |",
              "|---:|---|---:|---:|---:|---:|"]
    any_noisy = False
    for rows in sizes:
        base = data.get((rows, "alliance"))
        for tool in TOOLS:
            d = data.get((rows, tool))
            if d is None:
                continue
            rss = f"{d['rss_mb']:.0f}" if d["rss_mb"] is not None else "?"
            rel = f"{d['mean'] / base['mean']:.2f}×" if base else "–"
            noisy = d["stddev"] > NOISY * d["mean"]
            any_noisy = any_noisy or noisy
            lines.append(f"| {rows:,} | {tool} | {d['mean']:.2f} ± {d['stddev']:.2f}{' (!)' if noisy else ''} | "
                         f"{d['min']:.2f} – {d['max']:.2f} | {rss} | {rel} |")

    if any_noisy:
        lines += ["", f"(!) sd above {NOISY:.0%} of the mean: the machine was busy; rerun before trusting it."]

    lines += ["", "## Outputs agree", "",
              "Each output's data rows, valid rows (non-empty total) and sum of totals must agree. "
              "Byte-identical output to pandas is shown for information only.", "",
              "| rows | tool | output rows | valid rows | sum of totals | same bytes as pandas |",
              "|---:|---|---:|---:|---:|---|"]
    for rows in sizes:
        checks = {}
        for tool in TOOLS:
            d = data.get((rows, tool))
            if d is None:
                continue
            check = d["check"] or ("?", "?", "?")
            checks[tool] = check
            lines.append(f"| {rows:,} | {tool} | {' | '.join(check)} | {d['identical']} |")
        distinct = set(checks.values())
        if len(distinct) > 1 or any(c[0] != str(rows) for c in checks.values()):
            ok = False
            lines.append(f"\n**DISAGREE at {rows:,} rows**: the tools' outputs differ (or miss rows).\n")
    if ok:
        lines += ["", "All tools agree at every size."]

    lines += ["", "## Targets", ""]
    for rows in sizes:
        base = data.get((rows, "alliance"))
        others = [(t, data[(rows, t)]) for t in TOOLS[1:] if (rows, t) in data]
        if base and others:
            slower = [t for t, d in others if d["mean"] <= base["mean"]]
            verdict = "met" if not slower else f"MISSED, not faster than {', '.join(slower)}"
            fastest = min(d["mean"] for _, d in others)
            lines.append(f"- {rows:,} rows, faster than pandas and data.table: {verdict} "
                         f"(alliance {fastest / base['mean']:.2f}× as fast as the quicker of the two)")
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        for tool in TOOLS:
            a, b = data.get((small, tool)), data.get((large, tool))
            if a and b and a["rss_mb"] and b["rss_mb"]:
                ratio = b["rss_mb"] / a["rss_mb"]
                line = (f"- {tool} peak RSS {large:,} / {small:,} rows: {b['rss_mb']:.0f} / "
                        f"{a['rss_mb']:.0f} MB = {ratio:.2f}")
                if tool == "alliance":
                    line += (f" (target ≤ {MEMORY_FLAT:.2f}: "
                             f"{'met' if ratio <= MEMORY_FLAT else 'MISSED'})")
                lines.append(line)
    else:
        lines.append("- memory flatness needs two sizes (e.g. 1000000 5000000)")

    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
