"""Iterative TCP echo server: the reference's code, unchanged.

Hostile submission "odd_names": what is hostile is the folder around this file, which
git cannot hold: tests/test_hostile_batch.py adds, at run time, names that are not UTF-8,
hold a newline or escapes, look like ../, are 255 bytes long, links to /etc/shadow (one
named like a lab file) and FIFOs (one named like a lab file). It must get full marks.
"""

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
