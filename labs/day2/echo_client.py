"""Day 2 - echo_client.py: a TCP echo client.

Usage: python3 echo_client.py HOST PORT

Assignment (see README.md, "echo_client"):
- Connect to HOST:PORT. For each line read from stdin (newline included, up to 8 KiB),
  send it, receive the WHOLE echo (as many bytes as you sent, however the server splits
  them: loop around recv()), then print `Message from server: LINE` (checked).
- A line that is `q` or `Q` once surrounding whitespace is stripped, or the end of input:
  close the socket and exit 0.
- A refused connection, or a server that goes away: a message on stderr, exit 1, no
  traceback.

Check your work with:  pytest labs/day2/test_echo_client.py
"""

import socket
import sys


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} HOST PORT", file=sys.stderr)
        sys.exit(1)
    sock = socket.create_connection((sys.argv[1], int(sys.argv[2])))
    for line in sys.stdin:
        # TODO: q or Q ends; the echo may arrive in pieces
        sock.sendall(line.encode())
        echo = sock.recv(1024)
        print("Message from server:", echo.decode(), end="")
    sock.close()


if __name__ == "__main__":
    main()
