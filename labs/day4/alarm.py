"""Day 4 lab: alarm.py, a periodic timer with SIGALRM.

Usage: python3 alarm.py INTERVAL COUNT

Print `wait...` once, then use SIGALRM to print `timeout!` every INTERVAL seconds,
COUNT times, then exit with status 0.
- INTERVAL is a number of seconds > 0 (it may be 0.2: use signal.setitimer, because
  signal.alarm only counts whole seconds); COUNT is an integer >= 1. Anything else:
  print a usage message to stderr and exit with status 2 (no traceback).
- The k-th `timeout!` must come about k x INTERVAL after `wait...`.
- SIGINT (Ctrl+C) prints `CTRL+C pressed` and neither stops the program nor shifts the
  schedule of the `timeout!` lines.
- Wait with signal.pause() (or a sleep), never with a busy loop.
"""

import sys


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} INTERVAL COUNT", file=sys.stderr)
        sys.exit(2)
    print("wait...")
    # TODO: install a SIGALRM handler and a SIGINT handler, start a periodic timer,
    #       wait for the signals, and exit 0 after COUNT timeouts.


if __name__ == "__main__":
    main()
