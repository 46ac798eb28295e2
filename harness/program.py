"""A student program under test: launched, fenced, drained, observed, torn down.

``Program`` is the grader's handle on one launched lab program.  It is started directly
(``PYTHON FILE ARGS``, never a shell or a shim; see ``harness.interpreter``) in its own
session, with an explicit environment, default signal dispositions and resource limits;
its output is drained into capped buffers; its whole process tree is tracked so that
teardown leaves nothing behind, and reports what it had to kill.
"""

from __future__ import annotations

import os
import re
import resource
import time
from dataclasses import dataclass, field

import psutil

from harness import containment, procfs
from harness.capture import CappedStream, Line
from harness.feedback import Output, fail
from harness.processes import LAUNCHED, HostProcess
from harness.quoting import visible
from harness.timing import Deadline, scaled, wait_until


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 30
    memory_bytes: int = 1 << 30
    open_files: int = 1024
    file_size: int = 64 << 20
    processes: int = 64

    def apply_rlimits(self, nproc: int | None) -> None:
        """Runs in the child between fork and exec."""
        for which, value in ((resource.RLIMIT_CPU, self.cpu_seconds),
                             (resource.RLIMIT_AS, self.memory_bytes),
                             (resource.RLIMIT_NOFILE, self.open_files),
                             (resource.RLIMIT_FSIZE, self.file_size),
                             (resource.RLIMIT_CORE, 0)):
            resource.setrlimit(which, (value, value))
        if nproc is not None:
            resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))


def base_environment(home: str, path: str | None = None) -> dict[str, str]:
    """Explicit, never inherited: a harness run with PYTHONUNBUFFERED set must not hide a bug.

    ``path``: the program's own PATH where it runs in a world of its own (sandbox, container)."""
    return {
        "PATH": path or os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
    }


@dataclass
class Leftover:
    pid: int
    command: str

    def __str__(self) -> str:
        return f"{self.pid} ({self.command})"


@dataclass
class Program:
    argv: list[str]
    cwd: str
    label: str                      # what the student knows it as: "echo_server.py 20123"
    limits: Limits = field(default_factory=Limits)
    env: dict[str, str] | None = None
    traced: bool = False            # stop at exec, traced by the starting thread (harness.ptrace)

    process: HostProcess | None = None   # how its process is started (harness.processes)

    def __post_init__(self):
        self.stdout = CappedStream("stdout")
        self.stderr = CappedStream("stderr")
        self._cursor = 0
        if self.process is None:
            self.process = HostProcess()
        self.watch = None
        self.killed: list[Leftover] = []   # what teardown had to kill
        self.started_at = 0.0
        self.returncode: int | None = None
        self.inner_pids: dict[int, int] = {}     # host pid -> pid in the program's namespace
        self._last_idle_look: tuple | None = None

    def environment(self) -> dict[str, str]:
        return self.env if self.env is not None else base_environment(self.cwd)

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> "Program":
        containment.become_subreaper()
        out, err = self.process.start(self)
        self.started_at = time.monotonic()
        self.stdout.drain(out)
        self.stderr.drain(err)
        if self.cgroup is None:
            self.watch = containment.TreeWatch(self.pid, self.limits.processes)
        return self

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def cgroup(self):
        return self.process.cgroup

    @property
    def launcher_pids(self) -> set[int]:
        return self.process.launcher_pids

    @property
    def seized(self) -> bool:
        return self.process.seized

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self.process.poll()
        return self.returncode

    def alive(self) -> bool:
        return self.poll() is None

    def wait_exit(self, timeout: float, *, idle_is_final: bool = False) -> int | None:
        """The exit status (negative: killed by that signal), or None if still running.

        ``idle_is_final``: give up early once the program waits for input that will never
        come (it will not end by itself then).
        """
        if not idle_is_final:
            if self.returncode is None:
                self.returncode = self.process.wait(scaled(timeout))
            return self.returncode
        ended = wait_until(lambda: self.poll() is not None or self.waiting_for_input(), timeout)
        return self.poll() if ended else None

    def traced_exit(self, status: int) -> None:
        """The tracer (harness.ptrace) collected the exit: it is the program's status."""
        self.process.traced_exit(status)
        self.returncode = status

    # -- standard streams ------------------------------------------------------------
    def write(self, data: bytes) -> None:
        self.process.write(data)

    def send_line(self, line: str) -> None:
        self.write(line.encode() + b"\n")

    def close_stdin(self) -> None:
        self.process.close_stdin()

    def output_tail(self, chars: int = 2000) -> str:
        out = self.stdout.text(chars)
        err = self.stderr.text(chars)
        parts = []
        for name, stream, shown in (("stdout", self.stdout, out), ("stderr", self.stderr, err)):
            if shown.strip():
                size = f" ({stream.total} bytes; head and tail kept)" if stream.truncated else ""
                parts.append(f"{name}{size}:\n{shown}")
        tail = Output("\n".join(parts))
        limit = self.process.out_of_memory() if not self.alive() else None
        return tail.noted("harness.out_of_memory", limit=limit) if limit else tail

    def find_line(self, pattern: str, stream: str = "stdout", start: int = 0):
        """(index, match) of the first line from ``start`` that matches, else None."""
        lines = getattr(self, stream).lines
        rx = re.compile(pattern, re.IGNORECASE)
        for i in range(start, len(lines)):
            m = rx.search(lines[i].text)
            if m:
                return i, m
        return None

    def waiting_for_input(self) -> bool:
        """Blocked reading its stdin with all its output drained: it will print nothing more.

        Judged on two successive looks that agree (callers poll): a reader woken by the
        line just written is still "in read(0)" with an empty pipe for a moment (the data is
        copied, the call not yet returned); by the next look it is running, or its count
        of completed reads has moved on.
        """
        seen = self._idle_look()
        confirmed = seen is not None and seen == self._last_idle_look
        self._last_idle_look = seen
        return confirmed

    def _idle_look(self) -> tuple | None:
        """What an idle program looks like now (its reads so far, its output so far), or None."""
        if not self.process.stdin_open() or not self.alive():
            return None
        name, args = procfs.blocked_call(self.pid)
        if not (name == "read" and args[:1] == [0] and procfs.sleeping(self.pid)
                and self.stdout.unread() == 0 and self.process.stdin_unread() == 0):
            return None
        return procfs.reads_done(self.pid), self.stdout.total

    def expect_line(self, pattern: str, timeout: float = 5, *, describe: str | None = None,
                    stream: str = "stdout") -> re.Match:
        """Wait for the next line (after the last one matched) that matches ``pattern``.

        Stops early when the program is waiting for input: then the unfinished last line
        (text printed without a newline) is matched too, so a line cut short is judged at
        once instead of after the deadline.
        """
        buf = getattr(self, stream)
        rx = re.compile(pattern, re.IGNORECASE)

        def seen():
            return self.find_line(pattern, stream, self._cursor) or (
                stream == "stdout" and self.waiting_for_input() and "idle")
        found = buf.wait(seen, scaled(timeout))
        if found in ("idle", None, False) or not found:
            found = self.find_line(pattern, stream, self._cursor)  # it may have closed with it
        if not found:
            partial = rx.search(buf.pending())
            if partial:
                return partial
            key = "output.line_missing_exited" if not self.alive() else "output.line_missing"
            raise fail(key, program=self.label, expected=describe or pattern,
                       seconds=timeout, status=self.returncode, output=self.output_tail())
        index, match = found
        self._cursor = index + 1
        return match

    def lines_matching(self, pattern: str, stream: str = "stdout") -> list[tuple[Line, re.Match]]:
        rx = re.compile(pattern, re.IGNORECASE)
        out = []
        for line in list(getattr(self, stream).lines):
            out.extend((line, m) for m in rx.finditer(line.text))
        return out

    def expect_exit(self, timeout: float = 5, codes=(0,)) -> int:
        """Wait for the program to end; its status must be one of ``codes``."""
        status = self.wait_exit(timeout, idle_is_final=True)
        if status is None:
            raise fail("exit.still_running", program=self.label, seconds=timeout,
                       where=self.blocked_where(), output=self.output_tail())
        if codes is not None and status not in codes:
            raise fail("exit.wrong_status", program=self.label, status=status,
                       expected_status=" or ".join(map(str, codes)), output=self.output_tail())
        self.stdout.join(scaled(1))
        self.stderr.join(scaled(1))
        return status

    def expect_no_traceback(self) -> None:
        err = self.stderr.text()
        if "Traceback (most recent call last)" in err:
            raise fail("output.traceback", program=self.label, output=self.stderr.text(3000))

    # -- signals ---------------------------------------------------------------------
    def signal(self, sig: int) -> None:
        """To the program's pid only, like ``kill PID`` (never to its group)."""
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    # -- observation -----------------------------------------------------------------
    def processes(self) -> list[psutil.Process]:
        """Every live member of the program's tree, orphans and daemons included."""
        pids: set[int] = set()
        if self.cgroup is not None:  # the kernel's own list: nothing escapes it
            pids.update(self.cgroup.pids())
        if self.watch is not None:
            pids.update(p.pid for p in self.watch.members())
        if self.cgroup is None and self.alive():
            try:
                root = psutil.Process(self.pid)
                pids.add(self.pid)
                pids.update(c.pid for c in root.children(recursive=True))
            except psutil.Error:
                pass
        procs = []
        for pid in sorted(pids - self.launcher_pids):
            try:
                procs.append(psutil.Process(pid))
            except psutil.Error:
                continue
        self._remember(p.pid for p in procs)
        return procs

    def children(self) -> list[psutil.Process]:
        """Direct children of the program's main process (zombies included)."""
        try:
            found = psutil.Process(self.pid).children()
        except psutil.Error:
            return []
        self._remember(p.pid for p in found)
        return found

    # -- pids as the program sees them (a PID namespace numbers them its own way) -----
    def _remember(self, pids) -> None:
        for pid in pids:
            if pid not in self.inner_pids:
                inner = procfs.inner_pid(pid)
                if inner is not None:
                    self.inner_pids[pid] = inner

    def host_pid(self, printed: int) -> int:
        """The host pid of a process the program names by ``printed`` (its own numbering).

        Known for every process of the tree socklab has looked at while it lived (a pid
        namespace's numbers can be read only then); otherwise ``printed`` itself.
        """
        self._remember([self.pid])
        for host, inner in self.inner_pids.items():
            if inner == printed:
                return host
        return printed

    def zombies(self) -> list[int]:
        """Pids of direct children that have exited and not been reaped."""
        out = []
        for child in self.children():
            try:
                if child.status() == psutil.STATUS_ZOMBIE:
                    out.append(child.pid)
            except psutil.NoSuchProcess:
                continue
        return out

    def survivors(self) -> list[psutil.Process]:
        """Members still running (not zombies) other than the main process."""
        out = []
        for p in self.processes():
            try:
                if p.pid != self.pid and p.status() != psutil.STATUS_ZOMBIE:
                    out.append(p)
            except psutil.Error:
                continue
        return out

    def fd_count(self) -> int:
        return procfs.fd_count(self.pid)

    def cpu_seconds(self) -> float:
        try:
            t = psutil.Process(self.pid).cpu_times()
            return t.user + t.system
        except psutil.Error:
            return 0.0

    def blocked_where(self) -> str:
        if not self.alive():
            return "exited"
        name, args = procfs.blocked_call(self.pid)
        if name == "read" and args[:1] == [0]:
            return "read() from stdin: waiting for input"
        return f"{name}() [{procfs.wchan(self.pid)}]"

    def fork_limit_hit(self) -> bool:
        if self.cgroup is not None:
            return self.cgroup.fork_refusals() > 0
        return bool(self.watch and self.watch.exceeded)

    # -- teardown --------------------------------------------------------------------
    def kill_all(self) -> list[Leftover]:
        """SIGKILL every member until none is left; reap; return what was still running."""
        deadline = Deadline(5)
        members = [p for p in self.processes() if _running(p)]
        # the main process of a server is expected to run until stopped: not a leftover
        self.killed.extend(Leftover(p.pid, _describe(p)) for p in members if p.pid != self.pid)
        if members and self.process.freezer is not None:
            self.process.freezer.kill_all()  # frozen: nothing forks, exits or moves while it is killed
        while members:
            self._kill(members)
            if deadline.passed():
                break
            wait_until(lambda ms=members: not any(_running(p) for p in ms), 0.5,
                       first=0.0005, cap=0.01)  # SIGKILL takes effect in microseconds
            members = [p for p in self.processes() if _running(p)]
        if self.cgroup is not None:  # the launcher's own processes, if any are left
            containment.kill_pids(self.cgroup.pids())
        self._collect_exit()
        if self.watch is not None:
            self.watch.stop()
        if self.cgroup is not None:  # a zombie stays listed until reaped: reap what comes to us
            wait_until(lambda: reap_strays() >= 0 and not self.cgroup.pids(), 2, first=0.0005, cap=0.005)
            self.cgroup.remove()
        if self.process.freezer is not None:
            self.process.freezer.remove()
        self.stdout.join(scaled(2))
        self.stderr.join(scaled(2))
        return self.killed

    def _kill(self, members: list[psutil.Process]) -> None:
        """One round of teardown: SIGKILL to every member and to the session's group."""
        containment.kill_pids([p.pid for p in members])
        self.process.kill_group()
        self._reap_orphans(members)

    def _collect_exit(self) -> None:
        """After teardown: the main process's status, and no zombie left with us."""
        status = self.process.collect()
        if self.returncode is None:
            self.returncode = status
        reap_strays()

    def _reap_orphans(self, procs) -> None:
        """Orphans re-parent to us (subreaper): collect their exit so no zombie remains."""
        me = os.getpid()
        for p in procs:
            if p.pid == self.pid:
                continue
            try:
                if p.ppid() == me:
                    os.waitpid(p.pid, os.WNOHANG)
            except (psutil.Error, ChildProcessError, OSError):
                continue


def reap_strays() -> int:
    """Collect exited orphans that re-parented to us; never a pid a Popen still owns."""
    reaped = 0
    for child in psutil.Process().children():
        if child.pid in LAUNCHED:
            continue
        try:
            if child.status() == psutil.STATUS_ZOMBIE:
                os.waitpid(child.pid, os.WNOHANG)
                reaped += 1
        except (psutil.Error, ChildProcessError, OSError):
            continue
    return reaped


def _running(p: psutil.Process) -> bool:
    try:
        return p.is_running() and p.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _describe(p: psutil.Process) -> str:
    """A process named in a note, on one line: its command line is the student's to choose."""
    try:
        words = [os.path.basename(a) if i == 0 else a for i, a in enumerate(p.cmdline()[:4])]
        shown = " ".join(words) or p.name()
    except psutil.Error:
        return "?"
    return visible(shown).replace("\n", "\\n")[:1000]
