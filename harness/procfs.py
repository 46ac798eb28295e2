"""What a process holds, read from ``/proc`` of the machine.

Sockets are listed by the kernel over netlink (``harness.sockdiag``) or read from
``/proc/<pid>/net/{tcp,tcp6,udp,udp6}``, in the process's own network namespace, and
matched to the inodes in ``/proc/<pid>/fd``; psutil's ``net_connections`` reads the
caller's namespace (slowly, from /proc) and would see nothing of a containerised program.
"""

from __future__ import annotations

import os
import socket
import struct
from dataclasses import dataclass

from harness import sockdiag

TCP_STATES = {
    "01": "ESTABLISHED", "02": "SYN_SENT", "03": "SYN_RECV", "04": "FIN_WAIT1",
    "05": "FIN_WAIT2", "06": "TIME_WAIT", "07": "CLOSE", "08": "CLOSE_WAIT",
    "09": "LAST_ACK", "0A": "LISTEN", "0B": "CLOSING",
}


@dataclass(frozen=True)
class SocketRow:
    proto: str          # tcp, tcp6, udp, udp6
    local: tuple[str, int]
    remote: tuple[str, int]
    state: str          # TCP state name; for UDP "UNCONN" (07) or "ESTABLISHED"
    inode: int
    rx_queue: int
    tx_queue: int


def _addr(hexaddr: str) -> tuple[str, int]:
    host, port = hexaddr.split(":")
    raw = bytes.fromhex(host)
    if len(raw) == 4:
        ip = socket.inet_ntop(socket.AF_INET, raw[::-1])
    else:  # four little-endian 32-bit words
        words = struct.unpack("<4I", raw)
        ip = socket.inet_ntop(socket.AF_INET6, struct.pack(">4I", *words))
    return ip, int(port, 16)


def socket_rows(pid: int, protos=("tcp", "tcp6", "udp", "udp6"), states=None) -> list[SocketRow]:
    """The socket table of ``pid``'s network namespace; ``states`` (hex codes like "0A")
    keeps only those rows.  Asked over netlink (``harness.sockdiag``), else read from
    ``/proc/<pid>/net/<proto>``."""
    rows: list[SocketRow] = []
    for proto in protos:
        entries = None
        if proto not in _NETLINK_REFUSED:
            try:
                entries = sockdiag.dump(pid, proto, states)
            except sockdiag.Unavailable:
                _NETLINK_REFUSED.add(proto)
        if entries is None:
            entries = _proc_entries(pid, proto, states)
        for local, remote, state, inode, rx, tx in entries:
            name = TCP_STATES.get(state, state)
            if proto.startswith("udp"):
                name = "ESTABLISHED" if state == "01" else "UNCONN"
            rows.append(SocketRow(proto, local, remote, name, inode, rx, tx))
    return rows


_NETLINK_REFUSED: set[str] = set()


def _proc_entries(pid: int, proto: str, states) -> list[tuple]:
    """As ``sockdiag.dump``, from ``/proc``; rows of other states are not parsed."""
    entries = []
    try:
        with open(f"/proc/{pid}/net/{proto}") as fh:
            next(fh, None)
            for line in fh:
                f = line.split(None, 10)
                if states is not None and f[3] not in states:
                    continue
                tx, rx = (int(x, 16) for x in f[4].split(":"))
                entries.append((_addr(f[1]), _addr(f[2]), f[3], int(f[9]), rx, tx))
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return entries


def fd_targets(pid: int) -> dict[int, str]:
    """fd number -> readlink target (``socket:[123]``, ``pipe:[45]``, a path)."""
    out: dict[int, str] = {}
    try:
        names = os.listdir(f"/proc/{pid}/fd")
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return out
    for name in names:
        try:
            out[int(name)] = os.readlink(f"/proc/{pid}/fd/{name}")
        except OSError:
            continue
    return out


def socket_inodes(pid: int) -> set[int]:
    return {int(t[8:-1]) for t in fd_targets(pid).values() if t.startswith("socket:[")}


def owned_sockets(pid: int, protos=("tcp", "tcp6", "udp", "udp6"), states=None) -> list[SocketRow]:
    """The socket rows whose inode is one of this process's descriptors."""
    inodes = socket_inodes(pid)
    if not inodes:
        return []
    return [r for r in socket_rows(pid, protos, states) if r.inode in inodes]


def tree_sockets(pids, protos=("tcp", "tcp6", "udp", "udp6"), states=None) -> list[SocketRow]:
    """Rows held by any of ``pids`` (one network namespace): the table is read once."""
    inodes: set[int] = set()
    reader = None
    for pid in pids:
        mine = socket_inodes(pid)
        if mine:
            inodes |= mine
            reader = reader or pid
    if reader is None:
        return []
    return [r for r in socket_rows(reader, protos, states) if r.inode in inodes]


def fd_count(pid: int) -> int:
    return len(fd_targets(pid))


def fd_flags(pid: int, fd: int) -> int | None:
    try:
        with open(f"/proc/{pid}/fdinfo/{fd}") as fh:
            for line in fh:
                if line.startswith("flags:"):
                    return int(line.split()[1], 8)
    except OSError:
        return None
    return None


def wchan(pid: int) -> str:
    """Where in the kernel a process sleeps (``inet_csk_accept``, ``anon_pipe_read``...)."""
    try:
        with open(f"/proc/{pid}/wchan") as fh:
            return fh.read().strip() or "running"
    except OSError:
        return "?"


def signal_masks(pid: int) -> dict[str, int]:
    """SigBlk, SigIgn, SigCgt (caught) as bit masks: bit n-1 is signal n."""
    masks: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key in ("SigBlk", "SigIgn", "SigCgt", "SigPnd", "ShdPnd"):
                    masks[key] = int(value.strip(), 16)
    except OSError:
        pass
    return masks


# The system calls a lab program is usually blocked in, by number, per architecture.
_SYSCALLS = {
    "x86_64": {0: "read", 1: "write", 7: "poll", 23: "select", 34: "pause", 35: "nanosleep",
               43: "accept", 44: "sendto", 45: "recvfrom", 46: "sendmsg", 47: "recvmsg",
               61: "wait4", 202: "futex", 230: "clock_nanosleep", 232: "epoll_wait",
               247: "waitid", 270: "pselect6", 271: "ppoll", 288: "accept4", 281: "epoll_pwait"},
    "aarch64": {63: "read", 64: "write", 73: "ppoll", 72: "pselect6", 101: "nanosleep",
                115: "clock_nanosleep", 202: "accept", 206: "sendto", 207: "recvfrom",
                211: "sendmsg", 212: "recvmsg", 242: "accept4", 260: "wait4", 95: "waitid",
                98: "futex", 22: "epoll_pwait"},
}
SENDING = {"write", "sendto", "sendmsg"}


def blocked_call(pid: int) -> tuple[str, list[int]]:
    """(system call name, its arguments) a process is blocked in; ('running', []) or ('?', [])."""
    try:
        with open(f"/proc/{pid}/syscall") as fh:
            fields = fh.read().split()
    except OSError:
        return "?", []
    if not fields:
        return "?", []
    if fields[0] == "running":
        return "running", []
    table = _SYSCALLS.get(os.uname().machine, {})
    try:
        name = table.get(int(fields[0]), f"syscall {fields[0]}")
        args = [int(a, 16) for a in fields[1:7]]
    except ValueError:
        return fields[0], []
    return name, args


def blocked_in(pid: int) -> str:
    """The system call a process is blocked in ('sendto', 'accept4'...), 'running' or '?'."""
    return blocked_call(pid)[0]


def inner_pid(pid: int) -> int | None:
    """``pid`` as its own PID namespace numbers it (the last ``NSpid`` field), None if gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("NSpid:"):
                    return int(line.split()[-1])
    except (OSError, ValueError, IndexError):
        return None
    return pid


def sleeping(pid: int) -> bool:
    """In an interruptible sleep (state S): blocked, not woken and waiting for a CPU."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rpartition(")")[2].split()[0] == "S"
    except (OSError, IndexError):
        return False


def reads_done(pid: int) -> int | None:
    """How many read system calls ``pid`` has completed (``syscr`` of /proc/PID/io)."""
    try:
        with open(f"/proc/{pid}/io") as fh:
            for line in fh:
                if line.startswith("syscr:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None
