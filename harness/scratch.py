"""A grading run's scratch folder: where each check's folder is made, capped in size.

Student programs write only there (their check's own folder inside it), so a program
filling the disk fills only this: as root it is a tmpfs of its own with a size cap
(``nosuid,nodev``); elsewhere a plain temporary folder (``RLIMIT_FSIZE`` still caps each
file).  The grader reads what programs left there only through :mod:`harness.safefs`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

DEFAULT_BYTES = 256 << 20


class ScratchRoot:
    def __init__(self, prefix: str, size: int = DEFAULT_BYTES):
        self.path = tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-")
        os.chmod(self.path, 0o711)
        self.capped = os.geteuid() == 0 and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0711,nosuid,nodev", "socklab-scratch",
             self.path], capture_output=True).returncode == 0

    def remove(self) -> None:
        if self.capped:  # lazily: a process that still holds a file there cannot keep it mounted
            subprocess.run(["umount", "-l", self.path], capture_output=True)
        shutil.rmtree(self.path, ignore_errors=True)
