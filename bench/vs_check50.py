"""socklab and check50 side by side on the same echo_server checks of the same submission.

    pip install check50   # once; offline afterwards
    python bench/vs_check50.py [--runs 5] [--same-python]

Both run the same four checks (binary echo, 1 MiB, one byte per segment, clients in
turn) on reference/day2/echo_server.py; check50 offline with --dev from
bench/check50_echo/, starting the server with the interpreter check50 runs on;
socklab with its own (the same Python in a bare venv, see harness/interpreter.py).
Prints the wall time per run and per check, the ratio, and how often each grader gave
the reference full marks (a grader that flakes on a correct program is slow in a
different way).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SELECT = "binary_data or mebibyte or how_data_is_split or one_after_another"
CHECKS = 4


SERVER_PYTHON: dict[str, str] = {}  # --same-python: check50 starts servers as socklab does


def run_check50(*target: str) -> tuple[float, bool]:
    started = time.monotonic()
    out = subprocess.run(["check50", "--dev", "--offline", str(ROOT / "bench" / "check50_echo"),
                          *(["--target", *target] if target else []), "-o", "json"],
                         cwd=ROOT / "reference" / "day2", capture_output=True, text=True,
                         env={**os.environ, **SERVER_PYTHON})
    wall = time.monotonic() - started
    try:
        results = json.loads(out.stdout)["results"]
    except (ValueError, KeyError):
        return wall, False
    return wall, all(r["passed"] for r in results)


def run_socklab(select: str = SELECT) -> tuple[float, bool]:
    with tempfile.TemporaryDirectory() as tmp:
        results = Path(tmp) / "results.json"
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        str(ROOT / "labs" / "day2" / "test_echo_server.py"), "--submission",
                        str(ROOT / "reference"), "-k", select, "--socklab-json", str(results)],
                       cwd=ROOT, capture_output=True)
        wall = time.monotonic() - started
        if not results.exists():
            return wall, False
        data = json.loads(results.read_text())
        return wall, len(data["tests"]) == CHECKS and data["score"] == data["max_score"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--same-python", action="store_true",
                        help="check50's servers run under socklab's bare interpreter too, so "
                             "that the ratio leaves out what that interpreter saves")
    args = parser.parse_args()
    if args.same_python:
        sys.path.insert(0, str(ROOT))
        from harness.interpreter import student_python
        SERVER_PYTHON["BENCH_SERVER_PYTHON"] = student_python()
    if shutil.which("check50") is None:
        sys.exit("check50 is not installed: pip install check50")
    # interleaved, so that a change in the machine's load falls on both alike
    c50, sock, c50_bases, sock_bases = [], [], [], []
    for _ in range(args.runs):
        c50.append(run_check50())
        sock.append(run_socklab())
        # each tool's fixed cost (interpreter, imports, collection): a trivial run
        c50_bases.append(run_check50("exists")[0])
        sock_bases.append(run_socklab("no_such_check")[0])
    c50_base, sock_base = statistics.median(c50_bases), statistics.median(sock_bases)
    c50_wall = statistics.median(w for w, _ in c50)
    sock_wall = statistics.median(w for w, _ in sock)
    c50_check = (c50_wall - c50_base) / CHECKS
    sock_check = (sock_wall - sock_base) / CHECKS
    print(f"same {CHECKS} echo_server checks, reference submission, {args.runs} runs each; "
          f"check50's servers run under {SERVER_PYTHON.get('BENCH_SERVER_PYTHON', sys.executable)}")
    for name, wall, base, per, runs in (("check50 --dev --offline", c50_wall, c50_base, c50_check, c50),
                                        ("socklab (pytest)", sock_wall, sock_base, sock_check, sock)):
        print(f"{name:24} run {wall:.2f} s, start-up {base:.2f} s, per check {per * 1000:.0f} ms; "
              f"full marks {sum(ok for _, ok in runs)}/{args.runs}")
    print(f"per check (start-up excluded): socklab is {c50_check / sock_check:.1f}x faster; "
          f"whole run: {c50_wall / sock_wall:.1f}x")


if __name__ == "__main__":
    main()
