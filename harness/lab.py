"""One lab under test: where its program is, how to launch it, and what a check started.

A check receives a :class:`Lab` (the ``lab`` fixture).  Everything it launches through
it, and every port it leases, is torn down when the check ends, whatever happened.
"""

from __future__ import annotations

import os
import shlex
import signal
import tempfile
from dataclasses import dataclass, field

from harness import procfs, sockets
from harness.backends import SubprocessBackend
from harness.children import owners_of_connection
from harness.feedback import CheckFailed, HarnessError, fail
from harness.interpreter import student_python
from harness.net import Conn, connect
from harness.peers import ReferenceServer
from harness.ports import PortLease, lease_port
from harness.program import Limits, Program
from harness.timing import wait_until

DEFAULT_COMMAND = "{python} {file}"
ALL_INTERFACES = ("0.0.0.0", "::")


@dataclass
class Lab:
    id: str                          # "day2/echo_server"
    folder: str                      # where the student's dayN files are
    command: str = DEFAULT_COMMAND   # a template: {python} {file} {dir}
    limits: Limits = field(default_factory=Limits)
    backend: object = field(default_factory=SubprocessBackend)

    def __post_init__(self):
        self.programs: list[Program] = []
        self.leases: list[PortLease] = []
        self.harness_retries: list[str] = []
        self.peers: list[ReferenceServer] = []
        # a backend may ask for the scratch folders in a place its programs can reach
        self._tmp = tempfile.TemporaryDirectory(prefix="socklab-",
                                                dir=getattr(self.backend, "scratch_root", None))
        self.workdir = self._tmp.name
        # the grader's peers are made in the programs' network, for as long as this lab lives
        self.network = getattr(self.backend, "network", None)
        self._network_token = sockets.activate(self.network)

    @property
    def day(self) -> str:
        return self.id.split("/")[0]

    @property
    def filename(self) -> str:
        return self.id.split("/")[1] + ".py"

    @property
    def path(self) -> str:
        return os.path.join(self.folder, self.filename)

    @property
    def program_file(self) -> str:
        """The file the student hands in for this lab, below its day folder: ``echo_server.py``,
        or, for a launch command of the course's (``--command day2/echo_server='{dir}/echo_server'``),
        the program that command names there."""
        if "{file}" in self.command:
            return self.filename
        first = shlex.split(self.command)[0] if self.command.strip() else ""
        return os.path.relpath(first.replace("{dir}", self.folder), self.folder) \
            if first.startswith("{dir}") else os.path.basename(first)

    def exists(self) -> bool:
        """The handed-in file is there (a command naming no file of the submission: assumed)."""
        if "{file}" not in self.command and not self.command.startswith("{dir}"):
            return True
        return os.path.isfile(os.path.join(self.folder, self.program_file))

    def tmp_path(self, name: str) -> str:
        """A path in the check's own scratch folder (output files, inputs)."""
        return os.path.join(self.workdir, name)

    # -- launching -------------------------------------------------------------------
    def argv(self, *args) -> list[str]:
        words = shlex.split(self.command.format(
            python=shlex.quote(student_python()), file=shlex.quote(self.path),
            dir=shlex.quote(self.folder)))
        return words + [str(a) for a in args]

    def launch(self, *args, limits: Limits | None = None, stdin: bytes | str | None = None) -> Program:
        """Start the lab's program with ``args``; ``stdin`` (if given) is written and closed."""
        program = self.backend.program(self, [str(a) for a in args], limits or self.limits)
        self.programs.append(program)
        program.start()
        if stdin is not None:
            program.write(stdin.encode() if isinstance(stdin, str) else stdin)
            program.close_stdin()
        return program

    def lease(self) -> int:
        lease = lease_port()
        self.leases.append(lease)
        return lease.port

    def start_server(self, *args, port: int | None = None, proto: str = "tcp",
                     timeout: float = 5, retry_in_use: bool = True) -> "Server":
        """Launch ``FILE PORT *args`` and wait (without connecting) until it listens."""
        for attempt in range(3):
            chosen = port if port is not None else self.lease()
            server = Server(self, chosen, proto, self.launch(chosen, *args))
            state = server.wait_ready(timeout)
            if state == "ready":
                return server
            in_use = "Address already in use" in server.program.stderr.text()
            if state == "exited" and in_use and retry_in_use and port is None and attempt < 2:
                # the port was free when leased: someone else took it; not the student's fault
                self.harness_retries.append(f"port {chosen} taken by another process; retried")
                server.program.kill_all()
                continue
            server.explain_not_ready(state, timeout)
        raise HarnessError("harness.port_retries_exhausted")

    def reference_server(self, handler, *, connections: int = 1) -> ReferenceServer:
        """A grader-side server (for client labs), closed when the check ends."""
        peer = ReferenceServer(handler, connections=connections)
        self.peers.append(peer)
        return peer

    # -- teardown --------------------------------------------------------------------
    def teardown(self) -> list[str]:
        """Kill everything this check started; return what was left running (besides servers)."""
        leftovers = []
        for peer in self.peers:
            peer.close()
        for program in self.programs:
            leftovers.extend(str(p) for p in program.kill_all())
        for lease in self.leases:
            lease.release()
        self._tmp.cleanup()
        if self._network_token is not None:
            sockets.deactivate(self._network_token)
            self._network_token = None
        return leftovers


@dataclass
class Server:
    """A student server the grader started: its program, its port, and its sockets."""

    lab: Lab
    port: int
    proto: str
    program: Program

    def __getattr__(self, name):  # signal(), zombies(), expect_line()... of the program
        return getattr(self.program, name)

    def _tables(self):
        return (("tcp", "tcp6"), {"0A"}) if self.proto == "tcp" else (("udp", "udp6"), {"07"})

    def listening_rows(self) -> list[procfs.SocketRow]:
        """LISTEN (TCP) or bound (UDP) sockets on our port held by any process of the tree."""
        protos, states = self._tables()
        pids = [p.pid for p in self.program.processes()]
        return [r for r in procfs.tree_sockets(pids, protos, states) if r.local[1] == self.port]

    def other_listening_ports(self) -> list[int]:
        protos, states = self._tables()
        pids = [p.pid for p in self.program.processes()]
        return sorted({r.local[1] for r in procfs.tree_sockets(pids, protos, states)} - {self.port})

    def wait_ready(self, timeout: float) -> str:
        def check():
            if self.listening_rows():
                return "ready"
            if not self.program.alive():
                return "exited"
            return None
        # a poll costs ~0.1 ms (netlink), so poll often: readiness is on every check's path
        return wait_until(check, timeout, first=0.001, cap=0.005) or "timeout"

    def explain_not_ready(self, state: str, timeout: float):
        program = self.program
        if program.fork_limit_hit():
            raise fail("harness.fork_limit", program=program.label, limit=program.limits.processes,
                       output=program.output_tail())
        if state == "exited":
            raise fail("server.exited_early", program=program.label, status=program.returncode,
                       output=program.output_tail())
        others = self.other_listening_ports()
        if others:
            raise fail("server.wrong_port", program=program.label, port=self.port,
                       ports=", ".join(map(str, others)), hint="hint.port_from_argv")
        raise fail("server.never_listened", program=program.label, port=self.port,
                   seconds=timeout, where=program.blocked_where(), output=program.output_tail())

    def connect(self, host: str = "127.0.0.1", **kw) -> Conn:
        try:
            conn = connect(host, self.port, label=f"{self.program.label}", **kw)
            conn.owner = self.program
            return conn
        except CheckFailed:
            if self.program.wait_exit(0.5) is not None:  # refused because it is gone: say that
                raise fail("server.exited_while_serving", program=self.program.label,
                           status=self.program.returncode, output=self.program.output_tail()) from None
            raise

    def killed_then_restarted(self, holding: Conn, key: str) -> "Server":
        """SIGKILL the server while it holds ``holding``, then start it again on the same port.

        Its end of the connection closes first, so it waits in TIME_WAIT on the port: a
        server without SO_REUSEADDR cannot bind again, and fails with ``key``.
        """
        wait_until(lambda: owners_of_connection(self.program, holding.local_port), 5)
        self.program.signal(signal.SIGKILL)
        self.program.wait_exit(2)
        holding.close()
        try:
            return self.lab.start_server(port=self.port, retry_in_use=False)
        except CheckFailed as exc:
            raise fail(key, port=self.port, hint="hint.reuseaddr", output=exc.output) from None

    def expect_clean_exit(self, *, hint: str, left_key: str, left_hint: str | None = None,
                          **left_params) -> None:
        """Day 4's rule after SIGTERM: exit status 0 within 2 s, nothing of it left 1 s later."""
        status = self.program.wait_exit(2)
        if status is None:
            raise fail("mp4.sigterm_still_running", where=self.program.blocked_where(), hint=hint)
        if status != 0:
            raise fail("mp4.sigterm_status", status=status, output=self.program.output_tail(),
                       hint=hint)
        if not wait_until(lambda: not self.program.survivors(), 1):
            raise fail(left_key, processes=len(self.program.survivors()), hint=left_hint or hint,
                       **left_params)

    def bound_addresses(self) -> list[str]:
        return sorted({r.local[0] for r in self.listening_rows()})

    def stop(self, sig=None, timeout: float = 2):
        """Send SIGTERM (default) to the server's pid and wait for it to end."""
        self.program.signal(sig or signal.SIGTERM)
        return self.program.wait_exit(timeout)
