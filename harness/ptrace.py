"""A small process tracer (ptrace through ctypes): every fork, exit and reap of a tree.

A child that exits at once lives for microseconds: polling ``/proc`` or the cgroup may
miss it, so a verdict built on polling would be luck.  ptrace sees every fork and exit
of the traced tree, in order, whatever the machine's load.  This module needs nothing
but Linux (x86_64 request numbers; root or the tracee's own uid) and Python: no strace.

How it is used:

* **Host program.** :class:`harness.program.Program` with ``traced=True`` calls
  :func:`traceme` last in its pre-exec step, so the program stops with ``SIGTRAP`` right
  after ``exec``; the thread that called ``Program.start()`` (its real parent: the
  tracer) then calls :func:`trace`.
* **Already running process** (the container backend's wrapper, blocked opening its
  stdin FIFO before it ``exec``s the program): :func:`seize`, then :func:`trace` with
  ``seized=True`` from the same thread.

:func:`trace` runs synchronously in the calling thread (ptrace requests must come from
the tracer thread) until the main process's exit has been collected or the deadline
passes; the output-draining threads keep running meanwhile (it sleeps between polls).

What is waited on: only the pids of the traced tree (``waitpid(pid, __WALL|WNOHANG)``
per tracee, never ``waitpid(-1)``): the grader's process has other children (orphans of
earlier programs re-parented to it, ``Popen`` objects of other programs) whose exits are
not ours to collect.  While a tracee is traced, nobody else in the grader may
``waitpid`` it (a ptrace stop would be reported to them): that is why the loop is
synchronous and the caller only looks at the program after :func:`trace` returns.

"Reaped" is judged at each process's ``PTRACE_EVENT_EXIT`` stop: the process is stopped
just before it exits, its children not re-parented yet; a child of it that still exists
then (a zombie, or still running) was not reaped by it.
"""

from __future__ import annotations

import ctypes
import os
import signal
import time
from dataclasses import dataclass, field

from harness import procfs
from harness.timing import Deadline

# <sys/ptrace.h>, x86_64
PTRACE_TRACEME = 0
PTRACE_CONT = 7
PTRACE_DETACH = 17
PTRACE_SETOPTIONS = 0x4200
PTRACE_GETEVENTMSG = 0x4201
PTRACE_GETSIGINFO = 0x4202
PTRACE_SEIZE = 0x4206

PTRACE_O_TRACEFORK = 0x02
PTRACE_O_TRACEVFORK = 0x04
PTRACE_O_TRACECLONE = 0x08
PTRACE_O_TRACEEXEC = 0x10
PTRACE_O_TRACEEXIT = 0x40
PTRACE_O_EXITKILL = 0x100000

PTRACE_EVENT_FORK = 1
PTRACE_EVENT_VFORK = 2
PTRACE_EVENT_CLONE = 3
PTRACE_EVENT_EXEC = 4
PTRACE_EVENT_EXIT = 6
PTRACE_EVENT_STOP = 0x80

WALL = 0x40000000  # __WALL: threads and clone children too

OPTIONS = (PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC
           | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL)
STOP_SIGNALS = {signal.SIGSTOP, signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU}

_libc = ctypes.CDLL(None, use_errno=True)
_ptrace = _libc.ptrace
_ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
_ptrace.restype = ctypes.c_long


def _call(request: int, pid: int, addr=None, data=None) -> int:
    ctypes.set_errno(0)
    result = _ptrace(request, pid, addr, data)
    if result == -1:
        err = ctypes.get_errno()
        if err:
            raise OSError(err, f"ptrace({request:#x}, {pid}): {os.strerror(err)}")
    return result


def traceme() -> None:
    """In a child between fork and exec: be traced by the parent (stop at exec)."""
    _call(PTRACE_TRACEME, 0)


def seize(pid: int) -> None:
    """Trace a running process from this thread on (it is not stopped)."""
    _call(PTRACE_SEIZE, pid, None, OPTIONS)


def _event_message(pid: int) -> int:
    value = ctypes.c_ulong(0)
    _call(PTRACE_GETEVENTMSG, pid, None, ctypes.addressof(value))
    return value.value


def _is_group_stop(pid: int) -> bool:
    """A stop signal's stop without a pending siginfo is a group-stop, not a delivery."""
    buf = ctypes.create_string_buffer(128)
    try:
        _call(PTRACE_GETSIGINFO, pid, None, ctypes.addressof(buf))
    except OSError:
        return True
    return False


def _cont(pid: int, sig: int = 0) -> None:
    try:
        _call(PTRACE_CONT, pid, None, sig)
    except ProcessLookupError:
        pass  # killed meanwhile (SIGKILL needs no tracer): its exit comes next


def _stat(pid: int) -> tuple[str, int] | None:
    """(state letter, ppid) from /proc/PID/stat, or None if there is no such process."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return fields[0], int(fields[1])
    except (OSError, IndexError, ValueError):
        return None


def _tgid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("Tgid:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


@dataclass
class ProcessLog:
    """What the tracer saw of one program's tree."""

    main: int | None = None
    parent: dict[int, int] = field(default_factory=dict)       # child pid -> parent pid
    exit_code: dict[int, int] = field(default_factory=dict)    # pid -> exit status
    killed_by: dict[int, int] = field(default_factory=dict)    # pid -> signal number
    unreaped: dict[int, list[int]] = field(default_factory=dict)  # pid -> its children left at its exit
    inner: dict[int, int] = field(default_factory=dict)        # pid -> as its PID namespace numbers it
    status: int | None = None         # the main process's, as Popen reports it (-N: signal N)
    timed_out: bool = False           # still running at the deadline: the tree was killed
    where: str = ""                   # what the main process was blocked in at the deadline

    def host_pid(self, printed: int) -> int:
        """The pid of a traced process the program printed in its own numbering."""
        return next((host for host, inner in self.inner.items() if inner == printed), printed)

    def children_of(self, pid: int) -> list[int]:
        return [c for c, p in self.parent.items() if p == pid]

    def reaped(self, child: int) -> bool:
        """The child was gone (waited for) when its parent exited."""
        parent = self.parent.get(child)
        return parent in self.unreaped and child not in self.unreaped[parent]


def _blocked_where(pid: int) -> str:
    name, args = procfs.blocked_call(pid)
    if name == "read" and args[:1] == [0]:
        return "read() from stdin: waiting for input"
    return f"{name}() [{procfs.wchan(pid)}]"


def trace(main: int, deadline: Deadline, *, seized: bool = False,
          after_main: float = 1.0) -> ProcessLog:
    """Trace ``main`` (stopped at exec by :func:`traceme`, or seized) and its tree.

    Returns once the main process's exit is collected; other tracees still alive then
    get ``after_main`` (scaled) seconds to end, then are detached.  At the deadline,
    every tracee is killed (``timed_out``).
    """
    log = ProcessLog(main=main)
    tracees: set[int] = {main}
    threads: set[int] = set()
    fresh: set[int] = set() if seized else {main}  # initial stop still to come (not a signal)
    options_set = seized
    killing: Deadline | None = None   # the deadline passed: every tracee was sent SIGKILL
    grace: Deadline | None = None     # the main process ended: the others may end meanwhile
    stopping: Deadline | None = None  # grace over: SIGSTOP sent to detach the survivors
    delay = 0.0002
    while tracees:
        progressed = False
        for pid in sorted(tracees):
            try:
                wpid, status = os.waitpid(pid, WALL | os.WNOHANG)
            except ChildProcessError:
                tracees.discard(pid)  # not ours any more (detached, or collected elsewhere)
                continue
            if wpid == 0:
                continue
            progressed = True
            if os.WIFEXITED(status) or os.WIFSIGNALED(status):
                tracees.discard(pid)
                fresh.discard(pid)
                if pid not in threads:
                    if os.WIFEXITED(status):
                        log.exit_code[pid] = os.WEXITSTATUS(status)
                    else:
                        log.killed_by[pid] = os.WTERMSIG(status)
                if pid == main:
                    log.status = (os.WEXITSTATUS(status) if os.WIFEXITED(status)
                                  else -os.WTERMSIG(status))
                continue
            if not os.WIFSTOPPED(status):
                continue
            sig, event = os.WSTOPSIG(status), status >> 16
            if stopping is not None and sig == signal.SIGSTOP and event == 0:
                try:
                    _call(PTRACE_DETACH, pid, None, 0)  # swallows our SIGSTOP: it runs on
                except OSError:
                    pass
                tracees.discard(pid)
                continue
            if pid in fresh and event == 0 and sig in (signal.SIGTRAP, signal.SIGSTOP):
                fresh.discard(pid)  # post-exec SIGTRAP (main) / attach SIGSTOP (children)
                if not options_set:
                    _call(PTRACE_SETOPTIONS, pid, None, OPTIONS)
                    options_set = True
                _cont(pid)
                continue
            if event in (PTRACE_EVENT_FORK, PTRACE_EVENT_VFORK, PTRACE_EVENT_CLONE):
                child = _event_message(pid)
                tracees.add(child)
                if not seized:
                    fresh.add(child)
                if event == PTRACE_EVENT_CLONE and _tgid(child) not in (None, child):
                    threads.add(child)
                else:
                    log.parent[child] = _tgid(pid) or pid
                    log.inner[child] = procfs.inner_pid(child) or child  # readable while it lives
                _cont(pid)
                continue
            if event == PTRACE_EVENT_EXIT:
                if pid not in threads:
                    log.unreaped[pid] = [c for c in log.children_of(pid)
                                         if (_stat(c) or ("", 0))[1] == pid]
                _cont(pid)
                continue
            if event == PTRACE_EVENT_STOP:   # seized: initial stop of a child, or group-stop
                fresh.discard(pid)
                _cont(pid)
                continue
            if event:                        # exec and other event stops: nothing to deliver
                _cont(pid)
                continue
            if sig in STOP_SIGNALS and _is_group_stop(pid):
                _cont(pid)
                continue
            _cont(pid, sig)                  # a real signal: deliver it
        if log.status is None:
            if killing is None and deadline.passed():
                log.timed_out = True
                log.where = _blocked_where(main)
                killing = Deadline(5)
                for pid in tracees:
                    _tgkill(pid, signal.SIGKILL)
        elif not tracees:
            break
        elif killing is None and grace is None:
            grace = Deadline(after_main)     # the main process ended: let the others end too
        elif grace is not None and stopping is None and grace.passed():
            stopping = Deadline(1)           # still there: stop each, detach it at that stop
            for pid in tracees:
                _tgkill(pid, signal.SIGSTOP)
        if (killing or stopping) is not None and (killing or stopping).passed():
            break                            # teardown kills what is left
        if progressed:
            delay = 0.0002
        else:
            time.sleep(delay)
            delay = min(delay * 2, 0.005)
    return log


def _tgkill(tid: int, sig: int) -> None:
    tgid = _tgid(tid) or tid
    try:
        if _libc.tgkill(tgid, tid, sig) != 0:
            os.kill(tid, sig)
    except (AttributeError, ProcessLookupError):
        try:
            os.kill(tid, sig)
        except ProcessLookupError:
            pass

