"""Iterative TCP echo server (reference): one client at a time, forever."""

import socket
import sys


def serve(conn):
    with conn:
        while True:
            try:
                data = conn.recv(65536)
            except ConnectionResetError:
                return
            if not data:
                return
            try:
                conn.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                return


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        print(f"usage: {sys.argv[0]} PORT", file=sys.stderr)
        sys.exit(1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", int(sys.argv[1])))
    server.listen(5)
    while True:
        conn, _addr = server.accept()
        serve(conn)


if __name__ == "__main__":
    main()
