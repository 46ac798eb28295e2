"""File server with half-close (reference): send FILE, shutdown(SHUT_WR), read the thanks."""

import socket
import sys


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        print(f"usage: {sys.argv[0]} PORT FILE", file=sys.stderr)
        sys.exit(1)
    try:
        with open(sys.argv[2], "rb") as fh:
            content = fh.read()
    except OSError as exc:
        print(f"cannot read {sys.argv[2]}: {exc.strerror}", file=sys.stderr)
        sys.exit(1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", int(sys.argv[1])))
    server.listen(1)
    conn, _addr = server.accept()
    server.close()
    message = bytearray()
    try:
        with conn:
            conn.sendall(content)
            conn.shutdown(socket.SHUT_WR)   # "no more data from me", but keep reading
            while True:
                data = conn.recv(4096)
                if not data:
                    break
                message += data
    except (ConnectionResetError, BrokenPipeError):
        print("the client reset the connection", file=sys.stderr)
        sys.exit(1)
    text = bytes(message).rstrip(b"\0\r\n").decode("utf-8", "replace")
    print(f"Message from client: {text}")
    sys.exit(0)


if __name__ == "__main__":
    main()
