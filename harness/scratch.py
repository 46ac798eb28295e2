"""A grading run's scratch folder: where each check's folder is made, capped in size.

Student programs write only there (their check's own folder inside it), so a program
filling the disk fills only this: as root it is a tmpfs of its own with a size cap
(``nosuid,nodev``); elsewhere a plain temporary folder (``RLIMIT_FSIZE`` still caps each
file).  The grader reads what programs left there only through :mod:`harness.safefs`.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile

import psutil

DEFAULT_BYTES = 256 << 20
PREFIXES = ("socklab-sandbox-", "socklab-docker-")   # <prefix><pid of the grading run>-...
_stale_swept = False


class ScratchRoot:
    def __init__(self, prefix: str, size: int = DEFAULT_BYTES):
        sweep_dead_runs()
        self.path = tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-")
        os.chmod(self.path, 0o711)
        self.capped = os.geteuid() == 0 and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0711,nosuid,nodev", "socklab-scratch",
             self.path], capture_output=True).returncode == 0

    def remove(self) -> None:
        _remove(self.path, self.capped)


def hand_over(workdir: str, uid: int) -> None:
    """A check's folder becomes the program's to write, as a host program (the grader's
    uid) would own it: what the check prepared there too. Links are changed, never followed."""
    for top, dirs, files in os.walk(workdir):
        for name in [*dirs, *files]:
            with contextlib.suppress(OSError):
                os.chown(os.path.join(top, name), uid, uid, follow_symlinks=False)
    os.chown(workdir, uid, uid)


def _remove(path: str, mounted: bool = True) -> None:
    if mounted:  # lazily: a process that still holds a file there cannot keep it mounted
        subprocess.run(["umount", "-l", path], capture_output=True)
    shutil.rmtree(path, ignore_errors=True)


def remove_left(*, owner: int | None = None, only_dead: bool = False,
                prefixes: tuple[str, ...] = PREFIXES) -> list[str]:
    """Remove (unmounting first) the scratch folders grading runs left: those of ``owner``,
    or of runs no longer alive (``only_dead``), or all. Returns what was removed."""
    removed = []
    for prefix in prefixes:
        for path in glob.glob(os.path.join(tempfile.gettempdir(), f"{prefix}*")):
            run = os.path.basename(path)[len(prefix):].split("-", 1)[0]
            if not run.isdigit() or (owner is not None and int(run) != owner) \
                    or (only_dead and psutil.pid_exists(int(run))):
                continue
            _remove(path, os.path.ismount(path))
            removed.append(path)
    return removed


def sweep_of(pid: int) -> int:
    """The scratch folders (and their mounts) a grading run left when it was killed."""
    return len(remove_left(owner=pid))


def sweep_dead_runs() -> None:
    """Once per process: what grading runs that died without tearing down left behind."""
    global _stale_swept
    if not _stale_swept:
        _stale_swept = True
        remove_left(only_dead=True)
