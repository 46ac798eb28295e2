"""``socklab``: grade submission folders from the command line.

    socklab grade DIR --out OUT                 # OUT/results.json, OUT/report.txt, OUT/junit.xml
    socklab grade DIR1 DIR2 ... --out OUT       # OUT/<folder name>/... for each
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from pathlib import Path

from harness import commands

from harness import results as results_mod
from harness import timing
from harness.catalog import text
from harness.grading import lab_modules, run_checks
from harness.report import terminal
from harness.results import CheckResult, atomic_write


def grade_one(submission: Path, out: Path, *, lang: str, timeout: float, labs: list[str] | None,
              quiet: bool = False) -> list[CheckResult]:
    out.mkdir(parents=True, exist_ok=True)
    results_json = out / "results.json"
    if results_json.exists():
        results_json.unlink()  # never report a previous run's score as this one's
    extra = []
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


def cmd_grade(args) -> int:
    submissions = [Path(p) for p in args.submissions]
    for sub in submissions:
        if not sub.is_dir():
            print(text("grade.not_a_folder", args.lang, path=str(sub)), file=sys.stderr)
            return 2
    if args.timeout_scale:
        timing.set_scale(args.timeout_scale)
    out = Path(args.out)
    several = len(submissions) > 1
    names = [sub.resolve().name for sub in submissions]
    if several and len(set(names)) != len(names):
        print(text("grade.duplicate_names", args.lang), file=sys.stderr)
        return 2
    for sub, name in zip(submissions, names):
        target = out / name if several else out
        if several:
            print(f"\n== {name}")
        grade_one(sub, target, lang=args.lang, timeout=args.timeout, labs=args.lab)
    print(text("grade.written", args.lang, path=str(out)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="socklab", description="Grade socket-programming labs.")
    sub = parser.add_subparsers(dest="command", required=True)
    register_grade(sub)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


def register_grade(sub) -> None:
    grade = sub.add_parser("grade", help="grade one or more submission folders")
    grade.add_argument("submissions", nargs="+", metavar="DIR",
                       help="a folder holding day1/ ... day4/ with the lab files")
    grade.add_argument("--out", required=True, help="where results.json and the report go")
    grade.add_argument("--lang", default=os.environ.get("SOCKLAB_LANG", "en"), choices=("en", "ko"))
    grade.add_argument("--lab", action="append", metavar="DAY/LAB",
                       help="grade only this lab (repeatable), e.g. day2/echo_server")
    grade.add_argument("--timeout", type=float, default=900,
                       help="wall-clock limit for one submission, in seconds")
    grade.add_argument("--timeout-scale", type=float, default=None,
                       help="stretch every deadline of the checks (slow machines)")
    grade.set_defaults(func=cmd_grade)


if __name__ == "__main__":
    sys.exit(main())
