"""Day 2 - op_client.py: a calculator client over a binary protocol.

Usage: python3 op_client.py HOST PORT

Assignment (see README.md, "op_client"):
- Prompt on stdout and read from stdin, one value per line: the operand count N (1..255),
  each of the N operands (decimal, -2147483648..2147483647), then the operator (+, - or *).
  Input out of range: a message on stderr, exit 1, no traceback.
- Send the request: 1 byte N, the N operands as 4-byte signed integers in NETWORK byte
  order (struct.pack('!i', x)), 1 byte operator (ASCII).
- Receive the 4-byte reply (it may arrive in pieces: loop until you have 4 bytes), decode
  it in network byte order (struct.unpack('!i', reply)[0]) and print
  `Operation result: R` (checked).
- A refused connection, or a server that closes without a reply: a message on stderr,
  exit 1, no traceback.

Check your work with:  pytest labs/day2/test_op_client.py
"""

import socket
import struct
import sys


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} HOST PORT", file=sys.stderr)
        sys.exit(1)
    count = int(input("Operand count: "))
    operands = [int(input(f"Operand {i + 1}: ")) for i in range(count)]
    operator = input("Operator: ").strip()
    # TODO: check the ranges; send in network byte order ('!'), not the host's order
    request = bytes([count]) + struct.pack(f"{count}i", *operands) + operator.encode()
    sock = socket.create_connection((sys.argv[1], int(sys.argv[2])))
    sock.sendall(request)
    reply = sock.recv(4)  # TODO: the reply may come in pieces; errors
    print(f"Operation result: {struct.unpack('i', reply)[0]}")


if __name__ == "__main__":
    main()
