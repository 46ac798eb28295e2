"""Reference servers that student clients talk to, run on a thread of the grader.

A peer is a function ``handler(conn, log)`` run for each accepted connection; what it
observes (bytes received, how the client closed, when) goes into ``log`` for the check
to assert on after the client has finished.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from harness.net import Conn, Listener


@dataclass
class PeerLog:
    received: bytearray = field(default_factory=bytearray)
    events: list[tuple[str, object]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def note(self, event: str, value: object = None) -> None:
        self.events.append((event, value))

    def has(self, event: str) -> bool:
        return any(e == event for e, _ in self.events)

    def value(self, event: str):
        return next((v for e, v in self.events if e == event), None)


class ReferenceServer:
    """A listening socket plus a thread that hands each connection to ``handler``."""

    def __init__(self, handler, *, connections: int = 1):
        self.listener = Listener()
        self.port = self.listener.port
        self.log = PeerLog()
        self._handler = handler
        self._connections = connections
        self._stop = threading.Event()
        self.conns: list[Conn] = []
        self._thread = threading.Thread(target=self._run, daemon=True, name="reference-server")
        self._thread.start()

    def _run(self) -> None:
        served = 0
        self.listener.sock.settimeout(0.05)
        while served < self._connections and not self._stop.is_set():
            try:
                sock, addr = self.listener.sock.accept()
            except OSError:
                continue
            sock.settimeout(None)
            conn = Conn(sock, f"client {addr[0]}:{addr[1]}")
            self.conns.append(conn)
            served += 1
            try:
                self._handler(conn, self.log)
            except Exception as exc:  # the client's misbehaviour, recorded for the check
                self.log.errors.append(f"{type(exc).__name__}: {exc}")

    def wait(self, timeout: float) -> bool:
        """True once the handler(s) finished."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def close(self) -> None:
        self._stop.set()
        for conn in self.conns:
            try:
                conn.close()
            except OSError:
                pass
        self.listener.close()
        self._thread.join(2)
