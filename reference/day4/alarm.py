"""SIGALRM every INTERVAL seconds, COUNT times; SIGINT is reported, not fatal (reference)."""

import math
import signal
import sys


class Finished(Exception):
    """Raised by the SIGALRM handler after the COUNT-th timeout: it ends signal.pause()."""


def parse(argv):
    if len(argv) != 3:
        raise ValueError("two arguments expected")
    interval, count = float(argv[1]), int(argv[2])
    if not math.isfinite(interval) or interval <= 0 or count < 1:
        raise ValueError("INTERVAL must be > 0 and COUNT >= 1")
    return interval, count


def main():
    try:
        interval, count = parse(sys.argv)
    except ValueError as exc:
        print(f"usage: {sys.argv[0]} INTERVAL COUNT ({exc})", file=sys.stderr)
        sys.exit(2)
    done = 0

    def on_alarm(signum, frame):
        nonlocal done
        done += 1
        print("timeout!")
        if done >= count:
            signal.setitimer(signal.ITIMER_REAL, 0)
            raise Finished

    def on_interrupt(signum, frame):
        print("CTRL+C pressed")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGINT, on_interrupt)
    print("wait...")
    signal.setitimer(signal.ITIMER_REAL, interval, interval)
    try:
        while True:
            signal.pause()
    except Finished:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
