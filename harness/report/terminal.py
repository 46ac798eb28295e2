"""The score table a student reads at the end of ``pytest labs/dayN``.

Every cell is a ``Text`` of made-visible text: rich reads markup (``[link=…]``) in a
plain string, and a terminal obeys the escapes a program printed.
"""

from __future__ import annotations

import io
from collections import OrderedDict

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from harness.catalog import text
from harness.quoting import visible
from harness.results import CheckResult

MARKS = {"passed": ("✔", "green"), "failed": ("✘", "red"), "not-run": ("–", "yellow"),
         "timeout": ("⏱", "red"), "infra-error": ("!", "magenta")}


def by_lab(results: list[CheckResult]) -> "OrderedDict[str, list[CheckResult]]":
    labs: OrderedDict[str, list[CheckResult]] = OrderedDict()
    for r in results:
        labs.setdefault(r.lab, []).append(r)
    return labs


def tables(results: list[CheckResult], lang: str = "en") -> list[Table]:
    out = []
    for lab, rows in by_lab(results).items():
        got = sum(r.score for r in rows)
        total = sum(r.max_score for r in rows)
        table = Table(title=Text(f"{visible(lab)}  {got:g}/{total:g}"), title_justify="left",
                      box=box.SIMPLE_HEAD, show_lines=False, expand=False)
        table.add_column("", width=1)
        table.add_column(text("report.check", lang))
        table.add_column(text("report.points", lang), justify="right")
        table.add_column(text("report.feedback", lang), overflow="fold", max_width=70)
        for r in rows:
            mark, colour = MARKS.get(r.status, ("?", "white"))
            first = visible(r.feedback).strip().split("\n")[0].strip()
            if r.status == "not-run" and not first:
                first = text("report.not_run", lang)
            table.add_row(Text(mark, style=colour), Text(visible(r.name)), f"{r.score:g}/{r.max_score:g}",
                          Text(first, style="dim" if r.passed else ""))
        out.append(table)
    return out


def summary_line(results: list[CheckResult], lang: str = "en") -> str:
    got = sum(r.score for r in results)
    total = sum(r.max_score for r in results)
    hidden_failed = any(r.visibility != "visible" and not r.passed for r in results)
    if all(r.passed for r in results) and not hidden_failed:
        return text("report.all_passed", lang, got=f"{got:g}", total=f"{total:g}")
    return text("report.total", lang, got=f"{got:g}", total=f"{total:g}")


def render(results: list[CheckResult], lang: str = "en", *, width: int = 110,
           color: bool = False) -> str:
    console = Console(width=width, record=True, force_terminal=color,
                      color_system="auto" if color else None, file=io.StringIO())
    for table in tables(results, lang):
        console.print(table)
    console.print(Text(summary_line(results, lang)))
    return console.export_text(styles=color)


def print_tables(results: list[CheckResult], lang: str = "en", file=None) -> None:
    console = Console(file=file, highlight=False)
    if not console.is_terminal:  # a log or CI: wide enough that names and feedback fit
        console.width = max(console.width, 120)
    for table in tables(results, lang):
        console.print(table)
    console.print(Text(summary_line(results, lang), style="bold"))
