# Hostile submission: before serving, it writes as much as it can (1 MiB at a time, new
# files past each file-size limit) into its working folder, $HOME, /tmp, its check's
# scratch folder, /dev/shm and /var/tmp, until every place says ENOSPC (or refuses), at
# most 2 GiB attempted; it also pushes up to 32 MiB into its container's log through
# /proc/1/fd/1 (the container's init shares its user). It keeps what it wrote and then
# serves correctly. The host's disk must not notice.
import errno
import os
import sys

from hostile_echo import serve

CHUNK = b"\xdb" * (1 << 20)
BUDGET = 2 << 30
LOG_BUDGET = 32 << 20
attempted = 0
report = {}


def fill(folder: str) -> None:
    global attempted
    written, index, reason = 0, 0, "budget"
    while attempted < BUDGET:
        path = os.path.join(folder, f"socklab-hostile-fill-{os.getpid()}-{index}")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as exc:
            reason = errno.errorcode.get(exc.errno, str(exc.errno))
            break
        try:
            while attempted < BUDGET:
                attempted += len(CHUNK)
                written += os.write(fd, CHUNK)
        except OSError as exc:
            reason = errno.errorcode.get(exc.errno, str(exc.errno))
        finally:
            os.close(fd)
        if reason != "EFBIG":  # a file-size limit: go on with a new file; anything else: stop
            break
        index += 1
    report[folder] = f"{written >> 20} MiB, {reason}"


places = [os.getcwd(), os.environ.get("HOME", ""), "/tmp", os.environ.get("TMPDIR", ""),
          "/dev/shm", "/var/tmp"]
for place in dict.fromkeys(p for p in places if p):
    fill(place)
try:  # the container's log, written by the engine to the host's disk
    fd = os.open("/proc/1/fd/1", os.O_WRONLY)
    pushed = 0
    while pushed < LOG_BUDGET:
        pushed += os.write(fd, b"socklab-hostile-log " * 52000 + b"\n")
    report["/proc/1/fd/1"] = f"{pushed >> 20} MiB"
except OSError as exc:
    report["/proc/1/fd/1"] = errno.errorcode.get(exc.errno, str(exc.errno))
print(f"attempted {attempted >> 20} MiB: {report}", flush=True)

serve(int(sys.argv[1]))
