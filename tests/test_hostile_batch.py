"""socklab's own hostile suite, graded as a class: attackers beside two honest classmates.

Every hostile submission in ``tests/hostile/`` named in ``ATTACKERS`` is a day-2 echo
server (``python3 echo_server.py PORT``) that also attacks: the grader, the machine, or
the classmates graded at the same time.  They are graded in ONE batch, through the real
command line (``python -m harness.cli grade ... --jobs 2 --backend B``), beside two
correct submissions (copies of ``reference/day2``: alice and bob), under every backend
this machine has ("sandbox": bubblewrap; "docker": the container backend, when an engine
answers and the grading image exists; each is skipped with one line otherwise).

The submissions are given to the command line one by one, in ``ORDER``, rather than as
their parent folder (graded in name order, alice and bob would run side by side first and
beside no attacker): with ``--jobs 2`` each classmate is then graded while attackers run,
which the test checks by watching the grading runs' processes during the batch.

Then, for each backend: the classmates keep 19/19 with status ok (and a classmate graded
after the batch too); each attacker earns no more than it deserves; no file outside the
grading's own folders changed (canaries in /tmp and /root, never quoted in a report); no
implant landed in the grader's site-packages, socklab's tree or ``~/.cache/socklab``; the
host's disk did not shrink by more than ``DISK_SLACK``; the reports neither carry a raw
terminal escape nor a live ``<script>``, nor the gradebook a formula; nothing of the batch
is left running (no process of the sandbox's uid range 300000-399999 that belongs to the
batch, no process naming the test's folder, no container, scratch folder or cgroup).

Some odd files cannot live in git (a FIFO, names that are not UTF-8 or hold a newline, a
link to /etc/shadow): ``odd_names`` gets them here, at run time, around a copy of the
reference's echo server. The attackers that echo share one loop, ``hostile/hostile_echo.py``:
a student program imports from its own folder, so each gets a copy beside its server.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import io
import json
import os
import secrets
import shutil
import site
import stat
import subprocess
import sys
import sysconfig
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from harness import identities, sandbox
from harness.batch.runner import folder_name
from harness.docker_backend import engine_problem
from harness.timing import wait_until

pytestmark = pytest.mark.timeout(600)

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = Path(__file__).parent / "hostile"
LAB = "day2/echo_server"
FULL = 19
CLASSMATES = ("alice", "bob")
# the output injector's folder name is itself an injection: a student names their folder
INJECTOR = '=HYPERLINK("evil.example","output_injection")'
ATTACKERS = {  # folder in tests/hostile -> student name in the batch
    "reference_exec": "reference_exec", "fence_escape": "fence_escape",
    "kill_classmates": "kill_classmates", "pth_implant": "pth_implant", "pyc_implant": "pyc_implant",
    "port_exhaustion": "port_exhaustion", "lock_exhaustion": "lock_exhaustion",
    "memory_spread": "memory_spread", "disk_fill": "disk_fill", "odd_names": "odd_names",
    "output_injection": INJECTOR,
}
# the attackers whose echo_server.py ends with `from hostile_echo import ...` (reference_exec
# has no echo code of its own; odd_names is the reference's, copied in by build_class)
ECHO_HELPER = HOSTILE / "hostile_echo.py"
USE_ECHO_HELPER = ("fence_escape", "kill_classmates", "pth_implant", "pyc_implant", "port_exhaustion",
                   "lock_exhaustion", "memory_spread", "disk_fill", "output_injection")
ORDER = ["kill_classmates", "alice", "memory_spread", "port_exhaustion", "lock_exhaustion",
         "disk_fill", "bob", "pth_implant", "pyc_implant", "fence_escape", "reference_exec",
         "odd_names", INJECTOR]
# the most each may earn: a server that echoes correctly deserves its echo points
DESERVED = {name: FULL for name in ATTACKERS.values()}
DESERVED.update({"reference_exec": 0,     # no echo code of its own
                 "fence_escape": FULL - 1,  # its daemon outlives the server's SIGTERM
                 INJECTOR: FULL - 1})     # listens on 127.0.0.1 only
# (memory_spread's children outlive its SIGTERM too, unless the kernel killed them all for
# memory first: then nothing was left running, and the point is deserved)
MARK = "socklab-hostile"                  # in the command line of what the attackers leave
IMPLANT_MARK = "SOCKLAB-HOSTILE-IMPLANT"  # in every file the implanters write
DISK_SLACK = 300 << 20
CLI_TIMEOUT = 540
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _unavailable(backend: str) -> str | None:
    if backend == "sandbox":
        return sandbox.why_unavailable()
    problem = engine_problem()
    if problem:
        return problem
    try:
        from harness import docker_image
        if not docker_image.exists():
            return f"no image {docker_image.GRADING_TAG}: run `socklab image build`"
    except Exception as exc:  # noqa: BLE001 - any failure means "no docker here"
        return f"docker: {type(exc).__name__}: {exc}"
    return None


BACKENDS = [pytest.param(b, marks=pytest.mark.skipif(p is not None, reason=f"{b}: {p}"))
            for b, p in ((b, _unavailable(b)) for b in ("sandbox", "docker"))]


# -- building the class ----------------------------------------------------------------------
ODD_NAMES = [b"\xff\xfe-not-utf8.py", b"new\nline.py", b"carriage\rreturn.txt", b"..\\..\\escape.py",
             "..\u2215..\u2215etc\u2215passwd".encode(), b"-rf", b" .py", b"...",
             ("x" * 252 + ".py").encode(), ("\uac00" * 85).encode(),  # 255 bytes each
             b"\x1b[31mred\x1b[0m.py", b"\xe2\x80\xaertl\xe2\x80\xac.py"]


def add_odd_names(folder: Path) -> None:
    """Names of any bytes (255 long, non-UTF-8, a newline, escapes, look-alikes of ../),
    links to /etc/shadow (one named like a lab file) and FIFOs (one named like one)."""
    for base in (folder, folder / "day2"):
        for name in ODD_NAMES:
            with open(os.path.join(os.fsencode(base), name), "wb") as fh:
                fh.write(b"# an odd name\n")
        os.mkfifo(base / "fifo")
    day2 = folder / "day2"
    os.symlink("/etc/shadow", day2 / "link")
    os.symlink("/etc/shadow", day2 / "shadow.py")
    os.symlink("../../../../../../../../etc/shadow", day2 / "relative_shadow.py")
    os.mkfifo(day2 / "fifo.py")


def build_class(folder: Path) -> dict[str, Path]:
    """{student name: submission folder}"""
    subs = {}
    for name in CLASSMATES:
        subs[name] = folder / name
        shutil.copytree(ROOT / "reference" / "day2", subs[name] / "day2",
                        ignore=shutil.ignore_patterns("__pycache__"))
    for source, name in ATTACKERS.items():
        subs[name] = folder / name
        shutil.copytree(HOSTILE / source, subs[name], ignore=shutil.ignore_patterns("__pycache__"))
        if source in USE_ECHO_HELPER:
            shutil.copy2(ECHO_HELPER, subs[name] / "day2")
    (subs["odd_names"] / "day2").mkdir()
    shutil.copy2(ROOT / "reference" / "day2" / "echo_server.py", subs["odd_names"] / "day2")
    add_odd_names(subs["odd_names"])
    return subs


# -- watching the machine ----------------------------------------------------------------------
@dataclass
class Canary:
    path: Path
    token: str
    before: tuple = ()

    @classmethod
    def plant(cls, folder: str) -> "Canary":
        token = secrets.token_hex(16)
        path = Path(folder) / f"socklab-hostile-canary-{token[:8]}"
        path.write_text(f"canary {token}\n")
        os.chmod(path, 0o644)
        canary = cls(path, token)
        canary.before = canary.state()
        return canary

    def state(self) -> tuple:
        try:
            st = os.lstat(self.path)
            return (self.path.read_text(), stat.S_IMODE(st.st_mode), st.st_uid, st.st_size,
                    st.st_mtime_ns, st.st_ctime_ns)
        except OSError as exc:
            return (f"gone: {exc}",)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def site_dirs() -> set[str]:
    """Where a .pth or sitecustomize.py would run in the grader's (or a student's) Python."""
    dirs = set(site.getsitepackages()) | {site.getusersitepackages()}
    dirs |= {sysconfig.get_paths()[k] for k in ("purelib", "platlib", "stdlib")}
    dirs |= set(glob.glob("/usr/lib/python3*")) | {"/usr/lib/python3/dist-packages"}
    dirs |= set(glob.glob("/usr/local/lib/python3*/*-packages"))
    dirs |= set(glob.glob(str(socklab_cache() / "*" / "lib" / "python3*" / "site-packages")))
    return {d for d in dirs if os.path.isdir(d)}


def socklab_cache() -> Path:
    return Path.home() / ".cache" / "socklab"


def tree_dirs() -> list[Path]:
    """socklab's own folders (recursively): its checks, its harness, its reference."""
    return [ROOT / "harness", ROOT / "labs", ROOT / "reference", socklab_cache()]


def file_set() -> set[str]:
    """Every path in the places an implant would matter (site folders: top level only)."""
    found = set()
    for folder in site_dirs():
        with os.scandir(folder) as entries:
            found.update(e.path for e in entries)
    for top in tree_dirs():
        for folder, dirs, files in os.walk(top):
            if Path(folder) == socklab_cache():
                dirs[:] = [d for d in dirs if d != "rootfs"]   # the image's root, made by root
            found.update(os.path.join(folder, n) for n in dirs + files)
    return found


def looks_implanted(path: str) -> bool:
    """Written by an implanter (its marker) or by any student program (a sandbox uid)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if identities.LOW <= st.st_uid <= identities.HIGH or "socklab_hostile" in path:
        return True
    if stat.S_ISREG(st.st_mode) and st.st_size <= 1 << 16:
        try:
            return IMPLANT_MARK.encode() in Path(path).read_bytes()
        except OSError:
            return False
    return False


class Sampler(threading.Thread):
    """During the batch: the host disk's lowest free space, and when each grading run ran."""

    def __init__(self, subs_root: Path, disk_paths: list[Path], *, engine: bool = False,
                 interval: float = 0.2):
        super().__init__(daemon=True)
        self.subs_root = str(subs_root)
        self.engine = engine             # docker: also the engine's log of the batch's containers
        self.engine_log_max = 0
        self._samples = 0
        self.disk_paths = disk_paths
        self.interval = interval
        self.stopped = threading.Event()
        self.min_free = {str(p): shutil.disk_usage(p).free for p in disk_paths}
        self.runs: dict[str, list[float]] = {}       # student folder -> [first seen, last seen]
        self.run_pids: set[int] = set()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        for p in self.disk_paths:
            self.min_free[str(p)] = min(self.min_free[str(p)], shutil.disk_usage(p).free)
        self._samples += 1
        if self.engine and self._samples % 5 == 0:
            self.engine_log_max = max(self.engine_log_max, engine_log_bytes(Path(self.subs_root)))
        now = time.monotonic()
        for proc in psutil.process_iter(["cmdline"]):
            cmd = proc.info["cmdline"] or []
            if "--submission" in cmd[:-1]:
                submission = cmd[cmd.index("--submission") + 1]
                if submission.startswith(self.subs_root + os.sep):
                    name = os.path.relpath(submission, self.subs_root).split(os.sep)[0]
                    self.runs.setdefault(name, [now, now])[1] = now
                    self.run_pids.add(proc.pid)

    def stop(self) -> None:
        self.stopped.set()
        self.join()
        self.sample()


def _mountinfo(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/mountinfo") as fh:
            return fh.read()
    except OSError:
        return ""


def batch_processes(root: Path) -> list[str]:
    """Live processes of the batch: naming the test's folder or an attacker's marker, or
    running as a sandbox uid with the test's folder mounted (what another grading run on
    this machine has is not ours)."""
    found = []
    for proc in psutil.process_iter(["uids", "cmdline", "status"]):
        try:
            if proc.pid == os.getpid() or proc.info["status"] == psutil.STATUS_ZOMBIE:
                continue
            cmd = " ".join(proc.info["cmdline"] or [])
            uid = proc.info["uids"].real if proc.info["uids"] else -1
            ours = str(root) in cmd or MARK in cmd
            if not ours and identities.LOW <= uid <= identities.HIGH:
                ours = str(root) in _mountinfo(proc.pid)
            if ours:
                found.append(f"{proc.pid} uid={uid} {cmd[:300]!r}")
        except psutil.Error:
            continue
    return found


def engine_log_bytes(root: Path) -> int:
    """What the engine has logged (on the host's disk) for the containers of the batch."""
    import docker
    total = 0
    try:
        for c in docker.from_env().containers.list(all=True, filters={"label": "socklab"}):
            if any(str(root) in (m.get("Source") or "") for m in c.attrs.get("Mounts", [])):
                for path in glob.glob((c.attrs.get("LogPath") or "/nonexistent") + "*"):
                    with contextlib.suppress(OSError):
                        total += os.path.getsize(path)
    except Exception:  # noqa: BLE001 - a container removed while we looked
        pass
    return total


def batch_containers(root: Path) -> list[str]:
    import docker
    client = docker.from_env()
    return [c.name for c in client.containers.list(all=True, filters={"label": "socklab"})
            if any(str(root) in (m.get("Source") or "") for m in c.attrs.get("Mounts", []))]


def run_remains(pids: set[int]) -> list[str]:
    """Scratch folders, cgroups and mounts of the batch's grading runs, after they ended."""
    left = []
    for pid in pids:
        left += glob.glob(f"/tmp/socklab-*-{pid}-*")
        left += glob.glob(f"/sys/fs/cgroup/*/socklab-{pid}-*")
        left += glob.glob(f"/sys/fs/cgroup/*/docker/*/socklab-{pid}-*")
    with open("/proc/self/mountinfo") as fh:
        mounts = fh.read().splitlines()
    left += [m for m in mounts for pid in pids if f"/socklab-sandbox-{pid}-" in m
             or f"/socklab-docker-{pid}-" in m]
    return left


# -- reading what was written -------------------------------------------------------------------
def grade(paths: list[Path], out: Path, backend: str) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "harness.cli", "grade", *map(str, paths), "--out", str(out),
            "--lab", LAB, "--jobs", "2", "--backend", backend]
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=CLI_TIMEOUT)


def load_results(folder: Path) -> dict | None:
    try:
        return json.loads((folder / "results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def checks(results: dict) -> dict[str, dict]:
    return {t["extra_data"]["nodeid"].rsplit("::", 1)[1]: t for t in results["tests"]}


def outputs(results: dict | None) -> str:
    return "\n".join(t["output"] for t in (results or {}).get("tests", []))


@dataclass
class Batch:
    backend: str
    root: Path
    subs: dict[str, Path]
    out: Path
    cli: subprocess.CompletedProcess
    seconds: float
    results: dict[str, dict | None] = field(default_factory=dict)
    gradebook: list[dict] = field(default_factory=list)
    gradebook_cells: list[list[str]] = field(default_factory=list)
    written: dict[str, bytes] = field(default_factory=dict)      # every file under out/
    later: dict | None = None
    later_cli: subprocess.CompletedProcess | None = None
    canaries: list[Canary] = field(default_factory=list)
    canary_states: list[tuple] = field(default_factory=list)
    new_files: list[str] = field(default_factory=list)
    implants: list[str] = field(default_factory=list)
    disk_before: dict[str, int] = field(default_factory=dict)
    disk_min: dict[str, int] = field(default_factory=dict)
    runs: dict[str, list[float]] = field(default_factory=dict)
    engine_log_max: int = 0
    leftovers: list[str] = field(default_factory=list)
    containers: list[str] = field(default_factory=list)
    remains: list[str] = field(default_factory=list)

    def log(self) -> str:
        return f"{self.backend}: exit {self.cli.returncode} after {self.seconds:.0f} s\n" \
               f"stdout: {self.cli.stdout[-3000:]}\nstderr: {self.cli.stderr[-3000:]}"

    def summary(self) -> str:
        lines = [f"[{self.backend}] batch of {len(self.subs)} in {self.seconds:.0f} s, "
                 f"exit {self.cli.returncode}"]
        for name in ORDER:
            r = self.results.get(name) or {}
            row = next((x for x in self.gradebook if x["folder"] == folder_name(name)), {})
            status = row.get("grading_status", "?")
            lines.append(f"  {name[:30]:30} {r.get('score', '-')!s:>5}/{FULL} {status:12}"
                         f" beside {', '.join(o[:16] for o in self.overlapping(name))}")
        lost = {p: (self.disk_before[p] - self.disk_min[p]) >> 20 for p in self.disk_before}
        lines.append(f"  disk lost (MiB, worst moment): {lost}; engine log: {self.engine_log_max >> 10} KiB")
        return "\n".join(lines)

    def folder(self, student: str) -> Path:
        return self.out / folder_name(student)

    def row(self, student: str) -> dict:
        return next(r for r in self.gradebook if r["folder"] == folder_name(student))

    def overlapping(self, student: str) -> list[str]:
        mine = self.runs.get(student)
        if not mine:
            return []
        return sorted(other for other, (first, last) in self.runs.items()
                      if other != student and first <= mine[1] and mine[0] <= last)


@pytest.fixture(scope="module", params=BACKENDS)
def batch(request, tmp_path_factory) -> Batch:
    backend = request.param
    root = tmp_path_factory.mktemp(f"hostile-batch-{backend}")
    subs = build_class(root / "class")
    out = root / "out"
    canaries = [Canary.plant("/tmp"), Canary.plant("/root")]
    files_before = file_set()
    disk_paths = [Path("/tmp"), root]
    sampler = Sampler(root / "class", disk_paths, engine=backend == "docker")
    disk_before = dict(sampler.min_free)
    sampler.start()
    started = time.monotonic()
    try:
        cli = grade([subs[name] for name in ORDER], out, backend)
    except BaseException:
        for canary in canaries:
            canary.remove()
        raise
    finally:
        sampler.stop()
    b = Batch(backend, root, subs, out, cli, time.monotonic() - started, canaries=canaries,
              disk_before=disk_before, disk_min=dict(sampler.min_free), runs=sampler.runs,
              engine_log_max=sampler.engine_log_max)
    implants: list[str] = []
    try:
        b.results = {name: load_results(b.folder(name)) for name in subs}
        if (out / "gradebook.csv").exists():
            text = (out / "gradebook.csv").read_text(encoding="utf-8")
            b.gradebook = list(csv.DictReader(io.StringIO(text)))
            b.gradebook_cells = list(csv.reader(io.StringIO(text)))
        b.written = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        # the batch has ended: give the kernel a moment to reap, never more than 10 s
        wait_until(lambda: not batch_processes(root), 10)
        b.leftovers = batch_processes(root)
        b.containers = batch_containers(root) if backend == "docker" else []
        b.remains = run_remains(sampler.run_pids)
        b.canary_states = [c.state() for c in canaries]
        b.new_files = sorted(file_set() - files_before)
        b.implants = implants = [p for p in b.new_files if looks_implanted(p)]
        # a classmate graded after the attackers (the implanters especially)
        later = root / "later" / "alice"
        shutil.copytree(ROOT / "reference" / "day2", later / "day2",
                        ignore=shutil.ignore_patterns("__pycache__"))
        b.later_cli = grade([later], root / "later-out", backend)
        b.later = load_results(root / "later-out")
        print(b.summary())  # shown with -s, or beside a failure
        yield b
    finally:
        for canary in canaries:
            canary.remove()
        remove_implants(implants)


def remove_implants(paths: list[str]) -> None:
    """Never leave an implant on the machine, whatever the verdict: its files, then the
    folders a student program made for them (deepest first)."""
    for path in sorted(paths, key=lambda p: p.count(os.sep), reverse=True):
        with contextlib.suppress(OSError):
            st = os.lstat(path)
            if stat.S_ISDIR(st.st_mode):
                if identities.LOW <= st.st_uid <= identities.HIGH:
                    os.rmdir(path)  # only if empty
            elif "socklab_hostile" in path or looks_implanted(path):
                os.unlink(path)


# -- the verdicts --------------------------------------------------------------------------------
def test_the_batch_ends_with_every_students_results(batch):
    assert batch.cli.returncode == 0, batch.log()
    missing = [name for name, r in batch.results.items() if r is None]
    assert not missing, f"no results.json for {missing}\n{batch.log()}"
    assert sorted(r["folder"] for r in batch.gradebook) == sorted(map(folder_name, batch.subs))
    for name, results in batch.results.items():
        assert len(results["tests"]) == 11 and results["max_score"] == FULL, (name, results)


def test_classmates_keep_full_marks_while_attackers_run_beside_them(batch):
    for name in CLASSMATES:
        results = batch.results[name]
        failed = {n: t["output"] for n, t in checks(results).items() if t["extra_data"]["status"] != "passed"}
        assert results["score"] == FULL and not failed, (name, failed)
        assert batch.row(name)["grading_status"] == "ok", batch.row(name)
        assert "taken by another process" not in outputs(results)  # no harness retry either
        beside = [o for o in batch.overlapping(name) if o not in CLASSMATES]
        assert beside, f"{name} was graded beside no attacker: {batch.runs}"
    assert batch.later_cli.returncode == 0, batch.later_cli.stderr[-3000:]
    assert batch.later and batch.later["score"] == FULL, outputs(batch.later)


def test_attackers_earn_no_more_than_they_deserve(batch):
    too_much = {name: (batch.results[name]["score"], most) for name, most in DESERVED.items()
                if batch.results[name]["score"] > most}
    assert not too_much, too_much


def test_an_exec_of_the_reference_finds_nothing_to_exec(batch):
    results = batch.results["reference_exec"]
    assert results["score"] == 0
    first = checks(results)["test_listens_on_its_port"]
    assert first["extra_data"]["status"] == "failed"
    assert "found a reference" not in outputs(results), first["output"]
    assert "no reference found" in first["output"], first["output"]


def test_a_daemon_that_left_its_session_is_stopped_and_named(batch):
    results = batch.results["fence_escape"]
    statuses = {n: t["extra_data"]["status"] for n, t in checks(results).items()}
    assert statuses["test_ends_on_sigterm"] == "failed", statuses
    assert statuses["test_echoes_binary_data_exactly"] == "passed", statuses
    text = outputs(results)
    assert "socklab stopped processes" in text and "fence_escape-daemon" in text, text[-3000:]


def test_killing_everything_in_sight_hurts_only_the_killer(batch):
    # the classmates' full marks are asserted above; here: the killer was graded to the end
    results = batch.results["kill_classmates"]
    assert {t["extra_data"]["status"] for t in results["tests"]} <= {"passed", "failed", "not-run"}, \
        outputs(results)
    assert batch.row("kill_classmates")["grading_status"] == "ok", batch.row("kill_classmates")


def test_no_implant_lands_in_site_packages_socklab_or_its_cache(batch):
    assert not batch.implants, batch.implants
    in_site = [p for p in batch.new_files
               if any(p.startswith(d + os.sep) for d in site_dirs()) or p.startswith(str(socklab_cache()))]
    assert not in_site, in_site
    risky = [p for p in batch.new_files if p.endswith((".pth", ".pyc", ".so", "customize.py"))
             or "__pycache__" in p]
    assert not risky, risky
    for name in ("pth_implant", "pyc_implant"):
        assert batch.row(name)["grading_status"] == "ok"


def test_exhausting_ports_and_locks_is_contained(batch):
    for name in ("port_exhaustion", "lock_exhaustion"):
        results = batch.results[name]
        assert batch.row(name)["grading_status"] == "ok", (name, outputs(results)[-3000:])
        statuses = {t["extra_data"]["status"] for t in results["tests"]}
        assert "infra-error" not in statuses, outputs(results)[-3000:]


def test_memory_spread_over_children_is_contained_and_named(batch):
    results = batch.results["memory_spread"]
    assert batch.row("memory_spread")["grading_status"] == "ok", outputs(results)[-3000:]
    text = outputs(results)
    assert "socklab stopped processes" in text or "out of memory" in text, text[-3000:]


def test_filling_every_writable_place_costs_the_host_disk_nothing(batch):
    lost = {p: batch.disk_before[p] - batch.disk_min[p] for p in batch.disk_before}
    assert all(v <= DISK_SLACK for v in lost.values()), {p: v >> 20 for p, v in lost.items()}
    assert batch.row("disk_fill")["grading_status"] == "ok", outputs(batch.results["disk_fill"])[-3000:]


def test_odd_file_names_links_and_fifos_are_graded_in_full(batch):
    results = batch.results["odd_names"]
    assert results["score"] == FULL, outputs(results)[-3000:]
    assert batch.row("odd_names")["grading_status"] == "ok"
    try:
        secrets_lines = [line for line in Path("/etc/shadow").read_text().splitlines() if len(line) > 8]
    except OSError:
        secrets_lines = []
    quoted = [name for name, data in batch.written.items()
              if any(line.encode() in data for line in secrets_lines)]
    assert not quoted, quoted


def test_injected_output_is_shown_never_obeyed(batch):
    results = batch.results[INJECTOR]
    statuses = {n: t["extra_data"]["status"] for n, t in checks(results).items()}
    assert {n for n, s in statuses.items() if s != "passed"} == {"test_listens_on_all_interfaces"}, statuses
    folder = folder_name(INJECTOR)
    report_txt = batch.written[f"{folder}/report.txt"]
    report_html = batch.written[f"{folder}/report.html"]
    assert b"set-output" in report_txt and b"alert(1)" in report_html  # the output is shown...
    for name, data in batch.written.items():                           # ...as text
        if name.endswith(("report.txt", "report.html", "class.html", "gradebook.csv")):
            assert b"\x1b" not in data, (name, data[data.index(b"\x1b") - 80:][:200])
            assert b"\r" not in data.replace(b"\r\n", b""), name
        if name.endswith(".html"):
            assert b"<script>alert" not in data and b"<img src=x" not in data, name
    bad = [cell for row in batch.gradebook_cells for cell in row
           if cell.startswith(FORMULA_START) and not _number(cell)]
    assert not bad, bad


def test_process_names_in_notes_cannot_forge_report_lines(batch):
    """socklab names the processes it stopped, by their command lines: the student's text.
    The injector's helper has one holding a newline, then a "[socklab] ..." line and a
    workflow command: in the report they must stay quoted, never start a line of their own."""
    report_txt = batch.written[f"{folder_name(INJECTOR)}/report.txt"].decode()
    assert "instructor override" in report_txt, report_txt[-2000:]  # the note is there...
    forged = [line for line in report_txt.splitlines()
              if line.startswith(("[socklab] instructor", "::error::", "::set-output"))]
    assert not forged, forged                                        # ...its lines are not


def _number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def test_files_outside_the_grading_are_untouched_and_never_quoted(batch):
    for canary, after in zip(batch.canaries, batch.canary_states, strict=True):
        assert after == canary.before, (canary.path, canary.before, after)
        quoted = [name for name, data in batch.written.items() if canary.token.encode() in data]
        assert not quoted, (canary.path, quoted)


def test_the_engine_keeps_no_log_of_what_students_write(batch):
    """The container's init runs as the student's uid, so a program can open /proc/1/fd/1:
    the engine's log of the container, written to the host's disk (json-file), bounded only
    by the daemon's own log options (none by default). disk_fill pushes 32 MiB per launch."""
    if batch.backend != "docker":
        pytest.skip("only containers have an engine log")
    assert batch.engine_log_max < 64 << 10, \
        f"the engine logged {batch.engine_log_max >> 10} KiB of student output on the host's disk"


def test_nothing_of_the_batch_is_left_running(batch):
    assert not batch.leftovers, batch.leftovers
    assert not batch.containers, batch.containers
    assert not batch.remains, batch.remains
