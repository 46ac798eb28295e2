"""Grading many submissions side by side, resumably, and writing the class's files.

Each submission is graded by its own child pytest run (``harness.grading.run_checks``),
so one student's crash, hang, fork bomb or flood stays inside that run and its fences;
``--jobs`` runs that many at once.  A student's files are written atomically as soon as
they are graded, stamped with a hash of their lab programs and of socklab's checks: a
second run skips what is unchanged, ``--regrade NAME`` redoes one.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from harness import results as results_mod
from harness.batch import adapters
from harness.batch.inputs import Submission, checks_hash, content_hash, remove, scratch_dir
from harness.catalog import text
from harness.grading import grade_one, stop_all_runs
from harness.quoting import csv_text, number
from harness.report import html as html_report
from harness.results import CheckResult, atomic_write


@dataclass
class Graded:
    submission: Submission
    folder_name: str
    status: str = "ok"                # ok, infra-error, timeout, refused
    results: list[CheckResult] = field(default_factory=list)
    skipped: bool = False


def folder_name(student: str) -> str:
    return re.sub(r"[^\w.@+-]+", "_", student).strip("._") or "student"


def name_problems(subs: list[Submission], regrade: set[str]) -> tuple[list[str], list[str]]:
    """(folder names two submissions share, --regrade names that match no submission):
    both would grade someone other than meant, so the batch refuses to start."""
    names = [folder_name(s.name) for s in subs]
    shared = sorted({n for n in names if names.count(n) > 1})
    known = set(names) | {s.name for s in subs}
    return shared, sorted(regrade - known)


def grading_status(results: list[CheckResult]) -> str:
    statuses = {r.status for r in results}
    if "infra-error" in statuses:
        return "infra-error"
    if any(r.lab == "socklab" for r in results):
        return "timeout"
    return "ok"


def previous(target: Path, digest: str) -> list[CheckResult] | None:
    results_json = target / "results.json"
    try:
        data = json.loads(results_json.read_text())
    except (OSError, ValueError):
        return None
    extra = data.get("extra_data", {})
    if extra.get("hash") != digest or extra.get("grading_status") != "ok":
        return None  # changed, or graded badly for socklab's own reasons: grade it again
    return results_mod.load(str(results_json))


def stamp(results_json: Path, **extra) -> None:
    data = json.loads(results_json.read_text())
    data.setdefault("extra_data", {}).update(extra)
    atomic_write(str(results_json), json.dumps(data, indent=2, ensure_ascii=False))


def grade_submission(sub: Submission, target: Path, *, checks: str, lang: str, timeout: float,
                     labs: list[str] | None, regrade: bool, formats: list[str],
                     backend: str = "subprocess", commands: dict[str, str] | None = None) -> Graded:
    graded = Graded(sub, target.name)
    scratch = scratch_dir()
    try:
        folder = sub.materialize(scratch)
        if folder is None:
            graded.status = "refused"
            graded.results = [CheckResult(nodeid="socklab::input", lab="socklab", name="submission",
                                          category="robustness", max_score=0, status="failed",
                                          feedback=text("batch.refused", lang, reason=sub.error))]
            target.mkdir(parents=True, exist_ok=True)
            results_mod.write_gradescope(str(target / "results.json"), graded.results, 0.0, lang=lang,
                                         extra={"student": sub.name, "grading_status": "refused"})
        else:
            launch = ",".join(f"{lab}={cmd}" for lab, cmd in sorted((commands or {}).items()))
            digest = f"{content_hash(folder)}:{checks}:{lang}:{','.join(labs or [])}:{launch}"
            kept = None if regrade else previous(target, digest)
            if kept is not None:
                graded.results, graded.skipped = kept, True
            else:
                graded.results = grade_one(folder, target, lang=lang, timeout=timeout, labs=labs,
                                           backend=backend, commands=commands,
                                           quiet=True)
                graded.status = grading_status(graded.results)
                stamp(target / "results.json", hash=digest, student=sub.name,
                      grading_status=graded.status)
            graded.status = grading_status(graded.results)
        atomic_write(str(target / "report.html"),
                     html_report.student_report(sub.name, graded.results, lang))
        for fmt in formats:
            adapters.write_student(fmt, target, graded.results, lang)
    finally:
        remove(scratch)
    return graded


def grade_batch(subs: list[Submission], out: Path, *, jobs: int, lang: str, timeout: float,
                labs: list[str] | None, regrade: set[str], formats: list[str], backend: str = "subprocess",
                commands: dict[str, str] | None = None,
                console: Console | None = None) -> list[Graded]:
    console = console or Console(stderr=True)
    out.mkdir(parents=True, exist_ok=True)
    formats = remembered_formats(out, formats)
    checks = checks_hash(labs)
    names = [folder_name(s.name) for s in subs]
    done: list[Graded] = []
    problems = 0
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn(), TextColumn("{task.fields[problems]}")]
    interrupted = False
    with Progress(*columns, console=console, transient=False) as progress, \
            ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        task = progress.add_task(text("batch.progress", lang), total=len(subs), problems="")
        futures = {pool.submit(grade_submission, sub, out / name, checks=checks, lang=lang,
                               timeout=timeout, labs=labs,
                               regrade=sub.name in regrade or name in regrade, formats=formats,
                               backend=backend, commands=commands): sub
                   for sub, name in zip(subs, names, strict=True)}
        counted: set = set()
        try:
            for future in as_completed(futures):
                counted.add(future)
                graded = _outcome(future, futures[future])
                done.append(graded)
                problems += graded.status != "ok"
                progress.update(task, advance=1,
                                problems=text("batch.failures", lang, count=problems) if problems else "")
        except KeyboardInterrupt:  # Ctrl-C: no one new starts, the running ones are stopped
            interrupted = True
            with _second_interrupt_kills_at_once():
                for future in futures:
                    future.cancel()
                stop_all_runs()
                pool.shutdown(wait=True)  # the stopped runs' threads sweep what they started
            # a student whose run had ended by itself before the signal is graded: keep it
            done.extend(g for g in (_outcome(f, futures[f]) for f in futures
                                    if f not in counted and f.done() and not f.cancelled())
                        if g.status == "ok")
    done.sort(key=lambda g: g.folder_name)
    write_class_files(done, out, lang, formats)
    if interrupted:  # the students stopped halfway were never written as graded: rerun resumes
        raise BatchInterrupted(done, len(subs))
    return done


FORMATS_FILE = ".socklab-formats.json"


def remembered_formats(out: Path, requested: list[str]) -> list[str]:
    """Every export format ever asked for in ``out``: each is rewritten whenever the
    gradebook is, so no stale Otter or PrairieLearn file is left beside new grades."""
    try:
        kept = json.loads((out / FORMATS_FILE).read_text())
    except (OSError, ValueError):
        kept = []
    chosen = sorted({f for f in [*kept, *requested] if f in adapters.FORMATS})
    if chosen != kept:
        atomic_write(str(out / FORMATS_FILE), json.dumps(chosen))
    return chosen


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a batch: ``done`` were graded (their files, the gradebook and the class
    page are written); the others are graded by the same command run again."""

    def __init__(self, done: list[Graded], total: int):
        super().__init__()
        self.done, self.total = done, total


@contextlib.contextmanager
def _second_interrupt_kills_at_once():
    """While the batch winds down, a second Ctrl-C kills every run and exits (130): the
    students already written stay intact (their files are written atomically)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def now(signum, frame):
        stop_all_runs()
        os._exit(130)
    previous = signal.signal(signal.SIGINT, now)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _outcome(future, sub: Submission) -> Graded:
    try:
        return future.result()
    except Exception as exc:  # socklab's own failure on one student: keep the batch going
        graded = Graded(sub, folder_name(sub.name), status="infra-error")
        graded.results = [CheckResult(nodeid="socklab::batch", lab="socklab", name="grading",
                                      category="robustness", max_score=0, status="infra-error",
                                      feedback=f"{type(exc).__name__}: {exc}")]
        return graded


def gradebook_rows(done: list[Graded]) -> tuple[list[str], list[dict]]:
    labs = sorted({r.lab for g in done for r in g.results if r.lab != "socklab"})
    # a refused or timed-out submission has no checks of its own: it is out of the class's maximum
    class_max = max((sum(r.max_score for r in g.results) for g in done), default=0)
    rows = []
    for g in done:
        got = sum(r.score for r in g.results)
        total = sum(r.max_score for r in g.results) or class_max
        row = {"student": g.submission.name, "folder": g.folder_name}
        for lab in labs:
            row[lab] = number(sum(r.score for r in g.results if r.lab == lab))
        row.update(total=number(got), max=number(total),
                   percent=number((100 * got / total) if total else 0, ".1f"), grading_status=g.status)
        rows.append(row)
    return ["student", "folder", *labs, "total", "max", "percent", "grading_status"], rows


def write_class_files(done: list[Graded], out: Path, lang: str, formats: list[str]) -> None:
    """gradebook.csv (no cell a spreadsheet would evaluate: students name their own folders),
    histogram.svg, class.html and the other graders' class files."""
    header, rows = gradebook_rows(done)
    atomic_write(str(out / "gradebook.csv"), csv_text([header, *[[r[k] for k in header] for r in rows]]))
    atomic_write(str(out / "histogram.svg"),
                 html_report.histogram_svg([float(r["percent"]) for r in rows]))
    graded_ok = {g.submission.name: g.results for g in done if g.status != "refused"}
    atomic_write(str(out / "class.html"), html_report.class_page(rows, graded_ok, lang))
    for fmt in formats:
        adapters.write_class(fmt, out, done)
