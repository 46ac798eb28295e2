"""Each sentence of the sandbox's threat model (README, "Modes and threat model"), tried.

A probe program is launched through the sandbox backend as a lab's program, does what a
hostile student would try, and prints what it got; the test judges that from outside.
"""

from __future__ import annotations

import json
import os
import site
import socket
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from harness import sandbox
from harness.identities import HIGH, LOW
from harness.lab import Lab
from harness.sandbox import SandboxBackend

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(sandbox.why_unavailable() is not None,
                                reason=f"no sandbox here: {sandbox.why_unavailable()}")

PROBE = r'''
import json, os, socket, sys
def attempt(fn):
    try:
        return repr(fn())[:200]
    except Exception as exc:
        return f"refused: {type(exc).__name__}"
report = {
    "uid": os.getuid(), "gid": os.getgid(), "groups": os.getgroups(), "pid": os.getpid(),
    "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
    "caps": open("/proc/self/status").read().split("CapEff:")[1].split()[0],
    "interfaces": [name for _, name in socket.if_nameindex()],
    "init": open("/proc/1/cmdline", "rb").read().decode(errors="replace"),
    "fds": sorted(int(fd) for fd in os.listdir("/proc/self/fd")),
}
for name, path in json.loads(sys.argv[1]).items():
    report[name] = attempt(lambda p=path: os.listdir(p) if os.path.isdir(p) else open(p, "rb").read(64))
def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=1)
    s.close()
    return "connected"
report["host_listener"] = attempt(lambda: connect(int(sys.argv[2])))
print(json.dumps(report), flush=True)
if len(sys.argv) > 3:
    sys.stdin.readline()
'''


@pytest.fixture
def box(tmp_path):
    day = tmp_path / "submission" / "day2"
    day.mkdir(parents=True)
    (day / "echo_server.py").write_text(PROBE)
    backend = SandboxBackend(str(tmp_path / "submission"))
    yield backend, day
    backend.close()


def probe(backend, day, *extra, paths: dict | None = None, port: int = 9) -> dict:
    lab = Lab("day2/echo_server", str(day), backend=backend)
    try:
        program = lab.launch(json.dumps(paths or {}), port, *extra)
        line = program.expect_line(r"^\{.*\}$", timeout=10)
        return json.loads(line.group(0))
    finally:
        lab.teardown()


def test_programs_run_as_a_uid_of_the_run_never_root_nor_the_grader(box):
    backend, day = box
    got = probe(*box)
    assert got["uid"] == got["gid"] == backend.sandbox.uid
    assert LOW <= got["uid"] <= HIGH and got["uid"] not in (0, os.getuid())
    assert got["groups"] == [] and int(got["caps"], 16) == 0


def test_two_runs_at_once_never_share_a_uid(box, tmp_path):
    other = SandboxBackend(str(tmp_path))
    try:
        assert other.sandbox.uid != box[0].sandbox.uid
    finally:
        other.close()


def test_nothing_of_socklab_its_install_or_other_submissions_is_visible(box, tmp_path):
    secret = tmp_path / "classmate" / "day2"
    secret.mkdir(parents=True)
    (secret / "echo_server.py").write_text("classmate's work")
    paths = {"reference": str(ROOT / "reference"), "harness": str(ROOT / "harness"),
             "classmate": str(secret / "echo_server.py"), "root_home": "/root/.cache",
             **{f"site{i}": p for i, p in enumerate(site.getsitepackages())}}
    got = probe(*box, paths=paths)
    for name in ("reference", "harness", "classmate", "root_home"):
        assert got[name].startswith("refused"), (name, got[name])
    for i, _ in enumerate(site.getsitepackages()):  # there, but empty: no package can be read
        assert got[f"site{i}"] in ("[]", ) or got[f"site{i}"].startswith("refused"), got


def test_its_own_pid_namespace_shows_only_its_processes(box):
    got = probe(*box)
    assert got["pid"] == 2 and got["pids"] == [1, 2]  # bubblewrap's init, and itself


def test_the_sandboxs_init_shows_no_host_path_and_nothing_leaks_in(box):
    backend, day = box
    got = probe(*box)
    assert str(day.parent) not in got["init"] and backend.sandbox.scratch_root not in got["init"]
    assert got["fds"] == [0, 1, 2, 3]  # its streams, and the listing of /proc/self/fd itself


def test_printed_pids_map_back_to_host_pids(box):
    backend, day = box
    lab = Lab("day2/echo_server", str(day), backend=backend)
    try:
        program = lab.launch("{}", 9, "wait")
        inner = json.loads(program.expect_line(r"^\{.*\}$", timeout=10).group(0))["pid"]
        assert program.host_pid(inner) == program.pid != inner
        assert "echo_server.py" in " ".join(psutil.Process(program.pid).cmdline())
    finally:
        lab.teardown()


def test_only_loopback_and_nothing_of_the_host_network(box):
    with socket.socket() as host_listener:  # the grader's own network: not the program's
        host_listener.bind(("127.0.0.1", 0))
        host_listener.listen()
        got = probe(*box, port=host_listener.getsockname()[1])
    assert got["interfaces"] == ["lo"]
    assert got["host_listener"].startswith("refused")


def test_the_grader_meets_its_programs_on_loopback(box):
    backend, day = box
    (day / "echo_server.py").write_text(
        "import socket,sys\ns=socket.socket();s.bind(('127.0.0.1',int(sys.argv[1])));s.listen()\n"
        "c,_=s.accept();c.sendall(c.recv(100))\n")
    lab = Lab("day2/echo_server", str(day), backend=backend)
    try:
        server = lab.start_server()
        conn = server.connect()
        conn.send(b"hello")
        assert conn.recv_exact(5) == b"hello"
        conn.close()
    finally:
        lab.teardown()


def test_only_the_scratch_folder_and_tmp_are_writable(box):
    backend, day = box
    (day / "echo_server.py").write_text(
        "import os\n"
        "for where in ('/submission/day2/x', '/usr/x', '/etc/x', '/x', '/root/x',\n"
        "              os.environ['HOME'] + '/x', '/tmp/x'):\n"
        "    try:\n        open(where, 'w').close()\n        print('wrote', where)\n"
        "    except OSError:\n        print('refused', where)\n")
    lab = Lab("day2/echo_server", str(day), backend=backend)
    try:
        program = lab.launch()
        assert program.wait_exit(30) == 0
        out = program.stdout.text()
    finally:
        lab.teardown()
    assert out.count("refused") == 5 and out.count("wrote") == 2, out
    assert f"wrote {lab.workdir}/x" in out


def test_the_scratch_folder_fills_up_at_its_cap_not_the_disk(box):
    backend, day = box
    (day / "echo_server.py").write_text(
        "import os\nos.chdir(os.environ['HOME'])\nblock = b'x' * (1 << 20)\nwritten = 0\n"
        "try:\n    for i in range(40):\n        with open(f'f{i}', 'wb') as fh:\n"
        "            for _ in range(16):\n                fh.write(block); fh.flush(); written += 1\n"
        "except OSError as exc:\n    print('stopped', exc.errno, written, flush=True)\n"
        "print('wrote', written, flush=True)\n")
    lab = Lab("day2/echo_server", str(day), backend=backend)
    try:
        program = lab.launch()
        program.expect_line(r"^wrote", timeout=60)
        out = program.stdout.text()
    finally:
        lab.teardown()
    if backend.sandbox.scratch.capped:  # 640 MiB attempted, 256 MiB allowed
        assert "stopped 28" in out, out       # ENOSPC
    else:
        pytest.skip("this machine refused a tmpfs mount: no cap to test")


def test_memory_is_capped_for_the_whole_run_not_per_process(box):
    backend, day = box
    if backend.sandbox.memory is None:
        pytest.skip("no memory cgroup here")
    limit = int(Path(backend.sandbox.memory.path, "memory.limit_in_bytes").read_text())
    assert limit == sandbox.MEMORY_BYTES
    lab = Lab("day2/echo_server", str(day), backend=backend)
    try:
        program = lab.launch("{}", 9, "wait")
        members = Path(backend.sandbox.memory.path, "cgroup.procs").read_text().split()
        assert str(program.pid) in members  # the program and everything it forks
    finally:
        lab.teardown()


def test_socklab_grade_refuses_untrusted_code_without_a_sandbox(tmp_path):
    """No bubblewrap on PATH: socklab grade says how to get a sandbox and exits 2."""
    env = {**os.environ, "PATH": str(tmp_path)}  # a PATH with no bwrap, setpriv or bash
    done = subprocess.run([sys.executable, "-m", "harness.cli", "grade", str(ROOT / "reference"),
                           "--out", str(tmp_path / "out"), "--lab", "day1/byteorder"],
                          env=env, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2, done.stderr
    assert "bwrap is not installed" in done.stderr and "--trust-submissions" in done.stderr
    assert "--backend docker" in done.stderr
    assert not (tmp_path / "out").exists()


def test_trusted_code_is_graded_without_a_sandbox_when_asked(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "harness.cli", "grade", str(ROOT / "reference"),
                           "--out", str(tmp_path / "out"), "--lab", "day1/byteorder",
                           "--trust-submissions"], env=env, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "out" / "results.json").read_text())
    assert data["score"] == data["max_score"] > 0


def test_a_grading_run_killed_at_its_time_limit_leaves_no_scratch_mounted(tmp_path):
    """A killed run never tears down its sandbox: the grader sweeps its scratch and mount."""
    import glob

    from harness.course import lab_modules
    from harness.grading import run_checks

    def scratches() -> set[str]:
        return set(glob.glob("/tmp/socklab-sandbox-*"))
    before = scratches()
    day = tmp_path / "hangs" / "day2"
    day.mkdir(parents=True)
    (day / "echo_server.py").write_text("import time\ntime.sleep(120)\n")  # never listens
    outcome = run_checks(tmp_path / "hangs", tmp_path / "results.json",
                         modules=lab_modules(only=["day2/echo_server"]), timeout=3,
                         extra=["--backend", "sandbox", "--timeout-scale", "20"])
    assert outcome.timed_out
    assert scratches() <= before
    mounted = subprocess.run(["mount"], capture_output=True, text=True).stdout
    assert not [m for m in scratches() - before if m in mounted]
