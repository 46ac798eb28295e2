"""Address conversion (reference): IPv4 text <-> 32-bit value, IPv6 text <-> 16 bytes.

    python3 inet_conv.py aton 1.2.3.4          ->  0x01020304
    python3 inet_conv.py ntoa 0x01020304       ->  1.2.3.4
    python3 inet_conv.py pton6 2001:db8::1     ->  20010db8000000000000000000000001
    python3 inet_conv.py ntop6 20010db8000000000000000000000001  ->  2001:db8::1
"""

import re
import socket
import struct
import sys


def aton(text):
    try:
        packed = socket.inet_pton(socket.AF_INET, text)  # strict: four decimal parts 0..255
    except OSError:
        raise ValueError(f"not a dotted IPv4 address: {text!r}") from None
    return f"0x{struct.unpack('!I', packed)[0]:08x}"


def ntoa(text):
    if re.fullmatch(r"0[xX][0-9a-fA-F]{1,8}", text):
        value = int(text, 16)
    elif re.fullmatch(r"[0-9]+", text) and int(text) < 2**32:
        value = int(text)
    else:
        raise ValueError(f"not a 32-bit value: {text!r}")
    return socket.inet_ntop(socket.AF_INET, struct.pack("!I", value))


def pton6(text):
    try:
        packed = socket.inet_pton(socket.AF_INET6, text)
    except OSError:
        raise ValueError(f"not an IPv6 address: {text!r}") from None
    return packed.hex()


def ntop6(text):
    if not re.fullmatch(r"[0-9a-fA-F]{32}", text):
        raise ValueError(f"not 32 hex digits: {text!r}")
    return socket.inet_ntop(socket.AF_INET6, bytes.fromhex(text))


COMMANDS = {"aton": aton, "ntoa": ntoa, "pton6": pton6, "ntop6": ntop6}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in COMMANDS:
        print(f"usage: {sys.argv[0]} aton|ntoa|pton6|ntop6 VALUE", file=sys.stderr)
        sys.exit(2)
    try:
        print(COMMANDS[sys.argv[1]](sys.argv[2]))
    except ValueError as exc:
        print(f"inet_conv: {exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
