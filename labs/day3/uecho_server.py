"""Day 3 - uecho_server.py: a UDP echo server.

Usage: python3 uecho_server.py PORT

Assignment (see README.md, "uecho_server"):
- Bind a UDP socket to PORT on all interfaces.
- Send every datagram back to ITS sender (the address recvfrom() returned with it),
  unchanged and as ONE datagram (up to 4096 bytes), for any number of interleaved
  senders. An empty datagram is not the end of anything: keep serving.

Check your work with:  pytest labs/day3/test_uecho_server.py
"""

import socket
import sys


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PORT", file=sys.stderr)
        sys.exit(1)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", int(sys.argv[1])))
    while True:
        data, addr = sock.recvfrom(4096)
        # TODO: send data back to the sender
        print(f"{len(data)} bytes from {addr}")


if __name__ == "__main__":
    main()
