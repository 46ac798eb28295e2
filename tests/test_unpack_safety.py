"""A submission's archive and tree are read without trusting them: links never lead out,
caps hold before anything is read, any bytes in a name are handled, and hashing or
finding a submission never follows a link or opens a FIFO."""

from __future__ import annotations

import io
import os
import secrets
import struct
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from harness.batch import unpack as unpack_mod
from harness.batch.inputs import content_hash, find_days
from harness.batch.unpack import MAX_MEMBERS, UnsafeArchive, unpack


def zip_of(path: Path, entries: list[tuple[str, bytes | str]]) -> Path:
    """A zip of (name, data) files and (name, "-> target") links, in this order."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries:
            if isinstance(data, str) and data.startswith("-> "):
                info = zipfile.ZipInfo(name)
                info.external_attr = 0o120777 << 16
                zf.writestr(info, data[3:])
            else:
                zf.writestr(name, data)
    return path


def tar_of(path: Path, entries: list[tuple[str | bytes, bytes | str]]) -> Path:
    """A tar.gz of (name, data) files and (name, "-> target") links; bytes names as they are."""
    with tarfile.open(path, "w:gz", format=tarfile.GNU_FORMAT, encoding="utf-8",
                      errors="surrogateescape") as tf:
        for name, data in entries:
            info = tarfile.TarInfo(os.fsdecode(name))
            if isinstance(data, str) and data.startswith("-> "):
                info.type, info.linkname = tarfile.SYMTYPE, data[3:]
                tf.addfile(info)
            else:
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
    return path


def refused(archive: Path, target: Path, reason: str) -> None:
    with pytest.raises(UnsafeArchive, match=reason):
        unpack(archive, target)
    assert not target.exists()  # no partial tree


@pytest.fixture
def outside(tmp_path):
    """A folder beside the target: nothing may ever land in it."""
    folder = tmp_path / "outside"
    folder.mkdir()
    yield folder
    assert list(folder.iterdir()) == []


# -- zip ----------------------------------------------------------------------------------------
def test_a_zip_link_leading_out_then_a_member_through_it_is_refused(tmp_path, outside):
    archive = zip_of(tmp_path / "s.zip", [("a", f"-> {outside}"), ("a/evil.py", b"x")])
    refused(archive, tmp_path / "out", "points outside")


def test_a_zip_member_beneath_an_inside_link_is_refused(tmp_path):
    archive = zip_of(tmp_path / "s.zip", [("day1/ok.py", b"1"), ("day2/x", "-> ../day1"),
                                          ("day2/x/evil.py", b"x")])
    refused(archive, tmp_path / "out", "goes through the link")


def test_a_zip_link_chain_leading_out_is_refused_in_either_order(tmp_path):
    # l2 -> l1/.. is inside as text, but l1 -> . makes it the archive's parent
    first = zip_of(tmp_path / "a.zip", [("l1", "-> ."), ("l2", "-> l1/..")])
    refused(first, tmp_path / "out1", "points outside")
    # a -> x/y/L/.. is x/y until L -> ../.. (the archive's root) arrives, later
    later = zip_of(tmp_path / "b.zip", [("x/y/f", b"1"), ("a", "-> x/y/L/.."), ("x/y/L", "-> ../..")])
    refused(later, tmp_path / "out2", "through other links")


def test_a_zip_link_looping_on_itself_is_refused(tmp_path):
    archive = zip_of(tmp_path / "s.zip", [("a", "-> b"), ("b", "-> a")])
    refused(archive, tmp_path / "out", "loop")


def test_a_zip_link_inside_the_archive_is_kept_as_a_link(tmp_path):
    archive = zip_of(tmp_path / "s.zip", [("day2/echo_server.py", b"print(1)\n"),
                                          ("day2/copy.py", "-> echo_server.py")])
    out = unpack(archive, tmp_path / "out")
    assert os.readlink(out / "day2" / "copy.py") == "echo_server.py"


def test_a_zip_past_the_member_cap_is_refused_before_any_member_is_read(tmp_path):
    archive = zip_of(tmp_path / "many.zip", [(f"day2/f{i}", b"") for i in range(MAX_MEMBERS + 1)])
    started = time.monotonic()
    refused(archive, tmp_path / "out", f"{MAX_MEMBERS + 1} members")
    assert time.monotonic() - started < 5


def test_a_huge_zip_directory_is_refused_before_it_is_read_into_memory(tmp_path):
    """The count its end record declares is enough: no entry of the directory is built."""
    import tracemalloc
    archive = zip_of(tmp_path / "huge.zip", [(f"f{i}", b"") for i in range(60_000)])
    tracemalloc.start()
    try:
        refused(archive, tmp_path / "out", "60000 members")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20  # parsing 60,000 entries would take tens of MiB


def test_zip_names_that_are_not_utf8_are_refused_or_extracted_never_a_crash(tmp_path):
    plain = zip_of(tmp_path / "cp437.zip", [("day2/cafX.py", b"1")])
    raw = plain.read_bytes().replace(b"cafX", b"caf\xe9")  # no UTF-8 flag: cp437, any byte is a name
    plain.write_bytes(raw)
    out = unpack(plain, tmp_path / "out1")
    assert [p.read_bytes() for p in (out / "day2").iterdir()] == [b"1"]

    flagged = tmp_path / "utf8.zip"
    zip_of(flagged, [("day2/cafX.py", b"1")])
    raw = bytearray(flagged.read_bytes().replace(b"cafX", b"caf\xe9"))
    for header, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set "names are UTF-8"
        flags = raw.find(header) + at
        raw[flags:flags + 2] = struct.pack("<H", struct.unpack("<H", raw[flags:flags + 2])[0] | 0x800)
    flagged.write_bytes(bytes(raw))
    refused(flagged, tmp_path / "out2", "not valid UTF-8")


# -- tar ----------------------------------------------------------------------------------------
def test_a_tar_link_chain_leading_out_is_refused(tmp_path, outside):
    chain = tar_of(tmp_path / "a.tar.gz", [("x/y/f", b"1"), ("a", "-> x/y/L/.."), ("x/y/L", "-> ../..")])
    refused(chain, tmp_path / "out1", "through other links")
    through = tar_of(tmp_path / "b.tar.gz", [("evil", f"-> {outside}"), ("evil/file", b"x")])
    refused(through, tmp_path / "out2", "points outside")


def test_a_tar_past_the_member_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(unpack_mod, "MAX_MEMBERS", 10)
    archive = tar_of(tmp_path / "many.tar.gz", [(f"day2/f{i}", b"") for i in range(11)])
    refused(archive, tmp_path / "out", "more than 10 members")


def test_a_tar_name_that_is_not_utf8_extracts_as_its_bytes(tmp_path):
    archive = tar_of(tmp_path / "s.tar.gz", [(b"day2/caf\xe9.py", b"odd"), ("day2/echo_server.py", b"x")])
    out = unpack(archive, tmp_path / "out")
    with open(os.fsencode(out / "day2") + b"/caf\xe9.py", "rb") as fh:
        assert fh.read() == b"odd"


def test_a_tar_member_holding_more_than_it_declares_is_caught(tmp_path, monkeypatch):
    monkeypatch.setattr(unpack_mod, "MAX_BYTES", 100)
    archive = tar_of(tmp_path / "s.tar.gz", [("day2/a.py", b"0" * 60), ("day2/b.py", b"0" * 60)])
    refused(archive, tmp_path / "out", "expands past")


# -- a submission's tree ------------------------------------------------------------------------
@pytest.fixture
def planted(tmp_path):
    """A submission whose day2 holds a link to /dev/zero and a FIFO among its lab files."""
    sub = tmp_path / "sub"
    (sub / "day2").mkdir(parents=True)
    (sub / "day2" / "echo_server.py").write_bytes(b"print('echo')\n")
    (sub / "day2" / "echo_client.py").symlink_to("/dev/zero")
    os.mkfifo(sub / "day2" / "calc_server.py")
    return sub


@pytest.mark.timeout(10)
def test_content_hash_never_opens_a_device_link_or_a_fifo(planted):
    started = time.monotonic()
    first = content_hash(planted)
    assert time.monotonic() - started < 1
    assert content_hash(planted) == first


def test_content_hash_changes_with_a_link_s_target_and_a_file_s_bytes(planted):
    first = content_hash(planted)
    link = planted / "day2" / "echo_client.py"
    link.unlink()
    link.symlink_to("/dev/null")
    second = content_hash(planted)
    assert second != first
    (planted / "day2" / "echo_server.py").write_bytes(b"print('changed')\n")
    assert content_hash(planted) not in (first, second)


def test_content_hash_does_not_follow_a_day_folder_link(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "lab.py").write_bytes(secrets.token_bytes(16))
    (sub / "day2").symlink_to(secret)
    first = content_hash(sub)
    (secret / "lab.py").write_bytes(secrets.token_bytes(16))  # behind the link: not the student's
    assert content_hash(sub) == first


def test_find_days_never_follows_a_linked_day_folder(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "day2").symlink_to("/")
    assert find_days(sub) is None
    (sub / "day1").mkdir()
    assert find_days(sub) == sub
    wrapper = tmp_path / "wrapper"
    wrapper.mkdir()
    (wrapper / "inner").symlink_to(sub)  # an archive's single wrapping folder, but a link
    assert find_days(wrapper) is None
