"""The echo server every hostile day-2 submission ends with, once: the attack is the rest.

A student program runs with its own folder as ``sys.path[0]``, so
``tests/test_hostile_batch.py`` copies this file into the ``day2/`` folder of each
submission that imports it (``from hostile_echo import serve``) when it builds the batch.
"""

from __future__ import annotations

import socket
from typing import NoReturn


def listening(port: int, host: str = "") -> socket.socket:
    """A TCP socket bound to (host, port) with SO_REUSEADDR, listening: "" is every interface."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(5)
    return server


def echo_forever(server: socket.socket) -> NoReturn:
    """One client at a time, forever: send back what it sends until it closes (or resets)."""
    while True:
        conn, _ = server.accept()
        with conn:
            while True:
                try:
                    data = conn.recv(65536)
                    if not data:
                        break
                    conn.sendall(data)
                except (ConnectionResetError, BrokenPipeError):
                    break


def serve(port: int, host: str = "") -> NoReturn:
    echo_forever(listening(port, host))
