"""Byte order, diagnosed: why bytes that should hold a 32-bit integer in network order do not.

The calculator labs exchange 32-bit signed integers in network byte order (big-endian).
When a student's program gets that wrong, the bytes still tell how: they may be the
right value in little-endian order (``struct`` format ``'<i'``, or plain ``'i'`` on x86
and ARM), the decimal text of the value, an 8-byte integer, a count packed into 4 bytes
instead of 1, or the result a server computes from operands it read in little-endian.
The functions here recognise those cases and return a :class:`Diagnosis`: the catalog
key that names the cause, the hint key that names the fix, and their parameters.

Everything here is pure computation on bytes and integers (no sockets), so it is unit
tested on its own (``tests/test_byteorder_diagnosis.py``).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from itertools import product

from harness.feedback import CheckFailed, fail

INT32_MIN = -(1 << 31)
INT32_MAX = (1 << 31) - 1
OPERATORS = ("+", "-", "*")


# -- values and their bytes --------------------------------------------------------------
def wrap32(value: int) -> int:
    """``value`` in 32-bit two's complement, as a C ``int`` would hold it."""
    return (value + (1 << 31)) % (1 << 32) - (1 << 31)


def to_be(value: int) -> bytes:
    """4 bytes, network byte order (``struct.pack('!i', value)``)."""
    return struct.pack("!i", wrap32(value))


def to_le(value: int) -> bytes:
    """4 bytes, little-endian (``struct.pack('<i', value)``): the usual mistake."""
    return struct.pack("<i", wrap32(value))


def from_be(data: bytes) -> int:
    return struct.unpack("!i", data)[0]


def from_le(data: bytes) -> int:
    return struct.unpack("<i", data)[0]


def misread(value: int) -> int:
    """What a program that reads little-endian gets from ``value`` sent in network order."""
    return from_le(to_be(value))


def hexbytes(data: bytes) -> str:
    return " ".join(f"{b:02x}" for b in data) or "(no bytes)"


# -- the calculator's protocol ----------------------------------------------------------
def calculate(operands, operator: str) -> int:
    """The protocol's result: left to right from the first operand, wrapped like a C int."""
    result = operands[0]
    for x in operands[1:]:
        if operator == "+":
            result += x
        elif operator == "-":
            result -= x
        elif operator == "*":
            result *= x
        else:
            raise ValueError(f"unknown operator {operator!r}")
    return wrap32(result)


def encode_request(operands, operator: str) -> bytes:
    """1 byte count, each operand 4 bytes big-endian, 1 byte operator."""
    return bytes([len(operands)]) + b"".join(to_be(x) for x in operands) + operator.encode("ascii")


def expression(operands, operator: str, limit: int = 6) -> str:
    """``1000 + 24`` for feedback; long requests are abbreviated."""
    shown = [str(x) for x in operands]
    if len(shown) > limit:
        shown = shown[:3] + ["…"] + shown[-2:]
        return f" {operator} ".join(shown) + f" ({len(operands)} operands)"
    return f" {operator} ".join(shown)


# -- diagnoses ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Diagnosis:
    key: str                        # the failure message: names the cause
    hint: str | None = None         # the hint: names the fix
    params: dict = field(default_factory=dict)

    def fail(self, hint=None, **kw) -> CheckFailed:
        """The check failure, with ``kw`` (sent/got/expected, more params) added.

        The diagnosis's own hint wins over ``hint``, which is the check's fallback.
        """
        return fail(self.key, hint=self.hint or hint, **{**self.params, **kw})


def _decimal(data: bytes) -> int | None:
    """The integer ``data`` spells in ASCII decimal (spaces, CR, LF, NUL around), else None."""
    try:
        text = data.decode("ascii").strip(" \r\n\t\0")
    except UnicodeDecodeError:
        return None
    return int(text) if re.fullmatch(r"[-+]?\d{1,20}", text) else None


def diagnose_int32(got: bytes, expected: int) -> Diagnosis | None:
    """One 32-bit signed integer that should be in network byte order; None if it is."""
    want = to_be(expected)
    if got == want:
        return None
    base = {"got_hex": hexbytes(got), "expected_hex": hexbytes(want), "value": wrap32(expected)}
    if got == to_le(expected):
        return Diagnosis("order.little_endian", "hint.order.pack_network", base)
    if _decimal(got) == expected:  # b"1024" is 4 bytes too
        return Diagnosis("order.as_text", "hint.order.pack_not_text",
                         {**base, "text": got.decode("ascii")})
    if len(got) == 8 and got in (struct.pack("!q", expected), struct.pack("<q", expected)):
        key = "order.eight_bytes" if got == struct.pack("!q", expected) else "order.eight_bytes_little_endian"
        return Diagnosis(key, "hint.order.four_bytes", base)
    if len(got) == 4:
        return Diagnosis("order.wrong_value", None, {**base, "got_value": from_be(got)})
    return Diagnosis("order.wrong_length", None, {**base, "got_len": len(got)})


def _example_operand(operands) -> int:
    """An operand whose bytes change when read little-endian (to show what went wrong)."""
    return next((x for x in operands if misread(x) != x), operands[0])


def diagnose_reply(got: bytes, operands, operator: str) -> Diagnosis | None:
    """A calculator server's reply to ``operands`` and ``operator``; None if it is right."""
    expected = calculate(operands, operator)
    if got == to_be(expected):
        return None
    x = _example_operand(operands)
    params = {"got_hex": hexbytes(got), "expected_hex": hexbytes(to_be(expected)), "value": expected,
              "operand": x, "operand_hex": hexbytes(to_be(x)), "operand_le": misread(x)}
    if got == to_le(expected):
        return Diagnosis("order.little_endian", "hint.order.pack_network", params)
    result_of_misread = calculate([misread(v) for v in operands], operator)
    if got == to_be(result_of_misread):
        return Diagnosis("calc.operands_read_little_endian", "hint.calc.unpack_network",
                         {**params, "misread_result": result_of_misread})
    if got == to_le(result_of_misread):
        return Diagnosis("calc.server_little_endian", "hint.calc.network_both_ways", params)
    return diagnose_int32(got, expected)


_COUNTS = {"byte": lambda n: bytes([n]), "int_be": lambda n: struct.pack("!i", n),
           "int_le": lambda n: struct.pack("<i", n)}
_BODIES = {"be": "!{n}i", "le": "<{n}i", "q_be": "!{n}q", "q_le": "<{n}q"}
_REQUEST_KEYS = {
    ("byte", "le"): ("calc.request_little_endian", "hint.order.pack_network"),
    ("int_be", "be"): ("calc.request_count_4_bytes", "hint.calc.count_one_byte"),
    ("int_le", "be"): ("calc.request_count_4_bytes", "hint.calc.count_one_byte"),
    ("int_be", "le"): ("calc.request_count_4_bytes_little_endian", "hint.calc.request_layout"),
    ("int_le", "le"): ("calc.request_count_4_bytes_little_endian", "hint.calc.request_layout"),
}


def _printable_text(data: bytes) -> str | None:
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        return None
    return text if all(c.isprintable() or c in "\r\n\t" for c in text) else None


def diagnose_request(got: bytes, operands, operator: str) -> Diagnosis | None:
    """A calculator client's request for ``operands`` and ``operator``; None if it is right."""
    expected = encode_request(operands, operator)
    if got == expected:
        return None
    n = len(operands)
    x = _example_operand(operands)
    params = {"expected_len": len(expected), "got_len": len(got), "count": n,
              "operand": x, "operand_hex": hexbytes(to_be(x)), "operand_le_hex": hexbytes(to_le(x)),
              "count_hex": hexbytes(got[:4]), "count_byte": hexbytes(bytes([n])), "operator": operator}
    op = operator.encode("ascii")
    for (count_kind, count_of), (body_kind, body) in product(_COUNTS.items(), _BODIES.items()):
        try:
            candidate = count_of(n) + struct.pack(body.format(n=n), *operands) + op
        except struct.error:
            continue
        if got != candidate:
            continue
        if body_kind.startswith("q_"):
            return Diagnosis("calc.request_operands_8_bytes", "hint.order.four_bytes", params)
        key, hint = _REQUEST_KEYS[(count_kind, body_kind)]
        return Diagnosis(key, hint, params)
    if not got:
        return Diagnosis("calc.request_nothing", "hint.calc.request_layout", params)
    if got.startswith(expected):
        return Diagnosis("calc.request_extra_bytes", "hint.calc.request_layout",
                         {**params, "extra": len(got) - len(expected),
                          "extra_hex": hexbytes(got[len(expected):][:8])})
    if expected.startswith(got):
        return Diagnosis("calc.request_short", "hint.calc.request_layout", params)
    text = _printable_text(got)
    if text is not None:
        numbers = [int(t) for t in re.findall(r"[-+]?\d+", text)]
        if all(v in numbers for v in operands):
            return Diagnosis("calc.request_as_text", "hint.calc.request_layout",
                             {**params, "text": text[:60]})
    if n < 10 and got[:1] == str(n).encode() and got[1:] == expected[1:]:
        return Diagnosis("calc.request_count_as_text", "hint.calc.count_one_byte",
                         {**params, "count_hex": hexbytes(got[:1])})
    offset = next((i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b),
                  min(len(got), len(expected)))
    return Diagnosis("calc.request_wrong", "hint.calc.request_layout", {**params, "offset": offset})


def diagnose_printed(printed: int, expected: int) -> Diagnosis | None:
    """What a calculator client printed for a reply that held ``expected`` in network order."""
    if printed == expected:
        return None
    reply = to_be(expected)
    params = {"printed": printed, "value": expected, "reply_hex": hexbytes(reply)}
    if printed in (from_le(reply), int.from_bytes(reply, "little")):
        return Diagnosis("calc.result_decoded_little_endian", "hint.calc.unpack_network", params)
    if expected < 0 and printed == expected + (1 << 32):
        return Diagnosis("calc.result_unsigned", "hint.calc.signed", params)
    return Diagnosis("calc.result_wrong", None, params)


# Every key a diagnosis can return (for the catalog's tests).
KEYS = ("order.little_endian", "order.wrong_value", "order.eight_bytes",
        "order.eight_bytes_little_endian", "order.as_text", "order.wrong_length",
        "calc.operands_read_little_endian", "calc.server_little_endian",
        "calc.request_little_endian", "calc.request_count_4_bytes",
        "calc.request_count_4_bytes_little_endian", "calc.request_operands_8_bytes",
        "calc.request_nothing", "calc.request_extra_bytes", "calc.request_short",
        "calc.request_as_text", "calc.request_count_as_text", "calc.request_wrong",
        "calc.result_decoded_little_endian", "calc.result_unsigned", "calc.result_wrong")
HINTS = ("hint.order.pack_network", "hint.order.four_bytes", "hint.order.pack_not_text",
         "hint.calc.unpack_network", "hint.calc.network_both_ways", "hint.calc.count_one_byte",
         "hint.calc.request_layout", "hint.calc.signed")
