"""Grading a submission folder with socklab's own, trusted checks, in a separate pytest run.

The checks always come from the installed ``labs`` package, never from the submission:
pytest is started with plugin autoloading off, socklab's own ini file, and a conftest
boundary at the labs folder, so a ``conftest.py``, ``pytest.ini`` or plugin shipped in a
submission is never loaded.  Only the submission's lab programs are used, as programs.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from harness import containment, scratch, timing
from harness import results as results_mod
from harness.catalog import text
from harness.course import LABS_DIR, ROOT, days_present, lab_modules
from harness.report import terminal
from harness.results import CheckResult, atomic_write

INI = Path(__file__).resolve().parent / "grading.ini"
_RUNNING: set[int] = set()          # grading runs under way, in any thread
_RUNNING_LOCK = threading.Lock()
_STOPPING = threading.Event()       # interrupted: no run starts, the running ones are killed


class RunsStopped(RuntimeError):
    """run_checks was called after stop_all_runs (a batch being interrupted)."""


def stop_all_runs() -> None:
    """Ctrl-C: from now on no grading run starts, and every one under way is killed (its
    thread then sweeps it as after any run's end)."""
    _STOPPING.set()
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for pid in running:
        _kill_group(pid)


def allow_runs() -> None:
    """After an interrupted batch, in a process that goes on (tests): runs may start again."""
    _STOPPING.clear()


@dataclass
class RunOutcome:
    returncode: int | None
    seconds: float
    log: str
    timed_out: bool


LOG_CHARS = 20000                    # of the run's own output, the tail kept for pytest.log
_STARTED: set[int] = set()           # every grading run this process started (see sweep_leftovers)


def run_checks(submission: str | os.PathLike, results_json: str | os.PathLike, *,
               modules: list[Path] | None = None, lang: str = "en", junit: str | None = None,
               timeout: float = 900, extra: list[str] | None = None,
               env: dict | None = None) -> RunOutcome:
    """Run the checks on ``submission`` in a child pytest; the plugin writes ``results_json``.

    ``results_json`` (and ``junit``) are removed first and written, atomically, only from
    a run that ended by itself, after everything it started is dead: a file an earlier run
    left, or one a program planted before killing its run or running it out of time, is
    never read as this run's.  The run writes them into a folder only socklab's user can
    enter, so a sandboxed program (another user, a container) cannot plant one at all.
    """
    modules = modules if modules is not None else lab_modules(days_present(submission))
    if not modules:  # pytest given no path collects its rootdir: socklab's own tests
        raise ValueError("run_checks: no check module selected")
    if _STOPPING.is_set():
        raise RunsStopped("grading was interrupted: no new run starts")
    targets = {"results.json": Path(results_json).resolve()}
    if junit:
        targets["junit.xml"] = Path(junit).resolve()
    for path in targets.values():
        path.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="socklab-run-", ignore_cleanup_errors=True) as private, \
            tempfile.TemporaryFile(prefix="socklab-log-") as log:
        staged = {name: Path(private) / name for name in targets}
        argv = _pytest_argv(submission, staged, modules, lang, extra)
        started = time.monotonic()
        returncode, timed_out = _run_fenced(argv, _child_env(env), log, timeout)
        seconds = time.monotonic() - started
        if not timed_out and returncode >= 0:
            _publish(staged, targets)
        return RunOutcome(returncode, seconds, _tail(log, LOG_CHARS), timed_out)


def _publish(staged: dict[str, Path], targets: dict[str, Path]) -> None:
    """Copy what the run wrote to where the caller wants it, each file whole or not at all."""
    for name, path in staged.items():
        if path.is_file():
            atomic_write(str(targets[name]), path.read_text(encoding="utf-8"))


def _pytest_argv(submission, staged: dict[str, Path], modules: list[Path], lang: str,
                 extra: list[str] | None) -> list[str]:
    # the child runs elsewhere: every path it is given is absolute
    argv = [sys.executable, "-m", "pytest", *map(str, modules),
            "-p", "harness.plugin", "-p", "pytest_timeout", "-p", "no:cacheprovider",
            "-c", str(INI), "--rootdir", str(ROOT), "--confcutdir", str(LABS_DIR),
            "--submission", str(Path(submission).resolve()), "--lang", lang,
            "--socklab-json", str(staged["results.json"]), "-q", "--color=no", "-rN"]
    if "junit.xml" in staged:
        argv += ["--junitxml", str(staged["junit.xml"])]
    return argv + (extra or [])


def _child_env(env: dict | None) -> dict:
    return {**os.environ, **(env or {}), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "PYTHONDONTWRITEBYTECODE": "1"}


def _run_fenced(argv: list[str], env: dict, log, timeout: float) -> tuple[int, bool]:
    """Run the grading run to its end or its time limit: (exit status, timed out).

    Its output goes to a file, never a pipe: a student process that left the run's
    process group and holds the run's stdout (inherited, or reopened through
    ``/proc/PID/fd/1``) would keep a pipe from ever reaching end-of-file, and the grader
    waiting for it past any time limit.  Only the run's own process is waited for.
    """
    containment.become_subreaper()
    with _RUNNING_LOCK:  # no sweep may reap this run while it is being started
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env,
                                cwd=str(ROOT), start_new_session=True)
        _RUNNING.add(proc.pid)
        _STARTED.add(proc.pid)
    try:
        ended = _exited(proc, timeout)
    except BaseException:  # Ctrl-C (the run has its own session: it did not get the SIGINT)
        _end_run(proc, argv, env)
        raise
    _end_run(proc, argv, env)
    return proc.returncode, not ended


def _exited(proc: subprocess.Popen, timeout: float | None) -> bool:
    """Wait for the process to end, without reaping it: True if it did within ``timeout``.

    Unreaped, its pid (the id of its process group) cannot be handed to a new process, so
    the group can still be killed afterwards without hitting a stranger.
    """
    try:
        fd = os.pidfd_open(proc.pid)
    except (AttributeError, OSError):  # no pidfd (Linux < 5.3), or already reaped
        try:
            proc.wait(timeout)
            return True
        except subprocess.TimeoutExpired:
            return False
    try:
        return bool(select.select([fd], [], [], timeout)[0])
    finally:
        os.close(fd)


def _end_run(proc: subprocess.Popen, argv: list[str], env: dict) -> None:
    """Nothing of the run outlives it: its process group, its fences (cgroups) and
    whatever re-parented to us, daemons that left the group with ``setsid()`` included."""
    _kill_group(proc.pid)
    _exited(proc, None)  # SIGKILL: at once
    # normally a no-op: a grading run that was killed leaves its fences and orphans to us
    containment.sweep_cgroups_of(proc.pid)
    scratch.sweep_of(proc.pid)  # a killed run never unmounted its scratch
    proc.wait()
    _sweep_containers(proc.pid, argv, env)
    with _RUNNING_LOCK:
        _RUNNING.discard(proc.pid)
        containment.sweep_orphans(keep=set(_RUNNING))


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):  # nothing left in it
        pass


def _tail(log, chars: int) -> str:
    """The last ``chars`` characters the run printed (at most 4 bytes each in UTF-8).

    Read with ``pread``: the file offset is shared with the run's own descriptors.
    """
    size = os.fstat(log.fileno()).st_size
    start = max(0, size - 4 * chars)
    return os.pread(log.fileno(), size - start, start).decode("utf-8", "replace")[-chars:]


def sweep_leftovers() -> int:
    """Kill whatever a finished grading run of this process left (its fences, orphans that
    re-parented to us): for callers that must know no student program is still running,
    as ``socklab ci`` before it trusts the runner's files again.  Returns processes killed.
    """
    with _RUNNING_LOCK:
        killed = sum(containment.sweep_cgroups_of(pid) for pid in sorted(_STARTED - _RUNNING))
        return killed + containment.sweep_orphans(keep=set(_RUNNING))


def _sweep_containers(pid: int, argv: list[str], env: dict) -> None:
    """A run of the container backend that was killed leaves its container: remove it."""
    chosen = argv[argv.index("--backend") + 1] if "--backend" in argv[:-1] else env.get("SOCKLAB_BACKEND")
    if chosen == "docker":
        from harness.docker_backend import remove_leftovers
        try:
            remove_leftovers(owner=pid)
        except Exception:  # noqa: BLE001 - no engine: nothing can be left in it
            pass


def grade_one(submission: Path, out: Path, *, lang: str, timeout: float, labs: list[str] | None,
              backend: str = "subprocess", commands: dict[str, str] | None = None,
              quiet: bool = False) -> list[CheckResult]:
    """Grade one submission folder into ``out`` (results.json, report.txt, junit.xml,
    pytest.log): the one grading entry of ``socklab grade``, a batch and ``socklab ci``."""
    out.mkdir(parents=True, exist_ok=True)
    results_json = out / "results.json"  # run_checks removes an earlier run's first
    extra = ["--backend", backend]  # told, never inherited: the child run is where programs start
    for lab, command in (commands or {}).items():  # how the course launches a lab (a C binary...)
        extra += ["--command", f"{lab}={command}"]
    if timing.scale() != 1:
        extra += ["--timeout-scale", str(timing.scale())]
    outcome = run_checks(submission, results_json, modules=lab_modules(only=labs), lang=lang,
                         junit=str(out / "junit.xml"), timeout=timeout, extra=extra)
    atomic_write(str(out / "pytest.log"), outcome.log)
    if results_json.exists():
        results = results_mod.load(str(results_json))
    else:  # the run itself died or ran out of time: say so, never a silent zero
        key = "grade.run_timed_out" if outcome.timed_out else "grade.run_crashed"
        results = [CheckResult(nodeid="socklab::grading", lab="socklab", name="grading run",
                               category="robustness", max_score=0, status="infra-error",
                               feedback=text(key, lang, seconds=int(timeout),
                                             status=outcome.returncode))]
        results_mod.write_gradescope(str(results_json), results, outcome.seconds, lang=lang)
    report = terminal.render(results, lang) + "\n" + details(results, lang)
    atomic_write(str(out / "report.txt"), report)
    if not quiet:
        terminal.print_tables(results, lang)
    return results


def details(results: list[CheckResult], lang: str) -> str:
    """The full feedback of every check that did not pass, for report.txt."""
    blocks = []
    for r in results:
        if r.passed or r.visibility == "hidden":
            continue
        blocks.append(f"── {r.lab}: {r.name} ({r.score:g}/{r.max_score:g})\n{r.feedback}")
    return "\n\n".join(blocks) + ("\n" if blocks else "")
