"""Ports for student servers, without races and without blaming the student for ours.

A port is drawn at random below the kernel's ephemeral range (so no client socket of
this machine holds it), locked with ``flock`` on a file so parallel graders never hand
out the same one, and checked free for TCP and UDP binding *without* ``SO_REUSEADDR``
(so no TIME_WAIT leftover of an earlier check can make a correct student server fail).
The lease is held until the check ends.
"""

from __future__ import annotations

import os
import random
import socket
import tempfile

from harness.feedback import HarnessError
from harness.leases import Lease, try_flock
from harness.sockets import new_socket

LOW, HIGH = 20000, 32000
LOCK_DIR = os.path.join(tempfile.gettempdir(), "socklab-ports")


def _ephemeral_range() -> tuple[int, int]:
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as fh:
            lo, hi = (int(x) for x in fh.read().split())
            return lo, hi
    except (OSError, ValueError):
        return 32768, 60999


def _bindable(port: int) -> bool:
    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
        s = new_socket(socket.AF_INET, kind)  # in the namespace the programs will bind in
        try:
            s.bind(("0.0.0.0", port))
        except OSError:
            return False
        finally:
            s.close()
    return True


class PortLease(Lease):
    """A port reserved for one check. ``release()`` (or the check's end) gives it back."""

    def __init__(self, port: int, lock_fd: int):
        super().__init__(lock_fd)
        self.port = port


def lease_port(tries: int = 200) -> PortLease:
    os.makedirs(LOCK_DIR, exist_ok=True)
    lo_eph, hi_eph = _ephemeral_range()
    rng = random.SystemRandom()
    for _ in range(tries):
        port = rng.randint(LOW, HIGH)
        if lo_eph <= port <= hi_eph:
            continue
        fd = try_flock(os.path.join(LOCK_DIR, f"{port}.lock"), 0o666)
        if fd is None:
            continue
        if _bindable(port):
            return PortLease(port, fd)
        os.close(fd)
    raise HarnessError("harness.no_free_port", tries=tries)


def unused_closed_port() -> PortLease:
    """A leased port on which nothing listens: a client pointed at it is refused."""
    return lease_port()
