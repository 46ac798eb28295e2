"""Other graders' formats, written from socklab's results.

* ``prairielearn``: ``<student>/results.prairielearn.json`` (``gradable``, ``score`` 0–1,
  ``tests[]`` with ``points``/``max_points``), for PrairieLearn's external grader.
* ``otter-csv``: ``final_grades.csv`` as ``otter grade`` writes it (see :func:`otter_rows`).

Both carry text a student controls (feedback quoting the program's output, the student's
name): JSON text is made visible, and a CSV cell never starts a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from harness.quoting import spreadsheet_cell, visible
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


# Otter-Grader's own definition, matched from otter-grader 7.0.0, otter/grade/utils.py
# (merge_scores_to_df, get_points_possible_df, merge_csv), otter/test_files/__init__.py
# (GradingResults.total/possible/percent) and otter/grade/__init__.py (``to_csv(index=False)``).
OTTER_POINTS_ROW = "points-per-question"
OTTER_COMPLETED = "Completed"


def _otter_number(x: float) -> int | float:
    """A score as otter holds it: a whole number of points is an int (a test file's points
    as written), anything else a float."""
    x = x + 0.0  # never -0
    return int(x) if x.is_integer() else x


def _pandas_column(values: list) -> list[str]:
    """A column as pandas' ``to_csv`` writes it: all ints stay ints (``1``); one float makes
    the whole column float64, written as Python's repr (``1.0``, ``0.6667``)."""
    if all(isinstance(v, int) for v in values):
        return [str(v) for v in values]
    return [repr(float(v)) for v in values]


def otter_rows(done) -> list[list]:
    """``final_grades.csv`` rows, as ``otter grade`` writes them:

    * columns ``file``, the questions (here ``lab: check``) in ``sorted()`` order,
      ``total_points_earned``, ``percent_correct``, ``grading_status``;
    * first data row ``points-per-question``: each question's points, the total possible,
      ``percent_correct`` 1 and ``grading_status`` ``--`` (only when someone was graded);
    * then one row per submission, sorted by ``file``: the points earned,
      ``percent_correct`` as a fraction ``round(total / possible, 4)`` (0 when nothing is
      possible) and ``grading_status`` ``Completed``; a submission socklab could not grade
      (``infra-error``, ``timeout``, ``refused``: otter's "catastrophic failure") gets 0
      everywhere and its status as ``grading_status``;
    * numbers formatted per column as pandas does (see :func:`_pandas_column`).
    """
    graded = [g for g in done if g.status == "ok"]
    columns: set[str] | None = None  # otter's inner join: the questions every graded row has
    for g in graded:
        keys = {f"{r.lab}: {r.name}" for r in g.results if r.lab != "socklab"}
        columns = keys if columns is None else columns & keys
    names = sorted(columns or ())
    rows: list[list] = []
    if graded:
        maxima = {f"{r.lab}: {r.name}": _otter_number(r.max_score) for r in graded[0].results}
        rows.append([OTTER_POINTS_ROW, *[maxima[n] for n in names],
                     sum(maxima[n] for n in names), 1, "--"])
    for g in sorted(done, key=lambda g: g.submission.name):
        if g.status != "ok":
            rows.append([g.submission.name, *[0 for _ in names], 0, 0, g.status])
            continue
        scores = {f"{r.lab}: {r.name}": _otter_number(r.score) for r in g.results}
        possible = sum(_otter_number(r.max_score) for r in g.results
                       if f"{r.lab}: {r.name}" in columns)
        got = sum(scores[n] for n in names)
        rows.append([g.submission.name, *[scores[n] for n in names], got,
                     round(got / possible, 4) if possible else 0, OTTER_COMPLETED])
    header = ["file", *names, "total_points_earned", "percent_correct", "grading_status"]
    numeric = range(1, len(header) - 1)
    formatted = {c: _pandas_column([row[c] for row in rows]) for c in numeric}
    return [header] + [[formatted[c][i] if c in formatted else row[c] for c in range(len(row))]
                       for i, row in enumerate(rows)]


def write_class(fmt: str, out: Path, done) -> None:
    if fmt != "otter-csv":
        return
    rows = [[spreadsheet_cell(c) for c in row] for row in otter_rows(done)]
    if any(g.status == "ok" for g in done):  # rows[1] is the points row
        rows[1][-1] = "--"  # otter's own constant, no formula: the one cell not text a student controls
    buf = io.StringIO()  # pandas' to_csv: QUOTE_MINIMAL, "\n" line ends
    csv.writer(buf, lineterminator="\n").writerows(rows)
    atomic_write(str(out / "final_grades.csv"), buf.getvalue())
