"""Draining a program's output into bounded memory.

A reader thread empties each pipe as fast as the program writes, so a program that
prints megabytes never blocks on a full pipe (which would look like a network hang) and
never bloats a report: only the head and the tail are kept, with a count of what was
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
        self._thread: threading.Thread | None = None
        self._fd: int | None = None

    # -- feeding -------------------------------------------------------------------
    def drain(self, fd: int) -> None:
        """Start a daemon thread that reads ``fd`` until EOF, then closes it."""
        self._fd = fd
        self._thread = threading.Thread(target=self._pump, args=(fd,), daemon=True,
                                        name=f"drain-{self.name}")
        self._thread.start()

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

    def _pump(self, fd: int) -> None:
        # The read happens under the lock, so a reader holding the lock sees every byte
        # either still in the pipe (unread() > 0) or already in the buffers, never in between.
        try:
            while True:
                select.select([fd], [], [])
                with self.changed:
                    try:
                        chunk = os.read(fd, 65536)
                    except OSError:
                        chunk = b""
                    if not chunk:
                        break
                    self.feed(chunk)
        finally:
            self.finish()
            self._fd = None
            os.close(fd)

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
        if self._thread is not None:
            self._thread.join(timeout)

    # -- reading ------------------------------------------------------------------
    def wait(self, predicate, timeout: float):
        """Block until ``predicate()`` is truthy (checked under the lock) or timeout."""
        end = time.monotonic() + timeout
        with self.changed:
            while True:
                value = predicate()
                if value or self.closed:
                    return value
                left = end - time.monotonic()
                if left <= 0:
                    return value
                self.changed.wait(left)

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
