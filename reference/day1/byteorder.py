"""Byte order (reference): the host's byte order, and each value's bytes both ways.

    $ python3 byteorder.py 0x12345678 0x1234:16
    host byte order: little-endian
    0x12345678 (32-bit): big-endian 12 34 56 78, little-endian 78 56 34 12, htonl 0x78563412
    0x1234 (16-bit): big-endian 12 34, little-endian 34 12, htons 0x3412
"""

import re
import socket
import sys

VALUE = re.compile(r"(0[xX][0-9a-fA-F]+|[0-9]+)(?::(16|32))?")


def parse(arg):
    """(value, bits) of '4660', '0x1234', '0x1234:16'; ValueError if it is not a valid value."""
    match = VALUE.fullmatch(arg)
    if not match:
        raise ValueError(f"{arg!r} is not a value (decimal or 0x hex, optionally :16 or :32)")
    digits, width = match.groups()
    value = int(digits, 16) if digits[:2].lower() == "0x" else int(digits)
    bits = int(width or 32)
    if value >= 1 << bits:
        raise ValueError(f"{arg!r} does not fit in {bits} bits")
    return value, bits


def describe(value, bits):
    size = bits // 8
    big = value.to_bytes(size, "big")
    little = value.to_bytes(size, "little")
    if bits == 32:
        name, swapped = "htonl", socket.htonl(value)
    else:
        name, swapped = "htons", socket.htons(value)
    return (f"0x{value:0{2 * size}x} ({bits}-bit): big-endian {big.hex(' ')}, "
            f"little-endian {little.hex(' ')}, {name} 0x{swapped:0{2 * size}x}")


def main():
    try:
        values = [parse(arg) for arg in sys.argv[1:]]  # every value is checked before any output
    except ValueError as exc:
        print(f"byteorder: {exc}", file=sys.stderr)
        sys.exit(1)
    print("host byte order:", "little-endian" if sys.byteorder == "little" else "big-endian")
    for value, bits in values:
        print(describe(value, bits))


if __name__ == "__main__":
    main()
