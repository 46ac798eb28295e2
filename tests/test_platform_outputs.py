"""Outputs for other platforms are what their consumers accept.

* ``final_grades.csv`` (``--format otter-csv``) is what ``otter grade`` itself writes. The
  rules below are otter-grader 7.0.0's, read from its source: ``otter/grade/utils.py``
  (``merge_scores_to_df``, ``get_points_possible_df``, ``merge_csv``),
  ``otter/test_files/__init__.py`` (``GradingResults.total``/``possible``/``percent``) and
  ``otter/grade/__init__.py`` (``output_df.to_csv(out / "final_grades.csv", index=False)``).
  Where otter (and pandas) can be imported, the file is compared with otter's own code too.
* ``junit.xml`` (pytest's ``--junitxml`` in the grading run): a student's failure is a
  ``<failure>``, never an ``<error>``, and each testcase carries the check's ``score``,
  ``max_score`` and ``title`` as ``<properties>``.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from harness.batch.adapters import otter_rows, write_class
from harness.batch.inputs import Submission
from harness.batch.runner import Graded, folder_name
from harness.course import lab_modules
from harness.grading import run_checks
from harness.results import CheckResult

QUESTIONS = {"day2/echo_server: listens": 1.0, "day2/echo_server: echoes": 2.0,
             "day1/byteorder: Shows bytes": 3.0}


def student(name: str, earned: dict[str, float], status: str = "ok") -> Graded:
    results = [CheckResult(nodeid=f"labs/x.py::{q}", lab=q.split(": ")[0], name=q.split(": ")[1],
                           category="correctness", max_score=points, score=earned.get(q, 0.0),
                           status="passed" if earned.get(q) == points else "failed")
               for q, points in QUESTIONS.items()]
    if status != "ok":  # socklab's own row for a run it could not finish
        results.append(CheckResult(nodeid="socklab::batch", lab="socklab", name="grading",
                                   category="robustness", max_score=0, status="infra-error"))
    return Graded(Submission(name=name, source=Path("/nowhere") / name, kind="folder"),
                  folder_name(name), status=status, results=results)


def a_class() -> list[Graded]:
    return [student("zoe", {"day2/echo_server: listens": 1.0, "day1/byteorder: Shows bytes": 3.0}),
            student("amy", {"day2/echo_server: echoes": 2.0}),
            student("kim", {"day2/echo_server: listens": 1.0}, status="timeout")]


def written(tmp_path: Path, done: list[Graded]) -> str:
    write_class("otter-csv", tmp_path, done)
    return (tmp_path / "final_grades.csv").read_bytes().decode("utf-8")


def test_final_grades_csv_follows_otters_rules(tmp_path):
    text = written(tmp_path, a_class())
    assert "\r" not in text and text.endswith("\n")  # pandas' to_csv on POSIX: "\n"
    rows = list(csv.reader(io.StringIO(text)))
    header, points, *students = rows
    # columns: file, the questions in sorted() order, then the three summary columns
    assert header == ["file", *sorted(QUESTIONS), "total_points_earned", "percent_correct",
                      "grading_status"]
    # the points row first: points per question, total possible, percent 1, status "--"
    assert points[0] == "points-per-question"
    assert [float(c) for c in points[1:-2]] == [QUESTIONS[q] for q in sorted(QUESTIONS)] + [6.0]
    assert float(points[-2]) == 1 and points[-1] == "--"
    # then the submissions, sorted by file
    assert [r[0] for r in students] == ["amy", "kim", "zoe"]
    by_name = {r[0]: dict(zip(header, r, strict=True)) for r in students}
    amy, kim, zoe = by_name["amy"], by_name["kim"], by_name["zoe"]
    assert amy["grading_status"] == zoe["grading_status"] == "Completed"
    # percent_correct is round(total / possible, 4), a fraction, not a percentage
    assert float(amy["percent_correct"]) == round(2 / 6, 4) == 0.3333
    assert float(zoe["percent_correct"]) == round(4 / 6, 4)
    assert float(zoe["total_points_earned"]) == 4 and float(zoe["day1/byteorder: Shows bytes"]) == 3
    # a submission that could not be graded (otter's "catastrophic failure"): 0 everywhere,
    # and why as its grading_status
    assert kim["grading_status"] == "timeout"
    assert all(float(v) == 0 for k, v in kim.items() if k not in ("file", "grading_status"))


def test_final_grades_csv_is_written_as_pandas_writes_otters_frame(tmp_path):
    """Byte for byte, as otter 7.0.0's merge_scores_to_df(...).to_csv(index=False) wrote it
    for the same class (checked with otter's code and pandas): whole points are ints, as a
    test file's points are; a column holding one float (percent_correct always does) is
    float64 throughout, so the points row's percent is ``1.0``."""
    assert written(tmp_path, a_class()) == (
        "file,day1/byteorder: Shows bytes,day2/echo_server: echoes,day2/echo_server: listens,"
        "total_points_earned,percent_correct,grading_status\n"
        "points-per-question,3,2,1,6,1.0,--\n"
        "amy,0,2,0,2,0.3333,Completed\n"
        "kim,0,0,0,0,0.0,timeout\n"
        "zoe,3,0,1,4,0.6667,Completed\n")
    half = [student("al", {"day2/echo_server: echoes": 0.5})]
    assert written(tmp_path, half).splitlines()[1:] == [
        "points-per-question,3,2.0,1,6.0,1.0,--", "al,0,0.5,0,0.5,0.0833,Completed"]


def test_final_grades_csv_matches_otters_own_code_where_installed(tmp_path):
    utils = pytest.importorskip("otter.grade.utils")  # otter-grader (with pandas, docker client)

    class File:
        def __init__(self, score, possible):
            self.score, self.possible = score, possible

        def to_dict(self):
            return {"score": self.score, "possible": self.possible}

    class Results:  # the part of otter.test_files.GradingResults merge_scores_to_df uses
        def __init__(self, g: Graded):
            self.file = g.submission.name
            self.catastrophic_error = None if g.status == "ok" else g.status
            whole = lambda x: int(x) if float(x).is_integer() else x  # noqa: E731
            self.results = {} if self.catastrophic_error else {
                f"{r.lab}: {r.name}": File(whole(r.score), whole(r.max_score)) for r in g.results}

        def has_catastrophic_failure(self):
            return self.catastrophic_error is not None

        def to_dict(self):
            return {k: f.to_dict() for k, f in self.results.items()}

        @property
        def total(self):
            return sum(f.score for f in self.results.values())

        @property
        def possible(self):
            return sum(f.possible for f in self.results.values())

        @property
        def percent(self):
            return round(self.total / self.possible, 4) if self.possible else 0

    done = a_class()
    theirs = utils.merge_scores_to_df([Results(g) for g in done]).to_csv(index=False)
    assert written(tmp_path, done) == theirs


def test_final_grades_csv_still_never_starts_a_formula(tmp_path):
    rows = list(csv.reader(io.StringIO(written(tmp_path, [student("=1+1", {})]))))
    assert rows[2][0] == "'=1+1"
    assert otter_rows([student("=1+1", {})])[2][0] == "=1+1"  # quoted only when written


def test_junit_a_missing_lab_file_is_a_failure_with_points_as_properties(tmp_path):
    (tmp_path / "empty" / "day2").mkdir(parents=True)
    results, junit = tmp_path / "results.json", tmp_path / "junit.xml"
    outcome = run_checks(tmp_path / "empty", results, junit=str(junit),
                         modules=lab_modules(only=["day2/echo_server"]))
    assert junit.exists(), outcome.log
    tests = json.loads(results.read_text())["tests"]
    cases = ET.parse(junit).getroot().findall(".//testcase")
    assert len(cases) == len(tests) > 1
    assert not [c for c in cases if c.find("error") is not None], ET.tostring(cases[0])
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["test_listens_on_its_port"]  # the function name
    assert "echo_server.py was not found" in failed[0].find("failure").get("message")
    assert all(c.find("skipped") is not None for c in cases if c not in failed)  # not run
    for case, test in zip(cases, tests, strict=True):
        props = {p.get("name"): p.get("value") for p in case.findall("properties/property")}
        assert props["title"] == test["name"].partition(": ")[2], props
        assert float(props["score"]) == test["score"] == 0
        assert float(props["max_score"]) == test["max_score"] > 0
