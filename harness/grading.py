"""Grading a submission folder with socklab's own, trusted checks, in a separate pytest run.

The checks always come from the installed ``labs`` package, never from the submission:
pytest is started with plugin autoloading off, socklab's own ini file, and a conftest
boundary at the labs folder, so a ``conftest.py``, ``pytest.ini`` or plugin shipped in a
submission is never loaded.  Only the submission's lab programs are used, as programs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import labs as _labs_package
from harness import containment

LABS_DIR = Path(_labs_package.__file__).resolve().parent
ROOT = LABS_DIR.parent
INI = Path(__file__).resolve().parent / "grading.ini"
DAYS = ("day1", "day2", "day3", "day4")
_RUNNING: set[int] = set()          # grading runs under way, in any thread
_RUNNING_LOCK = threading.Lock()


def lab_id(module: Path) -> str:
    """``labs/day2/test_echo_server.py`` -> ``day2/echo_server``."""
    return f"{module.parent.name}/{module.stem[len('test_'):]}"


def lab_modules(days=DAYS, only: list[str] | None = None) -> list[Path]:
    """The check modules, ``labs/dayN/test_<lab>.py``; ``only`` keeps lab ids like day2/echo_server."""
    found = []
    for day in days:
        for path in sorted((LABS_DIR / day).glob("test_*.py")):
            if only is None or lab_id(path) in only:
                found.append(path)
    return found


def lab_ids(days=DAYS) -> list[str]:
    return [lab_id(m) for m in lab_modules(days)]


def days_present(submission: str | os.PathLike) -> list[str]:
    return [d for d in DAYS if (Path(submission) / d).is_dir()]


@dataclass
class RunOutcome:
    returncode: int | None
    seconds: float
    log: str
    timed_out: bool


def run_checks(submission: str | os.PathLike, results_json: str | os.PathLike, *,
               modules: list[Path] | None = None, lang: str = "en", junit: str | None = None,
               timeout: float = 900, extra: list[str] | None = None,
               env: dict | None = None) -> RunOutcome:
    """Run the checks on ``submission`` in a child pytest; the plugin writes ``results_json``."""
    modules = modules if modules is not None else lab_modules(days_present(submission))
    if not modules:  # pytest given no path collects its rootdir: socklab's own tests
        raise ValueError("run_checks: no check module selected")
    argv = [sys.executable, "-m", "pytest", *map(str, modules),
            "-p", "harness.plugin", "-p", "pytest_timeout", "-p", "no:cacheprovider",
            "-c", str(INI), "--rootdir", str(ROOT), "--confcutdir", str(LABS_DIR),
            "--submission", str(Path(submission).resolve()), "--lang", lang,
            "--socklab-json", str(Path(results_json).resolve()), "-q", "--color=no", "-rN"]
    if junit:  # the child runs elsewhere: every path it is given is absolute
        argv += ["--junitxml", str(Path(junit).resolve())]
    argv += extra or []
    child_env = {**os.environ, **(env or {}), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
                 "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
                 "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.monotonic()
    containment.become_subreaper()
    with _RUNNING_LOCK:  # no sweep may reap this run while it is being started
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=child_env,
                                cwd=str(ROOT), start_new_session=True)
        _RUNNING.add(proc.pid)
    try:
        out, _ = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, _ = proc.communicate()
        timed_out = True
    except BaseException:  # Ctrl-C (the run has its own session: it did not get the SIGINT)
        os.killpg(proc.pid, 9)
        proc.wait()
        _sweep_containers(proc.pid, argv, child_env)
        raise
    # normally a no-op: a grading run that was killed leaves its fences and orphans to us
    containment.sweep_cgroups_of(proc.pid)
    _sweep_containers(proc.pid, argv, child_env)
    with _RUNNING_LOCK:
        _RUNNING.discard(proc.pid)
        containment.sweep_orphans(keep=set(_RUNNING))
    return RunOutcome(proc.returncode, time.monotonic() - started,
                      out.decode("utf-8", "replace")[-20000:], timed_out)


def _sweep_containers(pid: int, argv: list[str], env: dict) -> None:
    """A run of the container backend that was killed leaves its container: remove it."""
    chosen = argv[argv.index("--backend") + 1] if "--backend" in argv[:-1] else env.get("SOCKLAB_BACKEND")
    if chosen == "docker":
        from harness.docker_backend import remove_leftovers
        try:
            remove_leftovers(owner=pid)
        except Exception:  # noqa: BLE001 - no engine: nothing can be left in it
            pass
