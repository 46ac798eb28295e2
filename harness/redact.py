"""The grading host's absolute paths, out of what a student reads.

A traceback, an error message or a check's own words name files by absolute path: where
the instructor keeps the submissions (``/home/prof/downloads/kim``), where socklab is
installed, and the scratch folders of a run (``/tmp/socklab-…``).  None of them helps
the student, and together they map the grading host.  :func:`scrub` names them the way
the student knows them: ``<submission>/day2/echo_server.py``, ``<socklab>/…``,
``<scratch>/out.txt``.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

SOCKLAB_ROOT = str(Path(__file__).resolve().parent.parent)  # holds harness/ and labs/
_NAME_GOES_ON = r"(?![\w.-])"  # /work/main must not match the start of /work/main2


def _spellings(path: str) -> set[str]:
    """A folder as given and as resolved (/tmp may be a link, as on macOS)."""
    return {os.path.abspath(path), os.path.realpath(path)}


def _scratch_pattern() -> re.Pattern:
    temps = "|".join(re.escape(t) for t in sorted(_spellings(tempfile.gettempdir()), key=len, reverse=True))
    # socklab-batch-…, socklab-docker-…/socklab-…: one run's scratch, however deep
    return re.compile(rf"(?:{temps})/socklab-[^/\s'\"]*(?:/socklab-[^/\s'\"]*)*")


def scrub(text: str, submission: str | os.PathLike | None = None) -> str:
    """``text`` with the submission's folder, socklab's folder and scratch folders named
    by placeholders.  The longest folder is replaced first, so a submission inside
    socklab's folder (its samples) is still ``<submission>``."""
    roots = [(p, "<socklab>") for p in _spellings(SOCKLAB_ROOT)]
    if submission and os.path.isabs(submission):
        roots += [(p, "<submission>") for p in _spellings(str(submission))]
    for path, name in sorted(roots, key=lambda r: len(r[0]), reverse=True):
        if path != os.sep:
            text = re.sub(re.escape(path) + _NAME_GOES_ON, name, text)
    return _scratch_pattern().sub("<scratch>", text)
