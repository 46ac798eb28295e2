"""harness.safefs on real files: links, FIFOs, devices and huge files planted where the
grader reads or writes are refused, and nothing behind them is ever read or changed."""

from __future__ import annotations

import os
import time

import pytest

from harness import safefs
from harness.feedback import CheckFailed


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_bytes(b"the secret only root may read\n")
    return path


@pytest.fixture
def scratch(tmp_path):
    folder = tmp_path / "scratch"
    folder.mkdir()
    return folder


def test_a_regular_file_reads_and_writes_as_usual(scratch):
    path = scratch / "out.bin"
    safefs.write_regular(path, b"\x00\x01binary")
    assert safefs.read_regular(path) == b"\x00\x01binary"
    safefs.write_regular(path, b"short")  # an existing file is truncated
    assert safefs.read_regular(path) == b"short"
    assert safefs.lstat_kind(path) == "regular"
    assert safefs.lstat_regular(path).st_size == 5


def test_a_missing_file_is_file_not_found(scratch):
    with pytest.raises(FileNotFoundError):
        safefs.read_regular(scratch / "nothing")
    with pytest.raises(FileNotFoundError):
        safefs.lstat_kind(scratch / "nothing")


def test_a_link_planted_where_the_grader_reads_is_refused_and_never_followed(scratch, secret):
    link = scratch / "out.bin"
    link.symlink_to(secret)
    with pytest.raises(safefs.NotRegular) as refused:
        safefs.read_regular(link)
    assert refused.value.kind == "symlink"
    assert isinstance(refused.value, CheckFailed)  # in a check: failed, charged to the student
    for lang in ("en", "ko"):
        shown = refused.value.render(lang)
        assert "out.bin" in shown and "symlink" in shown and "secret" not in shown
    assert safefs.lstat_kind(link) == "symlink"
    with pytest.raises(safefs.NotRegular):
        safefs.lstat_regular(link)


@pytest.mark.timeout(10)
def test_a_fifo_is_refused_at_once_without_waiting_for_a_writer(scratch):
    fifo = scratch / "out.bin"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(safefs.NotRegular) as refused:
        safefs.read_regular(fifo)
    with pytest.raises(safefs.NotRegular):
        safefs.write_regular(fifo, b"data")  # no reader: would be ENXIO, or block without O_NONBLOCK
    assert refused.value.kind == "fifo"
    assert time.monotonic() - started < 1


@pytest.mark.timeout(10)
def test_a_link_to_a_device_is_refused_and_a_device_is_never_read(scratch):
    (scratch / "zero").symlink_to("/dev/zero")
    with pytest.raises(safefs.NotRegular) as refused:
        safefs.read_regular(scratch / "zero")
    assert refused.value.kind == "symlink"
    with pytest.raises(safefs.NotRegular) as device:
        safefs.read_regular("/dev/zero")
    assert device.value.kind == "device"


def test_a_directory_is_refused(scratch):
    (scratch / "out.bin").mkdir()
    with pytest.raises(safefs.NotRegular) as refused:
        safefs.read_regular(scratch / "out.bin")
    assert refused.value.kind == "directory"


def test_reads_stop_at_the_cap(scratch):
    path = scratch / "big.bin"
    path.write_bytes(b"x" * 1001)
    assert safefs.read_regular(path, cap=1001) == b"x" * 1001
    with pytest.raises(safefs.TooLarge) as refused:
        safefs.read_regular(path, cap=1000)
    assert "1000" in refused.value.render("en") and "1000" in refused.value.render("ko")


def test_a_write_through_a_planted_link_is_refused_and_its_target_unchanged(scratch, secret):
    before = secret.read_bytes()
    link = scratch / "input.src"
    link.symlink_to(secret)
    with pytest.raises(safefs.NotRegular):
        safefs.write_regular(link, b"overwritten")
    assert secret.read_bytes() == before
    dangling = scratch / "new.src"
    dangling.symlink_to(scratch.parent / "created-through-a-link")
    with pytest.raises(safefs.NotRegular):
        safefs.write_regular(dangling, b"x")  # O_CREAT must not create the link's target either
    assert not (scratch.parent / "created-through-a-link").exists()


def test_a_write_to_a_hard_link_is_refused_before_anything_is_truncated(scratch, secret):
    before = secret.read_bytes()
    os.link(secret, scratch / "input.src")
    with pytest.raises(safefs.NotRegular) as refused:
        safefs.write_regular(scratch / "input.src", b"")
    assert refused.value.kind == "hard link"
    assert secret.read_bytes() == before


def test_exclusive_writes_refuse_anything_already_there(scratch):
    safefs.write_regular(scratch / "a", b"1", exclusive=True)
    with pytest.raises(FileExistsError):
        safefs.write_regular(scratch / "a", b"2", exclusive=True)
    assert safefs.read_regular(scratch / "a") == b"1"


def test_a_link_in_a_folder_below_root_is_never_followed(scratch, secret):
    (scratch / "sub").symlink_to(secret.parent)
    with pytest.raises(safefs.NotRegular):
        safefs.read_regular(scratch / "sub" / secret.name, root=scratch)
    with pytest.raises(safefs.NotRegular):  # without root: the file's own folder still is no link
        safefs.read_regular(scratch / "sub" / secret.name)
    (scratch / "real").mkdir()
    (scratch / "real" / "f").write_bytes(b"ok")
    assert safefs.read_regular(scratch / "real" / "f", root=scratch) == b"ok"


def test_open_fifo_takes_only_the_fifo(scratch, secret):
    path = scratch / "src.fifo"
    os.mkfifo(path)
    reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        writer = safefs.open_fifo(path, os.O_WRONLY)
        os.write(writer, b"through the pipe")
        os.close(writer)
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    os.unlink(path)
    path.symlink_to(secret)
    before = secret.read_bytes()
    with pytest.raises(safefs.NotRegular):
        safefs.open_fifo(path, os.O_WRONLY)
    assert secret.read_bytes() == before


@pytest.mark.timeout(10)
def test_copy_student_tree_copies_files_and_folders_only(tmp_path, secret):
    src, dst = tmp_path / "src", tmp_path / "dst"
    (src / "day2" / "deep").mkdir(parents=True)
    (src / "day2" / "echo_server.py").write_bytes(b"print('hi')\n")
    (src / "day2" / "deep" / "x.txt").write_bytes(b"x")
    os.chmod(src / "day2" / "echo_server.py", 0o755)
    odd = os.fsencode(src / "day2") + b"/caf\xe9.py"  # not UTF-8
    with open(odd, "wb") as fh:
        fh.write(b"odd name")
    (src / "day2" / "secret.py").symlink_to(secret)
    (src / "day2" / "zero.py").symlink_to("/dev/zero")
    (src / "day3").symlink_to("/")
    os.mkfifo(src / "day2" / "pipe.py")
    (src / "day2" / "__pycache__").mkdir()
    (src / "day2" / "__pycache__" / "a.pyc").write_bytes(b"compiled")
    skipped = safefs.copy_student_tree(src, dst, ignore_patterns=["__pycache__"])
    assert (dst / "day2" / "echo_server.py").read_bytes() == b"print('hi')\n"
    assert os.stat(dst / "day2" / "echo_server.py").st_mode & 0o100
    assert (dst / "day2" / "deep" / "x.txt").read_bytes() == b"x"
    with open(os.fsencode(dst / "day2") + b"/caf\xe9.py", "rb") as fh:
        assert fh.read() == b"odd name"
    assert sorted(skipped) == [("day2/pipe.py", "fifo"), ("day2/secret.py", "symlink"),
                               ("day2/zero.py", "symlink"), ("day3", "symlink")]
    assert not any(p.is_symlink() for p in dst.rglob("*"))
    assert not (dst / "day2" / "__pycache__").exists()


def test_copy_student_tree_stops_at_its_caps(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(5):
        (src / f"f{i}").write_bytes(b"0123456789")
    skipped = safefs.copy_student_tree(src, tmp_path / "few", max_files=3)
    assert len(list((tmp_path / "few").iterdir())) == 3 and skipped == [("f3", "too many files")]
    skipped = safefs.copy_student_tree(src, tmp_path / "small", max_bytes=25)
    assert len(list((tmp_path / "small").iterdir())) == 2
    assert ("f2", "too large") in skipped
