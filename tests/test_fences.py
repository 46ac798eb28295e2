"""Fences a student cannot leave: a grading run's time limit holds, its results come only
from itself, and in ``socklab ci`` nothing of the student outlives grading.

The hostile programs leave every fence they can (process group, session, and as root
their pids cgroup) and each test checks that nothing of the submission is left running.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import time
from pathlib import Path

import pytest

from harness import containment
from harness.course import lab_modules
from harness.grading import run_checks
from tests.test_ci import commit, run_ci, student  # noqa: F401 - student is a fixture
from tests.test_hostile import HOSTILE, leftovers

ECHO = lab_modules(only=["day2/echo_server"])

# Plants a perfect score where its grading run will write its results, then kills the run
# (its parent) so that the plugin never replaces it.
PLANTING_SERVER = r'''import json, os, signal
run = os.getppid()
argv = open(f"/proc/{run}/cmdline", "rb").read().split(b"\0")
path = argv[argv.index(b"--socklab-json") + 1].decode()
with open(path, "w") as fh:
    json.dump({"score": 100, "tests": [{"name": "planted", "score": 100, "max_score": 100}]}, fh)
os.kill(run, signal.SIGKILL)
'''


@pytest.fixture
def submission(tmp_path):
    """Copies a hostile submission; kills whatever of it a failed test left running."""
    made = []

    def copy(name: str) -> Path:
        path = tmp_path / f"hostile-{name}"
        shutil.copytree(HOSTILE / name, path)
        made.append(path)
        return path
    yield copy
    for path in made:
        containment.kill_pids(int(line.split()[0]) for line in leftovers(str(path)))


def test_a_daemon_holding_the_runs_output_does_not_hold_the_grader(tmp_path, submission):
    sub = submission("holds_pipes")
    results = tmp_path / "results.json"
    started = time.monotonic()
    outcome = run_checks(sub, results, modules=ECHO, extra=["-k", "listens_on_its_port"], timeout=90)
    elapsed = time.monotonic() - started

    assert re.search(r"holds [1-9]\d* pipes", (sub / "day2/daemon.started").read_text())
    assert elapsed < 45, outcome.log          # the daemon would hold the output for 120 s
    assert not outcome.timed_out and results.exists(), outcome.log
    assert [t["status"] for t in json.loads(results.read_text())["tests"]] == ["passed"]
    assert not leftovers(str(sub)), leftovers(str(sub))


def test_the_time_limit_holds_while_a_daemon_holds_the_runs_output(tmp_path, submission):
    sub = submission("holds_pipes")
    results = tmp_path / "results.json"
    results.write_text('{"score": 100, "tests": []}')   # an earlier run's
    limit = 12
    started = time.monotonic()
    # stretched deadlines: the check waits for an echo far longer than the run may last
    outcome = run_checks(sub, results, modules=ECHO, timeout=limit,
                         extra=["-k", "echoes_a_mebibyte", "--timeout-scale", "20"])
    elapsed = time.monotonic() - started

    assert re.search(r"holds [1-9]\d* pipes", (sub / "day2/daemon.started").read_text())
    assert outcome.timed_out and elapsed < limit + 8, (elapsed, outcome.log)
    assert not results.exists()               # never the earlier run's score as this one's
    assert not leftovers(str(sub)), leftovers(str(sub))


def test_results_planted_by_a_program_that_kills_its_run_are_not_read(tmp_path):
    sub = tmp_path / "hostile-plants-results"
    (sub / "day2").mkdir(parents=True)
    (sub / "day2/echo_server.py").write_text(PLANTING_SERVER)
    results = tmp_path / "results.json"
    outcome = run_checks(sub, results, modules=ECHO, timeout=120)

    assert outcome.returncode == -9 and not outcome.timed_out, outcome.log
    assert not results.exists()


@pytest.mark.timeout(300)
def test_nothing_of_the_student_outlives_socklab_ci(tmp_path, student, submission):  # noqa: F811
    repo, base = student
    program = submission("ci_survivor") / "day2/echo_server.py"
    commit(repo, {"labs/day2/echo_server.py": program.read_text()})
    try:
        run = run_ci(tmp_path, repo, base)
    finally:  # should the daemon survive, it must not write for a minute after the test
        alive = leftovers(str(repo))
        containment.kill_pids(int(line.split()[0]) for line in alive)
    assert not alive, alive
    assert run.returncode == 0, run.log + run.stderr
    assert "found 3 runner files" in (repo / "labs/day2/survivor.started").read_text()

    runner = tmp_path / "runner-socklab-hostile"
    lines = (runner / "github_output").read_text().splitlines()
    assert [line.split("=", 1)[0] for line in lines] == ["result", "score", "max_score", "percent",
                                                         "verified"], lines
    assert json.loads(base64.b64decode(run.outputs["result"]))["max_score"] > 0
    assert run.outputs["score"] == "0"
    assert run.github_env == "EARLIER_STEP=1\n"
    assert "FORGED" not in run.summary and run.summary.count("## socklab:") == 1
