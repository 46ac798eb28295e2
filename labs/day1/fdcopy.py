"""Day 1 - fdcopy.py: copy a file with file descriptors.

Usage: python3 fdcopy.py [--append] SRC DST

Assignment (see README.md, "fdcopy"):
- Use os.open, os.read, os.write and os.close only (no open(), no shutil).
- Read SRC at most 4096 bytes per os.read() call, until os.read() returns b''; write every
  chunk to DST (os.write may write less than asked: write the rest too). Binary-safe.
- DST is created with mode 0644 if missing. Without --append it is truncated
  (os.O_TRUNC); with --append the copy goes at its end (os.O_APPEND).
- Print `copied N bytes` (checked), N the number of bytes copied.
- A missing or unreadable SRC: a message on stderr, exit 1, no traceback, and DST is not
  touched (not created, not truncated): open SRC before DST.

Check your work with:  pytest labs/day1/test_fdcopy.py
"""

import os
import sys

BUFSIZE = 4096


def main():
    if len(sys.argv) not in (3, 4):
        print(f"usage: {sys.argv[0]} [--append] SRC DST", file=sys.stderr)
        sys.exit(2)
    src, dst = sys.argv[-2], sys.argv[-1]
    fd_in = os.open(src, os.O_RDONLY)
    # TODO: open DST (flags for --append or truncation, mode 0o644), copy in a loop,
    # close both, print how many bytes were copied
    os.close(fd_in)
    print(f"copied {0} bytes ({dst} is still empty)")


if __name__ == "__main__":
    main()
