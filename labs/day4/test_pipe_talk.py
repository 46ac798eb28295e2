"""day4/pipe_talk.py: a parent and its child talk over two pipes, one each way.

The child writes `Who are you?`, the parent prints `parent: Who are you?` and answers
`Thank you for your message.`, the child prints `child: Thank you for your message.`;
the parent waits for its child and both exit 0.
"""

from harness import check, fail, hold_for, lab_marker, wait_until
from harness.program import Limits

pytestmark = lab_marker("day4/pipe_talk")

PARENT = r"parent:\s*who are you\?\s*$"
CHILD = r"child:\s*thank you for your message\.\s*$"


def _index(program, pattern):
    found = program.find_line(pattern)
    return found[0] if found else None


@check(3, "correctness", ko="부모와 자식이 파이프로 두 메시지를 주고받고 둘 다 0으로 끝난다")
def test_exchanges_the_two_messages(lab):
    """Prints `parent: Who are you?` then `child: Thank you for your message.`, and exits 0"""
    program = lab.launch()
    status = program.wait_exit(5)
    program.stdout.join(1)
    parent, child = _index(program, PARENT), _index(program, CHILD)
    if parent is None:
        said = program.find_line(r"parent:\s*(.*)$")
        if said and "thank you" in said[1].group(1).lower():
            raise fail("pipe.parent_read_own_message", got=said[1].group(1),
                       expected="Who are you?", output=program.output_tail(),
                       hint="hint.pipe_two_pipes")
        raise fail("pipe.parent_line_missing", status=status, output=program.output_tail(),
                   hint="hint.pipe_read_until_eof")
    if child is None:
        raise fail("pipe.child_line_missing", status=status, output=program.output_tail(),
                   hint="hint.pipe_close_write_end")
    if child < parent:
        raise fail("pipe.wrong_order", output=program.output_tail(), hint="hint.pipe_two_pipes")
    if status is None:
        raise fail("exit.still_running", program=program.label, seconds=5,
                   where=program.blocked_where(), output=program.output_tail())
    if status != 0:
        raise fail("exit.wrong_status", program=program.label, status=status,
                   expected_status=0, output=program.output_tail())
    program.expect_no_traceback()


@check(2, "correctness", needs="test_exchanges_the_two_messages",
       ko="fork()로 자식 프로세스를 정확히 하나 만든다")
def test_forks_exactly_one_child(lab):
    """Forks exactly one child (run once allowed no child, once allowed one)"""
    alone = lab.launch(limits=Limits(processes=1))  # any fork() is refused
    alone.wait_exit(5)
    if not alone.fork_limit_hit():
        raise fail("pipe.no_fork", output=alone.output_tail(), hint="hint.pipe_fork")
    pair = lab.launch(limits=Limits(processes=2))   # parent and one child: enough
    pair.wait_exit(5)
    if pair.fork_limit_hit():
        raise fail("pipe.too_many_processes", output=pair.output_tail(), hint="hint.pipe_fork")


@check(2, "zombies", needs="test_exchanges_the_two_messages",
       ko="부모가 자식을 기다려 회수하고, 좀비나 고아를 남기지 않는다")
def test_parent_reaps_its_child(lab):
    """The parent waits for its child: no zombie lingers, no orphan outlives the parent"""
    program = lab.launch()
    program.expect_line(CHILD, timeout=5, describe="child: Thank you for your message.")
    wait_until(lambda: not program.alive() or program.zombies(), 3)
    if program.alive() and program.zombies():
        if hold_for(lambda: program.alive() and bool(program.zombies()), 1):
            raise fail("pipe.zombie_lingers", zombies=len(program.zombies()),
                       hint="hint.pipe_waitpid")
    status = program.wait_exit(3)
    if status is None:
        raise fail("exit.still_running", program=program.label, seconds=3,
                   where=program.blocked_where(), output=program.output_tail())
    if status != 0:
        raise fail("exit.wrong_status", program=program.label, status=status,
                   expected_status=0, output=program.output_tail())
    if not wait_until(lambda: not program.survivors(), 1):
        raise fail("pipe.orphan", processes=len(program.survivors()), hint="hint.pipe_waitpid")
