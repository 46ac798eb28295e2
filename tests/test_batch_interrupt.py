"""Ctrl-C stops a batch: nobody new is started, what was graded is written, nothing is left."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from harness.timing import wait_until

ROOT = Path(__file__).resolve().parents[1]
STUDENTS = [f"s{i}" for i in range(8)]


def graded_folders(out: Path) -> set[str]:
    return {p.parent.name for p in out.glob("*/results.json")}


def test_ctrl_c_stops_starting_students_and_writes_what_was_graded(tmp_path):
    inbox = tmp_path / "class"
    for name in STUDENTS:
        shutil.copytree(ROOT / "reference" / "day2", inbox / name / "day2")
    out = tmp_path / "out"
    batch = subprocess.Popen(
        [sys.executable, "-m", "harness.cli", "grade", str(inbox), "--out", str(out), "--jobs", "1",
         "--lab", "day2/echo_server", "--trust-submissions"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_until(lambda: graded_folders(out), 120), "no student was graded"
        batch.send_signal(signal.SIGINT)
        at_signal = graded_folders(out)
        _, err = batch.communicate(timeout=60)
    finally:
        if batch.poll() is None:
            batch.kill()
    assert batch.returncode == 130, err
    assert "Run the same command again" in err
    # no new student was started after the signal: at most the one running then got a folder
    assert len(graded_folders(out)) <= len(at_signal) + 1 < len(STUDENTS)
    rows = list(csv.DictReader(io.StringIO((out / "gradebook.csv").read_text())))
    assert {r["student"] for r in rows} <= at_signal | graded_folders(out) and rows
    assert all(r["grading_status"] == "ok" for r in rows)
    assert (out / "class.html").exists()
    for name in {r["student"] for r in rows}:  # finished students' files are whole
        assert json.loads((out / name / "results.json").read_text())["score"] == 19
    left = [p.pid for p in psutil.process_iter(["cmdline"])
            if any(str(inbox) in a for a in p.info["cmdline"] or [])]
    assert not left, left
    assert os.path.exists(out)


def test_the_same_command_again_grades_the_rest(tmp_path):
    """Resuming after an interruption: the kept students are not graded twice."""
    inbox = tmp_path / "class"
    for name in STUDENTS[:3]:
        shutil.copytree(ROOT / "reference" / "day2", inbox / name / "day2")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "harness.cli", "grade", str(inbox), "--out", str(out), "--jobs", "1",
               "--lab", "day2/echo_server", "--trust-submissions"]
    batch = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert wait_until(lambda: graded_folders(out), 120)
    batch.send_signal(signal.SIGINT)
    batch.communicate(timeout=60)
    started = time.monotonic()
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "unchanged since the last run" in again.stdout and time.monotonic() - started < 120
    rows = list(csv.DictReader(io.StringIO((out / "gradebook.csv").read_text())))
    assert sorted(r["student"] for r in rows) == STUDENTS[:3]
    assert all(r["total"] == "19" for r in rows)
