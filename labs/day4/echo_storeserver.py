"""Day 4 lab: echo_storeserver.py, an echo server that stores every message through a pipe.

Usage: python3 echo_storeserver.py PORT LOGFILE

Day 4's multi-process echo server plus one writer child:
- Before the accept loop, make a pipe and fork the writer child: it reads the pipe and
  appends what it reads to LOGFILE, byte for byte, nothing added, without delay, until
  end of file.
- Each client is served by its own child, which echoes what it receives and passes it
  to the writer over the pipe. Lines of up to 4096 bytes from different clients must never
  be mixed in LOGFILE: write each line to the pipe with a single os.write().
- Reap finished children (SIGCHLD handler).
- SIGTERM: stop accepting, end the clients' children, let the writer store everything
  left in the pipe and exit, reap every child, and exit with status 0 within 2 s.
"""

import socket
import sys


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} PORT LOGFILE", file=sys.stderr)
        sys.exit(1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", int(sys.argv[1])))
    server.listen(16)
    while True:
        conn, _addr = server.accept()
        # TODO: the writer child and its pipe, a child per client that echoes and
        #       stores, reaping, and SIGTERM.
        conn.close()


if __name__ == "__main__":
    main()
