"""Network namespaces: a private loopback-only network, and entering one for a moment.

A sandboxed submission gets a network namespace of its own with only ``lo`` up, so its
programs can take, exhaust or lock only their own ports, and reach nothing else.  The
grader's peer sockets are made *inside* that namespace (``enter`` switches the calling
thread with ``setns(CLONE_NEWNET)`` for the moment of creation; a socket stays in the
namespace it was made in), so peers and programs meet on ``127.0.0.1`` as usual.
The container backend uses the same step with the container's namespace.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import socket
import struct
import threading

CLONE_NEWNET = 0x40000000
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1

_libc = ctypes.CDLL(None, use_errno=True)
_HOST = os.open("/proc/self/ns/net", os.O_RDONLY | os.O_CLOEXEC)


def setns(fd: int) -> None:
    """Move the calling thread (only it) into the network namespace ``fd`` refers to."""
    if _libc.setns(fd, CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"setns(CLONE_NEWNET): {os.strerror(err)}")


@contextlib.contextmanager
def entered(fd: int):
    """Inside: the calling thread is in namespace ``fd``; back in the grader's own after."""
    setns(fd)
    try:
        yield
    finally:
        setns(_HOST)


def _loopback_up() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        request = struct.pack("16sH14x", b"lo", 0)
        flags = struct.unpack("16sH14x", fcntl.ioctl(s.fileno(), SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(s.fileno(), SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", flags | IFF_UP))


def new_loopback_namespace() -> int:
    """A new network namespace with ``lo`` up; returns a descriptor that keeps it alive.

    Made by a short-lived thread: ``unshare(CLONE_NEWNET)`` moves only the calling thread,
    so the grader's own threads stay where they are.  Needs CAP_SYS_ADMIN (root).
    """
    made: dict[str, object] = {}

    def make():
        try:
            if _libc.unshare(CLONE_NEWNET) != 0:
                err = ctypes.get_errno()
                raise OSError(err, f"unshare(CLONE_NEWNET): {os.strerror(err)}")
            _loopback_up()
            made["fd"] = os.open(f"/proc/self/task/{threading.get_native_id()}/ns/net",
                                 os.O_RDONLY | os.O_CLOEXEC)
        except OSError as exc:
            made["error"] = exc
        finally:
            with contextlib.suppress(OSError):
                setns(_HOST)  # the thread ends anyway; leave it tidy

    worker = threading.Thread(target=make, name="socklab-netns")
    worker.start()
    worker.join()
    if "error" in made:
        raise made["error"]  # type: ignore[misc]
    return made["fd"]  # type: ignore[return-value]
