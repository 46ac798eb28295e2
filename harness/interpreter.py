"""The Python that student programs run under: the grader's own, without the grader's packages.

A lab program is a standalone script of the standard library (LABS.md), so it gets what
a student's fresh machine gives, and what the container backend gives: the standard
library only.  Started as the grader's ``sys.executable`` it would see pytest, psutil,
docker..., and every ``.pth`` file of the grader's site-packages would run at its start
(17 ms of a 25 ms start here, on every launch of every check).  A bare virtual
environment of the same interpreter (no pip, no packages, made once and cached) starts in
about 7 ms and still has ``site``: ``exit()`` and ``quit()`` work as students expect.

Where no cache folder can be written, programs run under ``sys.executable`` as before.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import venv
from functools import lru_cache


def _cache_roots() -> list[str]:
    roots = []
    if os.environ.get("SOCKLAB_CACHE"):
        roots.append(os.environ["SOCKLAB_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    roots.append(os.path.join(base, "socklab"))
    roots.append(os.path.join(tempfile.gettempdir(), f"socklab-{os.getuid()}"))
    return roots


def _key() -> str:
    """One environment per interpreter build: a new Python gets a new one."""
    base = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
    digest = hashlib.sha256(f"{base}\n{sys.version}".encode()).hexdigest()[:12]
    return f"student-python{sys.version_info[0]}.{sys.version_info[1]}-{digest}"


def _usable(folder: str) -> str | None:
    python = os.path.join(folder, "bin", "python3")
    if os.path.isfile(os.path.join(folder, "pyvenv.cfg")) and os.access(python, os.X_OK):
        return python
    return None


def _create(root: str) -> str | None:
    folder = os.path.join(root, _key())
    found = _usable(folder)
    if found:
        return found
    os.makedirs(root, exist_ok=True)
    # built aside and renamed into place: parallel graders never see half an environment
    building = tempfile.mkdtemp(prefix=".building-", dir=root)
    try:
        venv.EnvBuilder(symlinks=True, with_pip=False, clear=True).create(building)
        try:
            os.rename(building, folder)
        except OSError:  # another grader finished first: use theirs
            pass
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return _usable(folder)


@lru_cache(maxsize=None)
def student_python() -> str:
    """Path of the interpreter for ``{python}`` in launch commands."""
    if os.environ.get("SOCKLAB_STUDENT_PYTHON"):
        return os.environ["SOCKLAB_STUDENT_PYTHON"]
    for root in _cache_roots():
        try:
            found = _create(root)
        except (OSError, RuntimeError, ValueError):
            continue
        if found:
            return found
    return sys.executable
