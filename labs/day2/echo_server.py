"""Day 2 - echo_server.py: an iterative TCP echo server.

Usage: python3 echo_server.py PORT

Assignment (see README.md, "echo_server"):
- Listen on PORT on all interfaces ('' or '0.0.0.0'); set SO_REUSEADDR before bind().
- Serve one client at a time, clients one after another, forever: echo every byte the
  client sends, exactly (binary-safe, up to 1 MiB, however TCP splits it), until the
  client closes; then close that connection and accept() the next client.
- Survive a client that resets the connection or vanishes while its echo is sent
  (ConnectionResetError, BrokenPipeError); close every connection (no descriptor leak).

Check your work with:  pytest labs/day2/test_echo_server.py
"""

import socket
import sys


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PORT", file=sys.stderr)
        sys.exit(1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # TODO: SO_REUSEADDR
    server.bind(("", int(sys.argv[1])))
    server.listen(5)
    conn, _addr = server.accept()
    data = conn.recv(1024)
    conn.sendall(data)  # TODO: loop until the client closes, then the next client
    conn.close()


if __name__ == "__main__":
    main()
