"""``socklab ci``: grade a student repository's working tree in GitHub Actions.

    socklab ci [--repo .] [--out socklab-ci] [--lab day2/echo_server ...] [--fail-under 60]

Only the student's programs (``labs/dayN/<lab>.py``) are taken from the tree; the checks,
their conftest and pytest settings are the installed socklab's (``harness.grading``), so
a pull request that edits a check or adds a ``conftest.py`` gets its true score, marked
unverified.  Writes, besides ``grade``'s results.json / junit.xml / report.txt:
``summary.md`` (also appended to ``$GITHUB_STEP_SUMMARY``), ``classroom.json`` (the
GitHub Classroom runner result, also ``result`` in ``$GITHUB_OUTPUT``, base64) and
``ci.json``.  Whatever the student's programs printed reaches the log only inside a
``::stop-commands::`` block with a random token.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import harness
from harness import __version__, course, timing
from harness.catalog import text
from harness.ci import github, protect
from harness.grading import details, grade_one, sweep_leftovers
from harness.report import terminal
from harness.results import atomic_write


def register(sub) -> None:
    p = sub.add_parser("ci", help="grade a student repository in CI (GitHub Actions) with trusted checks")
    p.add_argument("--repo", default=".", help="the student repository's working tree (default: .)")
    p.add_argument("--out", default="socklab-ci", help="where the reports go (default: socklab-ci)")
    p.add_argument("--lab", action="append", metavar="DAY/LAB",
                   help="grade only this lab (repeatable), e.g. day2/echo_server")
    p.add_argument("--lang", default=os.environ.get("SOCKLAB_LANG", "en"), choices=("en", "ko"))
    p.add_argument("--fail-under", type=float, default=None, metavar="PERCENT",
                   help="exit with status 1 when the score is below PERCENT of the points")
    p.add_argument("--timeout", type=float, default=900, help="wall-clock limit of the grading run, s")
    p.add_argument("--timeout-scale", type=float, default=None,
                   help="stretch every deadline of the checks (slow runners)")
    p.set_defaults(func=cmd_ci)


def _write(s: str) -> None:
    sys.stdout.write(s)
    sys.stdout.flush()


def cmd_ci(args) -> int:

    lang = args.lang
    repo = Path(args.repo).resolve()
    if not (repo / "labs").is_dir():
        print(text("ci.no_labs", lang, path=str(repo)), file=sys.stderr)
        return 2
    trusted = [Path(harness.__file__).resolve().parent, course.LABS_DIR]
    if any(t == repo or repo in t.parents for t in trusted):
        # e.g. `python -m harness.cli` run inside the repository puts its folder first on sys.path
        print(text("ci.untrusted_checks", lang, path=str(course.LABS_DIR)), file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    if args.timeout_scale:
        timing.set_scale(args.timeout_scale)
    event_path = os.environ.get("GITHUB_EVENT_PATH")

    # Everything the verdict rests on is read before any student program runs.
    runner_files = protect.RunnerFiles(os.environ)
    tree = protect.scan_tree(repo, skip=(out,))
    in_pr, base = protect.scan_pull_request(repo, event_path)
    notes = []
    if protect.event_base(event_path) and base is None:
        notes.append(text("ci.base_unknown", lang))

    with github.commands_stopped(_write):
        graded = grade_one(repo / "labs", out, lang=lang, timeout=args.timeout, labs=args.lab, quiet=True)
        # checks that are not `visible` are for the instructor's batch regrade: not shown, not counted
        results = [r for r in graded if r.visibility == "visible"]
        _write(terminal.render(results, lang) + "\n" + details(results, lang))
    findings = protect.merge(tree, in_pr, _sweep_and_restore(runner_files))
    with tempfile.TemporaryDirectory(prefix="socklab-ci-") as private:
        staged = runner_files.copies(private)
        percent = _publish(out, results, findings, notes, base, lang, staged)
        late = _sweep_and_restore(runner_files)   # anything written since the first sweep
        if late:  # something outlived it: its writes are undone, the score is not verified
            findings = protect.merge(findings, late)
            staged = runner_files.copies(private)
            _publish(out, results, findings, notes, base, lang, staged)
        for line in github.annotations(results, findings, lang):
            _write(line + "\n")
        installed = runner_files.install(staged)
    # the last line of defence: after a final sweep, the files hold exactly what socklab wrote
    # (should a write be undone here, a warning says so; [:-1]: not the points notice again)
    for line in github.annotations([], _sweep_and_restore(installed), lang)[:-1]:
        _write(line + "\n")
    print(text("ci.written", lang, path=str(out)))
    if args.fail_under is not None and percent < args.fail_under:
        return 1
    return 0


def _sweep_and_restore(files: protect.RunnerFiles) -> list[protect.Finding]:
    """Undo what the student's programs wrote to the runner's files, once none can write.

    ``run_checks`` already killed everything its run started; this sweeps again (the
    run's fences, whatever re-parented to us) because a write that lands after the files
    are put back would stand.
    """
    sweep_leftovers()
    return files.restore()


def _publish(out: Path, results, findings, notes, base, lang: str, runner: dict[str, str]) -> float:
    """Write the reports, and the summary and outputs into ``runner`` (copies of the
    runner's files, by name); returns the percent."""
    got, total, percent = github.totals(results)
    markdown = github.summary(results, findings, lang, release=__version__, notes=notes)
    atomic_write(str(out / "summary.md"), markdown)
    classroom = github.classroom_result(results, findings, lang)
    atomic_write(str(out / "classroom.json"), json.dumps(classroom, indent=2, ensure_ascii=False))
    verdict = {"release": __version__, "verified": not findings, "score": got, "max_score": total,
               "percent": round(percent, 2), "base": base, "findings": [f.as_dict() for f in findings],
               "notes": notes}
    atomic_write(str(out / "ci.json"), json.dumps(verdict, indent=2, ensure_ascii=False))
    if "GITHUB_STEP_SUMMARY" in runner:
        github.append_summary(runner["GITHUB_STEP_SUMMARY"], markdown)
    if "GITHUB_OUTPUT" in runner:
        github.append_outputs(runner["GITHUB_OUTPUT"], {
            "result": github.encode_result(classroom), "score": f"{got:g}", "max_score": f"{total:g}",
            "percent": f"{percent:.2f}", "verified": "true" if not findings else "false"})
    return percent
