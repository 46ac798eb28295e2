"""Are verdicts the same every run, on a machine whose cores are all busy?

    python bench/mutant_stability.py --runs 20 [--lab day2/echo_server ...] [--no-hog]

Starts one CPU hog per core (plain busy loops, stopped at the end), then grades the
reference and every mutant of the chosen labs RUNS times, and prints per mutant how often
it lost exactly its checks, and how often the reference kept full marks.  Programs run
where socklab's tests run them (``tests.grading_helpers.BACKEND``: the sandbox wherever
this machine has one); the backend is printed first.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.grading_helpers import BACKEND, grade_lab, statuses  # noqa: E402
from tests.mutants import REFERENCE, all_mutants  # noqa: E402


def hog(stop_at: float) -> None:
    while time.time() < stop_at:
        pass


def verdict_ok(mutant, got: dict[str, str]) -> bool:
    failed = {n for n, s in got.items() if s in ("failed", "timeout")}
    others_ok = all(s in ("passed", "not-run") for n, s in got.items() if n not in mutant.catches)
    return failed == mutant.catches and others_ok


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--lab", action="append", default=None)
    parser.add_argument("--no-hog", action="store_true")
    args = parser.parse_args()
    mutants = [m for m in all_mutants() if args.lab is None or m.lab in args.lab]
    labs = sorted({m.lab for m in mutants})
    hogs = []
    if not args.no_hog:
        stop_at = time.time() + 3 * 3600
        hogs = [multiprocessing.Process(target=hog, args=(stop_at,), daemon=True)
                for _ in range(os.cpu_count() or 2)]
        for h in hogs:
            h.start()
    print(f"backend: {BACKEND}")
    caught, full = Counter(), Counter()
    started = time.monotonic()
    try:
        for run in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                tmp = Path(tmp)
                for lab in labs:
                    graded = grade_lab(REFERENCE, lab, tmp / f"ref-{lab.replace('/', '-')}")
                    full[lab] += all(t["score"] == t["max_score"] for t in graded.values())
                for i, m in enumerate(mutants):
                    sub = m.build(tmp / f"m{i}")
                    caught[m.id] += verdict_ok(m, statuses(grade_lab(sub, m.lab, tmp / f"o{i}")))
            print(f"run {run + 1}/{args.runs} done ({time.monotonic() - started:.0f} s)", flush=True)
    finally:
        for h in hogs:
            h.terminate()
            h.join()
    print(f"\nunder load: {'no' if args.no_hog else len(hogs)} CPU hog(s); {args.runs} runs")
    for lab in labs:
        print(f"reference {lab}: full marks {full[lab]}/{args.runs}")
    for m in mutants:
        print(f"mutant {m.id}: lost exactly {sorted(m.catches)} in {caught[m.id]}/{args.runs}")
    bad = ([m.id for m in mutants if caught[m.id] != args.runs]
           + [lab for lab in labs if full[lab] != args.runs])
    print("ALL STABLE" if not bad else f"UNSTABLE: {bad}")


if __name__ == "__main__":
    main()
