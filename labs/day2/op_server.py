"""Day 2 - op_server.py: a calculator server over a binary protocol.

Usage: python3 op_server.py PORT

Assignment (see README.md, "op_server"):
- Listen on PORT on all interfaces (SO_REUSEADDR); serve clients one after another,
  one request per connection, forever.
- Request: 1 byte count N (1..255), then N operands, each a 4-byte signed integer in
  NETWORK byte order (big-endian), then 1 byte operator: '+', '-' or '*' (ASCII).
  The first operand is the start value; apply the operator left to right.
- Reply: one 4-byte signed integer in network byte order, computed like a C int (32-bit
  two's complement: it wraps around). Then close the connection.
- An unknown operator or N = 0: close the connection without a reply, keep serving.
- A request may arrive in pieces (even one byte at a time): read exactly what you need,
  with a loop around recv(). A client that leaves mid-request must not stop the server.
- struct.pack('!i', x) and struct.unpack('!i', data): '!' is network order. Without it,
  'i' is the host's order (little-endian on x86 and ARM), and that is the classic bug.

Check your work with:  pytest labs/day2/test_op_server.py
"""

import socket
import struct
import sys


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PORT", file=sys.stderr)
        sys.exit(1)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("", int(sys.argv[1])))
    server.listen(5)
    while True:
        conn, _addr = server.accept()
        data = conn.recv(1024)  # TODO: one recv() is not one request
        count = data[0]
        operands = struct.unpack(f"{count}i", data[1:1 + 4 * count])  # TODO: byte order!
        # TODO: the operator, the computation (32-bit wrap-around), the reply, bad requests
        conn.sendall(struct.pack("i", sum(operands)))
        conn.close()


if __name__ == "__main__":
    main()
