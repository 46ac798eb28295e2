"""The byte-order diagnosis (harness/byteorder.py): each wrong encoding gets its own cause and fix.

The last tests grade a whole submission whose op_server and op_client use '<i' and check
that the feedback names byte order as the cause, in English and in Korean.
"""

from __future__ import annotations

import json
import struct

import pytest

from harness.byteorder import (
    HINTS,
    KEYS,
    calculate,
    diagnose_int32,
    diagnose_printed,
    diagnose_reply,
    diagnose_request,
    encode_request,
    expression,
    from_be,
    from_le,
    misread,
    to_be,
    to_le,
    wrap32,
)
from harness.catalog import MESSAGES, text
from harness.course import lab_modules
from harness.grading import run_checks
from tests.mutants import REFERENCE


# -- the protocol --------------------------------------------------------------------------
def test_wraps_like_a_c_int():
    assert wrap32(2**31) == -2**31
    assert wrap32(-2**31 - 1) == 2**31 - 1
    assert wrap32(2**32 + 5) == 5
    assert calculate([2147483647, 1], "+") == -2147483648
    assert calculate([65536, 65537], "*") == 65536


def test_operators_apply_left_to_right():
    assert calculate([10, 3, 2], "-") == 5
    assert calculate([7], "*") == 7
    with pytest.raises(ValueError):
        calculate([1, 2], "/")


def test_request_layout():
    assert encode_request([1000, 24], "+") == bytes.fromhex("02 000003e8 00000018 2b")
    assert len(encode_request(list(range(255)), "*")) == 1 + 255 * 4 + 1


def test_bytes_both_ways():
    assert to_be(1024) == b"\x00\x00\x04\x00" and to_le(1024) == b"\x00\x04\x00\x00"
    assert from_be(to_be(-2)) == -2 and from_le(to_le(-2)) == -2
    assert misread(1) == 16777216


def test_expression_abbreviates_long_requests():
    assert expression([1000, 24], "+") == "1000 + 24"
    assert "255 operands" in expression(list(range(255)), "+")


# -- one 32-bit value -------------------------------------------------------------------------
def test_right_bytes_need_no_diagnosis():
    assert diagnose_int32(to_be(-42), -42) is None


@pytest.mark.parametrize("got, key, hint", [
    (struct.pack("<i", 1024), "order.little_endian", "hint.order.pack_network"),
    (b"1024", "order.as_text", "hint.order.pack_not_text"),
    (b"1024\n", "order.as_text", "hint.order.pack_not_text"),
    (struct.pack("!q", 1024), "order.eight_bytes", "hint.order.four_bytes"),
    (struct.pack("<q", 1024), "order.eight_bytes_little_endian", "hint.order.four_bytes"),
    (struct.pack("!i", 1023), "order.wrong_value", None),
    (b"\x00\x04", "order.wrong_length", None),
])
def test_a_wrong_int32_is_diagnosed(got, key, hint):
    d = diagnose_int32(got, 1024)
    assert (d.key, d.hint) == (key, hint)


# -- a server's reply ---------------------------------------------------------------------------
# The check's byte-order requests: every way of getting the order wrong gives other bytes.
BYTE_ORDER_REQUESTS = [([1000, 24], "+"), ([65535, 1], "+")]


@pytest.mark.parametrize("operands, op", BYTE_ORDER_REQUESTS)
def test_byte_order_requests_tell_every_mistake_apart(operands, op):
    right = calculate(operands, op)
    wrong = calculate([misread(x) for x in operands], op)
    candidates = {to_be(right), to_le(right), to_be(wrong), to_le(wrong)}
    assert len(candidates) == 4


def test_the_check_module_uses_these_requests():
    source = next(p for p in lab_modules() if p.name == "test_op_server.py").read_text()
    assert f"BYTE_ORDER_REQUESTS = {BYTE_ORDER_REQUESTS!r}".replace("'", '"') in source


def test_carry_free_requests_would_not_tell():
    """Why the requests carry: 1 + 2 read and written little-endian is still 3."""
    wrong = calculate([misread(1), misread(2)], "+")
    assert to_le(wrong) == to_be(3)


@pytest.mark.parametrize("make, key, hint", [
    (lambda r, w: to_le(r), "order.little_endian", "hint.order.pack_network"),
    (lambda r, w: to_be(w), "calc.operands_read_little_endian", "hint.calc.unpack_network"),
    (lambda r, w: to_le(w), "calc.server_little_endian", "hint.calc.network_both_ways"),
    (lambda r, w: str(r).encode(), "order.as_text", "hint.order.pack_not_text"),
    (lambda r, w: struct.pack("!q", r), "order.eight_bytes", "hint.order.four_bytes"),
    (lambda r, w: to_be(r + 1), "order.wrong_value", None),
])
def test_a_wrong_reply_is_diagnosed(make, key, hint):
    operands, op = [1000, 24], "+"
    right, wrong = calculate(operands, op), calculate([misread(x) for x in operands], op)
    d = diagnose_reply(make(right, wrong), operands, op)
    assert (d.key, d.hint) == (key, hint)
    assert d.params["expected_hex"] == "00 00 04 00"


def test_right_reply_needs_no_diagnosis():
    assert diagnose_reply(to_be(1024), [1000, 24], "+") is None


# -- a client's request ---------------------------------------------------------------------------
OPERANDS, OP = [1, 258, 65536], "+"


@pytest.mark.parametrize("got, key", [
    (b"\x03" + struct.pack("<3i", *OPERANDS) + b"+", "calc.request_little_endian"),
    (struct.pack("!i", 3) + struct.pack("!3i", *OPERANDS) + b"+", "calc.request_count_4_bytes"),
    (struct.pack("<i", 3) + struct.pack("!3i", *OPERANDS) + b"+", "calc.request_count_4_bytes"),
    (struct.pack("<i", 3) + struct.pack("<3i", *OPERANDS) + b"+", "calc.request_count_4_bytes_little_endian"),
    (b"\x03" + struct.pack("<3q", *OPERANDS) + b"+", "calc.request_operands_8_bytes"),
    (b"3 1 258 65536 +\n", "calc.request_as_text"),
    (b"3\n1\n258\n65536\n+\n", "calc.request_as_text"),
    (b"3" + struct.pack("!3i", *OPERANDS) + b"+", "calc.request_count_as_text"),
    (encode_request(OPERANDS, OP) + b"\n", "calc.request_extra_bytes"),
    (encode_request(OPERANDS, OP)[:5], "calc.request_short"),
    (b"", "calc.request_nothing"),
    (b"\x03" + struct.pack("!3i", *OPERANDS) + b"-", "calc.request_wrong"),
])
def test_a_wrong_request_is_diagnosed(got, key):
    d = diagnose_request(got, OPERANDS, OP)
    assert d.key == key
    text(d.key, "en", **d.params)  # every parameter the message needs is there


def test_little_endian_request_names_the_operand():
    d = diagnose_request(b"\x03" + struct.pack("<3i", *OPERANDS) + b"+", OPERANDS, OP)
    assert "01 00 00 00" in text(d.key, "en", **d.params)


def test_right_request_needs_no_diagnosis():
    assert diagnose_request(encode_request(OPERANDS, OP), OPERANDS, OP) is None


# -- what a client printed ----------------------------------------------------------------------
@pytest.mark.parametrize("printed, expected, key", [
    (262144, 1024, "calc.result_decoded_little_endian"),
    (704643072, 42, "calc.result_decoded_little_endian"),
    (4294967254, -42, "calc.result_unsigned"),
    (1025, 1024, "calc.result_wrong"),
])
def test_a_wrong_printed_result_is_diagnosed(printed, expected, key):
    assert diagnose_printed(printed, expected).key == key


# -- the catalog ------------------------------------------------------------------------------
def test_every_diagnosis_key_has_both_languages():
    for key in KEYS + HINTS:
        assert MESSAGES[key]["en"].strip() and MESSAGES[key]["ko"].strip(), key


# -- the showcase: a little-endian submission, graded ------------------------------------------
def _little_endian_submission(root):
    day = root / "day2"
    day.mkdir(parents=True)
    server = (REFERENCE / "day2" / "op_server.py").read_text()
    client = (REFERENCE / "day2" / "op_client.py").read_text()
    edits = {server: [('struct.unpack(f"!{count}i"', 'struct.unpack(f"<{count}i"'),
                      ('struct.pack("!i"', 'struct.pack("<i"')],
             client: [('struct.pack(f"!{count}i"', 'struct.pack(f"<{count}i"'),
                      ("struct.unpack('!i'", "struct.unpack('<i'")]}
    for name, source in (("op_server.py", server), ("op_client.py", client)):
        for old, new in edits[source]:
            assert source.count(old) == 1, old
            source = source.replace(old, new)
        (day / name).write_text(source)
    return root


@pytest.fixture(scope="module")
def little_endian_feedback(tmp_path_factory):
    root = _little_endian_submission(tmp_path_factory.mktemp("le") / "submission")
    modules = lab_modules(only=["day2/op_server", "day2/op_client"])
    feedback = {}
    for lang in ("en", "ko"):
        out = tmp_path_factory.mktemp(lang) / "results.json"
        run_checks(root, out, modules=modules, lang=lang)
        tests = json.loads(out.read_text())["tests"]
        feedback[lang] = {t["extra_data"]["nodeid"].rsplit("::", 1)[1]: t for t in tests}
    return feedback


@pytest.mark.parametrize("check", ["test_uses_network_byte_order",
                                   "test_sends_the_request_in_network_byte_order"])
@pytest.mark.parametrize("lang, cause", [("en", ("Byte order", "little-endian")),
                                         ("ko", ("바이트 순서", "리틀 엔디언"))])
def test_little_endian_submission_is_told_byte_order_is_the_cause(little_endian_feedback, check, lang,
                                                                    cause):
    result = little_endian_feedback[lang][check]
    assert result["extra_data"]["status"] == "failed"
    first_line = result["output"].splitlines()[0]
    assert all(word in first_line for word in cause), first_line   # the cause, first
    assert "'!i'" in result["output"]                                 # the fix, in the hint
    assert "00 00 04 00" in result["output"] or "00 00 00 01" in result["output"]  # the bytes, in hex
