"""The students' files of a labs folder, without the checks beside them.

``pytest labs/dayN`` grades the files in socklab's own lab folders, which also hold the
checks (``test_*.py``) and the day's README.  A backend that runs programs in a world of
their own (the sandbox, a container) mounts a staged copy instead: the students' files
only, regular files and folders, nothing followed (``harness.safefs``).
"""

from __future__ import annotations

import os
import tempfile

from harness import safefs

STUDENT_FILES_IGNORED = ("test_*.py", "conftest.py", "__init__.py", "__pycache__", "*.pyc",
                         "README*", "pytest.ini", "tox.ini", "setup.cfg")


def stage_students_files(labs_root: str, prefix: str) -> str:
    """A new folder (readable by every user) holding each ``day*`` folder's students' files."""
    staged = tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-stage-")
    os.chmod(staged, 0o755)
    for day in sorted(os.listdir(labs_root)):
        src = os.path.join(labs_root, day)
        if day.startswith("day") and os.path.isdir(src) and not os.path.islink(src):
            safefs.copy_student_tree(src, os.path.join(staged, day), STUDENT_FILES_IGNORED)
    return staged
