"""Day 3 - wait_demo.py: fork two children and collect how each one ended.

Usage: python3 wait_demo.py S1 S2      (S1, S2: exit statuses 0..255)

Assignment (see README.md, "wait_demo"):
- fork() two children; the first exits with status S1, the second with S2.
- The parent waits for both and prints, for each, in the order it reaps them:
  `child PID exited with status S` - PID the child's real pid (as wait returns it),
  S the exit status as os.WEXITSTATUS gives it (3, not 768). Then it exits 0.

Check your work with:  pytest labs/day3/test_wait_demo.py
"""

import sys


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} S1 S2", file=sys.stderr)
        sys.exit(1)
    # TODO: fork the two children, wait for both, print one line per child
    sys.exit(0)


if __name__ == "__main__":
    main()
