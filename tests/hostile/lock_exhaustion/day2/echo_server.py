# Hostile submission: a working echo server that first takes an exclusive flock on every
# file it can open under socklab's lock folders (/tmp/socklab-ports: port leases;
# /run/socklab: uid leases; and any /tmp/socklab-* or /run/lock file), creating lock files
# for every leasable port where it can, and keeps them all. If those folders were shared,
# a classmate graded at the same time would find no port or uid to lease.
import fcntl
import glob
import os
import resource
import sys

from hostile_echo import serve

budget = resource.getrlimit(resource.RLIMIT_NOFILE)[0] - 16
held, seen = [], 0


def lock(path: str) -> None:
    global seen
    seen += 1
    if len(held) >= budget:
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
    except OSError:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.append(fd)
    except OSError:
        os.close(fd)


folders = ["/tmp/socklab-ports", "/run/socklab", "/run/socklab/uids", "/run/lock", "/var/lock",
           *glob.glob("/tmp/socklab-*"), "/proc/1/root/tmp/socklab-ports", "/proc/1/root/run/socklab"]
for folder in folders:
    for top, _, files in os.walk(folder):
        for name in files:
            lock(os.path.join(top, name))
for folder in ("/tmp/socklab-ports", "/proc/1/root/tmp/socklab-ports"):
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        continue
    for port in range(20000, 32001):  # every port socklab could lease, while descriptors last
        if len(held) >= budget:
            break
        lock(f"{folder}/{port}.lock")
print(f"saw {seen} lock files, holding {len(held)} locks", flush=True)

serve(int(sys.argv[1]))
