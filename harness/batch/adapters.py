"""Other graders' formats, written from socklab's results.

* ``prairielearn``: ``<student>/results.prairielearn.json`` (``gradable``, ``score`` 0–1,
  ``tests[]`` with ``points``/``max_points``), for PrairieLearn's external grader.
* ``otter-csv``: ``final_grades.csv`` like ``otter grade`` writes (``file``, a column per
  check, ``total_points_earned``, ``percent_correct``, ``grading_status``; the first data
  row is ``points-per-question``).

Both carry text a student controls (feedback quoting the program's output, the student's
name): JSON text is made visible, and a CSV cell never starts a spreadsheet formula.
"""

from __future__ import annotations

import json
from pathlib import Path

from harness.quoting import csv_text, number, visible
from harness.results import CheckResult, atomic_write

FORMATS = ("prairielearn", "otter-csv")


def prairielearn(results: list[CheckResult]) -> dict:
    got = sum(r.score for r in results)
    total = sum(r.max_score for r in results)
    return {
        "gradable": not any(r.status == "infra-error" for r in results),
        "score": round(got / total, 4) if total else 0.0,
        "message": f"{got:g}/{total:g}",
        "tests": [{"name": f"{r.lab}: {r.name}", "description": r.category,
                   "points": r.score, "max_points": r.max_score,
                   "message": "" if r.visibility == "hidden" else visible(r.feedback),
                   "output": "" if r.visibility == "hidden" else visible(r.output)} for r in results],
    }


def write_student(fmt: str, target: Path, results: list[CheckResult], lang: str) -> None:
    if fmt == "prairielearn":
        atomic_write(str(target / "results.prairielearn.json"),
                     json.dumps(prairielearn(results), indent=2, ensure_ascii=False))


def write_class(fmt: str, out: Path, done) -> None:
    if fmt != "otter-csv":
        return
    names = []
    for g in done:
        for r in g.results:
            key = f"{r.lab}: {r.name}"
            if r.lab != "socklab" and key not in names:
                names.append(key)
    maxima = {f"{r.lab}: {r.name}": r.max_score for g in done for r in g.results}
    total_max = sum(maxima[n] for n in names)
    rows = [["file", *names, "total_points_earned", "percent_correct", "grading_status"],
            ["points-per-question", *[maxima[n] for n in names], total_max, "", ""]]
    for g in done:
        scores = {f"{r.lab}: {r.name}": r.score for r in g.results}
        got = sum(scores.get(n, 0) for n in names)
        rows.append([g.submission.name, *[scores.get(n, 0) for n in names], got,
                     number(100 * got / total_max, ".1f") if total_max else "0", g.status])
    atomic_write(str(out / "final_grades.csv"), csv_text(rows))
