"""Running socklab's checks on a folder, as a test of socklab itself."""

from __future__ import annotations

import json
from pathlib import Path

from harness import sandbox
from harness.course import lab_modules
from harness.grading import run_checks

# Untrusted code is graded in the sandbox, so socklab's own proof (the reference at full
# marks, every mutant caught) is made there too, wherever this machine can sandbox.
BACKEND = "subprocess" if sandbox.why_unavailable() else "sandbox"
# what `socklab grade` needs to run here: the sandbox, or trust where none can be had
GRADE_FLAGS = ["--backend", BACKEND] + (["--trust-submissions"] if BACKEND == "subprocess" else [])


def grade_lab(submission: Path, lab: str, out: Path, *, extra: list[str] | None = None,
              **kw) -> dict[str, dict]:
    """Grade one lab; returns {check function name: test entry of results.json}."""
    results = out / "results.json"
    chosen = extra if extra and "--backend" in extra else ["--backend", BACKEND, *(extra or [])]
    outcome = run_checks(submission, results, modules=lab_modules(only=[lab]), extra=chosen, **kw)
    assert results.exists(), f"no results.json; pytest said:\n{outcome.log}"
    data = json.loads(results.read_text())
    return {t["extra_data"]["nodeid"].rsplit("::", 1)[1]: t for t in data["tests"]}


def statuses(graded: dict[str, dict]) -> dict[str, str]:
    return {name: t["extra_data"]["status"] for name, t in graded.items()}
