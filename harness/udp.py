"""A grader-side UDP echo server on a thread, for the UDP client lab."""

from __future__ import annotations

import socket
import threading

from harness.net import Datagrams


class UdpEchoPeer:
    """Echoes every datagram to its sender and records what it received."""

    def __init__(self):
        self.endpoint = Datagrams("0.0.0.0")
        self.port = self.endpoint.port
        self.received: list[tuple[bytes, tuple[str, int]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="udp-echo-peer")
        self._thread.start()

    def _run(self) -> None:
        sock = self.endpoint.sock
        sock.settimeout(0.05)
        while not self._stop.is_set():
            try:
                data, addr = sock.recvfrom(65536)
            except (socket.timeout, ConnectionRefusedError):
                continue
            except OSError:
                return
            self.received.append((data, addr))
            try:
                sock.sendto(data, addr)
            except OSError:
                continue

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.endpoint.close()
