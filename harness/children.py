"""A forking server's children, seen from outside: who serves which connection, who holds what.

Helpers for day 3's multi-process labs.  They read ``/proc`` only (no ``psutil`` socket
calls, which see the grader's network namespace), and never wait by sleeping.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field

import psutil

from harness import procfs

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
# it, so a verdict built on polling would be luck.  strace -f (ptrace) sees every fork,
# exit and wait of the tree, in order, whatever the machine's load: the ground truth a
# check about "which pid exited with which status" needs.

_LINE = re.compile(r"^(\d+)\s+(.*)$")
_RESULT = re.compile(r"=\s*(-?\d+)(?:\s+\w+\s*\(.*\))?\s*$")


@dataclass
class ProcessLog:
    """What strace saw: forks (child -> parent), exits (pid -> code), waits (child -> reaper)."""

    main: int | None = None
    parent: dict[int, int] = field(default_factory=dict)
    exit_code: dict[int, int] = field(default_factory=dict)
    killed_by: dict[int, str] = field(default_factory=dict)
    reaped_by: dict[int, int] = field(default_factory=dict)

    def children_of(self, pid: int) -> list[int]:
        return [c for c, p in self.parent.items() if p == pid]


def strace_available() -> bool:
    return shutil.which("strace") is not None


def parse_strace(text: str) -> ProcessLog:
    log = ProcessLog()
    pending: dict[int, str] = {}
    for raw in text.splitlines():
        m = _LINE.match(raw)
        if not m:
            continue
        pid, rest = int(m.group(1)), m.group(2)
        if log.main is None:
            log.main = pid
        if rest.endswith("<unfinished ...>"):
            pending[pid] = rest[: -len("<unfinished ...>")]
            continue
        if rest.startswith("<... ") and pid in pending:
            rest = pending.pop(pid) + rest.split("resumed>", 1)[-1]
        exited = re.match(r"\+\+\+ exited with (\d+) \+\+\+", rest)
        if exited:
            log.exit_code[pid] = int(exited.group(1))
            continue
        killed = re.match(r"\+\+\+ killed by (\w+)", rest)
        if killed:
            log.killed_by[pid] = killed.group(1)
            continue
        if rest.startswith("waitid("):
            si_pid = re.search(r"si_pid=(\d+)", rest)
            if si_pid and "WNOWAIT" not in rest:
                log.reaped_by[int(si_pid.group(1))] = pid
            continue
        result = _RESULT.search(rest)
        if not result or int(result.group(1)) <= 0:
            continue
        value = int(result.group(1))
        call = rest.split("(", 1)[0]
        if call in ("clone", "clone3", "fork", "vfork") and "CLONE_THREAD" not in rest:
            log.parent[value] = pid
        elif call in ("wait4", "waitpid"):
            log.reaped_by[value] = pid
    return log


def launch_traced(lab, *args):
    """Launch the lab's program under ``strace -f``; returns (program, path of the log)."""
    from harness.program import Program, base_environment

    log_path = lab.tmp_path("process-trace.log")
    argv = ["strace", "-f", "-q", "-e", "trace=process", "-o", log_path, *lab.argv(*args)]
    program = Program(argv, cwd=lab.folder, label=" ".join([lab.filename, *map(str, args)]),
                      limits=lab.limits, env=base_environment(lab.workdir))
    lab.programs.append(program)
    program.start()
    program.close_stdin()
    return program, log_path


def read_trace(path: str) -> ProcessLog:
    try:
        with open(path) as fh:
            return parse_strace(fh.read())
    except OSError:
        return ProcessLog()
