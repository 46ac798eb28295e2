"""Day 3 - echo_mpserver.py: a multi-process TCP echo server (fork per client).

Usage: python3 echo_mpserver.py PORT

Assignment (see README.md, "echo_mpserver"):
- Listen on PORT on all interfaces (SO_REUSEADDR before bind).
- For each accepted client, fork(): the child closes the listening socket, echoes
  every byte until the client closes, closes the connection and ends with os._exit(0);
  the parent closes its copy of the connection and goes straight back to accept().
- A client that stays silent must not delay the others.
- Reap every finished child: no zombie may remain more than 1 s after a client leaves,
  even when many clients leave at the same instant (one SIGCHLD can stand for many
  children: call waitpid(-1, WNOHANG) in a loop, or set SIGCHLD to SIG_IGN).

Check your work with:  pytest labs/day3/test_echo_mpserver.py
"""

import socket
import sys


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PORT", file=sys.stderr)
        sys.exit(1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("", int(sys.argv[1])))
    server.listen(16)
    while True:
        conn, _addr = server.accept()
        # TODO: fork(); the child serves the client (echo until recv() returns b''),
        # closes what it does not need and exits; the parent closes conn.
        conn.close()


if __name__ == "__main__":
    main()
