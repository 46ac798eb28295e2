"""day1/byteorder.py: the host's byte order and each value's bytes, both ways.

    $ python3 byteorder.py 0x12345678 0x1234:16
    host byte order: little-endian
    0x12345678 (32-bit): big-endian 12 34 56 78, little-endian 78 56 34 12, htonl 0x78563412
    0x1234 (16-bit): big-endian 12 34, little-endian 34 12, htons 0x3412

The format is defined in labs/day1/README.md. The expected host order and htonl/htons are
those of the machine the checks run on (``sys.byteorder``), never assumed little-endian.
"""

import socket
import sys

from harness import check, fail, lab_marker

pytestmark = lab_marker("day1/byteorder")

HOST = r"host byte order:\s*(little|big)-endian\s*$"
HEXBYTES = r"[0-9a-f]{2}(?:\s+[0-9a-f]{2})*"
VALUE_LINE = (r"0x([0-9a-f]+)\s*\(\s*(16|32)-bit\s*\)\s*:\s*big-endian\s+(" + HEXBYTES + r")\s*,\s*"
              r"little-endian\s+(" + HEXBYTES + r")\s*,\s*(htonl|htons)\s+0x([0-9a-f]+)\s*$")
HOST_ORDER = "little-endian" if sys.byteorder == "little" else "big-endian"


def expected_line(value: int, bits: int) -> str:
    size = bits // 8
    name, swapped = ("htonl", socket.htonl(value)) if bits == 32 else ("htons", socket.htons(value))
    return (f"0x{value:0{2 * size}x} ({bits}-bit): big-endian {value.to_bytes(size, 'big').hex(' ')}, "
            f"little-endian {value.to_bytes(size, 'little').hex(' ')}, {name} 0x{swapped:0{2 * size}x}")


def shown_values(lab, args: list[str]) -> list[dict]:
    """Run with ``args``; one parsed value line per argument, in order."""
    program = lab.launch(*args)
    program.expect_exit(5)
    rows = [dict(value=int(m.group(1), 16), bits=int(m.group(2)), big=m.group(3).lower().split(),
                 little=m.group(4).lower().split(), name=m.group(5).lower(), swapped=int(m.group(6), 16),
                 line=line.text.strip())
            for line, m in program.lines_matching(VALUE_LINE)]
    if len(rows) != len(args):
        raise fail("byteorder.value_lines_missing", count=len(args), found=len(rows),
                   args=" ".join(args), example=expected_line(*parse(args[0])),
                   output=program.output_tail(), hint="hint.byteorder.format")
    return rows


def parse(arg: str) -> tuple[int, int]:
    digits, _, width = arg.partition(":")
    return int(digits, 0 if digits[:2].lower() == "0x" else 10), int(width or 32)


def compare(arg: str, row: dict, field: str, want, key: str, hint: str):
    value, bits = parse(arg)
    if row["value"] != value or row["bits"] != bits:
        raise fail("byteorder.wrong_value_shown", arg=arg, got=row["line"],
                   expected=expected_line(value, bits), hint="hint.byteorder.format")
    if row[field] != want:
        raise fail(key, arg=arg, got=row["line"], expected=expected_line(value, bits),
                   host_order=HOST_ORDER, hint=hint)


@check(1, "byte-order", ko="이 컴퓨터의 바이트 순서를 출력한다")
def test_prints_the_host_byte_order(lab):
    """Prints the byte order of the machine it runs on"""
    program = lab.launch()
    program.expect_exit(5)
    got = program.expect_line(HOST, describe=f"host byte order: {HOST_ORDER}").group(1).lower() + "-endian"
    if got != HOST_ORDER:
        raise fail("byteorder.wrong_host_order", shown=got, host_order=HOST_ORDER,
                   hint="hint.byteorder.host_order")


VALUES_32 = ["0x12345678", "1", "0xDEADBEEF", "305419896", "0", "4294967295", "0x00ABCDEF", "256"]


@check(2, "byte-order", ko="32비트 값의 빅 엔디언, 리틀 엔디언 바이트를 보인다")
def test_shows_the_bytes_of_32_bit_values(lab):
    """Shows each 32-bit value's bytes in big-endian and in little-endian order"""
    for arg, row in zip(VALUES_32, shown_values(lab, VALUES_32), strict=True):
        value, _ = parse(arg)
        compare(arg, row, "big", value.to_bytes(4, "big").hex(" ").split(),
                "byteorder.wrong_big_endian", "hint.byteorder.to_bytes")
        compare(arg, row, "little", value.to_bytes(4, "little").hex(" ").split(),
                "byteorder.wrong_little_endian", "hint.byteorder.to_bytes")


@check(2, "byte-order", needs="test_shows_the_bytes_of_32_bit_values", ko="htonl 결과를 보인다")
def test_shows_htonl(lab):
    """Shows htonl of each 32-bit value, as this machine computes it"""
    for arg, row in zip(VALUES_32, shown_values(lab, VALUES_32), strict=True):
        value, _ = parse(arg)
        if row["name"] != "htonl":
            raise fail("byteorder.wrong_function", arg=arg, got=row["line"],
                       expected=expected_line(value, 32), hint="hint.byteorder.format")
        compare(arg, row, "swapped", socket.htonl(value), "byteorder.wrong_htonl", "hint.byteorder.htonl")


VALUES_16 = ["0x1234:16", "1:16", "65535:16", "0xABCD:16", "258:16", "0x1234:32", "0x1234"]


@check(2, "byte-order", needs="test_shows_the_bytes_of_32_bit_values",
       ko="16비트 값(:16)의 바이트와 htons 결과를 보인다")
def test_shows_16_bit_values_and_htons(lab):
    """Shows 16-bit values (VALUE:16) with their 2 bytes both ways and htons"""
    for arg, row in zip(VALUES_16, shown_values(lab, VALUES_16), strict=True):
        value, bits = parse(arg)
        size = bits // 8
        compare(arg, row, "big", value.to_bytes(size, "big").hex(" ").split(),
                "byteorder.wrong_big_endian", "hint.byteorder.to_bytes")
        compare(arg, row, "little", value.to_bytes(size, "little").hex(" ").split(),
                "byteorder.wrong_little_endian", "hint.byteorder.to_bytes")
        if bits == 32:
            continue  # the width is right; htonl is the business of test_shows_htonl
        if row["name"] != "htons":
            raise fail("byteorder.wrong_function", arg=arg, got=row["line"],
                       expected=expected_line(value, bits), hint="hint.byteorder.format")
        compare(arg, row, "swapped", socket.htons(value), "byteorder.wrong_htons", "hint.byteorder.htonl")


@check(1, "robustness", ko="잘못된 값은 트레이스백 없이 오류로 끝낸다")
def test_rejects_bad_values(lab):
    """Rejects negative, too wide and non-numeric values cleanly (exit 1 or 2, no traceback)"""
    for args in (["-1"], ["4294967296"], ["0x100000000"], ["65536:16"], ["abc"], ["12abc"], ["0x"],
                 ["1:8"], ["1", "-5"]):
        program = lab.launch(*args)
        status = program.wait_exit(5, idle_is_final=True)
        if status == 0:
            raise fail("byteorder.accepted_bad_value", args=" ".join(args), output=program.output_tail(),
                       hint="hint.byteorder.check_range")
        program.expect_exit(5, codes=(1, 2))
        program.expect_no_traceback()
        if not program.stderr.text().strip():
            raise fail("byteorder.silent_error", args=" ".join(args), hint="hint.say_why_on_stderr")

