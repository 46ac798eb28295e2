"""What the sandbox costs: per launch, and for a whole submission, beside plain host processes.

    python bench/sandbox_cost.py [--launches 40] [--repeat 2] [--lab all | --lab day2/echo_server ...]

Prints, for the ``subprocess`` (unsandboxed) and ``sandbox`` backends: the median time of
one launch of a program that exits at once (start to exit collected, teardown included),
and the wall time of grading the reference (interleaved runs, the median of each), with
their ratio (target: a whole submission within 1.2x of the unsandboxed figure).
Needs root and bubblewrap for the sandbox side.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness import backends, sandbox  # noqa: E402
from harness.course import lab_ids, lab_modules  # noqa: E402
from harness.grading import run_checks  # noqa: E402
from harness.lab import Lab  # noqa: E402

BACKENDS = ("subprocess", "sandbox")


def launch_seconds(backend_name: str, launches: int) -> float:
    """Median seconds of one launch of ``exit 0`` in Python, torn down like a check's."""
    with tempfile.TemporaryDirectory() as tmp:
        day = Path(tmp) / "day1"
        day.mkdir()
        (day / "byteorder.py").write_text("pass\n")
        backend = backends.create(backend_name, **(
            {"submission": tmp} if backend_name in backends.PER_SUBMISSION else {}))
        times = []
        try:
            for _ in range(launches):
                lab = Lab("day1/byteorder", str(day), backend=backend)
                started = time.monotonic()
                program = lab.launch()
                program.wait_exit(10)
                lab.teardown()
                times.append(time.monotonic() - started)
        finally:
            backend.close()
        return statistics.median(times)


def grade_seconds(backend_name: str, labs: list[str]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        started = time.monotonic()
        run_checks(ROOT / "reference", out, modules=lab_modules(only=labs),
                   extra=["--backend", backend_name])
        wall = time.monotonic() - started
        data = json.loads(out.read_text())
        lost = [(t["name"], t["extra_data"]["status"], t["output"][:600]) for t in data["tests"]
                if t["score"] != t["max_score"]]
        if lost:  # a measurement of a wrong verdict is no measurement: say which
            print(f"the reference lost points under {backend_name}: {lost}")
        return wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--lab", action="append", default=None)
    args = parser.parse_args()
    problem = sandbox.why_unavailable()
    if problem:
        print(f"no sandbox here: {problem}")
        return 2
    labs = lab_ids() if not args.lab or args.lab == ["all"] else args.lab
    for name in BACKENDS:
        print(f"one launch ({name}): {1000 * launch_seconds(name, args.launches):.1f} ms (median)")
    walls: dict[str, list[float]] = {name: [] for name in BACKENDS}
    for _ in range(args.repeat):  # interleaved: both sides see the same machine load
        for name in BACKENDS:
            walls[name].append(grade_seconds(name, labs))
    plain, boxed = (statistics.median(walls[name]) for name in BACKENDS)
    print(f"reference, {len(labs)} labs: subprocess {plain:.1f} s, sandbox {boxed:.1f} s "
          f"(runs {walls}); ratio {boxed / plain:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
