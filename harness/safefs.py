"""Opening files in folders a student's program can write to, without trusting them.

A check's scratch folder (``lab.workdir``) and a submission's tree are written by hostile
programs, and the grader runs as root. Anything the grader reads, writes or stats there
may have been swapped for a symbolic link (to /etc/shadow, to another student's results),
a FIFO (the grader would hang in open() or read()), a device, or a huge file (the grader
would run out of memory). So every function here:

* never follows a link in a path's last component (``O_NOFOLLOW``), nor in any component
  below ``root`` when one is given (each folder opened ``O_DIRECTORY|O_NOFOLLOW``);
* looks before it opens (``lstat``), never opens anything but the kind it wants, checks
  what it opened with ``fstat``, and opens with ``O_NONBLOCK`` so that a FIFO swapped in
  between the look and the open cannot block it;
* reads at most a cap.

What it refuses it raises as :class:`UnsafeFile`, which is a :class:`CheckFailed`: in a
check, only the student's program can have put it there, so the check fails, charged to
the student, with a message naming the file and what it was, never anything behind it.
A missing file is still ``FileNotFoundError``, as callers expect.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from harness.feedback import CheckFailed

DEFAULT_CAP = 64 << 20  # the student programs' own file size limit (Limits.file_size)
CHUNK = 1 << 20

_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_SAFE = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY


class UnsafeFile(CheckFailed):
    """Something in a student-writable folder that socklab refuses to read or write."""

    def __init__(self, key: str, path, hint: str | None = None, **params):
        super().__init__(key, file=os.fsdecode(path), hint=hint, **params)
        self.path = path


class NotRegular(UnsafeFile):
    """``path`` is a ``kind`` ("symlink", "fifo", "device", "directory", "socket",
    "hard link"...) where socklab expects a plain file (a folder in a path's middle, a
    FIFO for :func:`open_fifo`)."""

    def __init__(self, path, kind: str):
        super().__init__("scratch.not_regular", path, hint="hint.scratch_plain_file", kind=kind)
        self.kind = kind


class TooLarge(UnsafeFile):
    """``path`` holds more than ``cap`` bytes: reading on would only waste memory."""

    def __init__(self, path, cap: int):
        super().__init__("scratch.too_large", path, limit=cap)
        self.cap = cap


def kind_of(mode: int) -> str:
    """The word for a file's type, as messages show it."""
    for test, name in ((stat.S_ISREG, "regular"), (stat.S_ISDIR, "directory"), (stat.S_ISLNK, "symlink"),
                       (stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"),
                       (stat.S_ISSOCK, "socket")):
        if test(mode):
            return name
    return "other"


# -- folders -------------------------------------------------------------------------------
def _walk(start_fd: int, parts: Iterable, shown, *, create: bool = False) -> int:
    """A new descriptor of ``start_fd/parts...``, every component opened without following a
    link (and made first if ``create``); a component that is not a folder is NotRegular."""
    fd = os.dup(start_fd)
    try:
        for part in parts:
            if create:
                try:
                    os.mkdir(part, 0o755, dir_fd=fd)
                except FileExistsError:
                    pass  # whatever it is, the no-follow open below judges it
            try:
                nfd = os.open(part, _DIR, dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise NotRegular(shown, _kind_at(fd, part)) from None
                raise
            os.close(fd)
            fd = nfd
        return fd
    except BaseException:
        os.close(fd)
        raise


def _kind_at(dir_fd: int, name) -> str:
    try:
        return kind_of(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return "unknown"


def _components(path: str, root: str) -> list[str]:
    parts = [p for p in os.path.relpath(path, root).split(os.sep) if p not in ("", ".")]
    if parts and parts[0] == "..":
        raise ValueError(f"{path!r} is not below {root!r}")
    return parts


@contextmanager
def _parent(path, root=None) -> Iterator[tuple[int, str]]:
    """(descriptor of ``path``'s folder, its last component's name).

    Without ``root`` the folder is opened as named, except that its own last component
    may not be a link; with ``root`` (trusted, followed), every component below it is
    opened without following a link."""
    path = os.fsdecode(path)  # names of any bytes survive as surrogate escapes
    head, name = os.path.split(path)
    if name in ("", ".", ".."):
        raise ValueError(f"not a file name: {path!r}")
    if root is None:
        try:
            fd = os.open(head or os.curdir, _DIR)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                raise NotRegular(head, _lstat_kind(head)) from None
            raise
    else:
        root_fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            fd = _walk(root_fd, _components(head or os.curdir, os.fsdecode(root)), head)
        finally:
            os.close(root_fd)
    try:
        yield fd, name
    finally:
        os.close(fd)


def _lstat_kind(path) -> str:
    try:
        return kind_of(os.lstat(path).st_mode)
    except OSError:
        return "unknown"


# -- opening -------------------------------------------------------------------------------
def _open_at(dir_fd: int, name, path, flags: int, want: str, mode: int = 0o644) -> tuple[int, os.stat_result]:
    """Open ``name`` only if it is (or, with O_CREAT, becomes) a ``want`` file; never a link."""
    try:
        before = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        if not flags & os.O_CREAT:
            raise
    else:
        if kind_of(before.st_mode) != want and not flags & os.O_EXCL:
            raise NotRegular(path, kind_of(before.st_mode))
    try:
        fd = os.open(name, flags | _SAFE, mode, dir_fd=dir_fd)
    except FileExistsError:
        raise
    except OSError:  # swapped since the look (ELOOP: a link; ENXIO: a FIFO; EISDIR...)
        kind = _kind_at(dir_fd, name)
        if kind not in (want, "unknown"):
            raise NotRegular(path, kind) from None
        raise
    try:
        st = os.fstat(fd)
        if kind_of(st.st_mode) != want:
            raise NotRegular(path, kind_of(st.st_mode))
        if flags & (os.O_WRONLY | os.O_RDWR) and want == "regular" and st.st_nlink > 1:
            raise NotRegular(path, "hard link")  # writing would change the other name's file too
        return fd, st
    except BaseException:
        os.close(fd)
        raise


@contextmanager
def open_regular(path, flags: int = os.O_RDONLY, *, mode: int = 0o644,
                 root=None) -> Iterator[tuple[int, os.stat_result]]:
    """(descriptor, fstat) of the regular file ``path``; NotRegular for anything else."""
    with _parent(path, root) as (dir_fd, name):
        fd, st = _open_at(dir_fd, name, path, flags, "regular", mode)
    try:
        yield fd, st
    finally:
        os.close(fd)


def open_fifo(path, flags: int, *, root=None) -> int:
    """A descriptor of the FIFO ``path`` (the caller closes it); NotRegular if it was
    replaced by anything else, so that data meant for a pipe never lands in a file."""
    with _parent(path, root) as (dir_fd, name):
        return _open_at(dir_fd, name, path, flags | os.O_NONBLOCK, "fifo")[0]


def read_fd(fd: int, path, cap: int) -> bytes:
    """What is left in ``fd``, at most ``cap`` bytes, else TooLarge."""
    chunks, total = [], 0
    while True:
        chunk = os.read(fd, min(CHUNK, cap + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > cap:
            raise TooLarge(path, cap)


def read_regular(path, cap: int = DEFAULT_CAP, *, root=None) -> bytes:
    """The content of the regular file ``path``: NotRegular if it is anything else (a link is
    never followed, a FIFO or device never read), TooLarge past ``cap`` bytes."""
    with open_regular(path, root=root) as (fd, st):
        if st.st_size > cap:
            raise TooLarge(path, cap)
        return read_fd(fd, path, cap)


def write_regular(path, data: bytes, mode: int = 0o644, *, exclusive: bool = False, root=None) -> None:
    """Create or replace the content of the regular file ``path`` with ``data``.

    A link, FIFO, device or hard link already there is refused (NotRegular) and left
    untouched: the file is truncated only after fstat said it is a plain file of one name.
    ``exclusive``: FileExistsError if anything at all is already there."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else 0)
    with open_regular(path, flags, mode=mode, root=root) as (fd, _st):
        os.ftruncate(fd, 0)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]


def lstat_kind(path, *, root=None) -> str:
    """What ``path`` is ("regular", "symlink", "fifo"...), without following it;
    FileNotFoundError if nothing is there."""
    with _parent(path, root) as (dir_fd, name):
        return kind_of(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)


def lstat_regular(path, *, root=None) -> os.stat_result:
    """The lstat of ``path`` if it is a regular file, else NotRegular."""
    with _parent(path, root) as (dir_fd, name):
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(path, kind_of(st.st_mode))
    return st


# -- filling a folder from untrusted names ---------------------------------------------------
class Tree:
    """A folder being filled from names nobody vouches for (an archive's members, a
    student's tree): every component is made and opened without following a link, so
    nothing is ever written through one, whatever is already on disk.

    ``parts`` are a path's components (str, surrogate-escaped, or bytes): the caller has
    already refused "..", "/" and empty names."""

    def __init__(self, root):
        self.root = os.fspath(root)
        self.fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)

    def close(self) -> None:
        os.close(self.fd)

    def __enter__(self) -> Tree:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _shown(self, parts) -> str:
        return "/".join(os.fsdecode(p) for p in parts)

    def mkdir(self, parts) -> None:
        os.close(_walk(self.fd, parts, self._shown(parts), create=True))

    def write(self, parts, chunks: Iterable[bytes], mode: int = 0o644) -> int:
        """Write ``chunks`` to the regular file ``parts`` (made or truncated); returns its size."""
        dir_fd = _walk(self.fd, parts[:-1], self._shown(parts[:-1]), create=True)
        try:
            fd, _st = _open_at(dir_fd, parts[-1], self._shown(parts), os.O_WRONLY | os.O_CREAT,
                               "regular", mode)
        finally:
            os.close(dir_fd)
        total = 0
        try:
            os.ftruncate(fd, 0)
            for chunk in chunks:
                view = memoryview(chunk)
                total += len(view)
                while view:
                    view = view[os.write(fd, view):]
            os.fchmod(fd, mode)  # the umask must not decide whether a program is executable
        finally:
            os.close(fd)
        return total

    def symlink(self, parts, target) -> None:
        dir_fd = _walk(self.fd, parts[:-1], self._shown(parts[:-1]), create=True)
        try:
            os.symlink(target, parts[-1], dir_fd=dir_fd)
        finally:
            os.close(dir_fd)


def copy_student_tree(src, dst, ignore_patterns: Iterable[str] = (), max_bytes: int = 50 << 20,
                      max_files: int = 5000, max_depth: int = 32) -> list[tuple[str, str]]:
    """Copy the student's folder ``src`` into the new folder ``dst``: regular files and
    folders only, nothing followed, no FIFO or device ever opened, names of any bytes.

    ``ignore_patterns`` (fnmatch, on names) are left out silently; ``max_files`` counts
    every entry looked at, ``max_bytes`` the bytes copied. Returns what was skipped for
    another reason, as (path below src, why), for a note in the report."""
    skipped: list[tuple[str, str]] = []
    budget = {"files": max_files, "bytes": max_bytes}
    os.makedirs(dst, exist_ok=True)
    src_fd = os.open(src, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        with Tree(dst) as tree:
            _copy_dir(src_fd, (), tree, [os.fsencode(p) for p in ignore_patterns], budget,
                      skipped, max_depth)
    finally:
        os.close(src_fd)
    return skipped


def _copy_dir(dir_fd: int, parts: tuple, tree: Tree, ignore: list[bytes], budget: dict,
              skipped: list, depth: int) -> None:
    with os.scandir(dir_fd) as it:
        names = sorted(os.fsencode(entry.name) for entry in it)
    for name in names:
        here = (*parts, name)
        shown = "/".join(os.fsdecode(p) for p in here)
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in ignore):
            continue
        if budget["files"] <= 0:
            skipped.append((shown, "too many files"))
            return
        budget["files"] -= 1
        try:
            st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        except FileNotFoundError:
            continue
        kind = kind_of(st.st_mode)
        if kind == "directory":
            if depth <= 0:
                skipped.append((shown, "too deep"))
                continue
            try:
                sub = _walk(dir_fd, [name], shown)
            except NotRegular as exc:  # swapped since the listing
                skipped.append((shown, exc.kind))
                continue
            tree.mkdir(here)
            try:
                _copy_dir(sub, here, tree, ignore, budget, skipped, depth - 1)
            finally:
                os.close(sub)
        elif kind == "regular":
            _copy_file(dir_fd, name, here, shown, tree, budget, skipped)
        else:
            skipped.append((shown, kind))


def _copy_file(dir_fd: int, name: bytes, here: tuple, shown: str, tree: Tree, budget: dict,
               skipped: list) -> None:
    try:
        fd, st = _open_at(dir_fd, name, shown, os.O_RDONLY, "regular")
    except NotRegular as exc:  # swapped since the listing
        skipped.append((shown, exc.kind))
        return
    try:
        if st.st_size > budget["bytes"]:
            skipped.append((shown, "too large"))
            return
        data = read_fd(fd, shown, budget["bytes"])
    except TooLarge:
        skipped.append((shown, "too large"))
        return
    finally:
        os.close(fd)
    budget["bytes"] -= len(data)
    tree.write(here, [data], 0o755 if st.st_mode & stat.S_IXUSR else 0o644)
