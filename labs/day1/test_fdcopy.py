"""day1/fdcopy.py: copy a file with os.open/os.read/os.write, at most 4096 bytes per read.

`python3 fdcopy.py [--append] SRC DST` copies SRC to DST (created with mode 0644,
truncated, or appended to with --append), binary-safe, and prints `copied N bytes`.
A missing SRC is a clean error (exit 1) that leaves DST untouched.

How "at most 4096 bytes per read" is checked, from outside and without strace: SRC is
a FIFO. The grader waits until the program sits in read() on it, notes the program's
read() count in /proc/PID/io (``syscr``), writes 65 540 bytes into the FIFO in one go,
and waits until the program has written them all to DST and sits in read() again. Then
``syscr`` must have grown by at least ceil(65540 / 4096) = 17, and ``rchar`` by exactly
65 540 (the bytes those calls returned). A program reading 4097 bytes or more per call
needs at most 16 calls. (A read() that is still waiting is not counted yet: the kernel
counts a call when it returns.)
"""

import contextlib
import fcntl
import math
import os
import stat
import struct
import termios

from harness import HarnessError, check, fail, lab_marker, random_bytes, safefs, wait_until
from harness.procfs import blocked_call

pytestmark = lab_marker("day1/fdcopy")

COPIED = r"copied\s+(\d+)\s+bytes?\s*$"
READ_CAP = 4 << 20  # the largest file copied is 1 MiB: a DST past this is wrong anyway

# Every file below is in the scratch folder, where the program (or an earlier one of the
# same check) may have planted a link, a FIFO or a huge file: safefs refuses them, and
# the check fails with a message naming the file.


def write_file(path: str, data: bytes) -> str:
    safefs.write_regular(path, data)
    return path


def read_file(path: str) -> bytes | None:
    try:
        return safefs.read_regular(path, READ_CAP)
    except FileNotFoundError:
        return None


@contextlib.contextmanager
def umask(mask: int):
    """The umask a launched program inherits (a shell's usual 022), whatever the grader's is."""
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def run(lab, *args, codes=(0,)):
    with umask(0o022):
        program = lab.launch(*args)
    program.expect_exit(10, codes=codes)
    return program


def copies(lab, data: bytes, name: str, *, before: bytes | None = None, append: bool = False,
           key: str = "fdcopy.wrong_copy", hint: str = "hint.fdcopy.binary"):
    """Copy ``data``; DST (holding ``before`` if given) must then be exactly what is expected."""
    src = write_file(lab.tmp_path(f"{name}.src"), data)
    dst = lab.tmp_path(f"{name}.dst")
    if before is not None:
        write_file(dst, before)
    args = ["--append", src, dst] if append else [src, dst]
    program = run(lab, *args)
    expected = (before or b"") + data if append else data
    got = read_file(dst)
    if got != expected:
        raise fail(key, size=len(data), before=len(before or b""), got_len=len(got or b""),
                   expected_len=len(expected), got=got or b"", expected=expected, hint=hint)
    return program


@check(3, "correctness", ko="빈 파일, 작은 파일, 1 MiB 파일, 이진 파일을 바이트 그대로 복사한다")
def test_copies_files_byte_for_byte(lab):
    """Copies empty, small, 4095/4096/4097-byte, binary and 1 MiB files byte for byte"""
    cases = [(b"", "empty"), (b"hello, world\n", "small"), (bytes(range(256)) * 4, "all_bytes"),
             (random_bytes(4095, seed=1), "r4095"), (random_bytes(4096, seed=2), "r4096"),
             (random_bytes(4097, seed=3), "r4097"), (random_bytes(1 << 20, seed=4), "mebibyte")]
    for data, name in cases:
        copies(lab, data, name)


@check(1, "output", needs="test_copies_files_byte_for_byte", ko="copied N bytes를 출력한다")
def test_prints_the_byte_count(lab):
    """Prints `copied N bytes` with the number of bytes copied"""
    for size in (10000, 0):
        program = copies(lab, b"0123456789" * (size // 10), f"count{size}")
        got = int(program.expect_line(COPIED, describe=f"copied {size} bytes").group(1))
        if got != size:
            raise fail("fdcopy.wrong_count", printed=got, size=size, hint="hint.fdcopy.count")


@check(2, "correctness", needs="test_copies_files_byte_for_byte", ko="기존 DST 파일의 내용을 지우고 복사한다")
def test_truncates_an_existing_destination(lab):
    """Without --append, an existing DST is truncated: it holds exactly SRC afterwards"""
    copies(lab, b"short new text\n", "trunc", before=b"an older and much longer content\n" * 20,
           key="fdcopy.not_truncated", hint="hint.fdcopy.trunc")


@check(2, "correctness", needs="test_copies_files_byte_for_byte", ko="--append이면 DST 끝에 덧붙인다")
def test_appends_with_the_append_option(lab):
    """With --append, SRC is added at the end of DST (which is created if missing)"""
    copies(lab, b"second line\n", "append", before=b"first line\n", append=True,
           key="fdcopy.not_appended", hint="hint.fdcopy.append")
    copies(lab, b"only line\n", "append_new", append=True, key="fdcopy.not_appended",
           hint="hint.fdcopy.append")


@check(1, "correctness", needs="test_copies_files_byte_for_byte", ko="새 DST 파일을 0644 모드로 만든다")
def test_creates_the_destination_with_mode_0644(lab):
    """Creates a new DST with mode 0644 (rw-r--r--), run with umask 022"""
    copies(lab, b"mode\n", "mode")
    mode = stat.S_IMODE(safefs.lstat_regular(lab.tmp_path("mode.dst")).st_mode)
    if mode != 0o644:
        raise fail("fdcopy.wrong_mode", mode=f"{mode:04o}", hint="hint.fdcopy.mode")


@check(2, "robustness", ko="SRC가 없으면 DST를 건드리지 않고 1로 종료한다")
def test_missing_source_is_a_clean_error(lab):
    """A missing SRC: a message on stderr, exit 1, no traceback, DST untouched"""
    missing = lab.tmp_path("no-such-file")
    dst = write_file(lab.tmp_path("keep.dst"), b"precious contents\n")
    for target, before in ((dst, b"precious contents\n"), (lab.tmp_path("never.dst"), None)):
        program = run(lab, missing, target, codes=(1,))
        program.expect_no_traceback()
        if not program.stderr.text().strip():
            raise fail("fdcopy.silent_error", hint="hint.say_why_on_stderr")
        after = read_file(target)
        if after != before:
            key = "fdcopy.created_dst" if before is None else "fdcopy.touched_dst"
            raise fail(key, got=after or b"", expected=before or b"", hint="hint.fdcopy.open_src_first")


# -- at most 4096 bytes per read(), seen from outside -------------------------------------
FIFO_BYTES = 65540  # 16 reads of 4097 bytes would do, 17 of 4096 are needed
PER_CALL = 4096


def io_counters(pid: int) -> dict[str, int]:
    try:
        with open(f"/proc/{pid}/io") as fh:
            return {k: int(v) for k, v in (line.split(": ") for line in fh.read().splitlines())}
    except (FileNotFoundError, PermissionError, ValueError) as exc:
        raise HarnessError("fdcopy.no_io_accounting", error=str(exc)) from exc


def unread(fd: int) -> int:
    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]


def open_writer(path: str, program) -> int | None:
    """The FIFO's write end, once the program has opened it for reading (never blocks).

    Only the FIFO itself: had the program swapped it for a link (to a file of the
    grader's), the data would be written there."""
    def attempt():
        try:
            return safefs.open_fifo(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            return None if program.alive() else -1
    fd = wait_until(attempt, 5)
    return fd if fd not in (None, -1) else None


def size_of(path: str) -> int:
    try:
        return safefs.lstat_regular(path).st_size
    except FileNotFoundError:
        return 0


def reading(program) -> bool:
    """Blocked in read() on a descriptor other than stdin."""
    name, args = blocked_call(program.pid)
    return name == "read" and bool(args) and args[0] != 0


@check(2, "correctness", needs="test_copies_files_byte_for_byte", ko="read() 한 번에 4096바이트까지만 읽는다")
def test_reads_at_most_4096_bytes_per_call(lab):
    """Reads at most 4096 bytes per read() call (a FIFO as SRC, calls counted in /proc/PID/io)"""
    src, dst = lab.tmp_path("src.fifo"), lab.tmp_path("fifo.dst")
    os.mkfifo(src)
    data = (b"0123456789abcdef" * (FIFO_BYTES // 16 + 1))[:FIFO_BYTES]
    with umask(0o022):
        program = lab.launch(src, dst)
    writer = open_writer(src, program)
    if writer is None:
        raise fail("fdcopy.fifo_never_opened", where=program.blocked_where(), output=program.output_tail())
    try:
        fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 1 << 17)  # room for all of it: one write, at once
        if not wait_until(lambda: reading(program), 5):
            raise fail("fdcopy.fifo_never_read", where=program.blocked_where(), output=program.output_tail())
        before = io_counters(program.pid)
        os.set_blocking(writer, True)
        os.write(writer, data)

        def consumed():
            return reading(program) and unread(writer) == 0 and size_of(dst) == len(data)
        done = wait_until(consumed, 10)
        after = io_counters(program.pid)
        copied = size_of(dst)
    finally:
        os.close(writer)  # end of file for the program
    if not done:
        raise fail("fdcopy.fifo_stalled", copied=copied, total=len(data), where=program.blocked_where(),
                   output=program.output_tail())
    program.expect_exit(5)
    calls = after["syscr"] - before["syscr"]
    needed = math.ceil(len(data) / PER_CALL)
    if calls < needed:
        raise fail("fdcopy.reads_too_big", total=len(data), calls=calls, needed=needed,
                   average=(after["rchar"] - before["rchar"]) // max(calls, 1), hint="hint.fdcopy.bufsize")
    if read_file(dst) != data:
        raise fail("fdcopy.wrong_copy", size=len(data), before=0, got_len=len(read_file(dst) or b""),
                   expected_len=len(data), hint="hint.fdcopy.binary")
