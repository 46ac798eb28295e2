"""day4/alarm.py: a periodic SIGALRM timer that survives SIGINT.

`python3 alarm.py INTERVAL COUNT` prints `wait...`, then `timeout!` every INTERVAL
seconds, COUNT times, and exits 0; SIGINT prints `CTRL+C pressed` and changes nothing.
Times are taken from the moment each line arrived, never from the grader's sleeps.
"""

import signal
import time

from harness import check, fail, lab_marker, scaled, wait_until

pytestmark = lab_marker("day4/alarm")

WAIT = r"wait\.\.\."
TIMEOUT = r"timeout!\s*$"
CTRL_C = r"ctrl\+c pressed\s*$"


def _tolerance(interval):
    return scaled(max(0.1, 0.3 * interval))


def _start(lab, interval, count):
    program = lab.launch(interval, count)
    program.expect_line(WAIT, timeout=5, describe="wait...")
    return program


def _timeouts(program):
    return [line for line, _m in program.lines_matching(TIMEOUT)]


def _wait_timeouts(program, k, interval):
    """Wait for the k-th `timeout!` line; fail if it never comes."""
    if not wait_until(lambda: len(_timeouts(program)) >= k, k * interval + 3):
        got = len(_timeouts(program))
        key = "alarm.too_few_timeouts_exited" if not program.alive() else "alarm.too_few_timeouts"
        raise fail(key, k=k, got=got, seconds=round(k * interval + 3, 1),
                   status=program.returncode, output=program.output_tail(),
                   hint="hint.alarm_setitimer")
    return _timeouts(program)


def _check_schedule(program, interval, count, key, hint):
    start = program.lines_matching(WAIT)[0][0].at
    tolerance = _tolerance(interval)
    for k, line in enumerate(_timeouts(program)[:count], start=1):
        offset = line.at - start
        if abs(offset - k * interval) > tolerance:
            raise fail(key, k=k, expected=f"{k * interval:.2f} s ± {tolerance:.2f} s",
                       got=f"{offset:.2f} s", interval=interval, output=program.output_tail(),
                       hint=hint)


@check(3, "signals", ko="`timeout!`를 INTERVAL초마다 제때 출력한다")
def test_prints_timeouts_on_schedule(lab):
    """Prints `timeout!` every INTERVAL seconds after `wait...`, on schedule (INTERVAL 0.5 s)"""
    interval, count = 0.5, 4
    program = _start(lab, interval, count)
    _wait_timeouts(program, count, interval)
    _check_schedule(program, interval, count, "alarm.off_schedule", "hint.alarm_setitimer")


@check(2, "signals", needs="test_prints_timeouts_on_schedule",
       ko="COUNT번 출력한 뒤 상태 0으로 끝난다")
def test_exits_after_count(lab):
    """Prints exactly COUNT `timeout!` lines, then exits with status 0"""
    interval, count = 0.2, 3
    program = _start(lab, interval, count)
    _wait_timeouts(program, count, interval)
    status = program.wait_exit(interval + 2)
    if status is None:
        raise fail("alarm.no_exit", count=count, got=len(_timeouts(program)),
                   output=program.output_tail(), hint="hint.alarm_count")
    program.stdout.join(scaled(1))
    got = len(_timeouts(program))
    if got != count:
        raise fail("alarm.wrong_count", count=count, got=got, output=program.output_tail(),
                   hint="hint.alarm_count")
    if status != 0:
        raise fail("exit.wrong_status", program=program.label, status=status,
                   expected_status=0, output=program.output_tail())


@check(3, "signals", needs="test_prints_timeouts_on_schedule",
       ko="SIGINT에 `CTRL+C pressed`를 출력하고 멈추지도 일정이 밀리지도 않는다")
def test_ctrl_c_is_reported_and_changes_nothing(lab):
    """SIGINT (three times) prints `CTRL+C pressed`; the program lives on and its schedule holds"""
    interval, count, interrupts = 0.6, 6, 3
    program = _start(lab, interval, count)
    for k in range(1, interrupts + 1):
        _wait_timeouts(program, k, interval)
        time.sleep(interval / 2)  # stimulus: halfway between two `timeout!` lines
        program.signal(signal.SIGINT)
        if not wait_until(lambda k=k: len(program.lines_matching(CTRL_C)) >= k
                          or not program.alive(), 2):
            raise fail("alarm.ctrl_c_missing", sent=k, got=len(program.lines_matching(CTRL_C)),
                       output=program.output_tail(), hint="hint.alarm_sigint")
        if not program.alive():
            raise fail("alarm.killed_by_sigint", status=program.wait_exit(1),
                       output=program.output_tail(), hint="hint.alarm_sigint")
    _wait_timeouts(program, count, interval)
    status = program.wait_exit(interval + 2)
    if status != 0:
        raise fail("alarm.sigint_then_bad_exit", status=status, sent=interrupts,
                   output=program.output_tail(), hint="hint.alarm_count")
    _check_schedule(program, interval, count, "alarm.sigint_shifted", "hint.alarm_no_rearm")


@check(2, "signals", needs="test_prints_timeouts_on_schedule",
       ko="바쁜 대기 없이 기다린다 (CPU 시간이 실제 시간보다 훨씬 적다)")
def test_waits_without_a_busy_loop(lab):
    """Waits with signal.pause() or a sleep: its CPU time stays well under the time that passes"""
    interval, count = 0.3, 6
    program = _start(lab, interval, count)
    _wait_timeouts(program, 1, interval)
    cpu0, wall0 = program.cpu_seconds(), time.monotonic()
    _wait_timeouts(program, 5, interval)
    cpu1, wall1 = program.cpu_seconds(), time.monotonic()
    used, passed = cpu1 - cpu0, wall1 - wall0
    if used > 0.25 * passed:
        raise fail("alarm.busy_loop", cpu=f"{used:.2f}", wall=f"{passed:.2f}",
                   percent=round(100 * used / passed), hint="hint.alarm_pause")


BAD_ARGUMENTS = [(), ("0.5",), ("0", "3"), ("-1", "3"), ("abc", "3"), ("0.5", "0"),
                 ("0.5", "x"), ("0.5", "2", "extra")]


@check(1, "robustness", ko="잘못된 인자는 트레이스백 없이 사용법 오류로 처리한다")
def test_rejects_bad_arguments(lab):
    """Rejects bad arguments (missing, INTERVAL ≤ 0, COUNT < 1, not numbers) with status 1 or 2"""
    for args in BAD_ARGUMENTS:
        program = lab.launch(*args)
        shown = " ".join(args) or "(none)"
        status = program.wait_exit(3)
        if status is None:
            raise fail("alarm.bad_args_running", args=shown, output=program.output_tail(),
                       hint="hint.alarm_usage")
        program.stderr.join(scaled(1))
        program.expect_no_traceback()
        if status not in (1, 2):
            raise fail("alarm.bad_args_status", args=shown, status=status,
                       output=program.output_tail(), hint="hint.alarm_usage")
        if not program.stderr.text().strip():
            raise fail("alarm.bad_args_silent", args=shown, hint="hint.alarm_usage")
