"""Structured feedback: what was sent, what came back, what was expected, and a hint.

A check fails by raising :class:`CheckFailed` with a catalog key and its parameters; the
text is rendered later, in the report's language, so the same failure reads the same in
the terminal, in ``results.json`` and in JUnit XML.  Bytes are shown in hex next to the
expected bytes, from the first place they differ.  The program's own output is quoted
line by line (``harness.quoting``), and the whole text is made visible: whatever a
student's program printed reaches a report as text, never as a terminal control.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from harness.catalog import text
from harness.quoting import quoted, visible

HEX_WINDOW = 32  # bytes shown around the first difference
OUTPUT_LINES = 24  # lines of a program's output quoted in feedback


class CheckFailed(AssertionError):
    """The student's program did something the lab forbids (or failed to do what it asks)."""

    status = "failed"

    def __init__(self, key: str, *, sent=None, got=None, expected=None, hint: str | None = None,
                 output: str | None = None, **params):
        super().__init__(key)
        self.key = key
        self.sent, self.got, self.expected = sent, got, expected
        self.hint = hint
        self.output = output  # the program's own output, already capped
        self.params = params

    def render(self, lang: str = "en") -> str:
        return render(self, lang)


class HarnessError(RuntimeError):
    """socklab itself could not do its job (no free port, Docker down): never the student's fault."""

    status = "infra-error"

    def __init__(self, key: str, **params):
        super().__init__(f"{key} {params}")
        self.key, self.params = key, params
        self.sent = self.got = self.expected = self.hint = self.output = None

    def render(self, lang: str = "en") -> str:
        return render(self, lang)


def fail(key: str, **kw) -> CheckFailed:
    """``raise fail("net.wrong_bytes", sent=..., got=..., expected=...)`` reads as the spec."""
    return CheckFailed(key, **kw)


class Output(str):
    """A program's captured output, plus socklab's own notes about how it ended (catalog
    keys, rendered after the quoted output in the report's language)."""

    notes: tuple = ()

    def noted(self, key: str, **params) -> "Output":
        out = Output(self)
        out.notes = (*self.notes, (key, params))
        return out


@dataclass
class Shown:
    """A value to show in feedback: bytes as hex (and text where printable), text as is."""

    value: object
    label_key: str
    notes: list[str] = field(default_factory=list)


def _printable(data: bytes) -> bool:
    try:
        s = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(c.isprintable() or c in "\r\n\t" for c in s)


def hexdump(data: bytes, start: int = 0, width: int = HEX_WINDOW) -> str:
    chunk = data[start:start + width]
    more = len(data) - start - len(chunk)
    text = " ".join(f"{b:02x}" for b in chunk)
    if start:
        text = f"[{start}:] " + text
    if more > 0:
        text += f" …(+{more})"
    return text or "(0 bytes)"


def first_difference(a: bytes, b: bytes) -> int | None:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return None if len(a) == len(b) else min(len(a), len(b))


def describe_bytes(data: bytes, at: int = 0) -> str:
    """One value: its length, a hex window from ``at``, and the text if it is short and readable."""
    n = len(data)
    start = max(0, at - 4)
    line = f"{n} bytes: {hexdump(data, start)}"
    if n and n <= 200 and _printable(data):
        line += f"   {data!r}"
    elif n > 4096:
        line += f"   sha256 {hashlib.sha256(data).hexdigest()[:16]}…"
    return line


def _render_value(value, at: int = 0) -> str:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return describe_bytes(bytes(value), at)
    return str(value)


def render(exc, lang: str = "en") -> str:
    # a message may name the shown values too ({expected}, {got}, {sent}) when they are text
    named = {k: v for k, v in (("sent", exc.sent), ("got", exc.got), ("expected", exc.expected))
             if isinstance(v, (str, int, float))}
    lines = [text(exc.key, lang, **{**named, **exc.params})]
    got, expected = exc.got, exc.expected
    at = 0
    if isinstance(got, (bytes, bytearray)) and isinstance(expected, (bytes, bytearray)):
        at = first_difference(bytes(got), bytes(expected)) or 0
        if at:
            lines.append(text("label.first_difference", lang, offset=at))
    for label, value in (("label.sent", exc.sent), ("label.got", got), ("label.expected", expected)):
        if value is not None:
            lines.append(f"  {text(label, lang)}: {_render_value(value, at)}")
    if exc.hint:
        hint_key, hint_params = (exc.hint, {}) if isinstance(exc.hint, str) else exc.hint
        lines.append(f"  {text('label.hint', lang)}: {text(hint_key, lang, **hint_params)}")
    if exc.output or getattr(exc.output, "notes", ()):
        lines.append(f"  {text('label.output', lang)}:")
        lines.extend(quoted(exc.output or "", OUTPUT_LINES))
    for key, params in getattr(exc.output, "notes", ()):
        lines.append("    " + text(key, lang, **params))
    # a message may carry what the program sent ({got}): it is shown, never obeyed
    return visible("\n".join(lines))
