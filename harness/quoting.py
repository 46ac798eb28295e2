"""Showing text a student controls in a report, so that it can be read and never obeyed.

A student's program may print anything, and a student names their own files and folders:
terminal escapes that recolour or erase the report, a CR that overwrites a line, bidi
overrides that make text read in another order than it runs, HTML, Markdown fences,
spreadsheet formulas.  Every writer shows such text through these functions:
:func:`visible` (the one "make visible" step, for every medium), then the medium's own
quoting: :func:`quoted` for plain text, :func:`fence` and :func:`md_inline` for Markdown,
:func:`spreadsheet_cell` and :func:`csv_text` for CSV, :func:`html_text` for HTML.
"""

from __future__ import annotations

import csv
import html
import io
import re

# C0 controls but LF and TAB, DEL, C1 controls; bidi marks, embeddings, overrides and
# isolates (Trojan Source); line and paragraph separators (they end a line for many
# viewers); lone surrogates (undecodable bytes: they cannot even be written as UTF-8).
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                     "\u2028\u2029\u2066-\u2069\ud800-\udfff]")
QUOTE = "    | "          # the prefix of each quoted line in plain-text feedback
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")   # what makes a spreadsheet evaluate a cell
# what lets text in a table cell become markup: HTML, a code span, a link or image, a
# mention, a cell boundary, an escape (emphasis is left alone: it only styles)
_MARKDOWN_ACTIVE = "\\`[]|@<>&"


def _escape(match: re.Match) -> str:
    return match.group().encode("unicode_escape").decode("ascii")  # \x1b, \r, \u202e, \udcff


def visible(s: str) -> str:
    """``s`` with every character a viewer would act on instead of show spelled out
    (``\\x1b``, ``\\r``, ``\\u202e``); LF and TAB stay.  Idempotent, so a writer may
    apply it to text that was already made visible."""
    return _HIDDEN.sub(_escape, s)


def quoted(text: str, max_lines: int | None = None) -> list[str]:
    """A program's output as quoted lines: each starts with ``QUOTE``, so no line of it
    begins a report's own line (a heading, a workflow command) and the reader sees where
    it starts and ends.  CRLF ends a line like LF; a lone CR is shown."""
    text = text.rstrip("\r\n")
    if not text:
        return []
    lines = re.split(r"\r?\n", text)
    if max_lines and len(lines) > max_lines:  # the head says how it started, the tail how it ended
        head = max_lines // 4
        lines = lines[:head] + ["…"] + lines[-(max_lines - head - 1):]
    return [QUOTE + visible(line) for line in lines]


def fence(text: str) -> str:
    """A Markdown fenced code block of ``text``: its fence is longer than any run of
    backticks inside, so the text cannot close it, and nothing inside is Markdown or HTML."""
    body = visible(text)
    longest = max((len(run) for run in re.findall("`+", body)), default=0)
    mark = "`" * max(3, longest + 1)
    return f"{mark}\n{body}\n{mark}"


def md_inline(text: str) -> str:
    """One line of Markdown text (a table cell) that is only text: no HTML, code span,
    link, image, mention or cell boundary.  A numeric reference is literal text to a
    CommonMark parser, never syntax."""
    s = visible(text).replace("\n", " ").replace("\t", " ")
    return "".join(f"&#{ord(c)};" if c in _MARKDOWN_ACTIVE else c for c in s)


def number(x: float, spec: str = "g") -> str:
    """A number as a report shows it; ``-0`` (a negated zero) is shown as ``0``, so no
    score starts with ``-``."""
    return format(x + 0.0, spec)  # -0.0 + 0.0 == +0.0


def spreadsheet_cell(value) -> str:
    """A CSV cell that a spreadsheet shows and never evaluates: text that would start a
    formula (``=HYPERLINK(...)`` as a folder name) gets a leading ``'``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value)
    s = str(value)
    return ("'" if s.startswith(FORMULA_START) else "") + visible(s)


def csv_text(rows: list[list]) -> str:
    """A CSV file of ``rows`` whose every cell is a :func:`spreadsheet_cell`."""
    buf = io.StringIO()
    csv.writer(buf).writerows([[spreadsheet_cell(c) for c in row] for row in rows])
    return buf.getvalue()


def html_text(text: str) -> str:
    """Text for an HTML element or attribute: made visible, then escaped."""
    return html.escape(visible(text))
