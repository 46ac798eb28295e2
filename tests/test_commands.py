"""A lab handed in as a compiled program, graded through the course's launch command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.grading_helpers import GRADE_FLAGS

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("gcc") is None, reason="no C compiler here")
def test_a_folder_holding_only_a_binary_is_graded_with_a_command(tmp_path):
    day = tmp_path / "submission" / "day2"
    day.mkdir(parents=True)
    source = ROOT / "tests" / "c" / "echo_server.c"
    subprocess.run(["gcc", "-O2", "-Wall", "-o", str(day / "echo_server"), str(source)], check=True)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "harness.cli", "grade", str(tmp_path / "submission"),
                           "--out", str(out), "--lab", "day2/echo_server",
                           "--command", "day2/echo_server={dir}/echo_server", *GRADE_FLAGS],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads((out / "results.json").read_text())
    failed = {t["name"]: t["output"][:500] for t in data["tests"] if t["score"] != t["max_score"]}
    assert data["score"] == data["max_score"] == 19, failed
    assert ".py" not in (out / "report.txt").read_text()  # reports name the real program


def test_a_missing_binary_is_named_as_the_course_names_it(tmp_path):
    (tmp_path / "submission" / "day2").mkdir(parents=True)
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "harness.cli", "grade", str(tmp_path / "submission"),
                    "--out", str(out), "--lab", "day2/echo_server",
                    "--command", "day2/echo_server={dir}/echo_server", *GRADE_FLAGS],
                   cwd=ROOT, capture_output=True, text=True, timeout=300)
    first = json.loads((out / "results.json").read_text())["tests"][0]
    assert "day2/echo_server was not found" in first["output"], first["output"]
