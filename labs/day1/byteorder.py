"""Day 1 - byteorder.py: the host's byte order, and each value's bytes both ways.

Usage: python3 byteorder.py [VALUE...]

Assignment (see README.md, "byteorder"):
- Print `host byte order: little-endian` or `host byte order: big-endian`, whichever the
  machine running the program is (find out, do not assume: sys.byteorder).
- Then one line per VALUE, in order. A VALUE is decimal (`4660`) or hex (`0x1234`), 32-bit
  by default, 16-bit with the suffix `:16` (`0x1234:16`; `:32` is allowed too):
    0x12345678 (32-bit): big-endian 12 34 56 78, little-endian 78 56 34 12, htonl 0x78563412
    0x1234 (16-bit): big-endian 12 34, little-endian 34 12, htons 0x3412
  The value and htonl/htons are written as 0x and 8 (or 4) lowercase hex digits, the bytes
  as 2 hex digits each, separated by spaces. htonl/htons are what socket.htonl/htons return
  on this machine.
- A bad VALUE (negative, too big for its width, not a number, another width): check every
  value before printing anything; print a message to stderr and exit 1, no traceback.

Check your work with:  pytest labs/day1/test_byteorder.py
"""

import socket
import sys


def main():
    print("host byte order: ?")  # TODO: little-endian or big-endian, from sys.byteorder
    for arg in sys.argv[1:]:
        value = int(arg, 0)
        # TODO: parse VALUE[:16|:32] and reject bad values (stderr, exit 1)
        # TODO: print the line with big-endian bytes, little-endian bytes and htonl/htons
        print(hex(value), socket.htonl(value))


if __name__ == "__main__":
    main()
