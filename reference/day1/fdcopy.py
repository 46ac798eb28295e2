"""File copy with descriptors (reference): os.open/os.read/os.write, 4096 bytes at a time.

    python3 fdcopy.py [--append] SRC DST      ->  copied N bytes
"""

import os
import sys

BUFSIZE = 4096


def open_or_exit(path, flags, mode=0o777):  # os.open's own default mode
    try:
        return os.open(path, flags, mode)
    except OSError as exc:
        print(f"fdcopy: cannot open {path}: {exc.strerror}", file=sys.stderr)
        sys.exit(1)


def copy(fd_in, fd_out):
    total = 0
    while True:
        chunk = os.read(fd_in, BUFSIZE)
        if not chunk:
            return total
        view = memoryview(chunk)
        while view:  # os.write may write less than asked
            view = view[os.write(fd_out, view):]
        total += len(chunk)


def main():
    args = sys.argv[1:]
    append = bool(args) and args[0] == "--append"
    if append:
        args = args[1:]
    if len(args) != 2:
        print(f"usage: {sys.argv[0]} [--append] SRC DST", file=sys.stderr)
        sys.exit(2)
    src, dst = args
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    fd_in = open_or_exit(src, os.O_RDONLY)
    fd_out = open_or_exit(dst, flags, 0o644)
    try:
        total = copy(fd_in, fd_out)
    except OSError as exc:
        print(f"fdcopy: {exc.strerror}", file=sys.stderr)
        sys.exit(1)
    finally:
        os.close(fd_in)
        os.close(fd_out)
    print(f"copied {total} bytes")


if __name__ == "__main__":
    main()
