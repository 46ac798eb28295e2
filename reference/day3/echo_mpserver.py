"""Multi-process TCP echo server (reference): one child per client, every child reaped."""

import os
import signal
import socket
import sys


def reap(_signum, _frame):
    """One SIGCHLD may stand for many children: collect every one that has ended."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def serve(conn):
    with conn:
        while True:
            try:
                data = conn.recv(65536)
            except ConnectionResetError:
                return
            if not data:
                return
            try:
                conn.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                return


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        print(f"usage: {sys.argv[0]} PORT", file=sys.stderr)
        sys.exit(1)
    signal.signal(signal.SIGCHLD, reap)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", int(sys.argv[1])))
    server.listen(16)
    while True:
        conn, _addr = server.accept()
        pid = os.fork()
        if pid == 0:
            server.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            serve(conn)
            os._exit(0)
        conn.close()


if __name__ == "__main__":
    main()
