"""File client with half-close (reference): read to end of stream, save, then say thanks."""

import socket
import sys


def main():
    if len(sys.argv) != 4 or not sys.argv[2].isdigit():
        print(f"usage: {sys.argv[0]} HOST PORT OUTFILE", file=sys.stderr)
        sys.exit(1)
    try:
        sock = socket.create_connection((sys.argv[1], int(sys.argv[2])))
    except OSError as exc:
        print(f"cannot connect to {sys.argv[1]}:{sys.argv[2]}: {exc.strerror or exc}", file=sys.stderr)
        sys.exit(1)
    try:
        with sock, open(sys.argv[3], "wb") as fh:
            while True:
                data = sock.recv(65536)
                if not data:          # end of stream: the server shut down its side
                    break
                fh.write(data)
            sock.sendall(b"Thank you")
    except OSError as exc:
        print(f"transfer failed: {exc}", file=sys.stderr)
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":
    main()
