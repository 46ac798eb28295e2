"""Day 3 - uecho_client.py: a UDP echo client.

Usage: python3 uecho_client.py HOST PORT

Assignment (see README.md, "uecho_client"):
- For each line read from stdin (at most 4096 bytes, newline included): sendto() it to
  HOST:PORT, recvfrom() the echo and print `Message from server: LINE`.
- A line that is `q` or `Q` (surrounding whitespace ignored), or the end of input: exit 0.

Check your work with:  pytest labs/day3/test_uecho_client.py
"""

import socket
import sys


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} HOST PORT", file=sys.stderr)
        sys.exit(1)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for line in sys.stdin:
        # TODO: quit on q/Q; sendto the line, recvfrom the echo, print it
        pass
    sock.close()


if __name__ == "__main__":
    main()
