"""``socklab``: grade submission folders from the command line.

    socklab grade DIR --out OUT                 # OUT/results.json, OUT/report.txt, OUT/junit.xml
    socklab grade DIR1 DIR2 ... --out OUT       # OUT/<folder name>/... for each
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import statistics
import sys
import time
from pathlib import Path

from harness import __version__, commands, sandbox, timing
from harness.batch.adapters import FORMATS
from harness.batch.inputs import discover, find_days
from harness.batch.runner import BatchInterrupted, grade_batch, gradebook_rows, grading_status, name_problems
from harness.catalog import text
from harness.course import days_span, lab_ids
from harness.grading import grade_one


def cmd_grade(args) -> int:
    if args.timeout_scale:
        timing.set_scale(args.timeout_scale)
    backend = chosen_backend(args)
    if backend is None:
        return 2
    known = lab_ids()
    commands = dict(c.split("=", 1) for c in args.command or [] if "=" in c)
    unknown = sorted((set(args.lab or []) | set(commands)) - set(known))
    if unknown:  # nothing selected would be nothing graded: say so before grading anyone
        print(text("grade.unknown_lab", args.lang, labs=", ".join(unknown), known=", ".join(known)),
              file=sys.stderr)
        return 2
    paths = [Path(p) for p in args.submissions]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(text("grade.no_such_path", args.lang, paths=", ".join(missing)), file=sys.stderr)
        return 2
    out = Path(args.out)
    subs = discover(paths, git_ref=args.git_ref)
    shared, unknown_names = name_problems(subs, set(args.regrade or []))
    if shared or unknown_names:
        if shared:
            print(text("grade.duplicate_names", args.lang, names=", ".join(shared)), file=sys.stderr)
        if unknown_names:
            print(text("grade.unknown_regrade", args.lang, names=", ".join(unknown_names)), file=sys.stderr)
        return 2
    single = len(subs) == 1 and subs[0].kind == "folder" and not subs[0].error and not args.format
    if single:  # one folder: its files straight into OUT
        folder = find_days(subs[0].source)
        results = grade_one(folder, out, lang=args.lang, timeout=args.timeout, labs=args.lab,
                            backend=backend, commands=commands)
        print(text("grade.written", args.lang, path=str(out)))
        return 0 if grading_status(results) == "ok" else 1
    started = time.monotonic()
    try:
        done = grade_batch(subs, out, jobs=args.jobs, lang=args.lang, timeout=args.timeout,
                           labs=args.lab, regrade=set(args.regrade or []), formats=args.format or [],
                           backend=backend, commands=commands)
    except BatchInterrupted as stopped:
        print(text("batch.interrupted", args.lang, graded=len(stopped.done), total=stopped.total,
                   gradebook=str(out.resolve() / "gradebook.csv")), file=sys.stderr)
        return 130
    print(scores_line(done, args.lang))
    print(text("batch.done", args.lang, graded=sum(not g.skipped for g in done),
               skipped=sum(g.skipped for g in done), problems=sum(g.status != "ok" for g in done),
               seconds=f"{time.monotonic() - started:.0f}", gradebook=str(out.resolve() / "gradebook.csv"),
               class_page=str(out.resolve() / "class.html")))
    return 0 if all(g.status == "ok" for g in done) else 1  # 1: look at the problems column


def scores_line(done, lang: str, listed: int = 30) -> str:
    """Each student's percent as the gradebook has it (a class of up to ``listed``), else
    the distribution."""
    _, rows = gradebook_rows(done)
    if len(rows) <= listed:
        return text("batch.scores", lang,
                    scores=", ".join(f"{r['student']} {float(r['percent']):.0f}" for r in rows))
    ordered = sorted(float(r["percent"]) for r in rows)
    return text("batch.distribution", lang, students=len(ordered), low=f"{ordered[0]:.0f}",
                median=f"{statistics.median(ordered):.0f}", high=f"{ordered[-1]:.0f}")


def chosen_backend(args) -> str | None:
    """Where student programs run; None (after saying why) when no sandbox can be had.

    Submissions are untrusted: without ``--trust-submissions`` they run only in a sandbox
    (``sandbox``, or ``docker``), never as plain host processes.
    """
    backend = args.backend or ("subprocess" if args.trust_submissions else "sandbox")
    if backend == "subprocess" and not args.trust_submissions:
        backend = "sandbox"
    if backend == "sandbox":
        problem = sandbox.why_unavailable()
        if problem:
            print(text("grade.needs_sandbox", args.lang, reason=problem), file=sys.stderr)
            return None
    return backend


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="socklab", description="Grade socket-programming labs.")
    parser.add_argument("--version", action="version", version=f"socklab {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    register_grade(sub)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


def register_grade(sub) -> None:
    grade = sub.add_parser("grade", help="grade one or more submission folders")
    grade.add_argument("submissions", nargs="+", metavar="PATH",
                       help=f"a submission folder ({days_span()}), a .zip/.tar.gz of one, a folder "
                            "of those (one per student), a Gradescope export, or a git repository")
    grade.add_argument("--out", required=True, help="where results.json and the report go")
    grade.add_argument("--lang", default=os.environ.get("SOCKLAB_LANG", "en"), choices=("en", "ko"),
                       help="language of feedback and reports: en (English) or ko (한국어)")
    grade.add_argument("--lab", action="append", metavar="DAY/LAB",
                       help="grade only this lab (repeatable), e.g. day2/echo_server")
    grade.add_argument("--timeout", type=float, default=900,
                       help="wall-clock limit for one submission, in seconds")
    grade.add_argument("--timeout-scale", type=float, default=None,
                       help="stretch every deadline of the checks (slow machines)")
    grade.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                       help="submissions graded side by side (default: the number of cores)")
    grade.add_argument("--regrade", action="append", metavar="NAME",
                       help="grade this student again even if nothing changed (repeatable)")
    grade.add_argument("--git-ref", default=None, metavar="REF",
                       help="grade git repositories at this ref (branch, tag or commit)")
    grade.add_argument("--format", action="append", choices=FORMATS,
                       help="also write results for another grader (repeatable)")
    grade.add_argument("--backend", default=None, choices=("sandbox", "docker", "subprocess"),
                       help="where student programs run: a bubblewrap sandbox, as a user of their "
                            "own (sandbox, the default), containers (docker: `socklab image build` "
                            "once first), or plain host processes (subprocess: only with "
                            "--trust-submissions)")
    grade.add_argument("--command", action="append", metavar="LAB=TEMPLATE",
                       help="how the course launches a lab, e.g. day2/echo_server='{dir}/echo_server' "
                            "for a compiled program in the student's day folder; TEMPLATE may use "
                            "{python} {file} {dir} (repeatable)")
    grade.add_argument("--trust-submissions", action="store_true",
                       help="the code is trusted (your own, the reference, the samples): run it "
                            "as plain host processes, as `pytest labs` does")
    grade.set_defaults(func=cmd_grade)


if __name__ == "__main__":
    sys.exit(main())
