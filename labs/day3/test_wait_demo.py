"""day3/wait_demo.py: fork two children, wait for both, report how each ended.

`python3 wait_demo.py S1 S2` forks two children that exit with statuses S1 and S2; the
parent reaps both and prints `child PID exited with status S` for each, in the order it
reaps them (PID the child's real pid, S as WEXITSTATUS gives it), then exits 0.

The children live for microseconds, so watching /proc for them would be luck.  The
checks that judge their pids trace the program with ptrace (``harness.ptrace``), which
sees every fork and exit of the tree in order, and which children are still unreaped
when the parent exits: an exact record, whatever the load.
"""

from harness import check, fail, lab_marker
from harness.children import run_traced

pytestmark = lab_marker("day3/wait_demo")

REPORT = r"child\s+(-?\d+)\s+exited\s+with\s+status\s+(-?\d+)"


def _reports(program) -> list[tuple[int, int]]:
    return [(int(m.group(1)), int(m.group(2))) for _line, m in program.lines_matching(REPORT)]


def _check_statuses(program, statuses) -> list[tuple[int, int]]:
    program.expect_exit(10)
    reports = _reports(program)
    if len(reports) != 2:
        raise fail("wait.line_count", count=len(reports), output=program.output_tail(),
                   hint="hint.wait_both")
    printed = sorted(s for _pid, s in reports)
    if printed != sorted(statuses):
        raw = [s for s in printed if s not in statuses and s >> 8 in statuses and s & 0xFF == 0]
        key = "wait.raw_status" if raw else "wait.wrong_statuses"
        raise fail(key, printed=", ".join(map(str, printed)), raw=raw[0] if raw else "",
                   expected=", ".join(map(str, sorted(statuses))), hint="hint.wait_wexitstatus")
    return reports


def _traced(lab, statuses):
    program, trace = run_traced(lab, *statuses, timeout=10)
    reports = _check_statuses(program, statuses)
    return program, reports, trace


@check(3, "correctness", ko="두 자식의 종료 상태를 WEXITSTATUS 값으로 출력한다")
def test_reports_both_exit_statuses(lab):
    """Prints both exit statuses (WEXITSTATUS)"""
    for statuses in ((3, 7), (0, 255), (5, 5)):
        _check_statuses(lab.launch(*statuses), statuses)


@check(3, "correctness", needs="test_reports_both_exit_statuses", ko="출력한 PID가 실제 자식의 PID이다")
def test_printed_pids_are_the_real_children(lab):
    """Printed PIDs are the real children's"""
    program, reports, trace = _traced(lab, (4, 9))
    children = {c: trace.exit_code.get(c) for c in trace.children_of(trace.main)}
    actual = ", ".join(f"{trace.inner.get(pid, pid)} (status {code})"
                       for pid, code in sorted(children.items()))
    for printed, status in reports:
        pid = trace.host_pid(printed)  # a program in a PID namespace prints its own numbers
        if pid not in children or children[pid] != status:
            raise fail("wait.not_the_child", pid=printed, status=status, parent=trace.main,
                       children=actual or "-", hint="hint.wait_pid_from_wait")


@check(1, "zombies", needs="test_reports_both_exit_statuses", ko="두 자식을 모두 wait로 거둔다")
def test_waits_for_both_children(lab):
    """Reaps both children with wait()"""
    program, _reports, trace = _traced(lab, (2, 6))
    for child in trace.children_of(trace.main):
        if not trace.reaped(child):
            raise fail("wait.not_reaped", pid=child, hint="hint.wait_both")
