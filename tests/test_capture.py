"""CappedStream keeps head and tail, splits lines, and never grows without bound."""

from harness.capture import HEAD_BYTES, TAIL_BYTES, CappedStream


def test_small_output_is_kept_whole():
    s = CappedStream("stdout")
    s.feed(b"one\ntwo\nthr")
    s.feed(b"ee\n")
    s.finish()
    assert [line.text for line in s.lines] == ["one", "two", "three"]
    assert s.text() == "one\ntwo\nthree\n"
    assert not s.truncated


def test_flood_keeps_head_and_tail_only():
    s = CappedStream("stdout")
    for i in range(5000):
        s.feed(f"line {i:05d} ".encode() * 20 + b"\n")
    s.finish()
    assert s.truncated
    text = s.text()
    assert text.startswith("line 00000")
    assert text.rstrip().endswith("line 04999")
    assert "bytes left out" in text
    assert len(text) < HEAD_BYTES + TAIL_BYTES + 200


def test_a_line_without_end_is_cut_not_hoarded():
    s = CappedStream("stdout")
    s.feed(b"x" * 200_000)
    s.finish()
    assert max(len(line.raw) for line in s.lines) <= 64 * 1024


def test_medium_output_is_not_duplicated():
    s = CappedStream("stdout")
    data = bytes(range(256)) * 200  # between head cap and head + tail caps
    s.feed(data)
    s.finish()
    assert s.text().encode("utf-8", "surrogateescape") != b""
    assert s.total == len(data) and not s.truncated
