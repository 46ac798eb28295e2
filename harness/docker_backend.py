"""The container backend: every student program runs in a locked-down container.

One container per submission (per grading run), started on first use; every launch of
a lab program is a ``docker exec`` in it (measured: ~45 ms per launch against ~160 ms
for a container per launch; see the README).  What the checks see does not change:

* **Process.** ``Program.pid`` is the host pid of the student's process (not tini's, not
  a ``docker exec`` client): the exec'd ``sh`` wrapper ``exec``s the program in place.
  Before it does, the harness moves it into a ``pids`` cgroup of its own *inside* the
  container's (``pids.max`` = ``Limits.processes``), so ``processes()``, orphans and
  ``fork_limit_hit()`` work per launch exactly as under the subprocess backend.  psutil
  and ``/proc`` are read on host pids (we are root).  ``signal()`` is ``os.kill`` of that
  pid: the program gets it, never the init.
* **Streams.** stdin/stdout/stderr are FIFOs in the harness's scratch folder, opened by
  the wrapper before it ``exec``s the program: the harness reads and writes plain pipes,
  so draining, ``FIONREAD`` and "waiting for input" behave as with a host process
  (nothing is in flight inside dockerd when the program blocks on its stdin).
* **Network.** The container has no network at all (``network_mode='none'``: only
  ``lo``).  The grader's peer sockets are created *inside* the container's network
  namespace (the backend's ``network``, made current by each ``Lab``: ``setns(CLONE_NEWNET)`` on the
  calling thread only), so peers and programs meet on ``127.0.0.1`` as usual.
* **Pids.** The container has a PID namespace of its own: programs see no process of the
  host or of another run.  The pids the labs print (``removed proc id: PID``) are the
  container's numbers; ``Program.host_pid`` maps them back through ``NSpid``.  It runs as
  a uid leased for this run alone (``harness.identities``), without capabilities.
* **Exit status.** Docker reports ``128+N`` for a death by signal N; it is mapped back to
  ``-N`` as ``Popen`` reports it.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import shlex
import signal
import socket
import threading
import time
import uuid
from pathlib import Path

import psutil

from harness import containment, docker_image, identities, netns, procfs, scratch
from harness.feedback import HarnessError
from harness.hosts import hosts_text
from harness.processes import pipe_unread, seize_when_ready
from harness.program import Limits, Program, _running, base_environment
from harness.staging import MOUNT, SubmissionMount
from harness.timing import wait_until

LABEL = docker_image.LABEL
PATH = "/usr/local/bin:/usr/bin:/bin"
CPUS = float(os.environ.get("SOCKLAB_DOCKER_CPUS", "1"))

# The wrapper: connect the three FIFOs (opening stdin blocks until the harness has moved
# this very process into its pids cgroup and opened the writing end), apply the launch's
# limits, then become the program (same pid).
WRAPPER = ('exec 1>"$0/out" 2>"$0/err" 0<"$0/in"; '
           'ulimit -t "$SOCKLAB_CPU"; ulimit -v "$SOCKLAB_AS_KB"; ulimit -n "$SOCKLAB_NOFILE"; '
           'ulimit -f "$SOCKLAB_FSIZE_BLOCKS"; ulimit -c 0; '
           'unset SOCKLAB_CPU SOCKLAB_AS_KB SOCKLAB_NOFILE SOCKLAB_FSIZE_BLOCKS; exec "$@"')

def docker_status(code: int | None) -> int | None:
    """Docker's exit code to Popen's convention: 128+N (death by signal N) -> -N."""
    if code is not None and 128 < code <= 128 + 64:
        return -(code - 128)
    return code


def client():
    import docker
    return docker.from_env(timeout=60)


def engine_problem() -> str | None:
    """None if a Docker engine answers, else why not (one line)."""
    try:
        client().ping()
        return None
    except ImportError:
        return "the Docker SDK is not installed: pip install 'socklab[docker]'"
    except Exception as exc:  # noqa: BLE001 - any failure means "no engine"
        return f"no Docker engine: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}"


def _cgroup_dir(pid: int, controller: str) -> str | None:
    """The v1 cgroup directory of ``pid`` for ``controller`` (None on v2 or if absent)."""
    try:
        with open(f"/proc/{pid}/cgroup") as fh:
            for line in fh:
                _, controllers, path = line.rstrip("\n").split(":", 2)
                if controller in controllers.split(","):
                    base = f"/sys/fs/cgroup/{controller}"
                    full = base + path
                    return full if os.path.isdir(full) else None
    except (OSError, ValueError):
        pass
    return None


# -- cleanup -------------------------------------------------------------------------
def remove_leftovers(*, owner: int | None = None, only_dead: bool = False, docker_client=None,
                     log=lambda msg: None) -> int:
    """Remove socklab-labelled containers and networks (of ``owner``, or whose owner is dead)."""
    cl = docker_client or client()
    filters = {"label": [LABEL] + ([f"{LABEL}.owner={owner}"] if owner is not None else [])}
    removed = 0

    def abandoned(labels: dict) -> bool:
        if not only_dead:
            return True
        try:
            return not psutil.pid_exists(int(labels.get(f"{LABEL}.owner", "0"))) or \
                labels.get(f"{LABEL}.host") != socket.gethostname()
        except ValueError:
            return True

    for container in cl.containers.list(all=True, filters=filters):
        if abandoned(container.labels):
            container.remove(force=True)
            log(f"removed container {container.name}")
            removed += 1
    for network in cl.networks.list(filters=filters):
        if abandoned(network.attrs.get("Labels") or {}):
            network.remove()
            log(f"removed network {network.name}")
            removed += 1
    for path in scratch.remove_left(owner=owner, only_dead=only_dead, prefixes=("socklab-docker-",)):
        log(f"removed scratch folder {path}")
    return removed


class DockerBackend:
    name = "docker"

    def __init__(self, submission: str | None = None, image: str | None = None):
        problem = engine_problem()
        if problem:
            raise HarnessError("harness.cannot_launch", command="docker", error=problem)
        self.client = client()
        self.api = self.client.api
        self.image = image or docker_image.GRADING_TAG
        if not docker_image.exists(self.image, self.client):
            raise HarnessError("harness.cannot_launch", command="docker",
                               error=f"no image {self.image}: run `socklab image build`")
        self.submission = os.path.realpath(submission) if submission else None
        self.run_id = uuid.uuid4().hex[:10]
        self.uid_lease = identities.lease_uid()   # no host user, nor another run, has it
        self.uid = self.uid_lease.uid
        self.user = f"{self.uid}:{self.uid}"
        self.labels = {LABEL: "grading", f"{LABEL}.owner": str(os.getpid()),
                       f"{LABEL}.run": self.run_id, f"{LABEL}.host": socket.gethostname()}
        # each check's workdir (lab.tmp_path) is made in here; mounted at the same path
        self.scratch = scratch.ScratchRoot("socklab-docker-")
        self.scratch_root = self.scratch.path
        self._io_root = os.path.join(self.scratch_root, "io")
        os.mkdir(self._io_root, 0o711)
        os.chmod(self._io_root, 0o711)
        self._hosts_path = os.path.join(self.scratch_root, "hosts")
        self._hosts = hosts_text(())
        Path(self._hosts_path).write_text(self._hosts)
        os.chmod(self._hosts_path, 0o644)
        # several lines for one name give several addresses only with "multi on"
        host_conf = os.path.join(self.scratch_root, "host.conf")
        Path(host_conf).write_text("multi on\n")
        os.chmod(host_conf, 0o644)
        self.mount = SubmissionMount(submission, "socklab-docker-")
        self.container = None
        self.init_pid: int | None = None
        self._netns: int | None = None
        self._pids_dir: str | None = None
        self._memory_dir: str | None = None
        self._lock = threading.RLock()
        self._launches = 0
        self.start_seconds: list[float] = []      # exec -> program's pid known, per launch
        self._closed = False
        self.network = self.network_namespace           # where the grader's peers are made
        atexit.register(self.close)

    # -- the container ---------------------------------------------------------------
    def container_folder(self, lab_folder: str) -> str:
        return self.mount.inside(lab_folder)

    def ensure_container(self):
        """The submission's container, (re)started if needed (a program may kill the keeper)."""
        import docker
        with self._lock:
            if self.container is not None and self.init_pid and psutil.pid_exists(self.init_pid):
                return self.container
            if self.container is not None:
                self._drop_container()
            volumes = {self.scratch_root: {"bind": self.scratch_root, "mode": "rw"},
                       self._hosts_path: {"bind": "/etc/hosts", "mode": "ro"},
                       os.path.join(self.scratch_root, "host.conf"): {"bind": "/etc/host.conf", "mode": "ro"},
                       self.mount.root: {"bind": MOUNT, "mode": "ro"}}
            limits = Limits()
            self.container = self.client.containers.run(
                self.image, ["sleep", "infinity"], detach=True, init=True,
                name=f"socklab-{os.getpid()}-{self.run_id}", labels=self.labels,
                network_mode="none", user=self.user, working_dir=MOUNT,
                cap_drop=["ALL"], security_opt=["no-new-privileges"], read_only=True,
                tmpfs={"/tmp": "size=64m,mode=1777"}, volumes=volumes,
                pids_limit=4 * limits.processes + 16,
                mem_limit=limits.memory_bytes, memswap_limit=limits.memory_bytes,
                nano_cpus=int(CPUS * 1e9),
                ulimits=[docker.types.Ulimit(name="nofile", soft=limits.open_files, hard=limits.open_files),
                         docker.types.Ulimit(name="fsize", soft=limits.file_size, hard=limits.file_size),
                         docker.types.Ulimit(name="core", soft=0, hard=0)],
                environment={"PATH": PATH, "LANG": "C.UTF-8"}, stop_signal="SIGKILL",
                # the init's stdout is the student's to write: no engine log may fill the host disk
                log_config={"type": "none"})
            self.container.reload()
            self.init_pid = self.container.attrs["State"]["Pid"]
            self._netns = os.open(f"/proc/{self.init_pid}/ns/net", os.O_RDONLY | os.O_CLOEXEC)
            self._pids_dir = _cgroup_dir(self.init_pid, "pids")
            self._memory_dir = _cgroup_dir(self.init_pid, "memory")
            return self.container

    def _drop_container(self) -> None:
        if self._netns is not None:
            os.close(self._netns)
            self._netns = None
        if self._pids_dir:  # our per-launch cgroups inside the container's
            for sub in Path(self._pids_dir).glob("socklab-*"):
                with contextlib.suppress(OSError):
                    sub.rmdir()
        if self.container is not None:
            with contextlib.suppress(Exception):
                self.container.remove(force=True)
        self.container = None
        self.init_pid = None

    @contextlib.contextmanager
    def network_namespace(self):
        """Sockets made inside are the container's: the calling thread only, for the moment."""
        self.ensure_container()
        with netns.entered(self._netns):
            yield

    # -- accounting ------------------------------------------------------------------
    def oom_kills(self) -> int:
        """Processes the kernel killed for memory in the container so far."""
        if self._memory_dir:
            try:
                with open(os.path.join(self._memory_dir, "memory.oom_control")) as fh:
                    for line in fh:
                        if line.startswith("oom_kill "):
                            return int(line.split()[1])
            except OSError:
                pass
        return 0

    def container_oom_killed(self) -> bool:
        try:
            self.container.reload()
            return bool(self.container.attrs["State"].get("OOMKilled"))
        except Exception:  # noqa: BLE001
            return False

    def new_io_dir(self) -> str:
        self._launches += 1
        path = os.path.join(self._io_root, str(self._launches))
        os.mkdir(path, 0o711)
        for name in ("in", "out", "err"):
            fifo = os.path.join(path, name)
            os.mkfifo(fifo, 0o600)
            os.chown(fifo, self.uid, self.uid)
        return path

    def write_hosts(self, entries) -> None:
        """/etc/hosts of the container: the defaults plus ``entries`` (lines, or
        ``(address, name, *aliases)`` tuples). Rewritten in place (it is bind-mounted)."""
        text = hosts_text(entries)
        if text != self._hosts:
            with open(self._hosts_path, "r+") as fh:
                fh.write(text)
                fh.truncate()
            self._hosts = text

    # -- the backend interface -------------------------------------------------------
    def program(self, lab, args: list[str], limits: Limits, *, traced: bool = False) -> Program:
        folder = self.container_folder(lab.folder)
        self.ensure_container()
        if os.path.realpath(lab.workdir).startswith(self.scratch_root + os.sep):
            scratch.hand_over(lab.workdir, self.uid)  # the program runs as the run's own uid
        self.write_hosts(getattr(lab, "hosts", None))
        words = shlex.split(lab.command.format(python="python3",
                                               file=shlex.quote(f"{folder}/{lab.filename}"),
                                               dir=shlex.quote(folder)))
        env = base_environment(lab.workdir, path=PATH)
        return Program(argv=words + [str(a) for a in args], cwd=folder,
                       label=" ".join([lab.program_file, *args]), limits=limits, env=env,
                       traced=traced, process=ExecProcess(self))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with self._lock:
            self._drop_container()
        with contextlib.suppress(Exception):
            remove_leftovers(owner=os.getpid(), docker_client=self.client)
        self.scratch.remove()
        self.mount.remove()
        self.uid_lease.release()


class ExecProcess:
    """A lab program run by ``docker exec`` in the submission's container (the process
    handle a :class:`harness.program.Program` composes; see ``harness.processes``)."""

    infrastructure_processes = 0
    traced_from_exec = False

    def __init__(self, backend: DockerBackend):
        self.backend = backend
        self.launcher_pids: set[int] = set()
        self.seized = False   # traced: harness.ptrace attached to the wrapper before its exec
        self.cgroup = None
        self.freezer = None   # the container's own fences hold its processes
        self._pid: int | None = None
        self._proc: psutil.Process | None = None
        self._exec_id: str | None = None
        self._stdin: int | None = None
        self._oom_before = 0
        self._status: int | None = None

    # -- starting --------------------------------------------------------------------------
    def start(self, program) -> tuple[int, int]:
        b = self.backend
        container = b.ensure_container()
        io_dir = b.new_io_dir()
        out = os.open(f"{io_dir}/out", os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        err = os.open(f"{io_dir}/err", os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            self._exec(program, container, io_dir)
        except BaseException:
            os.close(out)
            os.close(err)
            raise
        os.set_blocking(out, True)
        os.set_blocking(err, True)
        return out, err

    def _exec(self, program, container, io_dir: str) -> None:
        b = self.backend
        lim = program.limits
        env = dict(program.environment())
        env.update(SOCKLAB_CPU=str(lim.cpu_seconds), SOCKLAB_AS_KB=str(lim.memory_bytes // 1024),
                   SOCKLAB_NOFILE=str(min(lim.open_files, Limits().open_files)),
                   SOCKLAB_FSIZE_BLOCKS=str(min(lim.file_size, Limits().file_size) // 512))
        self._oom_before = b.oom_kills()
        started = time.monotonic()
        try:
            self._exec_id = b.api.exec_create(container.id, ["sh", "-c", WRAPPER, io_dir, *program.argv],
                                              user=b.user, environment=env, workdir=program.cwd)["Id"]
            b.api.exec_start(self._exec_id, detach=True)
            info = wait_until(lambda: self._exec_info(lambda i: i["Pid"] or not i["Running"]), 10)
        except Exception as exc:  # noqa: BLE001 - the engine failed us: socklab's fault
            raise HarnessError("harness.cannot_launch", command=" ".join(program.argv),
                               error=f"docker exec: {exc}") from exc
        if not info or not info["Pid"]:
            raise HarnessError("harness.cannot_launch", command=" ".join(program.argv),
                               error=f"docker exec did not start: {info}")
        self._pid = info["Pid"]
        try:
            self._proc = psutil.Process(self._pid)
        except psutil.Error:
            self._proc = None
        self._fence(lim.processes)   # the wrapper waits in open(stdin): fence it before it runs
        if program.traced:
            self._seize(program)
        opened = wait_until(lambda: self._open_stdin(f"{io_dir}/in"), 10)
        if not isinstance(opened, tuple):
            raise HarnessError("harness.cannot_launch", command=" ".join(program.argv),
                               error=f"the launcher never opened its stdin: {self._exec_info()}")
        self._stdin = opened[0]
        os.set_blocking(self._stdin, True)
        b.start_seconds.append(time.monotonic() - started)

    def _fence(self, limit: int) -> None:
        if not self.backend._pids_dir:
            return
        try:
            self.cgroup = containment.PidsCgroup(self.backend._pids_dir, limit)
            with open(self.cgroup.procs_path, "w") as fh:  # maybe not single-threaded
                fh.write(str(self._pid))
        except OSError:
            if self.cgroup:
                self.cgroup.remove()
            self.cgroup = None

    def _seize(self, program) -> None:
        """Still blocked opening its stdin: nothing forked or exec'd yet.

        exec_inspect may name the pid while it is still `runc init`, which then execs the
        wrapper: seized then, it would stop at that exec with no tracer running yet.  Once
        its stderr is our FIFO it is the wrapper itself, on its way to open(stdin).
        """
        seize_when_ready(self._pid, program,
                         lambda: procfs.fd_targets(self._pid).get(2, "").endswith("/err"))
        self.seized = True

    def _open_stdin(self, path: str) -> tuple[int] | str | None:
        """(fd,) once the wrapper opened its end; "dead" if it died first; None: not yet."""
        try:
            return (os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC),)
        except OSError as exc:
            if exc.errno != errno.ENXIO:   # ENXIO: no reader yet
                raise
            if self._proc is None or not _running(self._proc):
                return "dead"
            return None

    def _exec_info(self, accept=lambda info: True):
        try:
            info = self.backend.api.exec_inspect(self._exec_id)
        except Exception:  # noqa: BLE001
            return None
        return info if accept(info) else None

    @property
    def pid(self) -> int:
        return self._pid

    # -- its end ---------------------------------------------------------------------------
    def poll(self) -> int | None:
        if self._status is None and self._exec_id is not None:
            if self._proc is not None and _running(self._proc):
                return None
            info = wait_until(lambda: self._exec_info(lambda i: not i["Running"]), 5)
            if info:
                self._status = docker_status(info["ExitCode"])
        return self._status

    def wait(self, timeout: float) -> int | None:
        wait_until(lambda: self.poll() is not None, timeout)
        return self.poll() if self._proc is None or not _running(self._proc) else None

    def traced_exit(self, status: int) -> None:
        self._status = status

    def kill_group(self) -> None:
        """No session of ours to signal here: the members were killed one by one."""

    def collect(self) -> int | None:
        status = self.poll()
        self.close_stdin()
        return status

    def out_of_memory(self) -> int | None:
        """The kernel killed a process of the container for memory since this launch."""
        killed = self.backend.oom_kills() > self._oom_before or (
            self._status == -signal.SIGKILL and self.backend.container_oom_killed())
        return Limits().memory_bytes >> 20 if self._exec_id is not None and killed else None

    # -- its stdin -------------------------------------------------------------------------
    def write(self, data: bytes) -> None:
        if self._stdin is None:
            return
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._stdin, view):]
        except OSError:
            pass  # the program closed its stdin or exited: the next expectation says so

    def close_stdin(self) -> None:
        if self._stdin is not None:
            with contextlib.suppress(OSError):
                os.close(self._stdin)
            self._stdin = None

    def stdin_open(self) -> bool:
        return self._stdin is not None

    def stdin_unread(self) -> int:
        return pipe_unread(self._stdin) if self._stdin is not None else 0
