"""The students' files of a labs folder, without the checks beside them.

``pytest labs/dayN`` grades the files in socklab's own lab folders, which also hold the
checks (``test_*.py``) and the day's README.  A backend that runs programs in a world of
their own (the sandbox, a container) mounts a staged copy instead: the students' files
only, regular files and folders, nothing followed (``harness.safefs``).
"""

from __future__ import annotations

import os
import shutil
import tempfile

from harness import safefs
from harness.course import LABS_DIR

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


MOUNT = "/submission"   # where a wrapped backend shows the student's folder to its programs


class SubmissionMount:
    """What a sandbox or a container mounts at ``/submission``: the submission folder, or,
    for ``pytest labs`` (whose lab folders hold the checks), a staged copy of the course's
    students' files, made at once so that a container started early (for the grader's
    network) already has it.  The staged copy goes with ``remove()``."""

    def __init__(self, submission: str | None, prefix: str):
        self.submission = os.path.realpath(submission) if submission else None
        self._staged = None if self.submission else stage_students_files(str(LABS_DIR), prefix)
        self.root: str = self.submission or self._staged

    def inside(self, lab_folder: str) -> str:
        """The lab folder's path inside."""
        folder = os.path.realpath(lab_folder)
        if self.submission and folder.startswith(self.submission + os.sep):
            return f"{MOUNT}/{os.path.relpath(folder, self.submission)}"
        return f"{MOUNT}/{os.path.basename(folder)}"

    def remove(self) -> None:
        if self._staged:
            shutil.rmtree(self._staged, ignore_errors=True)
