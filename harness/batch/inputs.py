"""Finding the submissions in what an instructor downloaded.

Accepted, in any mix: a submission folder (it holds ``day1/`` … ``day4/``); a ``.zip``
or ``.tar.gz`` of one; a folder of those, one per student (a GitHub Classroom clone-all
folder); a Gradescope export (``submission_metadata.yml`` beside ``submission_<id>/``
folders); a local git repository, graded at ``--git-ref``.  A student's name comes from
the folder or archive name, or from the export's metadata.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from harness import course, safefs
from harness.batch.unpack import UnsafeArchive, is_archive, stem, unpack

LAB_PATTERN = b"*"   # every file of a day folder: a .py, a .c, or a program a course command runs
HASH_CAP = 16 << 20  # past this, a lab file is hashed by its size and time, not read


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
            self.error = f"no {course.days_span()} folder found"
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
    with ``nested``, also its only sub-folder that does (archives often wrap one folder).

    ``root`` itself is the caller's; below it, the tree is the student's, so only real
    folders count: a link (``day2 -> /``) is never followed."""
    if any(_real_dir(root / d) for d in course.days()):
        return root
    if _real_dir(root / "labs") and any(_real_dir(root / "labs" / d) for d in course.days()):
        return root / "labs"
    if nested:
        subs = [p for p in root.iterdir() if _real_dir(p) and not p.name.startswith((".", "__MACOSX"))]
        if len(subs) == 1:
            return find_days(subs[0])
    return None


def _real_dir(path: Path) -> bool:
    """A folder, not a link to one (lstat)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _is_git(path: Path) -> bool:
    return (path / ".git").exists()


def gradescope_names(metadata: Path) -> dict[str, str]:
    """submission folder -> student name(s), from Gradescope's submission_metadata.yml.

    The file is YAML written by Ruby (``:submitters:``, ``:name:``): read by a YAML parser
    (quoting, ``''`` and escaped Hangul as YAML means them), every scalar as text, so no
    timestamp or number of Ruby's can fail the read.
    """
    try:
        data = yaml.load(metadata.read_text(encoding="utf-8", errors="replace"), Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return {}
    names: dict[str, str] = {}
    for folder, entry in (data or {}).items() if isinstance(data, dict) else ():
        submitters = entry.get(":submitters") if isinstance(entry, dict) else None
        found = [s[":name"] for s in submitters or [] if isinstance(s, dict) and s.get(":name")]
        names[folder] = " + ".join(found) if found else folder
    return names


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
    return subs or [Submission(path.name, path, "folder", error=f"no {course.days_span()} folder found")]


def content_hash(folder: Path) -> str:
    """What the grade depends on in a submission: its lab programs (``dayN/*.py``), byte for byte.

    The folder is the student's, so nothing in it is followed or opened unless it is a
    regular file: a link is hashed as its text (changing where it points changes the hash),
    a FIFO, device or socket as its name and kind. A link to /dev/zero or a FIFO costs
    nothing; every record is length-prefixed, so no two trees hash alike by accident."""
    h = hashlib.sha256()
    for rel, kind, payload in _lab_entries(os.fsencode(folder)):
        for field in (rel, kind.encode(), payload):
            h.update(len(field).to_bytes(8, "big") + field)
    return h.hexdigest()


def _scan(path: bytes, pattern: bytes) -> list[os.DirEntry]:
    with os.scandir(path) as entries:
        return sorted((e for e in entries if fnmatch.fnmatchcase(e.name, pattern)), key=lambda e: e.name)


def _lab_entries(root: bytes) -> Iterator[tuple[bytes, str, bytes]]:
    """(path below root, kind, what to hash) for each day folder that is a link and each
    lab file of each real day folder, in a fixed order."""
    for day in (e for e in _scan(root, b"day*") if course.is_day(e.name)):
        if day.is_symlink():
            yield day.name, "symlink", os.readlink(day.path)
        elif day.is_dir(follow_symlinks=False):
            for entry in _scan(day.path, LAB_PATTERN):
                yield (day.name + b"/" + entry.name, *_describe(entry, root))


def _describe(entry: os.DirEntry, root: bytes) -> tuple[str, bytes]:
    """(kind, what to hash) of one entry, never followed, opened only if regular."""
    try:
        kind = safefs.kind_of(entry.stat(follow_symlinks=False).st_mode)
    except FileNotFoundError:  # gone since the listing
        return "missing", b""
    if kind == "symlink":
        return kind, os.readlink(entry.path)
    if kind != "regular":
        return kind, b""
    try:
        return kind, safefs.read_regular(entry.path, HASH_CAP, root=root)
    except safefs.TooLarge:
        st = entry.stat(follow_symlinks=False)
        return "large", f"{st.st_size}:{st.st_mtime_ns}".encode()
    except safefs.NotRegular as exc:  # swapped since the listing
        return exc.kind, b""


def checks_hash(labs: list[str] | None = None) -> str:
    """What the grade depends on in socklab: the chosen labs' checks and the harness."""
    h = hashlib.sha256()
    harness_dir = Path(__file__).resolve().parents[1]
    for path in course.lab_modules(only=labs) + sorted(harness_dir.rglob("*.py")):
        h.update(str(path.name).encode() + path.read_bytes())
    return h.hexdigest()


def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="socklab-batch-"))


def remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
