"""The reference peers' toolkit: TCP and UDP endpoints with deadlines and exact feedback.

Every receive has a deadline and says what it got when it fails; nothing assumes that
one ``recv`` is one message.  FIN (``recv() == b''``) is told apart from RST
(``ConnectionResetError``), and after EOF the kernel's TCP state tells whether the peer
half-closed (``CLOSE_WAIT``) or closed and reset (``CLOSE``).
"""

from __future__ import annotations

import errno
import os
import socket
import struct
import time

from harness.feedback import fail
from harness.procfs import TCP_STATES
from harness.sockets import new_socket
from harness.timing import Deadline, scaled, wait_until

TCP_INFO_STATE = {1: "ESTABLISHED", 7: "CLOSE", 8: "CLOSE_WAIT", 9: "LAST_ACK",
                  4: "FIN_WAIT1", 5: "FIN_WAIT2", 6: "TIME_WAIT"}
FIN, RST, OPEN = "FIN", "RST", "OPEN"


def random_bytes(n: int, seed: int | None = None) -> bytes:
    if seed is None:
        return os.urandom(n)
    import random
    return random.Random(seed).randbytes(n)


class Conn:
    """One TCP connection from the grader to a student server (or accepted from a client)."""

    def __init__(self, sock: socket.socket, peer_label: str):
        self.sock = sock
        self.peer = peer_label
        self.sent = bytearray()
        self.received = bytearray()
        self.closed_by_peer: str | None = None
        self.owner = None  # the student's Program behind this connection, if the grader started it

    # -- sending ---------------------------------------------------------------------
    def send(self, data: bytes) -> "Conn":
        try:
            self.sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError) as exc:
            raise fail("net.send_failed", peer=self.peer, error=exc.strerror or str(exc),
                       sent=bytes(self.sent[-64:])) from exc
        self.sent += data
        return self

    def send_fragments(self, data: bytes, size: int = 1, gap: float = 0.002) -> "Conn":
        """Force the peer to see ``data`` in pieces: TCP_NODELAY, one send per piece, a gap."""
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for i in range(0, len(data), size):
            self.send(data[i:i + size])
            if gap and i + size < len(data):
                time.sleep(gap)  # a stimulus, not a wait: it splits the stream into segments
        return self

    def half_close(self) -> "Conn":
        self.sock.shutdown(socket.SHUT_WR)
        return self

    def reset(self) -> None:
        """Close with RST instead of FIN (SO_LINGER 0)."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()

    def close(self) -> None:
        self.sock.close()

    # -- receiving -------------------------------------------------------------------
    def _recv_some(self, deadline: Deadline, bufsize: int = 65536) -> bytes | None:
        """Some bytes, b'' at FIN, None at the deadline; RST is recorded as closed_by_peer."""
        self.sock.settimeout(max(deadline.left(), 0.001))
        try:
            chunk = self.sock.recv(bufsize)
        except socket.timeout:
            return None
        except ConnectionResetError:
            self.closed_by_peer = RST
            return b""
        if not chunk:
            self.closed_by_peer = self.closed_by_peer or FIN
        self.received += chunk
        return chunk

    def recv_some(self, timeout: float | None = None) -> bytes | None:
        """What is there (waiting for it): b'' at end of stream, None if ``timeout`` passed."""
        deadline = Deadline(timeout) if timeout is not None else Deadline(86400, scale_it=False)
        return self._recv_some(deadline)

    def recv_exact(self, n: int, timeout: float = 5) -> bytes:
        """Exactly ``n`` bytes, or whatever arrived before EOF/RST/deadline (shorter)."""
        deadline = Deadline(timeout)
        out = bytearray()
        while len(out) < n:
            chunk = self._recv_some(deadline, min(65536, n - len(out)))
            if not chunk:
                break
            out += chunk
        return bytes(out)

    def recv_until_eof(self, timeout: float = 5, limit: int = 64 << 20) -> tuple[bytes, str]:
        """Everything until the peer closes: (data, FIN | RST | OPEN if the deadline came first)."""
        deadline = Deadline(timeout)
        out = bytearray()
        while len(out) < limit:
            chunk = self._recv_some(deadline)
            if chunk is None:
                return bytes(out), OPEN
            if not chunk:
                return bytes(out), self.closed_by_peer or FIN
            out += chunk
        return bytes(out), OPEN

    def end_of_stream(self, timeout: float = 2) -> str:
        """After the data: FIN, RST, or OPEN if nothing came in time. Extra data is a failure."""
        data, end = self.recv_until_eof(timeout)
        if data:
            raise fail("net.unexpected_data", peer=self.peer, got=data)
        return end

    def expect_bytes(self, expected: bytes, timeout: float = 5, *, sent: bytes | None = None,
                     hint=None, key: str = "net.wrong_bytes") -> bytes:
        """Receive len(expected) bytes and compare; feedback shows both in hex."""
        got = self.recv_exact(len(expected), timeout)
        if got != expected:
            self._blame_exit()
            why = ("net.reply_short" if len(got) < len(expected) and expected.startswith(got)
                   else key)
            raise fail(why, peer=self.peer, got_len=len(got), expected_len=len(expected),
                       ended=self.closed_by_peer or "timeout", seconds=timeout,
                       sent=sent, got=got, expected=expected, hint=hint)
        return got

    def expect_eof(self, timeout: float = 2, *, key: str = "net.no_eof", **params) -> None:
        end = self.end_of_stream(timeout)
        if end != FIN:
            raise fail(key, peer=self.peer, ended=end, seconds=timeout, **params)

    def _blame_exit(self) -> None:
        """If the program behind this connection has died, that is the news, not the bytes."""
        owner = self.owner
        if owner is not None and owner.wait_exit(0.5) is not None:
            raise fail("server.exited_while_serving", program=owner.label, status=owner.returncode,
                       output=owner.output_tail())

    # -- state -----------------------------------------------------------------------
    def tcp_state(self) -> str:
        state = self.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)[0]
        return TCP_INFO_STATE.get(state, str(state))

    def peer_half_closed(self, settle: float = 0.3) -> bool:
        """After EOF and one send: True if the peer only shut down its sending side.

        A peer that close()d answers our send with RST (state CLOSE or SO_ERROR EPIPE);
        one that shutdown(SHUT_WR) keeps reading, and our state stays CLOSE_WAIT.
        """
        closed = wait_until(lambda: self.tcp_state() == "CLOSE", settle)
        err = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        return not closed and err not in (errno.EPIPE, errno.ECONNRESET)

    @property
    def local_port(self) -> int:
        return self.sock.getsockname()[1]


def connect(host: str, port: int, timeout: float = 3, *, label: str | None = None,
            rcvbuf: int | None = None) -> Conn:
    sock = new_socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(scaled(timeout))
    try:
        sock.connect((host, port))
    except ConnectionRefusedError as exc:
        sock.close()
        raise fail("net.refused", host=host, port=port) from exc
    except (socket.timeout, OSError) as exc:
        sock.close()
        raise fail("net.connect_failed", host=host, port=port, error=str(exc)) from exc
    return Conn(sock, label or f"{host}:{port}")


class Listener:
    """A reference server socket for student clients: bound before the client starts."""

    def __init__(self, host: str = "0.0.0.0", port: int = 0):
        self.sock = new_socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]

    def accept(self, timeout: float = 5, *, program=None) -> Conn:
        """The next client connection; a client that never connects is a student failure."""
        deadline = Deadline(timeout)
        self.sock.settimeout(0.05)
        while True:
            try:
                sock, addr = self.sock.accept()
                sock.settimeout(None)
                return Conn(sock, f"client {addr[0]}:{addr[1]}")
            except socket.timeout:
                if deadline.passed() or (program is not None and not program.alive()):
                    raise fail("net.client_never_connected", seconds=timeout,
                               output=program.output_tail() if program else None) from None

    def close(self) -> None:
        self.sock.close()


class Datagrams:
    """A UDP endpoint of the grader's."""

    def __init__(self, host: str = "0.0.0.0", port: int = 0):
        self.sock = new_socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, port))
        self.port = self.sock.getsockname()[1]

    def send_to(self, data: bytes, addr: tuple[str, int]) -> None:
        self.sock.sendto(data, addr)

    def recv(self, timeout: float = 2) -> tuple[bytes, tuple[str, int]] | None:
        """One datagram and its sender, or None if none came in time."""
        self.sock.settimeout(scaled(timeout))
        try:
            return self.sock.recvfrom(65536)
        except socket.timeout:
            return None
        except ConnectionRefusedError:
            return None

    def close(self) -> None:
        self.sock.close()


def state_name(code: str) -> str:
    return TCP_STATES.get(code, code)
