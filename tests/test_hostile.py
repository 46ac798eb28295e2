"""Hostile submissions are graded within their limits and leave nothing behind."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import psutil
import pytest

from harness.course import lab_modules
from harness.grading import run_checks

HOSTILE = Path(__file__).parent / "hostile"


def leftovers(marker: str) -> list[str]:
    found = []
    for p in psutil.process_iter(["cmdline", "status"]):
        cmd = " ".join(p.info["cmdline"] or [])
        if marker in cmd and p.info["status"] != psutil.STATUS_ZOMBIE:
            found.append(f"{p.pid} {cmd}")
    return found


def grade(name: str, tmp_path: Path, *select: str) -> tuple[dict, float]:
    submission = tmp_path / f"hostile-{name}"
    shutil.copytree(HOSTILE / name, submission)
    results = tmp_path / "results.json"
    extra = ["-k", " or ".join(select)] if select else []
    started = time.monotonic()
    outcome = run_checks(submission, results, modules=lab_modules(only=["day2/echo_server"]),
                         extra=extra, timeout=300)
    elapsed = time.monotonic() - started
    assert results.exists(), outcome.log
    assert not leftovers(str(submission)), leftovers(str(submission))
    return json.loads(results.read_text()), elapsed


def test_endless_output_is_capped_and_graded(tmp_path):
    data, elapsed = grade("prints_forever", tmp_path)
    assert data["score"] == 0
    assert elapsed < 60
    assert len(json.dumps(data)) < 256 * 1024  # megabytes of output never reach the report
    first = data["tests"][0]
    assert "never listened" in first["output"] and "flood" in first["output"]
    assert "head and tail kept" in first["output"] and "left out" in first["output"]


def test_children_ignoring_sigterm_are_killed_and_reported(tmp_path):
    data, _ = grade("forks_unkillable_children", tmp_path)
    by_name = {t["extra_data"]["nodeid"].rsplit("::", 1)[1]: t for t in data["tests"]}
    assert by_name["test_echoes_binary_data_exactly"]["status"] == "passed"
    assert by_name["test_ends_on_sigterm"]["status"] == "failed"
    assert "socklab stopped processes" in by_name["test_echoes_binary_data_exactly"]["output"]


def test_a_hanging_server_fails_within_its_deadlines(tmp_path):
    data, elapsed = grade("hangs", tmp_path, "listens_on_its_port", "binary_data")
    statuses = {t["extra_data"]["nodeid"].rsplit("::", 1)[1]: t["extra_data"]["status"]
                for t in data["tests"]}
    assert statuses == {"test_listens_on_its_port": "passed",
                        "test_echoes_binary_data_exactly": "failed"}
    assert elapsed < 30


@pytest.mark.timeout(120)
def test_a_fork_bomb_is_stopped_and_named(tmp_path):
    data, elapsed = grade("fork_bomb", tmp_path)
    assert data["score"] == 0
    assert "more than" in data["tests"][0]["output"]
    assert elapsed < 60


def test_a_shipped_conftest_and_pytest_ini_are_never_loaded(tmp_path):
    data, _ = grade("ships_conftest", tmp_path)
    assert data["score"] == 0 and data["max_score"] > 0
    assert data["tests"][0]["extra_data"]["status"] == "failed"


def test_a_missing_file_is_named_and_the_rest_not_run(tmp_path):
    (tmp_path / "empty" / "day2").mkdir(parents=True)
    results = tmp_path / "results.json"
    run_checks(tmp_path / "empty", results, modules=lab_modules(only=["day2/echo_server"]))
    tests = json.loads(results.read_text())["tests"]
    assert "echo_server.py was not found" in tests[0]["output"]
    assert {t["extra_data"]["status"] for t in tests[1:]} == {"not-run"}
