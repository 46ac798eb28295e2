"""day1/fdinfo.py: descriptor numbers of a file, a TCP socket and a UDP socket.

`python3 fdinfo.py` opens a file, a TCP socket and a UDP socket, in that order, and prints
`file: N`, `tcp: N`, `udp: N`. The grader starts it with only stdin, stdout and stderr
open (0, 1, 2), so a new descriptor is always the lowest free number: 3, 4 and 5.
"""

from harness import check, fail, lab_marker

pytestmark = lab_marker("day1/fdinfo")

KINDS = ("file", "tcp", "udp")


def shown(lab):
    """({kind: N}, the kinds in the order their lines came, the program)."""
    program = lab.launch()
    program.expect_exit(5)
    numbers, order = {}, []
    for _line, match in program.lines_matching(r"(?:^|\s)(file|tcp|udp):\s*(\d+)\s*$"):
        kind = match.group(1).lower()
        if kind not in numbers:
            numbers[kind] = int(match.group(2))
            order.append(kind)
    return numbers, order, program


@check(2, "output", ko="file: N, tcp: N, udp: N 세 줄을 출력한다")
def test_prints_the_three_descriptors(lab):
    """Prints the lines `file: N`, `tcp: N` and `udp: N`"""
    numbers, _, program = shown(lab)
    missing = [f"{kind}: N" for kind in KINDS if kind not in numbers]
    if missing:
        raise fail("fdinfo.lines_missing", missing=", ".join(missing), output=program.output_tail(),
                   hint="hint.fdinfo.format")


@check(2, "correctness", needs="test_prints_the_three_descriptors",
       ko="연 순서대로 가장 작은 빈 번호 3, 4, 5를 받는다")
def test_descriptors_follow_the_opening_order(lab):
    """The descriptors are 3, 4 and 5: file, then TCP, then UDP, each the lowest free number"""
    numbers, order, program = shown(lab)
    got = ", ".join(f"{kind}: {numbers[kind]}" for kind in order)
    if order != list(KINDS):
        raise fail("fdinfo.wrong_order", shown=got, hint="hint.fdinfo.order")
    if [numbers[k] for k in KINDS] != [3, 4, 5]:
        raise fail("fdinfo.wrong_numbers", shown=got, hint="hint.fdinfo.lowest_free")
