"""Submissions per minute for `socklab grade --jobs 1` and `--jobs 2` on copies of the reference.

    python bench/batch_throughput.py [--copies 6] [--lab day2/echo_server ...]

Target on 2 cores: --jobs 2 at least 1.7x the throughput of --jobs 1.  Also checks that
both runs give every copy the same score.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness.batch.inputs import discover  # noqa: E402
from harness.batch.runner import grade_batch  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--lab", action="append", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for i in range(args.copies):
            shutil.copytree(ROOT / "reference", tmp / "in" / f"student{i:02d}",
                            ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
        rates, totals = {}, {}
        for jobs in (1, 2):
            started = time.monotonic()
            done = grade_batch(discover([tmp / "in"]), tmp / f"out{jobs}", jobs=jobs, lang="en",
                               timeout=900, labs=args.lab, regrade=set(), formats=[],
                               console=Console(stderr=True, quiet=True))
            wall = time.monotonic() - started
            rates[jobs] = len(done) / wall * 60
            totals[jobs] = sorted((g.submission.name, sum(r.score for r in g.results)) for g in done)
            print(f"--jobs {jobs}: {len(done)} submissions in {wall:.1f} s = {rates[jobs]:.1f} per minute")
        print(f"speed-up with 2 jobs: {rates[2] / rates[1]:.2f}x (target 1.7x)")
        print("same scores for both:", totals[1] == totals[2])


if __name__ == "__main__":
    main()
