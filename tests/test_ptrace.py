"""harness.ptrace on real processes: forks, exit codes, unreaped children, deadlines."""

from __future__ import annotations

import signal
import sys
import textwrap

import psutil

from harness.children import trace_program
from harness.program import Program


def launch(tmp_path, source: str) -> Program:
    script = tmp_path / "prog.py"
    script.write_text(textwrap.dedent(source))
    program = Program([sys.executable, str(script)], cwd=str(tmp_path), label="prog.py",
                      traced=True).start()
    program.close_stdin()
    return program


def running(pids) -> list[int]:
    out = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                out.append(pid)
        except psutil.Error:
            continue
    return out


def test_two_children_waited_for(tmp_path):
    p = launch(tmp_path, """
        import os
        for status in (3, 7):
            if os.fork() == 0:
                os._exit(status)
        for _ in range(2):
            pid, status = os.wait()
            print(pid, os.WEXITSTATUS(status))
    """)
    try:
        log = trace_program(p, 10)
        assert not log.timed_out
        assert log.main == p.pid and log.status == 0
        children = log.children_of(p.pid)
        assert sorted(log.exit_code[c] for c in children) == [3, 7]
        assert log.unreaped[p.pid] == []
        assert all(log.reaped(c) for c in children)
        assert p.wait_exit(1) == 0 and p.returncode == 0  # Popen knows: no ECHILD
        p.stdout.join(5)
        printed = {int(a): int(b) for a, b in (line.text.split() for line in p.stdout.lines)}
        assert printed == {c: log.exit_code[c] for c in children}
    finally:
        p.kill_all()


def test_children_never_waited_for_are_left_unreaped(tmp_path):
    p = launch(tmp_path, """
        import os, time
        pids = []
        for status in (3, 7):
            pid = os.fork()
            if pid == 0:
                os._exit(status)
            pids.append(pid)
        while any(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
                  for pid in pids):
            time.sleep(0.001)   # both zombies now
    """)
    try:
        log = trace_program(p, 10)
        children = log.children_of(p.pid)
        assert len(children) == 2
        assert sorted(log.unreaped[p.pid]) == sorted(children)
        assert not any(log.reaped(c) for c in children)
        assert sorted(log.exit_code[c] for c in children) == [3, 7]
        assert log.status == 0
    finally:
        p.kill_all()


def test_parent_exiting_before_its_children_does_not_wait_for_them(tmp_path):
    p = launch(tmp_path, """
        import os, time
        if os.fork() == 0:
            time.sleep(60)
    """)
    try:
        log = trace_program(p, 10)
        assert log.status == 0 and not log.timed_out
        child, = log.children_of(p.pid)
        assert log.unreaped[p.pid] == [child]
        # detached, not stopped: it runs on until teardown
        assert psutil.Process(child).status() != psutil.STATUS_STOPPED
    finally:
        p.kill_all()
    assert running([child]) == []


def test_signals_threads_and_vfork_children_pass_through(tmp_path):
    p = launch(tmp_path, """
        import os, signal, subprocess, sys, threading
        got = []
        signal.signal(signal.SIGUSR1, lambda *a: got.append(1))
        os.kill(os.getpid(), signal.SIGUSR1)
        t = threading.Thread(target=lambda: got.append(2)); t.start(); t.join()
        subprocess.run(["true"], check=True)      # posix_spawn / vfork
        sys.exit(5 if got == [1, 2] else 9)
    """)
    try:
        log = trace_program(p, 10)
        assert log.status == 5
        assert [log.exit_code[c] for c in log.children_of(p.pid)] == [0]
        assert p.wait_exit(1) == 5
    finally:
        p.kill_all()


def test_hanging_program_is_killed_at_the_deadline(tmp_path):
    p = launch(tmp_path, """
        import os, time
        if os.fork() == 0:
            time.sleep(600)
        time.sleep(600)
    """)
    try:
        log = trace_program(p, 1)
        assert log.timed_out
        assert "sleep" in log.where or "select" in log.where or "nanosleep" in log.where
        assert log.status == -signal.SIGKILL
        child, = log.children_of(p.pid)
        assert log.killed_by.get(child) == signal.SIGKILL
        assert running([p.pid, child]) == []
    finally:
        p.kill_all()
    assert not p.killed
