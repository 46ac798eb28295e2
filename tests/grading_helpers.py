"""Running socklab's checks on a folder, as a test of socklab itself."""

from __future__ import annotations

import json
from pathlib import Path

from harness.grading import lab_modules, run_checks


def grade_lab(submission: Path, lab: str, out: Path, **kw) -> dict[str, dict]:
    """Grade one lab; returns {check function name: test entry of results.json}."""
    results = out / "results.json"
    outcome = run_checks(submission, results, modules=lab_modules(only=[lab]), **kw)
    assert results.exists(), f"no results.json; pytest said:\n{outcome.log}"
    data = json.loads(results.read_text())
    return {t["extra_data"]["nodeid"].rsplit("::", 1)[1]: t for t in data["tests"]}


def statuses(graded: dict[str, dict]) -> dict[str, str]:
    return {name: t["extra_data"]["status"] for name, t in graded.items()}
