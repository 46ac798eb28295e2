"""A user id of its own for each submission graded at the same time.

Student programs never run as the grader's user or as root, and never as the user of a
program of another submission graded at the same time: then the kernel's own permission
checks keep one submission from signalling, tracing or reading another's processes and
files.  A uid is drawn from a range no account uses and held with ``flock`` on a file in
a folder only root can enter, so parallel graders (threads or processes) never share one.
The lease ends with the grading run (closing the file drops the lock).
"""

from __future__ import annotations

import os
import random

from harness.leases import Lease, try_flock

LOW, HIGH = 300_000, 399_999
LOCK_DIR = "/run/socklab/uids"


class UidLease(Lease):
    def __init__(self, uid: int, fd: int):
        super().__init__(fd)
        self.uid = uid


def _lock_dir() -> str:
    os.makedirs(LOCK_DIR, mode=0o700, exist_ok=True)
    os.chmod(os.path.dirname(LOCK_DIR), 0o700)
    os.chmod(LOCK_DIR, 0o700)
    return LOCK_DIR


def lease_uid(tries: int = 500) -> UidLease:
    """A uid no other grading run holds now (root only)."""
    folder = _lock_dir()
    rng = random.SystemRandom()
    for _ in range(tries):
        uid = rng.randint(LOW, HIGH)
        fd = try_flock(os.path.join(folder, str(uid)), 0o600, os.O_NOFOLLOW | os.O_CLOEXEC)
        if fd is not None:
            return UidLease(uid, fd)
    raise RuntimeError(f"no free uid in {LOW}-{HIGH} after {tries} tries")
