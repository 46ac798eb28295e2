# Hostile submission: a daemon that leaves every fence it can and holds the grading run's
# output open, so that a grader waiting for end-of-file on that output waits for it.
#
# After a double fork and setsid() (out of the process group), the daemon moves itself to
# the root pids cgroup (possible as root: out of the fence teardown empties), reopens
# every pipe of the grading run through /proc/PID/fd (while pytest captures a check's
# output, the run's own stdout is one of its other descriptors), keeps its own stdout and
# stderr, says so in daemon.started (its working folder) and sleeps: 120 s at most, it
# always ends by itself.  The server listens and accepts but never answers, so a check that waits for an
# echo runs until its deadline.
import os
import socket
import sys
import time

MARKER = "daemon.started"


def grading_run() -> int | None:
    """Our parent, if it is the grading run (a pytest given --socklab-json)."""
    pid = os.getppid()
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return pid if b"--socklab-json" in fh.read() else None
    except OSError:
        return None


def leave_the_cgroup() -> None:
    for procs in ("/sys/fs/cgroup/pids/cgroup.procs", "/sys/fs/cgroup/cgroup.procs"):
        try:
            with open(procs, "w") as fh:
                fh.write(str(os.getpid()))
        except OSError:
            pass


def daemon(run: int | None) -> None:
    leave_the_cgroup()
    held = []
    for fd in os.listdir(f"/proc/{run}/fd") if run else []:
        try:
            if os.readlink(f"/proc/{run}/fd/{fd}").startswith("pipe:"):
                held.append(os.open(f"/proc/{run}/fd/{fd}", os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    with open(MARKER, "a") as fh:
        fh.write(f"{os.getpid()} holds {len(held)} pipes of the run\n")
    time.sleep(120)
    os._exit(0)


def start_daemon() -> None:
    run = grading_run()
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            daemon(run)
        os._exit(0)
    os.wait()
    deadline = time.monotonic() + 10
    while not os.path.exists(MARKER) and time.monotonic() < deadline:
        time.sleep(0.01)


start_daemon()
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("", int(sys.argv[1])))
server.listen(5)
clients = []
while True:
    conn, _ = server.accept()
    clients.append(conn)  # never read, never answered, never closed
