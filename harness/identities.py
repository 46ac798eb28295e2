"""A user id of its own for each submission graded at the same time.

Student programs never run as the grader's user or as root, and never as the user of a
program of another submission graded at the same time: then the kernel's own permission
checks keep one submission from signalling, tracing or reading another's processes and
files.  A uid is drawn from a range no account uses and held with ``flock`` on a file in
a folder only root can enter, so parallel graders (threads or processes) never share one.
The lease ends with the grading run (closing the file drops the lock).
"""

from __future__ import annotations

import errno
import fcntl
import os
import random

LOW, HIGH = 300_000, 399_999
LOCK_DIR = "/run/socklab/uids"


class UidLease:
    def __init__(self, uid: int, fd: int):
        self.uid = uid
        self._fd = fd

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


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
        fd = os.open(os.path.join(folder, str(uid)), os.O_CREAT | os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC,
                     0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return UidLease(uid, fd)
        except OSError as exc:
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise
    raise RuntimeError(f"no free uid in {LOW}-{HIGH} after {tries} tries")
