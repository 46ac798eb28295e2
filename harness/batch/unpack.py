"""Unpacking a student's archive without trusting it.

Refused, with a reason the instructor can read: absolute paths, ``..`` components, names
with a NUL byte or that are not valid UTF-8 where the archive says they are, links that
point outside the archive (directly, or through a chain of the archive's own links, in
any order of members), members beneath a link, hard links, device files, FIFOs, and
archives past a size or member-count cap (a zip's members are counted and their sizes
added up from its directory before any is read; a tar is read lazily and stops at the
cap).

Three fences: the names and links are checked here, as text, against every link of the
archive (a check of the disk, as ``tarfile.data_filter`` does, cannot see a link that a
later member makes); a tar member also passes ``tarfile.data_filter`` where Python has
it; and every file, folder and link is made through :class:`harness.safefs.Tree`, which
never follows a link already on disk, so no write ever leaves the target. Member names
of any bytes are written as they are. A refused archive leaves no partial tree behind.
"""

from __future__ import annotations

import os
import shutil
import stat
import struct
import tarfile
import zipfile
from collections import deque
from pathlib import Path

from harness import safefs

MAX_BYTES = 50 << 20
MAX_MEMBERS = 5000
MAX_LINK_TEXT = 4096
MAX_LINK_HOPS = 40  # as the kernel's own limit on following links
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


def unpack(archive: Path, target: Path) -> Path:
    """Unpack ``archive`` into the empty folder ``target``; raise UnsafeArchive if refused."""
    target.mkdir(parents=True, exist_ok=True)
    try:
        with safefs.Tree(target) as tree:
            extraction = _Extraction(tree, str(target))
            if archive.name.lower().endswith(".zip"):
                _unpack_zip(archive, extraction)
            else:
                _unpack_tar(archive, extraction)
            extraction.check_links()
    except UnsafeArchive:
        shutil.rmtree(target, ignore_errors=True)
        raise
    except safefs.UnsafeFile as exc:  # the Tree met something it will not write through
        shutil.rmtree(target, ignore_errors=True)
        raise UnsafeArchive(f"{exc.params['file']!r} is a {exc.params.get('kind', 'link')} where a "
                            f"folder or a new file was to go") from None
    except Exception as exc:  # an archive is untrusted input: whatever reading it raises is a refusal
        shutil.rmtree(target, ignore_errors=True)
        raise UnsafeArchive(f"unreadable archive: {type(exc).__name__}: {exc}") from exc
    return target


# -- names and links -------------------------------------------------------------------------
def _parts(name: str) -> tuple[str, ...]:
    """A member name's components; refused if it could land anywhere but below the target."""
    if "\0" in name:
        raise UnsafeArchive(f"member name with a NUL byte {name!r}")
    posix = name.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        raise UnsafeArchive(f"absolute path {name!r}")
    parts = tuple(p for p in posix.split("/") if p not in ("", "."))
    if ".." in parts:
        raise UnsafeArchive(f"path leaving the archive {name!r}")
    return parts


def _resolve(parts, links: dict[tuple, tuple]) -> tuple | None:
    """Where ``parts`` leads, with the archive's own links followed (as text, nothing on
    disk is looked at); None if it leaves the archive or follows too many links."""
    todo = deque(parts)
    out: list[str] = []
    hops = 0
    while todo:
        part = todo.popleft()
        if part in ("", "."):
            continue
        if part == "..":
            if not out:
                return None
            out.pop()
            continue
        out.append(part)
        text = links.get(tuple(out))
        if text is not None:
            hops += 1
            if hops > MAX_LINK_HOPS:
                return None
            out.pop()
            todo.extendleft(reversed(text))
    return tuple(out)


class _Extraction:
    """What has been extracted so far: the caps, and the links (for chains and for members
    that would go beneath one)."""

    def __init__(self, tree: safefs.Tree, target: str):
        self.tree, self.target = tree, target
        self.total = 0
        self.links: dict[tuple, tuple] = {}   # member path -> its link text, split

    def _beneath_link(self, name: str, parts: tuple) -> None:
        for i in range(1, len(parts) + 1):
            if parts[:i] in self.links:
                raise UnsafeArchive(f"{name!r} goes through the link {'/'.join(parts[:i])!r}")

    def charge(self, size: int) -> None:
        self.total += size
        if self.total > MAX_BYTES:
            raise UnsafeArchive(f"expands past {MAX_BYTES >> 20} MiB")

    def directory(self, name: str) -> None:
        parts = _parts(name)
        if parts:
            self._beneath_link(name, parts)
            self.tree.mkdir(parts)

    def file(self, name: str, size: int, chunks, executable: bool) -> None:
        parts = _parts(name)
        if not parts:
            raise UnsafeArchive(f"a file member without a name {name!r}")
        self._beneath_link(name, parts)
        self.charge(size)
        written = self.tree.write(parts, self._capped(chunks, size), 0o755 if executable else 0o644)
        self.total += written - size

    def _capped(self, chunks, declared: int):
        """The member's data, refused once it runs past what its header declared."""
        seen = 0
        for chunk in chunks:
            seen += len(chunk)
            if seen > declared:
                raise UnsafeArchive("a member holds more data than its header says")
            yield chunk

    def check_symlink(self, name: str, text: str) -> tuple[tuple, str]:
        """(member path, link text) of a link that stays inside the archive, else refused.

        A backslash counts as a separator (archives made on Windows), and the link is made
        with the text as checked, so the check and the disk read it the same way."""
        parts = _parts(name)
        if not parts:
            raise UnsafeArchive(f"a link member without a name {name!r}")
        self._beneath_link(name, parts)
        if "\0" in text or len(os.fsencode(text)) > MAX_LINK_TEXT:
            raise UnsafeArchive(f"link {name!r} has an impossible target")
        posix = text.replace("\\", "/")
        split = tuple(posix.split("/"))
        if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":") \
                or _resolve(parts[:-1] + split, self.links) is None:
            raise UnsafeArchive(f"link {name!r} points outside the archive ({text!r})")
        return parts, posix

    def symlink(self, name: str, text: str) -> None:
        parts, posix = self.check_symlink(name, text)
        try:
            self.tree.symlink(parts, posix)
        except FileExistsError:
            raise UnsafeArchive(f"{name!r} is in the archive twice") from None
        self.links[parts] = tuple(posix.split("/"))

    def check_links(self) -> None:
        """Every link still inside once all are there: a later link can lead an earlier one out."""
        for parts, split in self.links.items():
            if _resolve(parts[:-1] + split, self.links) is None:
                raise UnsafeArchive(f"link {'/'.join(parts)!r} points outside the archive, or round "
                                    f"in a loop, through other links ({'/'.join(split)!r})")


# -- zip -----------------------------------------------------------------------------------------
def _declared_members(archive: Path) -> int | None:
    """The member count the zip's end record declares, read before its directory is: a
    million-member archive is refused before a million entries are built in memory."""
    try:
        with open(archive, "rb") as fh:
            end = zipfile._EndRecData(fh)  # the end record (zip64 too), as zipfile reads it
    except (OSError, AttributeError, struct.error):
        return None
    return end[zipfile._ECD_ENTRIES_TOTAL] if end else None


def _unpack_zip(archive: Path, extraction: _Extraction) -> None:
    declared_members = _declared_members(archive)
    if declared_members is not None and declared_members > MAX_MEMBERS:
        raise UnsafeArchive(f"{declared_members} members (limit {MAX_MEMBERS})")
    try:
        zf = zipfile.ZipFile(archive)
    except UnicodeDecodeError as exc:  # flagged UTF-8, and it is not
        raise UnsafeArchive(f"member name that is not valid UTF-8 ({exc.object[:60]!r})") from None
    with zf:
        infos = zf.infolist()  # the central directory only: no member read yet
        if len(infos) > MAX_MEMBERS:
            raise UnsafeArchive(f"{len(infos)} members (limit {MAX_MEMBERS})")
        declared = sum(info.file_size for info in infos)
        if declared > MAX_BYTES:
            raise UnsafeArchive(f"expands past {MAX_BYTES >> 20} MiB")
        for info in infos:
            _zip_member(zf, info, extraction)


def _zip_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, extraction: _Extraction) -> None:
    mode = info.external_attr >> 16
    name = info.filename
    if stat.S_ISLNK(mode):
        if info.file_size > MAX_LINK_TEXT:
            raise UnsafeArchive(f"link {name!r} has an impossible target")
        extraction.symlink(name, os.fsdecode(zf.read(info)))
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        raise UnsafeArchive(f"device file or FIFO {name!r}")
    elif info.is_dir() or stat.S_ISDIR(mode) or name.replace("\\", "/").endswith("/"):
        extraction.directory(name)
    else:
        with zf.open(info) as member:
            extraction.file(name, info.file_size, iter(lambda: member.read(safefs.CHUNK), b""),
                            bool(mode & stat.S_IXUSR))


# -- tar -----------------------------------------------------------------------------------------
def _unpack_tar(archive: Path, extraction: _Extraction) -> None:
    data_filter = getattr(tarfile, "data_filter", None)  # Python 3.11.4+
    with tarfile.open(archive) as tf:
        for count, info in enumerate(tf, 1):  # read lazily: stop at the cap, not after it
            if count > MAX_MEMBERS:
                raise UnsafeArchive(f"more than {MAX_MEMBERS} members (limit {MAX_MEMBERS})")
            _tar_member(tf, info, extraction, data_filter)


def _tar_member(tf: tarfile.TarFile, info: tarfile.TarInfo, extraction: _Extraction, data_filter) -> None:
    name = info.name
    if info.islnk():
        raise UnsafeArchive(f"hard link {name!r}")
    if not (info.isreg() or info.isdir() or info.issym()):
        raise UnsafeArchive(f"device file or FIFO {name!r}")
    _parts(name)  # our own reasons first: they read the same for zip and tar
    if info.issym():
        extraction.check_symlink(name, info.linkname)
    if data_filter is not None:
        try:
            data_filter(info, extraction.target)
        except tarfile.FilterError as exc:
            raise UnsafeArchive(f"{name!r}: {exc}") from None
    if info.issym():
        extraction.symlink(name, info.linkname)
    elif info.isdir():
        extraction.directory(name)
    else:
        member = tf.extractfile(info)
        extraction.file(name, info.size, iter(lambda: member.read(safefs.CHUNK), b""),
                        bool(info.mode & stat.S_IXUSR))
