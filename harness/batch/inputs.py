"""Finding the submissions in what an instructor downloaded.

Accepted, in any mix: a submission folder (it holds ``day1/`` … ``day4/``); a ``.zip``
or ``.tar.gz`` of one; a folder of those, one per student (a GitHub Classroom clone-all
folder); a Gradescope export (``submission_metadata.yml`` beside ``submission_<id>/``
folders); a local git repository, graded at ``--git-ref``.  A student's name comes from
the folder or archive name, or from the export's metadata.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from harness.batch.unpack import UnsafeArchive, is_archive, stem, unpack
from harness.grading import DAYS, lab_modules

LAB_GLOB = "day[1-4]/*.py"


@dataclass
class Submission:
    name: str
    source: Path
    kind: str                 # folder, archive, git
    ref: str | None = None
    error: str | None = None  # why it cannot be graded (a refused archive...)
    folder: Path | None = None

    def materialize(self, scratch: Path) -> Path | None:
        """The folder to grade (unpacked or checked out under ``scratch``), or None with .error set."""
        if self.kind == "folder":
            self.folder = find_days(self.source)
        elif self.kind == "archive":
            try:
                self.folder = find_days(unpack(self.source, scratch / "unpacked"))
            except UnsafeArchive as exc:
                self.error = f"archive refused: {exc}"
                return None
        elif self.kind == "git":
            self.folder = self._checkout(scratch)
        if self.folder is None and self.error is None:
            self.error = "no day1/ … day4/ folder found"
        return self.folder

    def _checkout(self, scratch: Path) -> Path | None:
        scratch.mkdir(parents=True, exist_ok=True)
        tar = scratch / "checkout.tar"
        result = subprocess.run(["git", "-C", str(self.source), "archive", "--format=tar",
                                 "-o", str(tar), self.ref or "HEAD"], capture_output=True, text=True)
        if result.returncode != 0:
            self.error = f"git archive {self.ref}: {result.stderr.strip()}"
            return None
        try:
            return find_days(unpack(tar, scratch / "checkout"))
        except UnsafeArchive as exc:
            self.error = f"checkout refused: {exc}"
            return None


def find_days(root: Path, *, nested: bool = True) -> Path | None:
    """``root`` if it holds a dayN folder (or ``labs/dayN``, a copy of the student template);
    with ``nested``, also its only sub-folder that does (archives often wrap one folder)."""
    if any((root / d).is_dir() for d in DAYS):
        return root
    if (root / "labs").is_dir() and any((root / "labs" / d).is_dir() for d in DAYS):
        return root / "labs"
    if nested:
        subs = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "__MACOSX"))]
        if len(subs) == 1:
            return find_days(subs[0])
    return None


def _is_git(path: Path) -> bool:
    return (path / ".git").exists()


def gradescope_names(metadata: Path) -> dict[str, str]:
    """submission folder -> student name(s), from Gradescope's submission_metadata.yml.

    The file is YAML written by Ruby (``:submitters:``, ``:name:``); the few lines needed
    are read directly, so no YAML library is required.
    """
    names: dict[str, list[str]] = {}
    current = None
    for line in metadata.read_text(encoding="utf-8", errors="replace").splitlines():
        top = re.match(r"^(submission_\w+):\s*$", line)
        if top:
            current = top.group(1)
            names[current] = []
            continue
        name = re.match(r"^\s*(?:-\s*)?:name:\s*(.+?)\s*$", line)
        if name and current:
            names[current].append(name.group(1).strip("'\""))
    return {k: " + ".join(v) if v else k for k, v in names.items()}


def discover(paths: list[Path], git_ref: str | None = None) -> list[Submission]:
    found: list[Submission] = []
    for path in paths:
        found.extend(_discover_one(path, git_ref))
    return found


def _discover_one(path: Path, git_ref: str | None) -> list[Submission]:
    if is_archive(path):
        return [Submission(stem(path), path, "archive")]
    if not path.is_dir():
        return [Submission(path.name, path, "folder", error="not a folder or a .zip/.tar.gz archive")]
    if git_ref and _is_git(path):
        return [Submission(path.name, path, "git", ref=git_ref)]
    if find_days(path, nested=False) is not None:
        return [Submission(path.name, path, "folder")]
    metadata = path / "submission_metadata.yml"
    if metadata.exists():
        names = gradescope_names(metadata)
        return [Submission(names.get(p.name, p.name), p, "folder")
                for p in sorted(path.iterdir()) if p.is_dir() and p.name.startswith("submission_")]
    children = sorted(p for p in path.iterdir() if not p.name.startswith("."))
    subs: list[Submission] = []
    for child in children:
        if is_archive(child):
            subs.append(Submission(stem(child), child, "archive"))
        elif child.is_dir() and git_ref and _is_git(child):
            subs.append(Submission(child.name, child, "git", ref=git_ref))
        elif child.is_dir():
            subs.append(Submission(child.name, child, "folder"))
    return subs or [Submission(path.name, path, "folder", error="no day1/ … day4/ folder found")]


def content_hash(folder: Path) -> str:
    """What the grade depends on in a submission: its lab programs, byte for byte."""
    h = hashlib.sha256()
    for path in sorted(folder.glob(LAB_GLOB)):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def checks_hash(labs: list[str] | None = None) -> str:
    """What the grade depends on in socklab: the chosen labs' checks and the harness."""
    h = hashlib.sha256()
    harness_dir = Path(__file__).resolve().parents[1]
    for path in lab_modules(only=labs) + sorted(harness_dir.rglob("*.py")):
        h.update(str(path.name).encode() + path.read_bytes())
    return h.hexdigest()


def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="socklab-batch-"))


def remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
