"""Draining a program's output into bounded memory.

A reader thread empties every pipe as fast as the program writes (one thread per
grading process, over epoll: starting two threads per launch cost ~4 ms of a check's
time), so a program that prints megabytes never blocks on a full pipe (which would look
like a network hang) and never bloats a report: only the head and the tail are kept, with a count of what was
left out between them.  Complete lines are also kept, with the time they arrived, up to
a cap, so checks can wait for a line and time it (the alarm lab).
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import termios
import threading
import time
from collections import deque
from dataclasses import dataclass

HEAD_BYTES = 32 * 1024
TAIL_BYTES = 32 * 1024
MAX_LINES = 20_000
MAX_LINE_BYTES = 64 * 1024


@dataclass(frozen=True)
class Line:
    at: float  # monotonic time the line's newline arrived
    raw: bytes

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8", "replace").rstrip("\r\n")


class CappedStream:
    """One output stream of a program: head, tail, lines, and a way to wait on them."""

    def __init__(self, name: str, head: int = HEAD_BYTES, tail: int = TAIL_BYTES):
        self.name = name
        self._head_cap, self._tail_cap = head, tail
        self._head = bytearray()
        self._tail: deque[bytes] = deque()
        self._tail_len = 0
        self.total = 0
        self.lines: list[Line] = []
        self.lines_dropped = 0
        self._partial = bytearray()
        self.closed = False
        self.changed = threading.Condition(threading.RLock())
        self._fd: int | None = None

    # -- feeding -------------------------------------------------------------------
    def drain(self, fd: int) -> None:
        """Have the process's drain thread read ``fd`` until EOF, then close it."""
        self._fd = fd
        _drainer().add(fd, self)

    def unread(self) -> int:
        """Bytes written by the program that the drain thread has not taken yet."""
        fd = self._fd
        if fd is None or self.closed:
            return 0
        try:
            return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
        except OSError:
            return 0

    def pending(self) -> str:
        """The last line, still without its newline (a prompt, or a line cut short)."""
        with self.changed:
            return bytes(self._partial).decode("utf-8", "replace")

    def _read_once(self, fd: int) -> bool:
        """One read of a readable pipe; False at EOF (then the stream is finished)."""
        # The read happens under the lock, so a reader holding the lock sees every byte
        # either still in the pipe (unread() > 0) or already in the buffers, never in between.
        with self.changed:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                return True
            except OSError:
                chunk = b""
            if chunk:
                self.feed(chunk)
                return True
            self.finish()
            self._fd = None
            return False

    def feed(self, chunk: bytes) -> None:
        now = time.monotonic()
        with self.changed:
            self.total += len(chunk)
            room = self._head_cap - len(self._head)
            if room > 0:
                self._head += chunk[:room]
            self._tail.append(chunk)
            self._tail_len += len(chunk)
            while self._tail and self._tail_len - len(self._tail[0]) >= self._tail_cap:
                self._tail_len -= len(self._tail.popleft())
            self._split_lines(chunk, now)
            self.changed.notify_all()

    def _split_lines(self, chunk: bytes, now: float) -> None:
        self._partial += chunk
        while True:
            nl = self._partial.find(b"\n")
            if nl < 0:
                while len(self._partial) > MAX_LINE_BYTES:  # a line without end: cut it
                    self._add_line(Line(now, bytes(self._partial[:MAX_LINE_BYTES])))
                    del self._partial[:MAX_LINE_BYTES]
                return
            self._add_line(Line(now, bytes(self._partial[: nl + 1])))
            del self._partial[: nl + 1]

    def _add_line(self, line: Line) -> None:
        if len(self.lines) < MAX_LINES:
            self.lines.append(line)
        else:
            self.lines_dropped += 1

    def finish(self) -> None:
        with self.changed:
            if self._partial:
                self._add_line(Line(time.monotonic(), bytes(self._partial)))
                self._partial.clear()
            self.closed = True
            self.changed.notify_all()

    def join(self, timeout: float) -> None:
        """Wait until the program's end of the pipe is closed and everything was read."""
        with self.changed:
            self.changed.wait_for(lambda: self.closed or self._fd is None, timeout)

    # -- reading ------------------------------------------------------------------
    def wait(self, predicate, timeout: float):
        """Block until ``predicate()`` is truthy (checked under the lock) or timeout.

        Checked again at each new output, and also every few milliseconds between: what
        the predicate looks at may change with no output at all (the program now sits
        reading its stdin), and that must end the wait as soon as it is true.
        """
        end = time.monotonic() + timeout
        between = 0.001
        with self.changed:
            while True:
                value = predicate()
                if value or self.closed:
                    return value
                left = end - time.monotonic()
                if left <= 0:
                    return value
                self.changed.wait(min(left, between))
                between = min(between * 2, 0.02)

    @property
    def truncated(self) -> bool:
        return self.total > self._head_cap + self._tail_cap

    def tail_bytes(self) -> bytes:
        with self.changed:
            return b"".join(self._tail)[-self._tail_cap:]

    def text(self, limit: int | None = None) -> str:
        """Everything kept, head and tail, with a marker where bytes were left out."""
        with self.changed:
            if not self.truncated:
                data = bytes(self._head) if self.total <= self._head_cap else (
                    bytes(self._head) + b"".join(self._tail)[-(self.total - self._head_cap):])
                out = data.decode("utf-8", "replace")
            else:
                left_out = self.total - self._head_cap - self._tail_cap
                out = (bytes(self._head).decode("utf-8", "replace")
                       + f"\n...[{left_out} bytes left out]...\n"
                       + self.tail_bytes().decode("utf-8", "replace"))
        if limit is not None and len(out) > limit:
            half = limit // 2
            out = out[:half] + f"\n...[{len(out) - limit} characters left out]...\n" + out[-half:]
        return out


class _Drainer:
    """The thread that reads every drained pipe of this process, over one epoll set."""

    def __init__(self):
        self._epoll = select.epoll()
        self._streams: dict[int, CappedStream] = {}
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True, name="drain")
        self._thread.start()

    def add(self, fd: int, stream: CappedStream) -> None:
        os.set_blocking(fd, False)
        with self._lock:
            self._streams[fd] = stream
            # epoll_ctl while another thread waits in epoll_wait is allowed: it wakes for it
            self._epoll.register(fd, select.EPOLLIN | select.EPOLLHUP | select.EPOLLERR)

    def _run(self) -> None:
        while True:
            for fd, _mask in self._epoll.poll():
                with self._lock:
                    stream = self._streams.get(fd)
                if stream is None or stream._read_once(fd):
                    continue
                with self._lock:
                    self._epoll.unregister(fd)
                    del self._streams[fd]
                os.close(fd)

    def close_after_fork(self) -> None:
        # the epoll set is shared with the parent: registering here would change theirs
        self._epoll.close()


_DRAINER: _Drainer | None = None
_DRAINER_LOCK = threading.Lock()


def _drainer() -> _Drainer:
    global _DRAINER
    with _DRAINER_LOCK:
        if _DRAINER is None:
            _DRAINER = _Drainer()
        return _DRAINER


def _after_fork_in_child() -> None:
    global _DRAINER, _DRAINER_LOCK
    _DRAINER_LOCK = threading.Lock()
    if _DRAINER is not None:
        _DRAINER.close_after_fork()
        _DRAINER = None


os.register_at_fork(after_in_child=_after_fork_in_child)
