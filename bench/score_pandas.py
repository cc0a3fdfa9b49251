#!/usr/bin/python3
"""Score a wide PHQ-9 CSV with pandas: the same job as `alliance score --instrument phq-9 --format csv`.

    score_pandas.py IN.csv OUT.csv

Input: client,session,date,q1..q9. A row is valid when all nine answers are present and each is an
integer 0-3; then total = q1 + ... + q9, band = minimal (0-4), mild (5-9), moderate (10-14),
moderately severe (15-19) or severe (20-27), and clinical = total >= 10. Invalid rows keep their
client, session and date with empty total, band and clinical and valid=false.

Output: client,session,date,instrument,total,band,clinical,valid (instrument "phq-9", booleans
"true"/"false"). Run with Debian's /usr/bin/python3 (python3-pandas).

Meant as a fair competitor: the answers are checked and summed as one numpy matrix, and the
low-cardinality output columns are categoricals (code -1 writes as an empty cell), which is the
quickest way to get them through DataFrame.to_csv.
"""

import sys

import numpy as np
import pandas as pd

ITEMS = [f"q{i}" for i in range(1, 10)]
BAND_EDGES = np.array([5, 10, 15, 20])
BANDS = ["minimal", "mild", "moderate", "moderately severe", "severe"]
TOTALS = [str(t) for t in range(28)]
BOOLEANS = ["false", "true"]


def score(df: pd.DataFrame) -> pd.DataFrame:
    answers = df[ITEMS]
    if any(dtype == object for dtype in answers.dtypes):  # a non-numeric cell somewhere: it is invalid
        answers = answers.apply(pd.to_numeric, errors="coerce")
    q = answers.to_numpy(dtype=np.float64)  # empty cells are NaN, which fails every comparison below
    valid = ((q >= 0) & (q <= 3) & (q == np.floor(q))).all(axis=1)
    total = np.where(valid, q.sum(axis=1), -1).astype(np.int64)  # -1: no total

    def codes(values):
        return np.where(valid, values, -1)

    return pd.DataFrame({
        "client": df["client"],
        "session": df["session"],
        "date": df["date"],
        "instrument": pd.Categorical.from_codes(np.zeros(len(df), dtype=np.int8), ["phq-9"]),
        "total": pd.Categorical.from_codes(total, TOTALS),
        "band": pd.Categorical.from_codes(codes(np.searchsorted(BAND_EDGES, total, side="right")), BANDS),
        "clinical": pd.Categorical.from_codes(codes(total >= 10), BOOLEANS),
        "valid": pd.Categorical.from_codes(valid.astype(np.int8), BOOLEANS),
    })


def main(argv):
    if len(argv) != 2:
        print("usage: score_pandas.py IN.csv OUT.csv", file=sys.stderr)
        return 2
    source, target = argv
    # client and date are passed through untouched, so they are read as text, not parsed.
    df = pd.read_csv(source, dtype={"client": str, "date": str}, keep_default_na=False,
                     na_values={item: [""] for item in ITEMS})
    score(df).to_csv(target, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
