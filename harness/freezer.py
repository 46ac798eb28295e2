"""Killing a launch's whole tree at once: freeze it, SIGKILL every member, thaw.

A tree that forks as fast as it is killed (or whose members exit to re-parent their
children) can race a kill loop; a frozen tree cannot: no member runs, so none forks,
exits or moves while every one of them is sent SIGKILL, which takes effect on thaw.
A cgroup v1 ``freezer`` per launch (root); where there is none, teardown's kill loop
over the ``pids`` cgroup does the work alone.
"""

from __future__ import annotations

import contextlib
import os
import uuid

from harness.containment import remove_cgroup
from harness.timing import wait_until

ROOT = "/sys/fs/cgroup/freezer"


class Freezer:
    def __init__(self):
        self.path = os.path.join(ROOT, f"socklab-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        os.mkdir(self.path)
        self.join_path = os.path.join(self.path, "tasks")

    @classmethod
    def make(cls) -> "Freezer | None":
        if os.geteuid() != 0 or not os.access(ROOT, os.W_OK):
            return None
        try:
            return cls()
        except OSError:
            return None

    def _state(self, value: str | None = None) -> str:
        path = os.path.join(self.path, "freezer.state")
        with contextlib.suppress(OSError):
            if value is not None:
                with open(path, "w") as fh:
                    fh.write(value)
            with open(path) as fh:
                return fh.read().strip()
        return ""

    def members(self) -> list[int]:
        try:
            with open(os.path.join(self.path, "cgroup.procs")) as fh:
                return [int(x) for x in fh.read().split()]
        except (OSError, ValueError):
            return []

    def kill_all(self) -> int:
        """Freeze, SIGKILL every member, thaw: returns how many were sent the signal."""
        self._state("FROZEN")
        wait_until(lambda: self._state() == "FROZEN", 1, first=0.0005, cap=0.005)
        members = self.members()
        for pid in members:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, 9)
        self._state("THAWED")
        return len(members)

    def remove(self) -> None:
        self._state("THAWED")  # never leave a frozen process behind
        remove_cgroup(self.path, within=5)
