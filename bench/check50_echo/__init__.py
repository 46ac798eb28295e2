"""The same four echo_server checks as socklab's, written for check50 (for bench/vs_check50.py).

check50 has no notion of a server: each check starts the program with check50.run,
polls a connect until it is accepted (check50 offers no passive readiness), talks to it
with plain sockets, and relies on check50's own teardown to kill it.
"""

import os
import random
import socket
import sys
import time

import check50


def start():
    port = random.randint(20000, 32000)
    # the interpreter check50 itself runs on (not a `python3` shim found on PATH), or the
    # one vs_check50.py --same-python passes: socklab's bare one
    python = os.environ.get("BENCH_SERVER_PYTHON") or sys.executable
    proc = check50.run(f"{python} echo_server.py {port}")
    deadline = time.monotonic() + 5
    while True:
        try:
            return proc, socket.create_connection(("127.0.0.1", port), timeout=5)
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise check50.Failure("server never listened") from None
            time.sleep(0.01)


def recv_exact(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return bytes(data)


@check50.check()
def exists():
    """echo_server.py exists"""
    check50.exists("echo_server.py")


@check50.check(exists)
def echoes_binary():
    """echoes binary data byte for byte"""
    proc, sock = start()
    for size in (1, 100, 1023, 1024, 1025, 65536):
        data = random.Random(size).randbytes(size)
        sock.sendall(data)
        if recv_exact(sock, size) != data:
            raise check50.Mismatch(str(size), "different bytes")
    proc.kill()


@check50.check(exists)
def echoes_mebibyte():
    """echoes a 1 MiB message"""
    proc, sock = start()
    data = (b"abcdefghijklmnopqrstuvwxyz" * 40330)[: 1 << 20]
    sock.sendall(data)
    if recv_exact(sock, len(data)) != data:
        raise check50.Failure("1 MiB echo differs")
    proc.kill()


@check50.check(exists)
def fragments():
    """echoes data sent one byte at a time"""
    proc, sock = start()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    msg = b"sent-one-byte-at-a-time"
    for b in msg:
        sock.send(bytes([b]))
        time.sleep(0.002)
    if recv_exact(sock, len(msg)) != msg:
        raise check50.Failure("fragmented echo differs")
    proc.kill()


@check50.check(exists)
def clients_in_turn():
    """serves clients one after another"""
    proc, first = start()
    port = first.getpeername()[1]
    clients = [first] + [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(2)]
    for i, c in enumerate(clients):
        msg = f"client-{i}".encode()
        c.sendall(msg)
        if recv_exact(c, len(msg)) != msg:
            raise check50.Failure(f"client {i} not served")
        c.close()
    proc.kill()
