#!/usr/bin/env python3
"""Generate a wide PHQ-9 CSV for benchmarking `alliance score`.

    gen_phq9.py ROWS OUT.csv [--seed N]

Header: client,session,date,q1,...,q9. Clients c000001, c000002, ... have 20 weekly sessions each
(the last client may have fewer). Each client has a baseline severity that improves over the
sessions with some noise, and the nine answers (0-3) are drawn around that severity, so totals and
bands have a realistic spread with most answers low. About 1 row in 200 has one empty answer and
about 1 row in 1000 has one out-of-range answer (4, 5 or 9): both must be reported as invalid.

Standard library only and deterministic for a given seed. Rows are drawn from precomputed pools of
answer strings, one pool per expected total, and written through a large buffer, so 5 million rows
take well under a minute.
"""

import argparse
import datetime
import random
import sys

SESSIONS_PER_CLIENT = 20
MISSING_RATE = 1 / 200
OUT_OF_RANGE_RATE = 1 / 1000
POOL_BITS = 11  # 2048 precomputed answer lines per severity level
LEVELS = 28  # expected totals 0..27
FIRST_DAY = datetime.date(2019, 1, 7).toordinal()
START_SPREAD_DAYS = 5 * 365


def answer_pools(rng):
    """For each expected total t, lines of nine answers, each answer ~ Binomial(3, t/27)."""
    pools = []
    for level in range(LEVELS):
        p = level / 27
        pool = []
        for _ in range(1 << POOL_BITS):
            answers = [(rng.random() < p) + (rng.random() < p) + (rng.random() < p) for _ in range(9)]
            pool.append(answers)
        pools.append(pool)
    return pools


def to_line(answers):
    return ",".join(map(str, answers))


def main(argv):
    parser = argparse.ArgumentParser(description="Generate a wide PHQ-9 CSV for benchmarks.")
    parser.add_argument("rows", type=int, help="number of data rows")
    parser.add_argument("out", help="output CSV path")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    args = parser.parse_args(argv)
    if args.rows < 0:
        parser.error("ROWS must be >= 0")

    rng = random.Random(args.seed)
    pools = answer_pools(rng)
    clean = [[to_line(a) for a in pool] for pool in pools]
    mask = (1 << POOL_BITS) - 1
    getrandbits, rand, randrange, gauss = rng.getrandbits, rng.random, rng.randrange, rng.gauss
    dates = {}  # ordinal -> ISO string cache

    with open(args.out, "w", encoding="ascii", newline="", buffering=16 << 20) as out:
        out.write("client,session,date,q1,q2,q3,q4,q5,q6,q7,q8,q9\n")
        write = out.write
        written = 0
        client = 0
        while written < args.rows:
            client += 1
            cid = f"c{client:06d}"
            # Baseline total: most clients start mild to moderately severe; a few minimal or severe.
            baseline = min(27.0, max(0.0, gauss(13.0, 5.5)))
            # Per-session improvement: most improve, some do not, a few get worse.
            slope = gauss(0.45, 0.4)
            day = FIRST_DAY + randrange(START_SPREAD_DAYS)
            sessions = min(SESSIONS_PER_CLIENT, args.rows - written)
            buf = []
            for session in range(1, sessions + 1):
                level = int(baseline - slope * (session - 1) + gauss(0.0, 2.0) + 0.5)
                level = 0 if level < 0 else 27 if level > 27 else level
                iso = dates.get(day)
                if iso is None:
                    iso = dates[day] = datetime.date.fromordinal(day).isoformat()
                r = rand()
                if r >= MISSING_RATE + OUT_OF_RANGE_RATE:
                    answers = clean[level][getrandbits(POOL_BITS) & mask]
                else:
                    items = [str(a) for a in pools[level][getrandbits(POOL_BITS) & mask]]
                    if r < MISSING_RATE:
                        items[randrange(9)] = ""
                    else:
                        items[randrange(9)] = ("4", "4", "5", "9")[randrange(4)]
                    answers = ",".join(items)
                buf.append(f"{cid},{session},{iso},{answers}\n")
                day += 7 if rand() < 0.8 else 7 * (1 + randrange(3))
            write("".join(buf))
            written += sessions
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
