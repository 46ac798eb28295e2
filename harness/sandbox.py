"""The sandbox every untrusted student program runs in on the host: bubblewrap, as another user.

One :class:`Sandbox` per grading run (one submission).  Each launch is::

    bwrap --args FD -- setpriv [uid of the run] -- bash SHIM -- PROGRAM

where FD holds bubblewrap's options: private mounts, PID/IPC/UTS namespaces.

* **Identity.** bubblewrap runs as root (to mount) without a user namespace, and
  ``setpriv`` drops the program to a uid leased for this run alone (``harness.identities``),
  with no supplementary groups, no capabilities and ``no_new_privs``.  The host sees that
  uid: a user namespace mapping the program to root outside would be no drop at all.
* **Files.** The program's root is a fresh tmpfs holding, read-only, ``/usr`` and the
  loader, a few files of ``/etc`` (hosts, resolver, passwd), the interpreter's own tree
  with every ``site-packages`` hidden under an empty tmpfs (socklab, its checks or its
  reference solutions may be installed there), and the submission at ``/submission``
  (a staged copy of the students' files only when the labs' own folders, which hold the
  checks, are graded); read-write, only the check's scratch folder (on a size-capped
  tmpfs of the run) and a private ``/tmp``.  Nothing of socklab's install, caches,
  output folders or other submissions exists in there.
* **Processes.** A PID namespace of its own: other runs' command lines are invisible.
  The program is pid 2 inside (bubblewrap's init is pid 1); the pids a lab prints are
  mapped back through ``NSpid`` by :class:`harness.program.Program`.
* **Network.** A loopback-only network namespace per run (``harness.netns``), entered in
  the pre-exec step; the grader's peers are made in it.
* **Resources.** The launch's rlimits, pids cgroup and freezer as for any program, plus one
  memory cgroup for the whole run (``memory.limit_in_bytes``, swap included where counted).
* **Exit status.** bubblewrap ends when the program does (its init may live on for the
  program's children) and reports a death by signal N as 128+N, mapped back to ``-N``: a
  program that itself exits with 129-192 is read as killed by that signal.

The shim blocks reading a pipe until the grader has found the program's host pid (and,
for a traced launch, seized it), then ``exec``s the program in place: so ``Program.pid``
is always known before the program runs, however soon it exits.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import site
import sys
import sysconfig
import uuid

from harness import identities, netns, procfs
from harness.feedback import HarnessError
from harness.hosts import hosts_text
from harness.processes import HostProcess, seize_when_ready
from harness.program import Limits, Program, base_environment
from harness.scratch import ScratchRoot, hand_over
from harness.staging import MOUNT, SubmissionMount
from harness.timing import scaled, wait_until

PATH = "/usr/local/bin:/usr/bin:/bin"
SCRATCH_BYTES = 256 << 20        # all the run's scratch folders together
TMP_BYTES = 64 << 20             # the program's own /tmp
MEMORY_BYTES = 2 << 30           # every program of the run together
ETC_FILES = ("hosts", "host.conf", "nsswitch.conf", "resolv.conf", "protocols", "services",
             "passwd", "group", "localtime", "ld.so.cache", "gai.conf")
ROOT_LINKS = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")
# fd numbers above 9 need bash (dash reads only single-digit redirections)
SHIM = 'read -r _ <&"$SOCKLAB_GO"; exec {go}<&-; unset SOCKLAB_GO; exec "$@"'


def why_unavailable() -> str | None:
    """None if this machine can sandbox student programs, else what is missing (one line)."""
    if sys.platform != "linux":
        return "the sandbox needs Linux"
    if os.geteuid() != 0:
        return "the sandbox needs root (it gives each submission a user and network of its own)"
    for tool in ("bwrap", "setpriv", "bash"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (bubblewrap: apt-get install bubblewrap)"
    return None


def base_interpreter() -> str:
    """The grader's Python itself (not a venv): its tree is what the sandbox shows."""
    return os.path.realpath(getattr(sys, "_base_executable", None) or sys.executable)


def _prefix_of(python: str) -> str:
    return os.path.dirname(os.path.dirname(python))


def _site_dirs() -> list[str]:
    """Where packages of this interpreter are installed: hidden from students."""
    dirs = set(site.getsitepackages())
    with contextlib.suppress(Exception):
        dirs.add(site.getusersitepackages())
    for key in ("purelib", "platlib"):
        with contextlib.suppress(KeyError):
            dirs.add(sysconfig.get_paths()[key])
    for base in list(dirs):
        dirs.add(base.replace("site-packages", "dist-packages"))
    dirs.update(("/usr/lib/python3/dist-packages", "/usr/local/lib/python3/dist-packages"))
    return sorted(d for d in dirs if os.path.isdir(d))


class MemoryCgroup:
    """One memory cgroup for every program of a run (cgroup v1 ``memory`` controller)."""

    ROOT = "/sys/fs/cgroup/memory"

    def __init__(self, limit: int):
        self.path = os.path.join(self.ROOT, f"socklab-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        os.mkdir(self.path)
        self._write("memory.limit_in_bytes", limit)
        with contextlib.suppress(OSError):  # counted only where swap accounting is on
            self._write("memory.memsw.limit_in_bytes", limit)
        self.join_path = os.path.join(self.path, "tasks")

    @classmethod
    def make(cls, limit: int) -> "MemoryCgroup | None":
        if not os.path.isdir(cls.ROOT) or not os.access(cls.ROOT, os.W_OK):
            return None
        try:
            return cls(limit)
        except OSError:
            return None

    def _write(self, name: str, value) -> None:
        with open(os.path.join(self.path, name), "w") as fh:
            fh.write(str(value))

    def oom_kills(self) -> int:
        with contextlib.suppress(OSError, ValueError), \
                open(os.path.join(self.path, "memory.oom_control")) as fh:
            for line in fh:
                if line.startswith("oom_kill "):
                    return int(line.split()[1])
        return 0

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            os.rmdir(self.path)


class Sandbox:
    """What one grading run's programs share: a uid, a network, a memory budget, a scratch."""

    def __init__(self, submission: str | None = None):
        problem = why_unavailable()
        if problem:
            raise HarnessError("harness.no_sandbox", reason=problem)
        self.mount = SubmissionMount(submission, "socklab-sandbox-")
        self.python = base_interpreter()
        self._hidden = _site_dirs()
        self._closed = False
        self.uid_lease = self.netns = self.memory = self.scratch = None
        try:  # what was made is given back if a later step fails
            self.uid_lease = identities.lease_uid()
            self.uid = self.uid_lease.uid
            self.netns = netns.new_loopback_namespace()
            self.memory = MemoryCgroup.make(MEMORY_BYTES)
            self.scratch = ScratchRoot("socklab-sandbox-", SCRATCH_BYTES)
        except (OSError, RuntimeError) as exc:
            self.close()
            raise HarnessError("harness.no_sandbox", reason=f"{type(exc).__name__}: {exc}") from exc
        self.scratch_root = self.scratch.path

    # -- what the program sees ---------------------------------------------------------
    def mounted(self, lab_folder: str) -> tuple[str, str]:
        """(host folder mounted at /submission, the lab folder's path inside)."""
        return self.mount.root, self.mount.inside(lab_folder)

    def argv(self, program: list[str], *, root: str, cwd: str, workdir: str, go_fd: int,
             info_fd: int, hosts: str | None = None) -> list[str]:
        """The bubblewrap command that runs ``program`` (argv inside the sandbox)."""
        args = ["bwrap", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--new-session", "--info-fd", str(info_fd), "--hostname", "sandbox",
                "--ro-bind", "/usr", "/usr"]
        for name in ROOT_LINKS:
            host = f"/{name}"
            if os.path.islink(host):
                args += ["--symlink", os.readlink(host), host]
            elif os.path.isdir(host):
                args += ["--ro-bind", host, host]
        args += ["--perms", "0755", "--dir", "/etc"]
        for name in ETC_FILES:
            if name == "hosts" and hosts:
                args += ["--ro-bind", hosts, "/etc/hosts"]
            elif os.path.exists(f"/etc/{name}"):
                args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
        made = {"/", "/usr", "/etc", "/tmp", "/proc", "/dev", MOUNT}
        prefix = _prefix_of(self.python)
        if not prefix.startswith("/usr/"):
            args += _parents(prefix, made) + ["--ro-bind", prefix, prefix]
        for hidden in self._hidden:
            args += ["--tmpfs", hidden]
        args += ["--proc", "/proc", "--dev", "/dev",
                 "--size", str(TMP_BYTES), "--perms", "1777", "--tmpfs", "/tmp",
                 "--ro-bind", root, MOUNT]
        args += _parents(workdir, made) + ["--bind", workdir, workdir]
        args += ["--chdir", cwd, "--clearenv"]
        for key, value in base_environment(workdir, path=PATH).items():
            args += ["--setenv", key, value]
        args += ["--setenv", "SOCKLAB_GO", str(go_fd), "--",
                 "setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                 "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--",
                 "/bin/bash", "--norc", "--noprofile", "-c", SHIM.replace("{go}", str(go_fd)),
                 "socklab-shim", *program]
        return args

    def entered(self):
        """Inside, the calling thread is in the run's network (``harness.sockets``)."""
        return netns.entered(self.netns)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.scratch:
            self.scratch.remove()
        self.mount.remove()
        if self.memory:
            self.memory.remove()
        if self.netns is not None:
            with contextlib.suppress(OSError):
                os.close(self.netns)
        if self.uid_lease:
            self.uid_lease.release()


def _parents(path: str, made: set[str]) -> list[str]:
    """``--dir`` for each missing parent of ``path`` (bubblewrap would make them 0700)."""
    args = []
    parts = path.strip("/").split("/")[:-1]
    current = ""
    for part in parts:
        current += "/" + part
        if current not in made:
            made.add(current)
            args += ["--perms", "0755", "--dir", current]
    return args


def read_info(fd: int, timeout: float) -> dict | None:
    """bubblewrap's ``--info-fd`` JSON (``child-pid``), or None if it ended first.

    bubblewrap may write it in pieces and keep the descriptor open: the pid is taken as
    soon as its number is complete.
    """
    import re
    import select
    chunks = b""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    while poller.poll(int(timeout * 1000)):
        data = os.read(fd, 4096)
        if not data:
            break
        chunks += data
        found = re.search(rb'"child-pid"\s*:\s*(\d+)\D', chunks)
        if found:
            return {"child-pid": int(found.group(1))}
    with contextlib.suppress(ValueError):
        return json.loads(chunks)
    return None


# -- a launch ------------------------------------------------------------------------------
class SandboxedProcess(HostProcess):
    """A lab program started by bubblewrap as the run's own user (see the module's text)."""

    infrastructure_processes = 2    # bubblewrap outside, and its init (pid 1) inside
    traced_from_exec = False        # bubblewrap is not traced: the program is seized in the shim

    def __init__(self, sandbox: Sandbox, *, root: str, inner_cwd: str, workdir: str,
                 hosts: str | None = None):
        super().__init__()
        self.sandbox = sandbox
        self._where = dict(root=root, cwd=inner_cwd, workdir=workdir, hosts=hosts)
        self._pid: int | None = None
        self._go: tuple[int, int] | None = None
        self._info: tuple[int, int] | None = None
        self._args = -1
        self._oom_before = 0

    def command(self, argv: list[str]) -> tuple[list[str], tuple[int, ...]]:
        """``bwrap --args FD``: its options come through a pipe, so the sandbox's init (pid 1,
        whose command line any program inside can read) shows no host path."""
        self._go, self._info = os.pipe(), os.pipe()
        wrapped = self.sandbox.argv(argv, go_fd=self._go[0], info_fd=self._info[1], **self._where)
        split = wrapped.index("--")  # bubblewrap's options | the command it runs
        self._args, args_write = os.pipe()
        payload = b"".join(os.fsencode(word) + b"\0" for word in wrapped[1:split])
        try:
            view = memoryview(payload)
            os.set_blocking(args_write, False)
            while view:  # a few KiB: the pipe holds it all before bubblewrap reads
                view = view[os.write(args_write, view):]
        finally:
            os.close(args_write)
        return ([wrapped[0], "--args", str(self._args), *wrapped[split:]],
                (self._go[0], self._info[1], self._args))

    def joins(self) -> list[tuple[str, bytes]]:
        memory = self.sandbox.memory
        return [(memory.join_path, b"0")] if memory else []

    def network(self) -> int | None:
        return self.sandbox.netns

    def spawned(self, program) -> None:
        go_read, go_write = self._go
        info_read, info_write = self._info
        os.close(go_read)
        os.close(info_write)
        os.close(self._args)
        memory = self.sandbox.memory
        self._oom_before = memory.oom_kills() if memory else 0
        try:
            self._pid = self._find_program(info_read, program)
            if program.traced:
                self._seize(program)
            os.write(go_write, b"go\n")
        finally:
            os.close(go_write)
            os.close(info_read)

    def _find_program(self, info_read: int, program) -> int:
        """The program's host pid: the only child of bubblewrap's init, blocked in the shim."""
        info = read_info(info_read, scaled(10)) or {}
        init = info.get("child-pid")
        if not isinstance(init, int):
            program.stderr.join(scaled(1))
            raise HarnessError("harness.cannot_launch", command=" ".join(program.argv),
                               error=f"bubblewrap did not start: {program.stderr.text(500).strip()}")
        self.launcher_pids = {self.popen.pid, init}
        found = wait_until(lambda: _children_of(init), 10, first=0.0002, cap=0.002)
        if not found:
            raise HarnessError("harness.cannot_launch", command=" ".join(program.argv),
                               error="the sandbox's init started no program")
        return found[0]

    def _seize(self, program) -> None:
        """Attach the tracer while the shim still waits: nothing forked or exec'd yet."""
        go = self._go[0]
        seize_when_ready(self._pid, program, lambda: (
            procfs.blocked_call(self._pid)[0] == "read"
            and procfs.fd_targets(self._pid).get(go, "").startswith("pipe:")))
        self.seized = True

    @property
    def pid(self) -> int:
        return self._pid if self._pid is not None else self.popen.pid

    def exit_status(self, code: int | None) -> int | None:
        """bubblewrap reports a death by signal N as 128+N, as a shell does: back to -N."""
        if code is not None and 128 < code <= 128 + 64:
            return -(code - 128)
        return code

    def out_of_memory(self) -> int | None:
        memory = self.sandbox.memory
        return MEMORY_BYTES >> 20 if memory and memory.oom_kills() > self._oom_before else None


def _children_of(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except (OSError, ValueError):
        return []


class SandboxBackend:
    """Student programs as sandboxed host processes: one :class:`Sandbox` per grading run."""

    name = "sandbox"

    def __init__(self, submission: str | None = None):
        self.sandbox = Sandbox(submission)
        self.scratch_root = self.sandbox.scratch_root   # where Lab makes each check's folder
        self.network = self.sandbox.entered             # where the grader's peers are made

    def program(self, lab, args: list[str], limits: Limits, *, traced: bool = False) -> Program:
        box = self.sandbox
        root, inner = box.mounted(lab.folder)
        hand_over(lab.workdir, box.uid)
        words = shlex.split(lab.command.format(python=shlex.quote(box.python),
                                               file=shlex.quote(f"{inner}/{lab.filename}"),
                                               dir=shlex.quote(inner)))
        hosts = _hosts_file(lab, box.scratch_root)
        process = SandboxedProcess(box, root=root, inner_cwd=inner, workdir=lab.workdir, hosts=hosts)
        return Program(argv=words + [str(a) for a in args], cwd="/",
                       label=" ".join([lab.program_file, *args]), limits=limits, env={"PATH": PATH},
                       traced=traced, process=process)

    def close(self) -> None:
        self.sandbox.close()


def _hosts_file(lab, folder: str) -> str | None:
    """A hosts file of the check's own (``lab.hosts``: lines or (address, name, *aliases))."""
    entries = getattr(lab, "hosts", None)
    if not entries:
        return None
    path = os.path.join(folder, f"hosts-{uuid.uuid4().hex[:8]}")
    with open(path, "x") as fh:
        fh.write(hosts_text(entries))
    return path
