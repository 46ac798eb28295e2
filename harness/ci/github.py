"""What GitHub Actions reads: workflow commands in the log, the step summary, step
outputs, and the GitHub Classroom runner result.

Workflow commands follow GitHub's toolkit rules: a command's message escapes ``%``, CR
and LF (``%25``, ``%0D``, ``%0A``), its properties also ``:`` and ``,`` (``%3A``,
``%2C``), so nothing can end a command early or start a new line.  Text that came from a
student's program is only ever printed between ``::stop-commands::TOKEN`` and ``::TOKEN::``
with a random token, where the runner executes no command at all.  Outside it, a
command's message is one line made visible (``harness.quoting``); in the step summary,
student text is either an inert table cell or inside a fence longer than any run of
backticks it holds.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections import OrderedDict
from contextlib import contextmanager

from harness.catalog import text
from harness.ci.protect import Finding
from harness.quoting import QUOTE, fence, md_inline, visible
from harness.results import CheckResult

SUMMARY_LIMIT = 1024 * 1024 - 64 * 1024   # GitHub refuses a step summary over 1 MiB
CELL_LIMIT = 300
MESSAGE_LIMIT = 1000
DETAIL_LINES, DETAIL_CHARS = 40, 4000   # of one check's feedback in the summary
FAILED = ("failed", "timeout", "infra-error")


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: str) -> str:
    """One workflow command line, e.g. ``::error file=x.py,title=T::message``."""
    plist = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{name}{' ' + plist if plist else ''}::{escape_data(message)}"


@contextmanager
def commands_stopped(write):
    """Everything written inside is inert: the runner processes no workflow command until
    the random token, which no student program has seen, resumes them."""
    token = secrets.token_hex(16)
    write(f"::stop-commands::{token}\n")
    try:
        yield token
    finally:
        write(f"\n::{token}::\n")


def lab_file(lab: str) -> str | None:
    """The student's file of a lab id, as a path in the repository: labs/day2/echo_server.py."""
    day, _, name = lab.partition("/")
    return f"labs/{day}/{name}.py" if day.startswith("day") and name else None


def first_line(feedback: str) -> str:
    stripped = feedback.strip()
    return stripped.splitlines()[0].strip() if stripped else ""


def feedback_head(feedback: str, lang: str) -> list[str]:
    """The feedback's own lines, before the quoted output of the student's program (which
    only ever reaches the log inside the stop-commands fence)."""
    label = f"  {text('label.output', lang)}:"
    head = []
    for line in feedback.strip().split("\n"):
        if line == label or line.startswith(QUOTE):
            break
        head.append(line)
    return head


def inert(s: str) -> str:
    """Text another step prints as it is (the Classroom reporter logs each test's message):
    no control character, and no line that the runner could read as a workflow command."""
    s = "".join(c if c == "\n" or c.isprintable() else "?" for c in s)
    return "\n".join("» " + ln if ln.lstrip().startswith(("::", "##[")) else ln for ln in s.split("\n"))


def _cap(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def totals(results: list[CheckResult]) -> tuple[float, float, float]:
    got = sum(r.score for r in results)
    total = sum(r.max_score for r in results)
    return got, total, (100.0 * got / total if total else 0.0)


def annotations(results: list[CheckResult], findings: list[Finding], lang: str) -> list[str]:
    lines = []
    for f in findings:
        props = {"title": text("ci.unverified_title", lang)}
        if not f.path.startswith("$"):
            props = {"file": f.path, **props}
        lines.append(command("warning", text(f"ci.finding.{f.how.replace('-', '_')}", lang, path=f.path),
                             **props))
    for r in results:
        if r.status not in FAILED or r.visibility != "visible":
            continue
        # shown in the log and on the diff: a student's bytes in it are made visible first
        message = visible("\n".join(feedback_head(r.feedback, lang)[:12]))
        lines.append(command("error", _cap(message, MESSAGE_LIMIT), file=lab_file(r.lab),
                             title=visible(f"{r.lab}: {r.name} (0/{r.max_score:g})")))
    got, total, percent = totals(results)
    lines.append(command("notice", text("ci.points", lang, got=f"{got:g}", total=f"{total:g}",
                                        percent=f"{percent:.0f}"), title="socklab"))
    return lines


def _cell(s: str) -> str:
    return md_inline(_cap(s, CELL_LIMIT))


def summary(results: list[CheckResult], findings: list[Finding], lang: str, *, release: str,
            notes: list[str] = (), limit: int = SUMMARY_LIMIT) -> str:
    """The Markdown of the job summary; never longer than ``limit`` bytes."""
    got, total, percent = totals(results)
    head = []
    if findings:
        head += ["> [!CAUTION]", f"> **{text('ci.unverified_title', lang)}.** "
                 + text("ci.unverified_body", lang, release=release), ">"]
        head += [f"> - <code>{_cell(f.path)}</code>: "
                 + _cell(text(f"ci.finding.{f.how.replace('-', '_')}", lang, path=f.path))
                 for f in findings[:50]]
        if len(findings) > 50:
            head.append(f"> - … {len(findings) - 50}")
        head.append("")
    heading = text("ci.heading", lang, got=f"{got:g}", total=f"{total:g}", percent=f"{percent:.0f}")
    head.append(f"## {heading}")
    head.append("")
    head += [f"{_cell(n)}  " for n in notes]
    labs: OrderedDict[str, list[CheckResult]] = OrderedDict()
    for r in results:
        labs.setdefault(r.lab, []).append(r)
    col = {k: text(f"ci.col_{k}", lang) for k in ("lab", "points", "passed", "check", "feedback")}
    head += [f"| {col['lab']} | {col['points']} | {col['passed']} |", "|---|---:|---:|"]
    for lab, rows in labs.items():
        head.append(f"| {_cell(lab)} | {sum(r.score for r in rows):g}/{sum(r.max_score for r in rows):g} "
                    f"| {sum(r.passed for r in rows)}/{len(rows)} |")
    head.append("")
    failed = [r for r in results if r.status in FAILED and r.visibility == "visible"]
    body = []
    if failed:
        body += [f"### {text('ci.failed_heading', lang)}", "",
                 f"| {col['lab']} | {col['check']} | {col['points']} | {col['feedback']} |",
                 "|---|---|---:|---|"]
    elif all(r.passed for r in results):
        body.append(text("ci.all_passed", lang))
    tail = ["", "", text("ci.footer", lang, release=release), ""]
    out = "\n".join(head + body)
    size = len(out.encode()) + len("\n".join(tail).encode()) + 200
    rows, size, complete = _failed_rows(failed, lang, size, limit)
    out += rows
    if failed and complete:
        out += _details(failed, lang, size, limit)
    return out + "\n".join(tail)


def _failed_rows(failed: list[CheckResult], lang: str, size: int, limit: int) -> tuple[str, int, bool]:
    """The table's rows while the summary stays under ``limit``; whether all of them fit."""
    out = ""
    for i, r in enumerate(failed):
        row = (f"\n| {_cell(r.lab)} | {_cell(r.name)} | {r.score:g}/{r.max_score:g} | "
               f"{_cell(first_line(r.feedback))} |")
        if size + len(row.encode()) > limit:
            return out + "\n\n" + text("ci.truncated", lang, count=len(failed) - i), size, False
        out += row
        size += len(row.encode())
    return out, size, True


def _details(failed: list[CheckResult], lang: str, size: int, limit: int) -> str:
    """Each failed check's feedback, fenced (a student's bytes may hold backticks or HTML);
    the program's output stays in report.txt, as the footer says."""
    out = f"\n\n### {text('ci.details_heading', lang)}\n"
    size += len(out.encode())
    for i, r in enumerate(failed):
        head = _cap("\n".join(feedback_head(r.feedback, lang)[:DETAIL_LINES]), DETAIL_CHARS)
        block = (f"\n<details><summary>{_cell(f'{r.lab}: {r.name}')}</summary>\n\n"
                 f"{fence(head)}\n\n</details>\n")
        if size + len(block.encode()) > limit:
            return out + "\n" + text("ci.details_truncated", lang, count=len(failed) - i)
        out += block
        size += len(block.encode())
    return out


def classroom_result(results: list[CheckResult], findings: list[Finding], lang: str) -> dict:
    """The runner result GitHub Classroom's grading reporter reads (base64 in ``result``)."""
    tests = []
    for r in results:
        if r.visibility != "visible":
            continue
        status = "pass" if r.passed else "error" if r.status == "infra-error" else "fail"
        tests.append({"name": f"{r.lab}: {r.name}", "status": status, "score": r.score,
                      "message": inert(_cap("\n".join(feedback_head(r.feedback, lang)), MESSAGE_LIMIT))
                      if not r.passed else "",
                      "test_code": "", "filename": lab_file(r.lab) or "", "line_no": 0,
                      "duration": round(r.duration, 3)})
    if findings:
        tests.insert(0, {"name": text("ci.unverified_title", lang), "status": "fail", "score": 0,
                         "message": inert("; ".join(f.path for f in findings[:20])), "test_code": "",
                         "filename": inert(findings[0].path), "line_no": 0, "duration": 0})
    status = ("error" if any(r.status == "infra-error" for r in results)
              else "pass" if all(r.passed for r in results) and not findings else "fail")
    _, total, _ = totals(results)
    return {"version": 1, "status": status, "max_score": total, "tests": tests}


def encode_result(result: dict) -> str:
    return base64.b64encode(json.dumps(result, separators=(",", ":"), ensure_ascii=False).encode()).decode()


def append_outputs(path: str, values: dict[str, str]) -> None:
    """Append ``name=value`` lines to ``$GITHUB_OUTPUT`` (values are single-line by construction)."""
    with open(path, "a", encoding="utf-8") as fh:
        for k, v in values.items():
            v = str(v)
            if "\n" in v or "\r" in v:
                delim = "socklab_" + secrets.token_hex(8)
                fh.write(f"{k}<<{delim}\n{v}\n{delim}\n")
            else:
                fh.write(f"{k}={v}\n")


def append_summary(path: str, markdown: str) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(markdown if markdown.endswith("\n") else markdown + "\n")
