"""Day 3 - lookup.py: look up a host name, or an IPv4 address in reverse.

Usage: python3 lookup.py NAME_OR_ADDRESS

Assignment (see README.md, "lookup"):
- A host name: socket.gethostbyname_ex(NAME). A dotted IPv4 address (anything
  socket.inet_pton(AF_INET, ...) accepts): socket.gethostbyaddr(ADDRESS).
- Print `Official name: NAME`, `Aliases: A B ...` (even when empty) and one
  `IP addr: A.B.C.D` line per address.
- A name or address that does not resolve: a message on stderr, exit 1, no traceback.

Check your work with:  pytest labs/day3/test_lookup.py
"""

import sys


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} NAME_OR_ADDRESS", file=sys.stderr)
        sys.exit(1)
    # TODO: look the argument up and print the three kinds of lines
    print(f"Official name: {sys.argv[1]}")


if __name__ == "__main__":
    main()
