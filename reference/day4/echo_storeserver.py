"""Multi-process echo server that also stores every message through a pipe (reference).

`python3 echo_storeserver.py PORT LOGFILE`: one writer child appends what it reads from
a pipe to LOGFILE; each client is served by its own child, which echoes every line and
passes it to the writer with one write() (a pipe write of at most PIPE_BUF = 4096 bytes
is atomic, so lines of different clients never mix).
"""

import os
import signal
import socket
import sys

CLIENTS = set()


class Stop(Exception):
    """Raised by the SIGTERM handler to leave the accept loop."""


def reap(signum, frame):
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        CLIENTS.discard(pid)


def stop(signum, frame):
    raise Stop


def writer(pipe_r, path):
    """Append everything read from the pipe to the log, unbuffered, until end of file."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # it ends when every write end is closed
    log = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    while True:
        data = os.read(pipe_r, 65536)
        if not data:
            break
        while data:
            data = data[os.write(log, data):]
    os.close(log)


def serve(conn, pipe_w):
    pending = b""
    with conn:
        while True:
            try:
                data = conn.recv(65536)
            except ConnectionResetError:
                break
            if not data:
                break
            pending += data
            *lines, pending = pending.split(b"\n")
            for line in lines:
                os.write(pipe_w, line + b"\n")  # one write per line: atomic up to 4096 bytes
            try:
                conn.sendall(data)
            except (ConnectionResetError, BrokenPipeError):
                break
    if pending:
        os.write(pipe_w, pending)


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        print(f"usage: {sys.argv[0]} PORT LOGFILE", file=sys.stderr)
        sys.exit(1)
    pipe_r, pipe_w = os.pipe()
    writer_pid = os.fork()
    if writer_pid == 0:
        os.close(pipe_w)
        writer(pipe_r, sys.argv[2])
        os._exit(0)
    os.close(pipe_r)

    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", int(sys.argv[1])))
    server.listen(16)
    signal.signal(signal.SIGCHLD, reap)
    signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            conn, _addr = server.accept()
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD, signal.SIGTERM})
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_SETMASK, set())
                server.close()
                serve(conn, pipe_w)
                os._exit(0)
            CLIENTS.add(pid)
            signal.pthread_sigmask(signal.SIG_SETMASK, set())
            conn.close()
    except Stop:
        pass
    # SIGTERM: stop accepting, end the clients' children, let the writer drain the pipe
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    server.close()
    for pid in list(CLIENTS):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    os.close(pipe_w)
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    sys.exit(0)


if __name__ == "__main__":
    main()
