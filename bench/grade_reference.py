"""Wall time to grade the reference, and what socklab adds on top of the programs' own run time.

    python bench/grade_reference.py [--lab day2/echo_server ... | --lab all] [--repeat 3]

Prints: the wall time of `socklab grade reference` for the chosen labs (target for the
two echo labs: under 5 s on 2 cores), the time per check, and the harness overhead of one
launch (start, wait until listening, tear down) beyond the interpreter's own start-up.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness.course import lab_ids, lab_modules  # noqa: E402
from harness.grading import run_checks  # noqa: E402
from harness.interpreter import student_python  # noqa: E402
from harness.lab import Lab  # noqa: E402


def grade_once(labs: list[str]) -> tuple[float, list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        started = time.monotonic()
        run_checks(ROOT / "reference", out, modules=lab_modules(only=labs))
        wall = time.monotonic() - started
        data = json.loads(out.read_text())
        assert data["score"] == data["max_score"], "the reference lost points"
        return wall, [t["extra_data"]["duration"] for t in data["tests"]]


def interpreter_startup(n: int = 10) -> float:
    times = []
    for _ in range(n):
        t = time.monotonic()
        subprocess.run([student_python(), "-c", "import socket, sys"], check=True)
        times.append(time.monotonic() - t)
    return statistics.median(times)


def launch_overhead(n: int = 10) -> float:
    """Launch the reference echo server, wait until it listens, tear it all down."""
    times = []
    for _ in range(n):
        lab = Lab("day2/echo_server", str(ROOT / "reference" / "day2"))
        t = time.monotonic()
        lab.start_server()
        lab.teardown()
        times.append(time.monotonic() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lab", action="append", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    labs = args.lab or ["day2/echo_server", "day2/echo_client"]
    if labs == ["all"]:
        labs = lab_ids()
    unknown = set(labs) - set(lab_ids())
    if unknown:  # an empty selection would make the grading run collect the whole project
        sys.exit(f"no such lab: {', '.join(sorted(unknown))}")
    walls, durations = [], []
    for _ in range(args.repeat):
        wall, per_check = grade_once(labs)
        walls.append(wall)
        durations.extend(per_check)
    startup = interpreter_startup()
    launch = launch_overhead()
    print(f"labs: {', '.join(labs)}")
    print(f"grade wall time: median {statistics.median(walls):.2f} s "
          f"(min {min(walls):.2f}, max {max(walls):.2f}, {args.repeat} runs)")
    print(f"checks per run: {len(durations) // args.repeat}; "
          f"median check {statistics.median(durations) * 1000:.0f} ms, max {max(durations) * 1000:.0f} ms")
    print(f"python start-up alone (the programs' interpreter): {startup * 1000:.0f} ms")
    print(f"launch + wait-listening + teardown: {launch * 1000:.0f} ms "
          f"(harness overhead per launch ≈ {(launch - startup) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
