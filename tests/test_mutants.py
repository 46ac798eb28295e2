"""Every check catches its mutant, and the reference passes every check."""

from __future__ import annotations

import pytest

from harness.grading import lab_modules
from tests.grading_helpers import grade_lab, statuses
from tests.mutants import REFERENCE, all_mutants

MUTANTS = all_mutants()
LABS = sorted({f"{p.parent.name}/{p.stem[5:]}" for p in lab_modules()})


@pytest.mark.parametrize("lab", LABS)
def test_reference_gets_full_marks(lab, tmp_path):
    graded = grade_lab(REFERENCE, lab, tmp_path)
    assert graded, f"no checks ran for {lab}"
    failed = {name: t["output"] for name, t in graded.items() if t["score"] != t["max_score"]}
    assert not failed, failed


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.id for m in MUTANTS])
def test_mutant_loses_exactly_its_checks(mutant, tmp_path):
    submission = mutant.build(tmp_path / "submission")
    got = statuses(grade_lab(submission, mutant.lab, tmp_path))
    unknown = mutant.catches - got.keys()
    assert not unknown, f"{mutant.id} names checks that do not exist: {unknown}"
    failed = {name for name, status in got.items() if status in ("failed", "timeout")}
    assert failed == mutant.catches, (mutant.id, got)
    others = {name: s for name, s in got.items() if name not in mutant.catches}
    assert all(s in ("passed", "not-run") for s in others.values()), (mutant.id, others)


@pytest.mark.parametrize("lab", LABS)
def test_every_check_has_a_mutant(lab):
    module = next(p for p in lab_modules() if f"{p.parent.name}/{p.stem[5:]}" == lab)
    checks = {line.split("(")[0][4:] for line in module.read_text().splitlines()
              if line.startswith("def test_")}
    caught = set().union(*(m.catches for m in MUTANTS if m.lab == lab)) if MUTANTS else set()
    assert checks - caught == set(), f"checks of {lab} without a mutant: {checks - caught}"
