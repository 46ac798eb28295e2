"""The container backend: same verdicts as the subprocess backend, and real isolation.

Needs a Docker engine (skipped with one line otherwise). The grading image is built at
most once (``socklab image build --method debootstrap``: offline, cached by tag, so later
runs reuse it). Mutants: every mutant of the day-2 echo labs plus a representative set
of the others, chosen for what a container could change (process trees, zombies,
signals, descriptors, pids printed by the program, files in the check's folder, names);
``SOCKLAB_DOCKER_ALL_MUTANTS=1`` runs all of them. Gradings run two at a time.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from harness.docker_backend import engine_problem

PROBLEM = engine_problem()
pytestmark = pytest.mark.skipif(PROBLEM is not None, reason=PROBLEM or "")

from harness.course import LABS_DIR, ROOT, lab_ids, lab_modules  # noqa: E402
from harness.grading import run_checks  # noqa: E402
from tests.grading_helpers import grade_lab, statuses  # noqa: E402
from tests.mutants import REFERENCE, all_mutants  # noqa: E402

DOCKER = ["--backend", "docker"]
LABS = lab_ids()
REPRESENTATIVE = {
    "day2/op_server:no_reuseaddr", "day2/op_server:ignores_sigterm",
    "day2/op_client:traceback_when_refused",
    "day3/echo_mpserver:parent_keeps_the_connection", "day3/echo_mpserver:child_keeps_the_listening_socket",
    "day3/echo_mpserver:never_reaps", "day3/echo_mpserver:waitpid_once_per_signal",
    "day3/echo_mpserver:ignores_sigterm", "day3/wait_demo:prints_its_own_pid",
    "day3/file_server:close_instead_of_shutdown", "day3/file_client:thanks_after_the_first_recv",
    "day3/uecho_server:replies_to_the_first_sender", "day3/lookup:never_looks_up_in_reverse",
    "day4/echo_mpserver:prints_its_own_pid", "day4/echo_mpserver:one_waitpid_per_signal",
    "day4/echo_mpserver:leaves_children_on_sigterm", "day4/alarm:no_sigint_handler",
    "day4/alarm:busy_loop", "day4/pipe_talk:forks_a_useless_extra_child",
    "day4/pipe_talk:sleeps_instead_of_waiting", "day4/echo_storeserver:kills_the_writer_on_sigterm",
}
MUTANTS = [m for m in all_mutants()
           if os.environ.get("SOCKLAB_DOCKER_ALL_MUTANTS") or m.lab.startswith("day2/echo_")
           or m.id in REPRESENTATIVE]
JOBS = int(os.environ.get("SOCKLAB_DOCKER_TEST_JOBS", "2"))


def socklab_containers() -> set[str]:
    import docker
    client = docker.from_env()
    return ({c.name for c in client.containers.list(all=True, filters={"label": "socklab"})
             if c.labels.get("socklab") != "image"} |
            {n.name for n in client.networks.list(filters={"label": "socklab"})})


@pytest.fixture(scope="session")
def grading_image():
    from harness import docker_image
    return docker_image.build("debootstrap", log=lambda msg: None)  # a no-op once tagged


@pytest.fixture(scope="session")
def graded(grading_image, tmp_path_factory):
    """Every docker grading this module judges, two at a time: {key: (statuses/tests, leftovers)}."""
    before = socklab_containers()
    jobs = [("reference", lab, REFERENCE) for lab in LABS]
    for mutant in MUTANTS:
        jobs.append(("mutant", mutant.id, mutant.build(tmp_path_factory.mktemp("sub") / "submission")))

    def run(job):
        kind, key, submission = job
        lab = key.split(":")[0]
        return (kind, key), grade_lab(submission, lab, tmp_path_factory.mktemp("out"), extra=DOCKER)

    with ThreadPoolExecutor(JOBS) as pool:
        results = dict(pool.map(run, jobs))
    return results, socklab_containers() - before


@pytest.mark.parametrize("lab", LABS)
def test_reference_gets_full_marks_in_containers(lab, graded):
    tests = graded[0][("reference", lab)]
    assert tests, f"no checks ran for {lab}"
    failed = {name: t["output"] for name, t in tests.items() if t["score"] != t["max_score"]}
    assert not failed, failed


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.id for m in MUTANTS])
def test_mutant_loses_the_same_checks_in_containers(mutant, graded):
    got = statuses(graded[0][("mutant", mutant.id)])
    failed = {name for name, status in got.items() if status in ("failed", "timeout")}
    assert failed == mutant.catches, (mutant.id, got)
    others = {name: s for name, s in got.items() if name not in mutant.catches}
    assert all(s in ("passed", "not-run") for s in others.values()), (mutant.id, others)


def test_gradings_leave_no_container_or_network(graded):
    assert graded[1] == set()
    assert not list(Path("/tmp").glob("socklab-docker-*")) or all(
        _owner_alive(p) for p in Path("/tmp").glob("socklab-docker-*"))


def _owner_alive(path: Path) -> bool:
    import psutil
    return psutil.pid_exists(int(path.name.split("-")[2]))


def test_a_killed_run_leaves_nothing(grading_image, tmp_path):
    """The run is SIGKILLed mid-check (wall-clock limit): its container is swept anyway."""
    before = socklab_containers()
    outcome = run_checks(REFERENCE, tmp_path / "results.json",
                         modules=lab_modules(only=["day4/alarm"]), extra=DOCKER, timeout=4)
    assert outcome.timed_out
    assert socklab_containers() - before == set()


def test_socklab_clean_removes_leftovers_of_dead_runs(grading_image):
    import docker

    from harness import docker_image
    from harness.cli import main
    client = docker.from_env()
    dead = 2 ** 22 + 7  # beyond pid_max: no such process
    leftover = client.containers.create(docker_image.GRADING_TAG, ["sleep", "infinity"],
                                        labels={"socklab": "grading", "socklab.owner": str(dead),
                                                "socklab.host": socket.gethostname()})
    assert main(["clean"]) == 0
    assert leftover.id not in {c.id for c in client.containers.list(all=True)}


# -- isolation, through the backend directly -------------------------------------------------
@pytest.fixture(scope="module")
def backend(grading_image, tmp_path_factory):
    from harness.docker_backend import DockerBackend
    submission = tmp_path_factory.mktemp("probe") / "submission"
    (submission / "day2").mkdir(parents=True)
    (submission / "day2" / "probe.py").write_text(PROBE)
    b = DockerBackend(submission=str(submission))
    yield b, submission
    name = b.container.name if b.container else None
    b.close()
    assert name is None or name not in socklab_containers()


@pytest.fixture
def probe(backend):
    from harness.lab import Lab
    b, submission = backend
    lab = Lab("day2/probe", str(submission / "day2"), backend=b)
    yield lab
    lab.teardown()


PROBE = textwrap.dedent('''\
    import json, os, socket, sys
    what = sys.argv[1]
    if what == "connect":
        out = {}
        for host, port in json.loads(sys.argv[2]):
            s = socket.socket(); s.settimeout(2)
            try:
                s.connect((host, port)); out[f"{host}:{port}"] = "connected"
            except OSError as exc:
                out[f"{host}:{port}"] = type(exc).__name__ + ":" + str(exc.errno)
            s.close()
        print(json.dumps(out))
    elif what == "read":
        out = {}
        for path in json.loads(sys.argv[2]):
            try:
                out[path] = (sorted(os.listdir(path)) if os.path.isdir(path)
                             else open(path, "rb").read(10).hex())
            except OSError as exc:
                out[path] = type(exc).__name__
        status = dict(l.split(":\\t", 1)
                      for l in open("/proc/self/status").read().splitlines() if ":\\t" in l)
        out["uid"] = os.getuid(); out["CapEff"] = status["CapEff"].strip()
        out["NoNewPrivs"] = status["NoNewPrivs"].strip()
        print(json.dumps(out))
    elif what == "forkbomb":
        children = 0
        try:
            while True:
                if os.fork() == 0:
                    import time; time.sleep(60); os._exit(0)
                children += 1
        except OSError as exc:
            print("refused after", children, exc.errno, flush=True)
        import time; time.sleep(60)
    elif what == "wait":
        print("ready", os.getpid(), flush=True)
        sys.stdin.read()
    elif what == "hog_memory":  # 1.1 GiB in two processes; the larger one is the OOM pick
        import time
        if os.fork() == 0:
            keep = b"x" * (400 << 20); time.sleep(60); os._exit(0)
        print("allocating", flush=True)
        keep = [b"x" * (100 << 20) for _ in range(7)]
        time.sleep(60)
''')


def _addresses_outside() -> list[tuple[str, int]]:
    """The host's own addresses (every interface but lo), the engine's bridge, the internet."""
    import psutil
    found = [("8.8.8.8", 53), ("1.1.1.1", 80), ("172.17.0.1", 2375)]
    for name, addrs in psutil.net_if_addrs().items():
        found.extend((a.address, 22) for a in addrs if a.family == socket.AF_INET and name != "lo")
    return found


def test_program_cannot_connect_outside_its_network(probe):
    # a listener of the host's own network namespace, on every address: never reached
    host_listener = socket.socket()
    host_listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    host_listener.bind(("0.0.0.0", 0))
    host_listener.listen(8)
    host_port = host_listener.getsockname()[1]
    # a grader peer (made through harness.sockets): reached on 127.0.0.1 as usual
    from harness.net import Listener
    peer = Listener()
    targets = _addresses_outside() + [(a, host_port) for a, _ in _addresses_outside()[3:]]
    targets += [("127.0.0.1", host_port), ("127.0.0.1", peer.port)]
    try:
        program = probe.launch("connect", json.dumps(targets))
        program.expect_exit(20)
        got = json.loads(program.stdout.lines[0].text)
        host_listener.setblocking(False)
        with pytest.raises(BlockingIOError):
            host_listener.accept()
    finally:
        host_listener.close()
        peer.close()
    assert got.pop(f"127.0.0.1:{peer.port}") == "connected"
    assert got.pop(f"127.0.0.1:{host_port}").startswith("ConnectionRefusedError")
    assert all(v.startswith("OSError:101") for v in got.values()), got   # ENETUNREACH


def test_program_cannot_read_the_checks_or_the_reference(probe, backend):
    paths = [str(LABS_DIR / "day2" / "test_echo_server.py"),
             str(ROOT / "reference" / "day2" / "echo_server.py"),
             str(ROOT / "harness" / "plugin.py"), str(ROOT), "/work", "/root", "/etc/shadow",
             "/submission", "/submission/day2"]
    program = probe.launch("read", json.dumps(paths))
    program.expect_exit(10)
    got = json.loads(program.stdout.lines[0].text)
    for path in paths[:7]:
        assert got[path] in ("FileNotFoundError", "PermissionError"), (path, got[path])
    assert set(got["/submission"]) <= {"day2", "day3"} and got["/submission/day2"] == ["probe.py"]
    assert got["uid"] != 0 and int(got["CapEff"], 16) == 0 and got["NoNewPrivs"] == "1"


def test_pid_is_the_program_and_signals_reach_it(probe):
    import psutil
    program = probe.launch("wait")
    line = program.expect_line(r"ready (\d+)")
    seen = int(line.group(1))
    assert seen != program.pid                         # a PID namespace of its own
    assert program.host_pid(seen) == program.pid       # mapped back through NSpid
    assert "probe.py" in " ".join(psutil.Process(program.pid).cmdline())
    program.signal(signal.SIGTERM)
    assert program.wait_exit(5) == -signal.SIGTERM


def test_stdin_eof_and_exit_status(probe):
    program = probe.launch("wait", stdin="bye\n")
    assert program.expect_exit(5) == 0


def test_fork_bomb_is_stopped_and_reported(probe):
    from harness.program import Limits
    program = probe.launch("forkbomb", limits=Limits(processes=16))
    program.expect_line(r"refused after (\d+)", timeout=20)
    assert program.fork_limit_hit()
    assert len(program.processes()) <= 16
    program.kill_all()
    assert not program.survivors() and not program.alive()


def test_lookup_sees_extra_host_entries(backend, grading_image):
    """Several addresses for one name, and aliases, from the lab's own /etc/hosts lines."""
    from harness.lab import Lab
    b, submission = backend
    (submission / "day3").mkdir(exist_ok=True)
    (submission / "day3" / "lookup.py").write_text((REFERENCE / "day3" / "lookup.py").read_text())
    lab = Lab("day3/lookup", str(submission / "day3"), backend=b)
    lab.hosts = [("10.9.8.7", "multi.socklab.test", "first-alias", "second-alias"),
                 ("10.9.8.6", "multi.socklab.test")]
    try:
        program = lab.launch("multi.socklab.test")
        program.expect_exit(5)
        out = program.stdout.text()
    finally:
        lab.teardown()
    assert "Official name: multi.socklab.test" in out
    assert "first-alias" in out and "second-alias" in out
    assert "IP addr: 10.9.8.7" in out and "IP addr: 10.9.8.6" in out, out


def test_a_program_killed_for_memory_is_told_so_in_both_languages(probe):
    from harness.feedback import fail
    program = probe.launch("hog_memory")
    assert program.wait_exit(30) == -signal.SIGKILL
    failure = fail("server.exited_early", program="probe.py", status=-9, output=program.output_tail())
    assert "out of memory" in failure.render("en") and "메모리 부족" in failure.render("ko")


def test_pytest_labs_without_a_submission_runs_the_staged_files(grading_image, tmp_path):
    """`pytest labs/day2 --backend docker` on the labs' own starters: the container mounts the
    staged students' files from its start, even when the grader's network started it first
    (a port lease does, before any launch): every verdict is the starter's, none socklab's."""
    import subprocess
    import sys
    results = tmp_path / "results.json"
    subprocess.run([sys.executable, "-m", "pytest", str(LABS_DIR / "day2" / "test_echo_server.py"),
                    "--backend", "docker", "-q", "-p", "no:cacheprovider", "--socklab-json", str(results)],
                   cwd=ROOT, capture_output=True, text=True, timeout=300)
    found = {t["extra_data"]["status"] for t in json.loads(results.read_text())["tests"]}
    assert "infra-error" not in found and "failed" in found, found
