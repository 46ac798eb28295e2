"""Name and address lookup (reference): gethostbyname_ex / gethostbyaddr."""

import socket
import sys


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} NAME_OR_ADDRESS", file=sys.stderr)
        sys.exit(1)
    query = sys.argv[1]
    try:
        socket.inet_pton(socket.AF_INET, query)
        is_address = True
    except OSError:
        is_address = False
    try:
        if is_address:
            name, aliases, addresses = socket.gethostbyaddr(query)
        else:
            name, aliases, addresses = socket.gethostbyname_ex(query)
    except (socket.herror, socket.gaierror, UnicodeError) as exc:
        print(f"cannot resolve {query}: {exc}", file=sys.stderr)
        sys.exit(1)
    print(f"Official name: {name}")
    print("Aliases: " + " ".join(aliases))
    for address in addresses:
        print(f"IP addr: {address}")
    sys.exit(0)


if __name__ == "__main__":
    main()
