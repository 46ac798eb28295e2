"""Day 2 - inet_conv.py: convert IPv4 and IPv6 addresses between text and bytes.

Usage: python3 inet_conv.py COMMAND VALUE

Assignment (see README.md, "inet_conv"); the answer is printed alone on one line:
  aton A.B.C.D    ->  0x01020304   the 4 bytes in network order, as 0x + 8 hex digits
  ntoa VALUE      ->  1.2.3.4      VALUE: 0x + 1..8 hex digits, or decimal 0..4294967295
  pton6 TEXT      ->  20010db8000000000000000000000001   the 16 bytes as 32 hex digits
  ntop6 HEX32     ->  2001:db8::1  the canonical text of RFC 5952
- Valid input is what inet_pton accepts: 255.255.255.256, 1.2.3.4.5, 1.2.3, 01.2.3.4, ::g
  are invalid. Invalid input: a message on stderr and exit status 1, no traceback.
- Useful: socket.inet_pton / inet_ntop, struct.pack('!I', ...) / struct.unpack('!I', ...).

Check your work with:  pytest labs/day2/test_inet_conv.py
"""

import socket
import struct
import sys


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} aton|ntoa|pton6|ntop6 VALUE", file=sys.stderr)
        sys.exit(2)
    command, value = sys.argv[1], sys.argv[2]
    if command == "aton":
        packed = socket.inet_aton(value)  # TODO: inet_aton is too lenient (it accepts 1.2.3)
        print(hex(struct.unpack("=I", packed)[0]))  # TODO: network order, 8 hex digits
    else:
        print("TODO")  # TODO: ntoa, pton6, ntop6; invalid input -> stderr, exit 1


if __name__ == "__main__":
    main()
