"""Calculator client (reference): reads a request from stdin, prints the server's result."""

import socket
import struct
import sys


class InputError(Exception):
    pass


def ask_int(prompt, low, high):
    text = input(prompt).strip()
    try:
        value = int(text)
    except ValueError:
        raise InputError(f"not a number: {text!r}") from None
    if not low <= value <= high:
        raise InputError(f"{value} is out of range ({low}..{high})")
    return value


def read_request():
    count = ask_int("Operand count: ", 1, 255)
    operands = [ask_int(f"Operand {i + 1}: ", -2**31, 2**31 - 1) for i in range(count)]
    operator = input("Operator: ").strip()
    if operator not in ("+", "-", "*"):
        raise InputError(f"unknown operator {operator!r} (use +, - or *)")
    return struct.pack("!B", count) + struct.pack(f"!{count}i", *operands) + operator.encode()


def recv_exact(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("the server closed the connection without a result")
        data += chunk
    return bytes(data)


def main():
    if len(sys.argv) != 3 or not sys.argv[2].isdigit():
        print(f"usage: {sys.argv[0]} HOST PORT", file=sys.stderr)
        sys.exit(1)
    try:
        request = read_request()
    except InputError as exc:
        print(f"op_client: {exc}", file=sys.stderr)
        sys.exit(1)
    except EOFError:
        print("op_client: the input ended before the request was complete", file=sys.stderr)
        sys.exit(1)
    try:
        sock = socket.create_connection((sys.argv[1], int(sys.argv[2])))
    except OSError as exc:
        print(f"op_client: cannot connect to {sys.argv[1]}:{sys.argv[2]}: {exc.strerror or exc}",
              file=sys.stderr)
        sys.exit(1)
    with sock:
        try:
            sock.sendall(request)
            reply = recv_exact(sock, 4)
        except OSError as exc:
            print(f"op_client: {exc}", file=sys.stderr)
            sys.exit(1)
    print(f"Operation result: {struct.unpack('!i', reply)[0]}")


if __name__ == "__main__":
    main()
