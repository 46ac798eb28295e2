# Hostile submission: a working echo server that first leaves a daemon behind: double
# fork, setsid(), standard streams on /dev/null, SIGTERM and SIGHUP ignored, re-exec'd
# under a marker name (so a test can find it), sleeping at most 60 s. socklab must kill
# it with the check that started it.
import os
import signal
import sys

from hostile_echo import serve

MARKER = "socklab-hostile-fence_escape-daemon"
LINGER = ("import signal, time\n"
          "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
          "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
          "for _ in range(600):\n"
          "    time.sleep(0.1)\n")


def leave_a_daemon() -> None:
    first = os.fork()
    if first == 0:
        os.setsid()
        if os.fork() == 0:
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            os.chdir("/")
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
            os.execv(sys.executable, [sys.executable, "-c", LINGER, MARKER])
        os._exit(0)
    os.waitpid(first, 0)  # the daemon is now an orphan in a session of its own


leave_a_daemon()
serve(int(sys.argv[1]))
