"""The course, as its checks define it: days and labs, found in ``labs/day*/test_*.py``.

Nothing else in socklab names a day or a lab: adding ``labs/day5/test_<lab>.py`` adds the
day to grading, to the change hash of submissions, to staging, to the template and to CI.
A lab's id is ``dayN/<lab>``, its program ``dayN/<lab>.py`` (or what ``--command`` says).
"""

from __future__ import annotations

import functools
import os
import re
import stat
from pathlib import Path

import labs as _labs_package

LABS_DIR = Path(_labs_package.__file__).resolve().parent
ROOT = LABS_DIR.parent
DAY = re.compile(r"day(\d+)")


@functools.cache  # the installed checks do not change while socklab runs: read them once
def days() -> tuple[str, ...]:
    """The course's days, in order: every ``labs/dayN`` folder that holds a check module."""
    found = [p.name for p in LABS_DIR.iterdir()
             if DAY.fullmatch(p.name) and p.is_dir() and any(p.glob("test_*.py"))]
    return tuple(sorted(found, key=lambda name: int(DAY.fullmatch(name).group(1))))


def is_day(name: str | bytes) -> bool:
    return DAY.fullmatch(os.fsdecode(name)) is not None and os.fsdecode(name) in days()


def lab_id(module: Path) -> str:
    """``labs/day2/test_echo_server.py`` -> ``day2/echo_server``."""
    return f"{module.parent.name}/{module.stem[len('test_'):]}"


def lab_modules(days_: tuple[str, ...] | list[str] | None = None,
                only: list[str] | None = None) -> list[Path]:
    """The check modules, ``labs/dayN/test_<lab>.py``; ``only`` keeps lab ids like day2/echo_server."""
    found = []
    for day in days() if days_ is None else days_:
        for path in sorted((LABS_DIR / day).glob("test_*.py")):
            if only is None or lab_id(path) in only:
                found.append(path)
    return found


def lab_ids(days_=None) -> list[str]:
    return [lab_id(m) for m in lab_modules(days_)]


def days_present(submission: str | os.PathLike) -> list[str]:
    """The course's days a submission has a real folder for (a link is never followed)."""
    present = []
    for day in days():
        try:
            if stat.S_ISDIR(os.lstat(Path(submission) / day).st_mode):
                present.append(day)
        except OSError:
            continue
    return present


def days_span() -> str:
    """How help texts and messages name the day folders: ``day1/ … day4/``."""
    known = days()
    return f"{known[0]}/ … {known[-1]}/" if known else "dayN/"
