"""How a lab program's process is started, reached and collected: the handle a Program holds.

A :class:`harness.program.Program` is what the checks see (streams, expectations, the
process tree, teardown); *how* its process comes to exist is a handle it composes:

* :class:`HostProcess`: ``Popen`` of the command on this machine (``pytest labs``, and
  ``--trust-submissions``);
* ``harness.sandbox.SandboxedProcess``: the same, wrapped in bubblewrap as a user of the run;
* ``harness.docker_backend.ExecProcess``: ``docker exec`` in the submission's container.

Every handle gives the program's *host* pid, its exit status as ``Popen`` reports it
(``-N``: killed by signal N), its stdin, two descriptors to drain, and its fence (a
``pids`` cgroup when it can make one).
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import termios

from harness import containment, netns, ptrace
from harness.feedback import HarnessError
from harness.freezer import Freezer
from harness.timing import wait_until

# Signals a harness may have inherited as ignored or caught (a CI shell's background job
# ignores SIGINT); the student's program must start with the defaults.
RESET_SIGNALS = [s for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT, signal.SIGHUP,
                             signal.SIGCHLD, signal.SIGALRM, signal.SIGUSR1, signal.SIGUSR2,
                             signal.SIGPIPE, signal.SIGXFSZ, signal.SIGTSTP, signal.SIGTTIN,
                             signal.SIGTTOU)]

LAUNCHED: set[int] = set()  # pids whose exit a Popen object will collect (never reaped as strays)


class HostProcess:
    """The program as a child process of the grader (``Popen``), in a fence of its own."""

    infrastructure_processes = 0   # processes of the launcher itself, inside the fence
    traced_from_exec = True        # traced: the child asks to be traced (PTRACE_TRACEME)

    def __init__(self):
        self.popen: subprocess.Popen | None = None
        self.launcher_pids: set[int] = set()
        self.seized = False        # traced by PTRACE_SEIZE (not from exec)
        self.cgroup = None
        self.freezer: Freezer | None = None

    # -- what a wrapping launcher changes --------------------------------------------------
    def command(self, argv: list[str]) -> tuple[list[str], tuple[int, ...]]:
        """(argv to execute, descriptors it inherits)."""
        return argv, ()

    def joins(self) -> list[tuple[str, bytes]]:
        """Further (file, value) writes of the child before exec: other cgroups to join."""
        return []

    def network(self) -> int | None:
        """A network namespace descriptor the child enters before exec, or None."""
        return None

    def spawned(self, program) -> None:
        """Right after the launcher started: find the program (a wrapper may wait here)."""

    def exit_status(self, code: int | None) -> int | None:
        """The launcher's exit status as the program's (a wrapper maps its convention)."""
        return code

    def out_of_memory(self) -> int | None:
        """The memory limit in MiB if the kernel killed a process of the program for memory."""
        return None

    # -- starting --------------------------------------------------------------------------
    def start(self, program) -> tuple[int, int]:
        """Start ``program``'s command; returns (stdout, stderr) descriptors to drain."""
        limits = program.limits
        self.cgroup = containment.make_cgroup(limits.processes + self.infrastructure_processes)
        self.freezer = Freezer.make() if self.cgroup else None
        nproc = None
        if self.cgroup is None and os.geteuid() != 0:
            nproc = containment.user_task_count() + limits.processes
        joins = ([(self.cgroup.join_path, self.cgroup.join_value)] if self.cgroup else []) + self.joins()
        if self.freezer:
            joins.append((self.freezer.join_path, b"0"))
        network = self.network()
        traceme = ptrace.traceme if program.traced and self.traced_from_exec else None

        def in_child():  # between fork and exec: keep it to plain system calls
            for path, value in joins:
                fd = os.open(path, os.O_WRONLY)
                os.write(fd, value or str(os.getpid()).encode())
                os.close(fd)
            if network is not None:
                netns.setns(network)
            for sig in RESET_SIGNALS:
                signal.signal(sig, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            limits.apply_rlimits(nproc)
            if traceme:
                traceme()

        argv, inherited = self.command(program.argv)
        try:
            self.popen = subprocess.Popen(
                argv, cwd=program.cwd, env=program.environment(), stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                preexec_fn=in_child, close_fds=True, pass_fds=inherited)
        except (FileNotFoundError, PermissionError, subprocess.SubprocessError) as exc:
            if self.cgroup:
                self.cgroup.remove()
            if self.freezer:
                self.freezer.remove()
            raise HarnessError("harness.cannot_launch", command=" ".join(program.argv),
                               error=str(exc)) from exc
        LAUNCHED.add(self.popen.pid)
        out, err = os.dup(self.popen.stdout.fileno()), os.dup(self.popen.stderr.fileno())
        self.popen.stdout.close()
        self.popen.stderr.close()
        self.spawned(program)
        return out, err

    @property
    def pid(self) -> int:
        return self.popen.pid

    # -- its end ---------------------------------------------------------------------------
    def poll(self) -> int | None:
        return self.exit_status(self.popen.poll()) if self.popen is not None else None

    def wait(self, timeout: float) -> int | None:
        try:
            return self.exit_status(self.popen.wait(timeout))
        except subprocess.TimeoutExpired:
            return None

    def traced_exit(self, status: int) -> None:
        """The tracer collected the program's exit: tell Popen, or its wait() meets ECHILD."""
        if self.popen is not None and self.popen.pid == self.pid:
            self.popen.returncode = status

    def kill_group(self) -> None:
        """Teardown: SIGKILL the session's process group too (the program leads it)."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def collect(self) -> int | None:
        """After teardown: the launcher's exit collected; the program's status."""
        if self.popen is None:
            return None
        code = self.popen.returncode if self.popen.returncode is not None else self.popen.wait()
        self.close_stdin()
        LAUNCHED.discard(self.popen.pid)
        return self.exit_status(code)

    # -- its stdin -------------------------------------------------------------------------
    def write(self, data: bytes) -> None:
        try:
            self.popen.stdin.write(data)
            self.popen.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass  # the program closed its stdin or exited: the next expectation says so

    def close_stdin(self) -> None:
        try:
            self.popen.stdin.close()
        except (BrokenPipeError, OSError):
            pass

    def stdin_open(self) -> bool:
        return self.popen is not None and not self.popen.stdin.closed

    def stdin_unread(self) -> int:
        """Bytes written into its stdin and not read yet (FIONREAD)."""
        return pipe_unread(self.popen.stdin.fileno()) if self.stdin_open() else 0


def seize_when_ready(pid: int, program, ready) -> None:
    """Attach the tracer (this thread) to ``pid`` once ``ready()``: the launcher's wrapper
    waits, before it ``exec``s the program, so nothing is forked or exec'd untraced."""
    wait_until(ready, 10)
    try:
        ptrace.seize(pid)
    except OSError as exc:
        raise HarnessError("harness.cannot_launch", command=" ".join(program.argv),
                           error=f"ptrace: {exc}") from exc


def pipe_unread(fd: int) -> int:
    try:
        return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
    except (OSError, ValueError):
        return 0
