"""TCP echo client (reference): sends each line, prints the whole echo."""

import socket
import sys


def recv_exact(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("server closed the connection")
        data += chunk
    return bytes(data)


def main():
    if len(sys.argv) != 3 or not sys.argv[2].isdigit():
        print(f"usage: {sys.argv[0]} HOST PORT", file=sys.stderr)
        sys.exit(1)
    try:
        sock = socket.create_connection((sys.argv[1], int(sys.argv[2])))
    except OSError as exc:
        print(f"cannot connect to {sys.argv[1]}:{sys.argv[2]}: {exc.strerror or exc}", file=sys.stderr)
        sys.exit(1)
    with sock:
        for line in sys.stdin.buffer:
            if line.strip() in (b"q", b"Q"):
                break
            try:
                sock.sendall(line)
                echo = recv_exact(sock, len(line))
            except OSError as exc:
                print(f"connection lost: {exc}", file=sys.stderr)
                sys.exit(1)
            sys.stdout.buffer.write(b"Message from server: " + echo)
            if not echo.endswith(b"\n"):
                sys.stdout.buffer.write(b"\n")
    sys.exit(0)


if __name__ == "__main__":
    main()
