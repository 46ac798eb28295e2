"""day2/inet_conv.py: address conversion, IPv4 and IPv6.

    python3 inet_conv.py aton A.B.C.D     prints 0x and 8 hex digits (the 4 bytes, network order)
    python3 inet_conv.py ntoa VALUE       prints A.B.C.D   (VALUE: 0x + 1..8 hex digits, or decimal)
    python3 inet_conv.py pton6 TEXT       prints 32 hex digits (the 16 bytes)
    python3 inet_conv.py ntop6 HEX32      prints the canonical text (RFC 5952)

The answer is the last word of the last line on stdout (a prompt before it is ignored),
compared case-insensitively. Invalid input: a message on stderr and exit status 1.
Valid and invalid are what ``inet_pton`` accepts (labs/day2/README.md).
"""

from harness import CheckFailed, check, fail, lab_marker

pytestmark = lab_marker("day2/inet_conv")


def answer(lab, command: str, arg: str, expected: str, hint=None) -> str:
    """Run one conversion; it must exit 0 and print ``expected`` as the last word."""
    program = lab.launch(command, arg)
    program.expect_exit(5)
    lines = [line for line in program.stdout.text().splitlines() if line.strip()]
    if not lines:
        raise fail("inet.no_output", command=command, arg=arg, wanted=expected,
                   output=program.output_tail(), hint=hint)
    return lines[-1].split()[-1]


def _same(got: str, want: str) -> bool:
    """Case-insensitive; 0x numbers compare by value (0x1020304 is 0x01020304)."""
    if want.lower().startswith("0x"):
        try:
            return got.lower().startswith("0x") and int(got, 16) == int(want, 16)
        except ValueError:
            return False
    return got.lower() == want.lower()


def converts(lab, command: str, arg: str, expected: str, *, hint=None, host_order: str | None = None):
    got = answer(lab, command, arg, expected, hint)
    if _same(got, expected):
        return
    if host_order is not None and _same(got, host_order):
        raise fail("inet.host_order", command=command, arg=arg, shown=got, wanted=expected, hint=hint)
    raise fail("inet.wrong_output", command=command, arg=arg, shown=got, wanted=expected, hint=hint)


def rejects(lab, command: str, arg: str, hint: str):
    program = lab.launch(command, arg)
    status = program.wait_exit(5, idle_is_final=True)
    if status == 0:
        shown = program.stdout.text().strip().splitlines()
        raise fail("inet.accepted_invalid", command=command, arg=arg,
                   shown=shown[-1] if shown else "", hint=hint)
    try:
        program.expect_exit(5, codes=(1,))
        program.expect_no_traceback()
    except CheckFailed as exc:
        exc.hint = exc.hint or hint
        raise
    if not program.stderr.text().strip():
        raise fail("inet.silent_rejection", command=command, arg=arg, hint="hint.say_why_on_stderr")


def _dotted(value: int) -> str:
    return ".".join(str(b) for b in value.to_bytes(4, "big"))


IPV4 = [("1.2.3.4", 0x01020304), ("192.168.0.1", 0xC0A80001), ("10.0.0.255", 0x0A0000FF),
        ("0.0.0.0", 0), ("255.255.255.255", 0xFFFFFFFF), ("127.0.0.1", 0x7F000001)]


@check(2, "byte-order", ko="점 표기 IPv4 주소를 네트워크 바이트 순서의 32비트 값으로 바꾼다")
def test_converts_dotted_ipv4_to_a_32_bit_value(lab):
    """aton: dotted IPv4 to the 32-bit value in network byte order (0x01020304)"""
    for text, value in IPV4:
        swapped = int.from_bytes(value.to_bytes(4, "big"), "little")
        converts(lab, "aton", text, f"0x{value:08x}", host_order=f"0x{swapped:08x}",
                 hint="hint.inet.aton_network_order")


@check(2, "byte-order", ko="32비트 값을 점 표기 IPv4 주소로 바꾼다")
def test_converts_a_32_bit_value_to_dotted_ipv4(lab):
    """ntoa: a 32-bit value (hex or decimal) to dotted IPv4"""
    for arg, value in (("0x01020304", 0x01020304), ("0xc0a80001", 0xC0A80001), ("0XC0A80001", 0xC0A80001),
                       ("0x0", 0), ("0xffffffff", 0xFFFFFFFF), ("16909060", 0x01020304),
                       ("3232235521", 0xC0A80001)):
        swapped = int.from_bytes(value.to_bytes(4, "big"), "little")
        converts(lab, "ntoa", arg, _dotted(value), host_order=_dotted(swapped),
                 hint="hint.inet.ntoa_network_order")


@check(2, "robustness", ko="잘못된 IPv4 입력은 종료 상태 1로 거절한다")
def test_rejects_invalid_ipv4(lab):
    """Rejects invalid IPv4 input with exit status 1: 255.255.255.256, 1.2.3.4.5, 01.2.3.4..."""
    for command, arg, hint in (
            ("aton", "255.255.255.256", "hint.inet.octet_range"),
            ("aton", "256.1.1.1", "hint.inet.octet_range"),
            ("aton", "1.2.3.4.5", "hint.inet.four_parts"),
            ("aton", "1.2.3", "hint.inet.four_parts"),
            ("aton", "1..3.4", "hint.inet.four_parts"),
            ("aton", "01.2.3.4", "hint.inet.leading_zero"),
            ("aton", "1.2.3.-4", "hint.inet.octet_range"),
            ("aton", "a.b.c.d", "hint.inet.octet_range"),
            ("ntoa", "0x100000000", "hint.inet.value32"),
            ("ntoa", "4294967296", "hint.inet.value32"),
            ("ntoa", "1.2.3.4", "hint.inet.value32"),
            ("ntoa", "0xg", "hint.inet.value32")):
        rejects(lab, command, arg, hint)


IPV6 = [("::1", "00000000000000000000000000000001"),
        ("::", "00000000000000000000000000000000"),
        ("2001:db8::1", "20010db8000000000000000000000001"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "20010db8000000000000000000000001"),
        ("FE80::1:2", "fe800000000000000000000000010002"),
        ("::ffff:1.2.3.4", "00000000000000000000ffff01020304"),
        ("1:2:3:4:5:6:7:8", "00010002000300040005000600070008"),
        ("1::", "00010000000000000000000000000000")]


@check(2, "correctness", ko="IPv6 표기를 16바이트(16진수 32자리)로 바꾼다")
def test_converts_ipv6_text_to_16_bytes(lab):
    """pton6: IPv6 text (leading zeros, upper case, ::ffff:1.2.3.4) to 32 hex digits"""
    for text, packed in IPV6:
        converts(lab, "pton6", text, packed, hint="hint.inet.hex32")


CANONICAL = [("20010db8000000000000000000000001", "2001:db8::1"),
             ("00000000000000000000000000000000", "::"),
             ("00000000000000000000000000000001", "::1"),
             ("00010000000000000000000000000000", "1::"),
             ("20010db8000000000001000000000001", "2001:db8::1:0:0:1"),   # a tie: the first run
             ("20010db8000000000000000100000000", "2001:db8::1:0:0"),     # the longest run
             ("20010db8000000010001000100010001", "2001:db8:0:1:1:1:1:1"),  # one zero group stays
             ("FE800000000000000000000000000001", "fe80::1"),
             ("00000000000000000000ffff01020304", "::ffff:1.2.3.4"),      # IPv4-mapped: dotted
             ("00010002000300040005000600070008", "1:2:3:4:5:6:7:8")]


@check(3, "correctness", ko="16바이트를 RFC 5952 표준 표기로 바꾼다")
def test_prints_ipv6_in_canonical_form(lab):
    """ntop6: 16 bytes to the canonical text of RFC 5952 (longest zero run as ::, lower case)"""
    for packed, text in CANONICAL:
        converts(lab, "ntop6", packed, text, hint="hint.inet.rfc5952")


@check(2, "robustness", ko="잘못된 IPv6 입력은 종료 상태 1로 거절한다")
def test_rejects_invalid_ipv6(lab):
    """Rejects invalid IPv6 input with exit status 1: ::g, 1::2::3, 31 hex digits..."""
    for command, arg, hint in (
            ("pton6", "::g", "hint.inet.ipv6_syntax"),
            ("pton6", "1::2::3", "hint.inet.ipv6_syntax"),
            ("pton6", "12345::", "hint.inet.ipv6_syntax"),
            ("pton6", "1:2:3:4:5:6:7:8:9", "hint.inet.ipv6_syntax"),
            ("pton6", ":::", "hint.inet.ipv6_syntax"),
            ("pton6", "1.2.3.4", "hint.inet.ipv6_syntax"),
            ("pton6", "::ffff:1.2.3.256", "hint.inet.ipv6_syntax"),
            ("ntop6", "0" * 31, "hint.inet.hex32_input"),
            ("ntop6", "0" * 33, "hint.inet.hex32_input"),
            ("ntop6", "g" + "0" * 31, "hint.inet.hex32_input")):
        rejects(lab, command, arg, hint)
