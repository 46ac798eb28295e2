"""Keeping every process a program starts inside a fence we can count and tear down.

Three layers, strongest first:

* a ``pids`` cgroup per launched program (root on Linux with cgroup v1 or v2): the kernel
  refuses the fork past ``pids.max`` and lists every member, daemons included;
* ``RLIMIT_NPROC`` (other users; it is per user, so it is set to what the user already
  runs plus the budget);
* always: this process is a child subreaper, so orphans re-parent to us and stay
  visible, and a watchdog walks the tree and kills it if it grows past the budget.
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import uuid

import psutil

from harness.timing import wait_until

PR_SET_CHILD_SUBREAPER = 36
_subreaper_set = False


def become_subreaper() -> bool:
    """Orphaned descendants re-parent to this process instead of init (Linux only)."""
    global _subreaper_set
    if _subreaper_set:
        return True
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        _subreaper_set = libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        _subreaper_set = False
    return _subreaper_set


def _cgroup_root() -> str | None:
    if os.environ.get("SOCKLAB_NO_CGROUP") or os.geteuid() != 0:
        return None
    for base in ("/sys/fs/cgroup/pids", "/sys/fs/cgroup"):
        if base == "/sys/fs/cgroup" and not os.path.exists(f"{base}/cgroup.controllers"):
            continue  # v1 without pids controller mounted: nothing to use
        if base == "/sys/fs/cgroup":
            try:
                with open(f"{base}/cgroup.controllers") as fh:
                    if "pids" not in fh.read().split():
                        continue
            except OSError:
                continue
        if os.access(base, os.W_OK) and os.path.isdir(base):
            return base
    return None


class PidsCgroup:
    """One pids cgroup; ``join_path`` is what the child writes its pid into before exec,
    ``procs_path`` where its members are listed (and an outside process is moved in)."""

    def __init__(self, root: str, limit: int):
        self.path = os.path.join(root, f"socklab-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        os.mkdir(self.path)
        if root == "/sys/fs/cgroup":  # v2: the controller must be enabled for children
            try:
                with open(f"{root}/cgroup.subtree_control", "w") as fh:
                    fh.write("+pids")
            except OSError:
                pass
        with open(os.path.join(self.path, "pids.max"), "w") as fh:
            fh.write(str(limit))
        self.procs_path = os.path.join(self.path, "cgroup.procs")
        # The child joins between fork and exec, while it has a single thread.  On v1 it
        # writes "0" (itself) to "tasks": moving the calling thread skips the global
        # threadgroup lock that any other write takes (waiting for an RCU grace period:
        # 10-20 ms of every launch here).  v2 has no "tasks": the child writes its pid.
        tasks = os.path.join(self.path, "tasks")
        if os.path.exists(tasks):
            self.join_path, self.join_value = tasks, b"0"
        else:
            self.join_path, self.join_value = self.procs_path, b""

    @classmethod
    def existing(cls, path: str) -> "PidsCgroup":
        """A handle on a cgroup that is already there (one a dead grading run left)."""
        group = cls.__new__(cls)
        group.path = path
        group.procs_path = group.join_path = os.path.join(path, "cgroup.procs")
        group.join_value = b""
        return group

    def pids(self) -> list[int]:
        try:
            with open(self.procs_path) as fh:
                return [int(x) for x in fh.read().split()]
        except OSError:
            return []

    def fork_refusals(self) -> int:
        try:
            with open(os.path.join(self.path, "pids.events")) as fh:
                for line in fh:
                    key, _, value = line.partition(" ")
                    if key == "max":
                        return int(value)
        except OSError:
            pass
        return 0

    def remove(self) -> None:
        remove_cgroup(self.path)


def remove_cgroup(path: str, within: float = 1) -> None:
    """rmdir a cgroup, waiting (``within`` seconds at most) while its last members exit."""
    def removed() -> bool:
        try:
            os.rmdir(path)
        except FileNotFoundError:
            pass
        except OSError:  # members still exiting
            return False
        return True
    wait_until(removed, within, first=0.001, cap=0.01)


_stale_checked = False


def _remove_stale(root: str) -> None:
    """Empty fences of grading processes that died before tearing down (once per process)."""
    global _stale_checked
    if _stale_checked:
        return
    _stale_checked = True

    def of_a_dead_run(name: str) -> bool:
        parts = name.split("-")
        return (len(parts) == 3 and parts[0] == "socklab" and parts[1].isdigit()
                and not psutil.pid_exists(int(parts[1])))
    for each in (root, *COMPANION_ROOTS):
        _remove_empty(each, of_a_dead_run)


def make_cgroup(limit: int) -> PidsCgroup | None:
    root = _cgroup_root()
    if root is None:
        return None
    _remove_stale(root)
    try:
        return PidsCgroup(root, limit)
    except OSError:
        return None


def user_task_count() -> int:
    """Threads of this user, as RLIMIT_NPROC counts them."""
    me = os.getuid()
    total = 0
    for p in psutil.process_iter(["uids", "num_threads"]):
        try:
            if p.info["uids"] and p.info["uids"].real == me:
                total += p.info["num_threads"] or 1
        except psutil.Error:
            continue
    return total


def kill_pids(pids, sig=signal.SIGKILL) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


class TreeWatch:
    """Without a cgroup: remember every process seen in the tree; kill it all past the budget."""

    def __init__(self, root_pid: int, limit: int, interval: float = 0.03):
        self.root_pid = root_pid
        self.limit = limit
        self.seen: dict[int, float] = {}   # pid -> create_time, to survive pid reuse
        self.exceeded = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True,
                                        name=f"treewatch-{root_pid}")
        self._thread.start()

    def members(self) -> list[psutil.Process]:
        found: list[psutil.Process] = []
        try:
            root = psutil.Process(self.root_pid)
            found = [root] + root.children(recursive=True)
        except psutil.Error:
            pass
        for pid, created in list(self.seen.items()):
            try:
                p = psutil.Process(pid)
                if p.create_time() == created and p not in found:
                    found.append(p)
                    found.extend(c for c in p.children(recursive=True) if c not in found)
            except psutil.Error:
                continue
        return found

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            procs = self.members()
            for p in procs:
                try:
                    self.seen.setdefault(p.pid, p.create_time())
                except psutil.Error:
                    pass
            if len(procs) > self.limit:
                self.exceeded = True
                kill_pids([p.pid for p in procs])

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(1)


def sweep_cgroups_of(pid: int, within: float = 5) -> int:
    """Kill and remove the cgroups a (dead) grading process left: returns processes killed."""
    root = _cgroup_root()
    if root is None:
        return 0
    prefix = f"socklab-{pid}-"
    _thaw(prefix)  # a frozen process would never die of the SIGKILL below
    killed = sum(_empty_and_remove(PidsCgroup.existing(os.path.join(root, name)), within)
                 for name in os.listdir(root) if name.startswith(prefix))
    for other in COMPANION_ROOTS:
        _remove_empty(other, lambda name: name.startswith(prefix))
    return killed


# cgroups made beside a launch's pids cgroup: its freezer, a sandbox run's memory budget
COMPANION_ROOTS = ("/sys/fs/cgroup/freezer", "/sys/fs/cgroup/memory")


def _thaw(prefix: str) -> None:
    root = COMPANION_ROOTS[0]
    for name in _listdir(root):
        if name.startswith(prefix):
            try:
                with open(os.path.join(root, name, "freezer.state"), "w") as fh:
                    fh.write("THAWED")
            except OSError:
                pass


def _listdir(root: str) -> list[str]:
    try:
        return os.listdir(root)
    except OSError:
        return []


def _remove_empty(root: str, chosen) -> None:
    for name in _listdir(root):
        if chosen(name):
            try:
                os.rmdir(os.path.join(root, name))  # refuses a cgroup that still has members
            except OSError:
                pass


def _empty_and_remove(group: PidsCgroup, within: float) -> int:
    """SIGKILL the members until none is left, then remove the group.

    Repeated, not once: a member may fork between the listing and the kill.
    """
    killed: set[int] = set()

    def empty() -> bool:
        members = group.pids()
        killed.update(members)
        kill_pids(members)
        return not members
    wait_until(empty, within, cap=0.01)
    group.remove()
    return len(killed)


def sweep_orphans(keep: set[int] = frozenset(), within: float = 5) -> int:
    """Kill and reap what re-parented to this subreaper (orphans of a killed grading run).

    ``keep``: our own children that are still working (other grading runs in parallel).
    Repeated until a pass finds none: killing an orphan re-parents its children to us,
    and a process that forks and exits in a loop (a new pid every few hundred
    microseconds) is a new orphan each time.  So each pass is quick: our children from
    the kernel's own list, SIGKILL at once, to their process groups too.  Reaped without
    blocking: a process that cannot die (stuck in the kernel) must not hold the grader
    past ``within``.  Returns the number of orphans killed or reaped.
    """
    swept: set[int] = set()
    spared = {os.getpgrp(), *keep}   # our own group; the groups of runs under way

    def none_left() -> bool:
        strays = [pid for pid in _children() if pid not in keep]
        for pid in strays:
            kill_pids([pid])
            _kill_group_of(pid, unless=spared)
        for pid in strays:
            try:
                os.waitpid(pid, os.WNOHANG)
            except (ChildProcessError, OSError):
                pass
        swept.update(strays)
        return not strays
    wait_until(none_left, within, first=0.0005, cap=0.01)
    return len(swept)


def _kill_group_of(pid: int, *, unless: set[int]) -> None:
    """SIGKILL the process group of ``pid``: the kernel signals every member at once, so a
    member forking in a loop cannot slip through."""
    try:
        group = os.getpgid(pid)
        if group not in unless:
            os.killpg(group, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _children() -> list[int]:
    """Our direct children (zombies included), from the kernel's per-thread lists: read in
    microseconds, where psutil scans every process (milliseconds)."""
    tasks = f"/proc/{os.getpid()}/task"
    if not os.path.exists(f"{tasks}/{os.getpid()}/children"):  # kernel without CONFIG_PROC_CHILDREN
        return [c.pid for c in psutil.Process().children()]
    pids = []
    for tid in os.listdir(tasks):
        try:
            with open(f"{tasks}/{tid}/children") as fh:
                pids.extend(int(x) for x in fh.read().split())
        except OSError:  # the thread ended
            continue
    return pids
