"""The interpreter lab programs run under: the standard library only, made once."""

import os
import subprocess

from harness import interpreter
from harness.interpreter import student_python


def test_programs_see_the_standard_library_only():
    code = ("import importlib.util as u; "
            "print(*(u.find_spec(m) is None for m in ('psutil', 'pytest', 'harness'))); exit(3)")
    done = subprocess.run([student_python(), "-c", code], capture_output=True, text=True,
                          cwd="/", env={"PATH": os.environ["PATH"]})
    assert done.stdout.split() == ["True", "True", "True"], done.stderr
    assert done.returncode == 3  # exit() exists: site still runs


def test_environment_is_built_once_and_reused(tmp_path):
    first = interpreter._create(str(tmp_path))
    second = interpreter._create(str(tmp_path))
    assert first == second and os.access(first, os.X_OK)
    assert os.listdir(tmp_path) == [interpreter._key()]  # nothing half-built left


def test_an_unwritable_cache_falls_through_to_the_next(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("SOCKLAB_CACHE", str(blocker / "cache"))
    student_python.cache_clear()
    try:
        assert not student_python().startswith(str(blocker))
    finally:
        student_python.cache_clear()
