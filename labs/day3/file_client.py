"""Day 3 - file_client.py: receive a file until end of stream, then say thanks.

Usage: python3 file_client.py HOST PORT OUTFILE

Assignment (see README.md, "file_client"):
- Connect to HOST:PORT; read until end of stream (recv() returns b''), writing every
  byte to OUTFILE (binary mode: the file can be anything).
- Only AFTER end of stream, send `Thank you`, then close the socket and exit 0.
- A refused connection: a message on stderr, exit 1, no traceback.

Check your work with:  pytest labs/day3/test_file_client.py
"""

import socket
import sys


def main():
    if len(sys.argv) != 4:
        print(f"usage: {sys.argv[0]} HOST PORT OUTFILE", file=sys.stderr)
        sys.exit(1)
    sock = socket.create_connection((sys.argv[1], int(sys.argv[2])))
    # TODO: read until end of stream into OUTFILE, then send b"Thank you".
    sock.close()


if __name__ == "__main__":
    main()
