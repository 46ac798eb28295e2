# Hostile submission: spreads its memory over many processes, so that no single one looks
# big: 20 children each fill ~200 MiB (4 GiB attempted in all, far over the submission's
# budget) and hold it for up to 60 s, then the parent serves correctly. The kernel must
# refuse or kill within the submission's own budget; the machine and the classmates
# graded beside it must not notice.
import os
import select
import sys
import time

from hostile_echo import serve

CHILDREN, EACH = 20, 200 << 20
ready_r, ready_w = os.pipe()
children = []
for _ in range(CHILDREN):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        os.close(ready_r)
        try:
            block = b"\xa5" * EACH  # written, so every page is really used
            os.write(ready_w, b"+")
        except MemoryError:
            os.write(ready_w, b"-")
        for _ in range(600):  # hold it, at most 60 s
            time.sleep(0.1)
        os._exit(0)
    children.append(pid)
os.close(ready_w)

answers, dead = b"", 0
deadline = time.monotonic() + 3  # the grader waits 5 s for the listening socket
while len(answers) + dead < len(children) and time.monotonic() < deadline:
    if select.select([ready_r], [], [], 0.02)[0]:
        answers += os.read(ready_r, 64)
    while dead < len(children):  # children the kernel killed before they could answer
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                break
        except ChildProcessError:
            break
        dead += 1
print(f"{len(children)} children: {answers.count(b'+')} hold {EACH >> 20} MiB each, "
      f"{answers.count(b'-')} got MemoryError, {dead} died", flush=True)

serve(int(sys.argv[1]))
