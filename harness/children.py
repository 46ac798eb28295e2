"""A forking server's children, seen from outside: who serves which connection, who holds what.

Helpers for day 3's multi-process labs.  They read ``/proc`` only (no ``psutil`` socket
calls, which see the grader's network namespace), and never wait by sleeping.
"""

from __future__ import annotations

import psutil

from harness import procfs, ptrace
from harness.feedback import fail
from harness.timing import Deadline

TCP = ("tcp", "tcp6")


def status_of(pid: int) -> str:
    """'running' (or sleeping...), 'zombie', or 'gone'."""
    try:
        status = psutil.Process(pid).status()
    except psutil.Error:
        return "gone"
    return "zombie" if status == psutil.STATUS_ZOMBIE else status


def ended(pid: int) -> bool:
    return status_of(pid) in ("zombie", "gone")


def owners_of_connection(program, client_port: int) -> list[int]:
    """Pids in ``program``'s tree holding the server end of the connection from ``client_port``."""
    owners = []
    for proc in program.processes():
        rows = procfs.owned_sockets(proc.pid, TCP)
        if any(r.remote[1] == client_port and r.state != "LISTEN" for r in rows):
            owners.append(proc.pid)
    return owners


def listening_inodes(program, port: int) -> set[int]:
    """Inodes of the LISTEN sockets on ``port`` held by any process of the tree."""
    inodes = set()
    for proc in program.processes():
        inodes.update(r.inode for r in procfs.owned_sockets(proc.pid, TCP)
                      if r.state == "LISTEN" and r.local[1] == port)
    return inodes


def fds_holding(pid: int, inodes: set[int]) -> list[int]:
    """The descriptor numbers of ``pid`` that refer to one of the socket ``inodes``."""
    return sorted(fd for fd, target in procfs.fd_targets(pid).items()
                  if target.startswith("socket:[") and int(target[8:-1]) in inodes)


def ppid_of(pid: int) -> int | None:
    try:
        return psutil.Process(pid).ppid()
    except psutil.Error:
        return None


# -- watching short-lived children: a ptrace log ----------------------------------------
#
# A child that exits at once lives for microseconds: polling /proc or the cgroup may miss
# it, so a verdict built on polling would be luck.  harness.ptrace sees every fork and
# exit of the tree, in order, whatever the machine's load: the ground truth a check about
# "which pid exited with which status" needs.  Pure Python: no strace binary.


def trace_program(program, timeout: float):
    """Trace a program started with ``traced=True`` (by this thread) until it exits.

    Returns the :class:`harness.ptrace.ProcessLog`.  The program has ended by then (its
    ``returncode`` is set) unless the log says ``timed_out`` (it was killed then).
    """
    log = ptrace.trace(program.pid, Deadline(timeout), seized=getattr(program, "seized", False))
    if log.status is not None:
        # the tracer collected the exit: tell Popen, or its wait() would meet ECHILD
        program.traced_exit(log.status)
    return log


def run_traced(lab, *args, timeout: float = 10) -> tuple:
    """Launch the lab's program (stdin closed) traced, and trace it until it exits.

    Returns ``(program, log)`` (see :func:`trace_program`).  A program still running
    after ``timeout`` seconds is killed, and the check fails as ``expect_exit`` would.
    """
    program = lab.backend.program(lab, [str(a) for a in args], lab.limits, traced=True)
    lab.programs.append(program)
    program.start()      # stopped at exec (or seized): this thread is its tracer
    program.close_stdin()
    log = trace_program(program, timeout)
    if log.timed_out:
        raise fail("exit.still_running", program=program.label, seconds=timeout,
                   where=log.where, output=program.output_tail())
    return program, log
