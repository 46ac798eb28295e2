"""Where the grader's own sockets are made.

Every socket of a reference peer is created here.  Normally that is this process's
network namespace; a backend that runs student programs elsewhere (a container with
only a loopback interface) points ``enter_namespace`` at a function that switches the
calling thread into that namespace for the moment of creation, so the peers talk to
``127.0.0.1`` in both cases and the checks never change.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Callable, ContextManager

# A factory of context managers: inside one, sockets are created in the programs' namespace.
enter_namespace: Callable[[], ContextManager] = contextlib.nullcontext


def new_socket(family: int = socket.AF_INET, kind: int = socket.SOCK_STREAM) -> socket.socket:
    with enter_namespace():
        return socket.socket(family, kind)
