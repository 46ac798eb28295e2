"""Day 1 - fdinfo.py: the descriptor numbers of a file, a TCP socket and a UDP socket.

Usage: python3 fdinfo.py

Assignment (see README.md, "fdinfo"):
- Open a file (any readable file, this one for example: os.open(__file__, os.O_RDONLY)),
  then a TCP socket, then a UDP socket, in that order.
- Print their descriptor numbers, one per line: `file: N`, `tcp: N`, `udp: N` (checked).
  Started with only stdin, stdout and stderr open, the numbers are 3, 4 and 5: why?

Check your work with:  pytest labs/day1/test_fdinfo.py
"""

import os
import socket


def main():
    fd = os.open(__file__, os.O_RDONLY)
    print(f"file: {fd}")
    # TODO: a TCP socket (SOCK_STREAM), then a UDP socket (SOCK_DGRAM); print their fileno()
    os.close(fd)
    _ = socket


if __name__ == "__main__":
    main()
