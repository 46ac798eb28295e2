"""Deadlines instead of sleeps.

Every wait in socklab is "poll a predicate until it holds or a deadline passes", with
exponential backoff (CPython's ``sleeping_retry``: 5 ms doubling to a cap).  All
durations written in checks are nominal seconds on an idle machine; one global scale
factor (``--timeout-scale`` or ``SOCKLAB_TIMEOUT_SCALE``) stretches them for slow or
loaded machines, so a check never needs its own fudge factor.
"""

from __future__ import annotations

import os
import time
from typing import Callable, TypeVar

T = TypeVar("T")

_scale = float(os.environ.get("SOCKLAB_TIMEOUT_SCALE", "1") or 1)


def set_scale(factor: float) -> None:
    global _scale
    if factor <= 0:
        raise ValueError("timeout scale must be positive")
    _scale = factor


def scale() -> float:
    return _scale


def scaled(seconds: float) -> float:
    """A nominal duration stretched by the global scale factor."""
    return seconds * _scale


class Deadline:
    """A point in monotonic time, ``seconds`` (scaled) from now."""

    def __init__(self, seconds: float, *, scale_it: bool = True):
        self.seconds = scaled(seconds) if scale_it else seconds
        self.at = time.monotonic() + self.seconds

    def left(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def passed(self) -> bool:
        return time.monotonic() >= self.at


def wait_until(predicate: Callable[[], T], timeout: float, *, first: float = 0.005,
               cap: float = 0.05) -> T:
    """Poll ``predicate`` until it returns something truthy or ``timeout`` (scaled) passes.

    Returns the predicate's last value, truthy on success, falsy on timeout; the caller
    decides what a timeout means (a student failure, usually).
    """
    deadline = Deadline(timeout)
    delay = first
    while True:
        value = predicate()
        if value or deadline.passed():
            return value
        time.sleep(min(delay, deadline.left()) or 0.001)
        delay = min(delay * 2, cap)


def hold_for(predicate: Callable[[], bool], seconds: float, *, step: float = 0.02) -> bool:
    """True if ``predicate`` stays true for the whole (scaled) period: "nothing happens"."""
    deadline = Deadline(seconds)
    while not deadline.passed():
        if not predicate():
            return False
        time.sleep(min(step, deadline.left()) or 0.001)
    return predicate()
