"""UDP echo client (reference): sendto each line, recvfrom its echo, print it."""

import socket
import sys


def main():
    if len(sys.argv) != 3 or not sys.argv[2].isdigit():
        print(f"usage: {sys.argv[0]} HOST PORT", file=sys.stderr)
        sys.exit(1)
    server = (sys.argv[1], int(sys.argv[2]))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for line in sys.stdin.buffer:
            if line.strip() in (b"q", b"Q"):
                break
            sock.sendto(line, server)
            echo, _addr = sock.recvfrom(65535)
            sys.stdout.buffer.write(b"Message from server: " + echo)
            if not echo.endswith(b"\n"):
                sys.stdout.buffer.write(b"\n")
    sys.exit(0)


if __name__ == "__main__":
    main()
