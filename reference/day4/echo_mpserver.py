"""Multi-process TCP echo server reaping in a SIGCHLD handler (reference, day 4)."""

import os
import signal
import socket
import sys

CHILDREN = set()


def reap(signum, frame):
    """Reap every finished child: one SIGCHLD may stand for many exits."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        CHILDREN.discard(pid)
        os.write(1, f"removed proc id: {pid}\n".encode())


def terminate(signum, frame):
    """SIGTERM: end the children, reap them all, exit 0."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for pid in list(CHILDREN):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    sys.exit(0)


def serve(conn):
    with conn:
        while True:
            try:
                data = conn.recv(65536)
                if not data:
                    return
                conn.sendall(data)
            except (ConnectionResetError, BrokenPipeError):
                return


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        print(f"usage: {sys.argv[0]} PORT", file=sys.stderr)
        sys.exit(1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", int(sys.argv[1])))
    server.listen(16)
    signal.signal(signal.SIGCHLD, reap)
    signal.signal(signal.SIGTERM, terminate)
    while True:
        conn, _addr = server.accept()
        # no handler may run between fork() and recording the child
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD, signal.SIGTERM})
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, set())
            server.close()
            serve(conn)
            os._exit(0)
        CHILDREN.add(pid)
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        conn.close()


if __name__ == "__main__":
    main()
