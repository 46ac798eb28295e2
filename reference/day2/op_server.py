"""Calculator server (reference): one request per connection, integers in network byte order.

Request: 1 byte count N (1..255), N operands (4-byte signed, big-endian), 1 byte operator.
Reply: the 32-bit result, big-endian; then the connection is closed.
"""

import socket
import struct
import sys


def recv_exact(conn, n):
    """Exactly n bytes, however TCP splits them; ConnectionError if the client leaves first."""
    data = bytearray()
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("the client closed the connection mid-request")
        data += chunk
    return bytes(data)


def wrap32(value):
    """Two's complement, 32 bits: what a C int would hold."""
    return (value + 2**31) % 2**32 - 2**31


def calculate(operands, operator):
    result = operands[0]
    for operand in operands[1:]:
        if operator == "+":
            result = result + operand
        elif operator == "-":
            result = result - operand
        else:
            result = result * operand
    return wrap32(result)


def serve(conn):
    count = recv_exact(conn, 1)[0]
    if count == 0:
        return
    operands = struct.unpack(f"!{count}i", recv_exact(conn, 4 * count))
    operator = recv_exact(conn, 1).decode("latin-1")
    if operator not in ("+", "-", "*"):
        return
    conn.sendall(struct.pack("!i", calculate(operands, operator)))


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
        try:
            serve(conn)
        except OSError:
            pass  # the client left mid-request or reset the connection: serve the next one
        finally:
            conn.close()


if __name__ == "__main__":
    main()
