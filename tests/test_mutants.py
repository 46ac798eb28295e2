"""Every check catches its mutant, and the reference passes every check.

The gradings are independent child pytest runs, so they are done side by side (one per
core, ``SOCKLAB_TEST_JOBS`` to change it) when the first of these tests asks for them;
each test then judges its own grading.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from harness.course import lab_id, lab_ids, lab_modules
from tests.grading_helpers import grade_lab, statuses
from tests.mutants import REFERENCE, all_mutants

MUTANTS = all_mutants()
LABS = lab_ids()
JOBS = int(os.environ.get("SOCKLAB_TEST_JOBS", os.cpu_count() or 1))


def _key(item) -> tuple[str, str] | None:
    params = getattr(getattr(item, "callspec", None), "params", {})
    if "mutant" in params:
        return ("mutant", params["mutant"].id)
    if "lab" in params and item.originalname == "test_reference_gets_full_marks":
        return ("reference", params["lab"])
    return None


@pytest.fixture(scope="session")
def gradings(request, tmp_path_factory):
    """Every grading the selected tests of this module need, done JOBS at a time."""
    wanted = [k for item in request.session.items if item.module.__name__ == __name__
              for k in [_key(item)] if k]
    root = tmp_path_factory.mktemp("gradings")
    by_id = {m.id: m for m in MUTANTS}

    def grade(key):
        kind, name = key
        out = root / f"{kind}-{name.replace('/', '-').replace(':', '-')}"
        out.mkdir()
        if kind == "reference":
            return grade_lab(REFERENCE, name, out)
        mutant = by_id[name]
        return grade_lab(mutant.build(out / "submission"), mutant.lab, out)

    with ThreadPoolExecutor(max_workers=max(1, JOBS)) as pool:
        futures = {key: pool.submit(grade, key) for key in wanted}
    return futures


@pytest.mark.parametrize("lab", LABS)
def test_reference_gets_full_marks(lab, gradings):
    graded = gradings[("reference", lab)].result()
    assert graded, f"no checks ran for {lab}"
    failed = {name: t["output"] for name, t in graded.items() if t["score"] != t["max_score"]}
    assert not failed, failed


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.id for m in MUTANTS])
def test_mutant_loses_exactly_its_checks(mutant, gradings):
    got = statuses(gradings[("mutant", mutant.id)].result())
    unknown = mutant.catches - got.keys()
    assert not unknown, f"{mutant.id} names checks that do not exist: {unknown}"
    failed = {name for name, status in got.items() if status in ("failed", "timeout")}
    assert failed == mutant.catches, (mutant.id, got)
    others = {name: s for name, s in got.items() if name not in mutant.catches}
    assert all(s in ("passed", "not-run") for s in others.values()), (mutant.id, others)


@pytest.mark.parametrize("lab", LABS)
def test_every_check_has_a_mutant(lab):
    module = next(p for p in lab_modules() if lab_id(p) == lab)
    checks = {line.split("(")[0][4:] for line in module.read_text().splitlines()
              if line.startswith("def test_")}
    caught = set().union(*(m.catches for m in MUTANTS if m.lab == lab)) if MUTANTS else set()
    assert checks - caught == set(), f"checks of {lab} without a mutant: {checks - caught}"
