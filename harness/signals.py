"""Observing children and signals of a lab's process tree (day 4's labs).

Read-only helpers on top of :class:`harness.program.Program`: which direct children
are alive or zombies, which pids a program printed, and SIGSTOP/SIGCONT as a stimulus
to make signals coalesce on purpose.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

import psutil

from harness.timing import wait_until


def live_children(program) -> set[int]:
    """Direct children of the program's main process that are running (not zombies)."""
    out = set()
    for child in program.children():
        try:
            if child.status() != psutil.STATUS_ZOMBIE:
                out.add(child.pid)
        except psutil.Error:
            continue
    return out


def new_child(program, known: set[int], timeout: float = 5) -> int | None:
    """The pid of a live child not in ``known`` (waits for it to appear), or None."""
    found = wait_until(lambda: live_children(program) - known, timeout)
    return min(found) if found else None


def printed_pids(program, pattern: str) -> Counter:
    """How many times each pid was printed, over every occurrence in stdout (glued lines too).

    Counted by host pid: a program in a PID namespace prints its own numbers.
    """
    return Counter(program.host_pid(int(m.group(1))) for _line, m in program.lines_matching(pattern))


def stop(pid: int) -> None:
    os.kill(pid, signal.SIGSTOP)


def cont(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGCONT)
    except ProcessLookupError:
        pass


def is_stopped(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_STOPPED
    except psutil.Error:
        return False
