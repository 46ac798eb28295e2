"""fork() and wait (reference): two children exit with S1 and S2; the parent reaps both."""

import os
import sys


def main():
    try:
        statuses = [int(a) for a in sys.argv[1:]]
    except ValueError:
        statuses = []
    if len(statuses) != 2 or not all(0 <= s <= 255 for s in statuses):
        print(f"usage: {sys.argv[0]} S1 S2  (exit statuses 0..255)", file=sys.stderr)
        sys.exit(1)
    for status in statuses:
        if os.fork() == 0:
            os._exit(status)
    for _ in statuses:
        pid, status = os.wait()
        print(f"child {pid} exited with status {os.WEXITSTATUS(status)}")
    sys.exit(0)


if __name__ == "__main__":
    main()
