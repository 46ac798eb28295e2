"""Day 3 - file_server.py: send a file, half-close, then read the client's message.

Usage: python3 file_server.py PORT FILE

Assignment (see README.md, "file_server"):
- Read FILE (binary); a missing or unreadable FILE is a usage error: a message on
  stderr, exit 1, no traceback.
- Accept ONE client, send all of FILE, then half-close with shutdown(SHUT_WR): the
  client sees end of stream, but the server can still read.
- Keep reading until the client closes, then print
  `Message from client: MSG` (MSG without trailing NULs, CR or LF) and exit 0.
- If the client resets the connection, exit without a traceback.

Check your work with:  pytest labs/day3/test_file_server.py
"""

import socket
import sys


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} PORT FILE", file=sys.stderr)
        sys.exit(1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", int(sys.argv[1])))
    server.listen(1)
    conn, _addr = server.accept()
    # TODO: send the file, shutdown(socket.SHUT_WR), read until b'', print the message.
    conn.close()


if __name__ == "__main__":
    main()
