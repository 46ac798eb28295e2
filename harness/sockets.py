"""Where the grader's own sockets are made: in the network of the lab under test.

Every socket of a reference peer is created here.  Normally that is this process's
network; a backend whose programs have a network of their own (the sandbox's loopback-only
namespace, a container's) gives a ``network``: a factory of context managers inside which
the calling thread is in that namespace.  A :class:`harness.lab.Lab` makes its backend's
network the current one while it lives, so peers and programs meet on ``127.0.0.1`` in
every backend and the checks never change.  A socket stays in the namespace it was made in.
"""

from __future__ import annotations

import contextlib
import socket
from contextvars import ContextVar, Token
from typing import Callable, ContextManager

Network = Callable[[], ContextManager]

_CURRENT: ContextVar[Network | None] = ContextVar("socklab_network", default=None)


def activate(network: Network | None) -> Token:
    """Sockets made from now on (in this thread) are made in ``network`` (None: our own)."""
    return _CURRENT.set(network)


def deactivate(token: Token) -> None:
    _CURRENT.reset(token)


@contextlib.contextmanager
def using(network: Network | None):
    token = activate(network)
    try:
        yield
    finally:
        deactivate(token)


def new_socket(family: int = socket.AF_INET, kind: int = socket.SOCK_STREAM) -> socket.socket:
    network = _CURRENT.get()
    with network() if network is not None else contextlib.nullcontext():
        return socket.socket(family, kind)
