"""Launching and tearing down: defaults restored, whole trees killed, orphans reaped."""

from __future__ import annotations

import os
import signal
import sys
import textwrap

import psutil

from harness.program import Limits, Program
from harness.timing import wait_until


def launch(tmp_path, source: str, limits: Limits | None = None) -> Program:
    script = tmp_path / "prog.py"
    script.write_text(textwrap.dedent(source))
    return Program([sys.executable, str(script)], cwd=str(tmp_path), label="prog.py",
                   limits=limits or Limits()).start()


def test_signals_start_at_their_defaults_even_if_the_harness_ignores_them(tmp_path):
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as in a CI shell's background job
    try:
        p = launch(tmp_path, """
            import signal, time
            print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, flush=True)
            time.sleep(60)
        """)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert p.expect_line("True|False").group(0) == "True"
    p.signal(signal.SIGINT)
    assert p.wait_exit(5) == -signal.SIGINT  # KeyboardInterrupt, re-raised as the signal
    p.kill_all()


def test_environment_is_explicit_and_unbuffered(tmp_path):
    os.environ["SOCKLAB_SECRET_FOR_TEST"] = "leak"
    try:
        p = launch(tmp_path, """
            import os, sys
            print(os.environ.get("PYTHONUNBUFFERED"), os.environ.get("SOCKLAB_SECRET_FOR_TEST"))
            sys.stdout.write("no newline, no flush")
            import time; time.sleep(60)
        """)
        assert p.expect_line(r"^1 None$")
        assert wait_until(lambda: "no flush" in p.stdout.text(), 5)
    finally:
        del os.environ["SOCKLAB_SECRET_FOR_TEST"]
        p.kill_all()


def test_teardown_kills_children_daemons_and_orphans(tmp_path):
    p = launch(tmp_path, """
        import os, signal, time
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if os.fork() == 0:
            time.sleep(600)
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                print("daemon", os.getpid(), flush=True)
                time.sleep(600)
            os._exit(0)
        print("parent", flush=True)
        time.sleep(600)
    """)
    p.expect_line("parent")
    daemon_pid = int(p.expect_line(r"daemon (\d+)").group(1)) if p.find_line("daemon") else None
    if daemon_pid is None:
        daemon_pid = int(p.expect_line(r"daemon (\d+)").group(1))
    members = [q.pid for q in p.processes()]
    assert daemon_pid in members and len(members) >= 3
    killed = p.kill_all()
    assert {k.pid for k in killed} >= {daemon_pid}
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
                   for pid in members)
    me = psutil.Process()
    assert not [c for c in me.children() if c.status() == psutil.STATUS_ZOMBIE]


def test_a_fork_bomb_hits_the_process_limit(tmp_path):
    p = launch(tmp_path, """
        import os, time
        while True:
            try:
                os.fork()
            except OSError:
                time.sleep(0.01)
    """, Limits(processes=20))
    assert wait_until(p.fork_limit_hit, 10)
    p.kill_all()
    assert not p.processes()


def test_output_is_drained_so_a_flood_never_blocks(tmp_path):
    p = launch(tmp_path, """
        import sys
        for i in range(200_000):
            print("x" * 80)
        print("done")
    """)
    p.expect_exit(30)
    assert p.stdout.truncated and "done" in p.stdout.text()
    p.kill_all()


def test_a_tree_that_forks_as_it_is_killed_is_frozen_and_killed_whole(tmp_path):
    """Each member forks its successor and exits at once (a new pid every moment): teardown
    freezes the tree, so none escapes the kill, and nothing of it is left."""
    marker = f"socklab-fork-chain-{os.getpid()}"
    script = tmp_path / "chain.py"
    script.write_text(textwrap.dedent("""
        import os, time
        print("running", flush=True)
        deadline = time.time() + 20   # bounded: it ends by itself if teardown failed
        while time.time() < deadline:
            if os.fork():
                os._exit(0)           # the parent goes, the child carries on
    """))
    p = Program([sys.executable, str(script), marker], cwd=str(tmp_path), label="chain.py",
                limits=Limits(processes=16)).start()
    p.expect_line("running")
    frozen = p.process.freezer is not None
    assert wait_until(lambda: len(p.processes()) >= 1, 2)
    p.kill_all()

    def chain_left() -> list[int]:
        return [q.pid for q in psutil.process_iter(["cmdline"])
                if any(marker in a for a in q.info["cmdline"] or [])]
    assert not chain_left(), "a member of the chain escaped teardown"
    assert frozen or os.geteuid() != 0  # as root, every launch has a freezer
