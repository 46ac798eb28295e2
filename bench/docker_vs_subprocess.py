"""Per-submission grading time under both backends, their ratio, and the launch costs behind it.

    python bench/docker_vs_subprocess.py [--lab day2/echo_server ...] [--repeat 3]

Grades the reference (one submission) with ``--backend subprocess`` and ``--backend
docker`` (target: docker at most 2x), then measures one launch of a trivial program
three ways: a host process, ``docker exec`` in a running container (what the container
backend does), and a fresh container per launch (the design it rejected).
Needs the grading image (``socklab image build``).
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

from harness import docker_image  # noqa: E402
from harness.course import lab_modules  # noqa: E402
from harness.grading import run_checks  # noqa: E402
from harness.interpreter import student_python  # noqa: E402


def grade_once(labs, backend: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        started = time.monotonic()
        run_checks(ROOT / "reference", out, modules=lab_modules(only=labs),
                   extra=["--backend", backend])
        wall = time.monotonic() - started
        data = json.loads(out.read_text())
        assert data["score"] == data["max_score"], f"the reference lost points under {backend}"
        return wall


def launch_costs(n: int = 10) -> dict[str, float]:
    client = docker_image.client()
    api = client.api
    run = dict(init=True, network_mode="none", user="200000:200000", cap_drop=["ALL"],
               security_opt=["no-new-privileges"], read_only=True, labels={"socklab": "bench"})
    host, execs, fresh = [], [], []
    for _ in range(n):
        t = time.monotonic()
        subprocess.run([student_python(), "-c", "pass"], check=True)  # what socklab launches
        host.append(time.monotonic() - t)
    keeper = client.containers.run(docker_image.GRADING_TAG, ["sleep", "infinity"], detach=True, **run)
    try:
        for _ in range(n):
            t = time.monotonic()
            exec_id = api.exec_create(keeper.id, ["python3", "-c", "pass"])["Id"]
            api.exec_start(exec_id, detach=True)
            while api.exec_inspect(exec_id)["Running"] or not api.exec_inspect(exec_id)["Pid"]:
                pass
            execs.append(time.monotonic() - t)
    finally:
        keeper.remove(force=True)
    for _ in range(n):
        t = time.monotonic()
        c = client.containers.run(docker_image.GRADING_TAG, ["python3", "-c", "pass"], detach=True, **run)
        c.wait()
        fresh.append(time.monotonic() - t)
        c.remove(force=True)
    return {"host process": statistics.median(host), "docker exec": statistics.median(execs),
            "container per launch": statistics.median(fresh)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lab", action="append", help="lab ids (default: every lab)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    labs = args.lab
    times = {b: [grade_once(labs, b) for _ in range(args.repeat)] for b in ("subprocess", "docker")}
    sub, dock = (statistics.median(times[b]) for b in ("subprocess", "docker"))
    print(f"labs: {', '.join(labs) if labs else 'all'}; median of {args.repeat}")
    print(f"per submission  subprocess {sub:6.2f} s   docker {dock:6.2f} s   "
          f"ratio {dock / sub:.2f} (target <= 2)")
    print("one launch of `python3 -c pass` to its exit (median of 10):")
    for name, seconds in launch_costs().items():
        print(f"  {name:22s} {seconds * 1000:6.0f} ms")
    return 0 if dock / sub <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
