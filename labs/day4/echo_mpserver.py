"""Day 4 lab: echo_mpserver.py, a fork-per-client echo server that reaps in a SIGCHLD handler.

Usage: python3 echo_mpserver.py PORT

Day 3's multi-process echo server (listen on all interfaces, SO_REUSEADDR, fork() per
client: the child closes the listening socket and echoes every byte until the client
closes; the parent closes its copy of the connection), now with signals:
- Reap finished children in a SIGCHLD handler installed with signal.signal. For every
  child reaped print `removed proc id: PID` (PID as os.waitpid returns it), each child
  exactly once. One SIGCHLD may stand for several children: none may be missed and no
  zombie may remain.
- SIGTERM: end the children, reap them, and exit with status 0 within 2 s (no orphan).
"""

import socket
import sys


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PORT", file=sys.stderr)
        sys.exit(1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", int(sys.argv[1])))
    server.listen(16)
    while True:
        conn, _addr = server.accept()
        # TODO: fork a child to serve the client, reap children in a SIGCHLD handler
        #       (printing `removed proc id: PID`), and handle SIGTERM.
        conn.close()


if __name__ == "__main__":
    main()
