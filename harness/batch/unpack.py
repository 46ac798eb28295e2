"""Unpacking a student's archive without trusting it.

Refused, with a reason the instructor can read: absolute paths, ``..`` components,
links that point outside the archive (or anywhere, for hard links), device files, FIFOs,
and archives whose members add up past a size or count cap.  Nothing is written outside
the target folder, and a refused archive leaves no partial tree behind.
"""

from __future__ import annotations

import os
import shutil
import stat
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_BYTES = 50 << 20
MAX_MEMBERS = 5000
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar")


class UnsafeArchive(Exception):
    """Why an archive was refused (the text goes into the student's grading status)."""


def is_archive(path: Path) -> bool:
    return path.is_file() and path.name.lower().endswith(ARCHIVE_SUFFIXES)


def stem(path: Path) -> str:
    name = path.name
    for suffix in ARCHIVE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


@dataclass
class Member:
    name: str
    size: int
    kind: str            # file, dir, symlink, hardlink, other
    link: str = ""


def _check_name(name: str) -> PurePosixPath:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise UnsafeArchive(f"absolute path {name!r}")
    if ".." in path.parts:
        raise UnsafeArchive(f"path leaving the archive {name!r}")
    return path


def _check_members(members: list[Member]) -> None:
    if len(members) > MAX_MEMBERS:
        raise UnsafeArchive(f"{len(members)} members (limit {MAX_MEMBERS})")
    total = 0
    for m in members:
        path = _check_name(m.name)
        if m.kind == "other":
            raise UnsafeArchive(f"device file or FIFO {m.name!r}")
        if m.kind == "hardlink":
            raise UnsafeArchive(f"hard link {m.name!r}")
        if m.kind == "symlink":
            target = PurePosixPath(m.link)
            resolved = (path.parent / target).parts
            depth = 0
            for part in resolved:
                depth += -1 if part == ".." else (0 if part in ("", ".") else 1)
                if depth < 0:
                    break
            if target.is_absolute() or depth < 0:
                raise UnsafeArchive(f"link {m.name!r} points outside the archive ({m.link!r})")
        total += m.size
        if total > MAX_BYTES:
            raise UnsafeArchive(f"expands past {MAX_BYTES >> 20} MiB")


def _zip_members(zf: zipfile.ZipFile) -> list[Member]:
    out = []
    for info in zf.infolist():
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            out.append(Member(info.filename, 0, "symlink", zf.read(info).decode("utf-8", "replace")))
        elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            out.append(Member(info.filename, 0, "other"))
        else:
            out.append(Member(info.filename, info.file_size, "dir" if info.is_dir() else "file"))
    return out


def _tar_members(tf: tarfile.TarFile) -> list[Member]:
    out = []
    for info in tf.getmembers():
        if info.issym():
            out.append(Member(info.name, 0, "symlink", info.linkname))
        elif info.islnk():
            out.append(Member(info.name, 0, "hardlink", info.linkname))
        elif info.isdir():
            out.append(Member(info.name, 0, "dir"))
        elif info.isfile():
            out.append(Member(info.name, info.size, "file"))
        else:
            out.append(Member(info.name, 0, "other"))
    return out


def unpack(archive: Path, target: Path) -> Path:
    """Unpack ``archive`` into the empty folder ``target``; raise UnsafeArchive if refused."""
    target.mkdir(parents=True, exist_ok=True)
    try:
        if archive.name.lower().endswith(".zip"):
            with zipfile.ZipFile(archive) as zf:
                members = _zip_members(zf)
                _check_members(members)
                for m in members:
                    if m.kind == "symlink":
                        dest = target / m.name
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        os.symlink(m.link, dest)
                    else:
                        zf.extract(m.name, target)
        else:
            with tarfile.open(archive) as tf:
                _check_members(_tar_members(tf))
                try:
                    tf.extractall(target, filter="data")
                except TypeError:  # Python < 3.11.4: members were checked above
                    tf.extractall(target)
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError) as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise UnsafeArchive(f"unreadable archive: {exc}") from exc
    except UnsafeArchive:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target
