"""Batch grading: inputs of every kind, hostile archives refused, resumable, exact results."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from harness.batch.inputs import discover, gradescope_names
from harness.batch.runner import grade_batch
from harness.batch.unpack import UnsafeArchive, unpack
from tests.grading_helpers import GRADE_FLAGS

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ECHO_LABS = ["day2/echo_server", "day2/echo_client"]


def zip_with(path: Path, members: dict[str, bytes], links: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16)
            zf.writestr(info, target)
    return path


@pytest.mark.parametrize("members,links,reason", [
    ({"../../evil.py": b"x"}, None, "leaving the archive"),
    ({"/etc/evil.py": b"x"}, None, "absolute path"),
    ({"day2/a.py": b"x"}, {"day2/link": "../../../etc/passwd"}, "points outside"),
    ({"day2/a.py": b"x"}, {"day2/abs": "/etc/passwd"}, "points outside"),
])
def test_hostile_zip_is_refused_and_nothing_is_written(tmp_path, members, links, reason):
    archive = zip_with(tmp_path / "s.zip", members, links)
    target = tmp_path / "out" / "s"
    with pytest.raises(UnsafeArchive, match=reason):
        unpack(archive, target)
    assert not target.exists()
    assert not (tmp_path / "evil.py").exists()


def test_tar_with_device_file_or_hard_link_is_refused(tmp_path):
    for kind in (tarfile.CHRTYPE, tarfile.LNKTYPE):
        archive = tmp_path / f"s{kind}.tar.gz"
        with tarfile.open(archive, "w:gz") as tf:
            info = tarfile.TarInfo("day2/thing")
            info.type = kind
            info.linkname = "day2/other"
            tf.addfile(info)
        with pytest.raises(UnsafeArchive):
            unpack(archive, tmp_path / f"out{kind}")


def test_archive_expanding_past_the_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("harness.batch.unpack.MAX_BYTES", 1000)
    archive = zip_with(tmp_path / "big.zip", {"day2/a.py": b"0" * 5000})
    with pytest.raises(UnsafeArchive, match="expands past"):
        unpack(archive, tmp_path / "out")


def test_discovery_of_every_input_kind(tmp_path):
    classroom = tmp_path / "classroom"
    shutil.copytree(SAMPLES / "minji", classroom / "lab-minji")
    shutil.make_archive(str(classroom / "lab-junho"), "zip", SAMPLES / "junho")
    export = tmp_path / "export"
    shutil.copytree(SAMPLES / "minji", export / "submission_101")
    (export / "submission_metadata.yml").write_text(
        "submission_101:\n  :submitters:\n  - :name: Kim Minji\n    :sid: '1'\n  :score: 0\n")
    repo = tmp_path / "repo"
    shutil.copytree(SAMPLES / "junho", repo)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True)
    subs = discover([classroom, export]) + discover([repo], git_ref="HEAD")
    assert [(s.name, s.kind) for s in subs] == [
        ("lab-junho", "archive"), ("lab-minji", "folder"), ("Kim Minji", "folder"), ("repo", "git")]
    for s in subs:
        assert s.materialize(tmp_path / f"scratch-{s.name}") is not None, s.error


def test_gradescope_metadata_with_two_submitters():
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as fh:
        fh.write("submission_7:\n  :submitters:\n  - :name: A\n  - :name: B\n")
    assert gradescope_names(Path(fh.name)) == {"submission_7": "A + B"}
    os.unlink(fh.name)


def test_gradescope_metadata_is_read_as_yaml_means_it(tmp_path):
    """Quoting, doubled quotes and escaped Hangul, as Ruby's YAML writes them."""
    metadata = tmp_path / "submission_metadata.yml"
    metadata.write_text(
        "submission_1:\n  :submitters:\n  - :name: 'O''Brien, Pat'\n    :sid: '007'\n"
        "  :created_at: 2026-12-01 10:00:00.123456789 +09:00\n"
        "submission_2:\n  :submitters:\n  - :name: \"\\uAE40\\uBBFC\\uC9C0\"\n"
        "submission_3:\n  :submitters: []\n", encoding="utf-8")
    assert gradescope_names(metadata) == {"submission_1": "O'Brien, Pat", "submission_2": "김민지",
                                          "submission_3": "submission_3"}


def scores(out: Path) -> dict[str, tuple[str, str]]:
    rows = csv.DictReader(io.StringIO((out / "gradebook.csv").read_text()))
    return {r["student"]: (r["total"], r["grading_status"]) for r in rows}


def test_batch_is_exact_for_any_jobs_resumable_and_lists_refused_students(tmp_path, monkeypatch):
    # the checks' own hash is tested below; here it is pinned so that resuming is what is tested
    monkeypatch.setattr("harness.batch.runner.checks_hash", lambda labs=None: "pinned")
    inputs = tmp_path / "in"
    shutil.copytree(SAMPLES / "minji", inputs / "minji")
    shutil.copytree(SAMPLES / "junho", inputs / "junho")
    zip_with(inputs / "mallory.zip", {"../escape.py": b"print(1)"})
    subs = discover([inputs])
    one = grade_batch(subs, tmp_path / "one", jobs=1, lang="en", timeout=300, labs=ECHO_LABS,
                      regrade=set(), formats=["otter-csv", "prairielearn"])
    two = grade_batch(discover([inputs]), tmp_path / "two", jobs=2, lang="en", timeout=300,
                      labs=ECHO_LABS, regrade=set(), formats=[])
    assert scores(tmp_path / "one") == scores(tmp_path / "two")
    assert scores(tmp_path / "one")["mallory"] == ("0", "refused")
    assert scores(tmp_path / "one")["minji"] == ("28", "ok")
    assert not (tmp_path / "escape.py").exists() and not (inputs / "escape.py").exists()
    assert {g.submission.name for g in one} == {g.submission.name for g in two}
    for name in ("class.html", "histogram.svg", "final_grades.csv"):
        assert (tmp_path / "one" / name).stat().st_size > 0
    assert "<svg" in (tmp_path / "one" / "histogram.svg").read_text()
    pl = json.loads((tmp_path / "one" / "minji" / "results.prairielearn.json").read_text())
    assert pl["score"] == 1.0 and pl["gradable"]
    assert "mallory" in (tmp_path / "one" / "mallory" / "report.html").read_text()

    again = grade_batch(discover([inputs]), tmp_path / "one", jobs=2, lang="en", timeout=300,
                        labs=ECHO_LABS, regrade={"junho"}, formats=[])
    skipped = {g.submission.name for g in again if g.skipped}
    assert skipped == {"minji"}  # junho was asked for; mallory's archive is refused every time
    assert scores(tmp_path / "one") == scores(tmp_path / "two")


def test_checks_hash_follows_the_chosen_labs():
    from harness.batch.inputs import checks_hash
    assert checks_hash(["day2/echo_server"]) == checks_hash(["day2/echo_server"])
    assert checks_hash(["day2/echo_server"]) != checks_hash(["day2/echo_client"])


def test_relative_output_paths_land_where_the_user_is(tmp_path, monkeypatch):
    from harness.cli import main
    monkeypatch.chdir(tmp_path)
    assert main(["grade", str(SAMPLES / "minji"), "--out", "rel-out", "--lab", "day2/echo_server",
                 *GRADE_FLAGS]) == 0
    data = json.loads((tmp_path / "rel-out" / "results.json").read_text())
    assert data["score"] == data["max_score"] > 0
    assert (tmp_path / "rel-out" / "junit.xml").exists()


def test_an_unknown_lab_is_named_and_nothing_is_graded(tmp_path, capsys):
    from harness.cli import main
    assert main(["grade", str(SAMPLES / "minji"), "--out", str(tmp_path / "out"),
                 "--lab", "day2/echo_sever", "--lang", "ko"]) == 2
    assert "day2/echo_sever" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_command_line_refuses_what_would_grade_someone_else(tmp_path, capsys):
    """A path that does not exist, two submissions with one name, a --regrade naming no
    one: usage errors (exit 2) before anyone is graded."""
    from harness.cli import main
    out = tmp_path / "out"
    assert main(["grade", str(tmp_path / "nobody-here"), "--out", str(out), *GRADE_FLAGS]) == 2
    assert "nobody-here" in capsys.readouterr().err
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "minji", inbox / "kim")
    with zipfile.ZipFile(inbox / "kim.zip", "w") as zf:
        zf.writestr("day2/echo_server.py", "print('hi')\n")
    assert main(["grade", str(inbox), "--out", str(out), *GRADE_FLAGS]) == 2
    assert "kim" in capsys.readouterr().err
    (inbox / "kim.zip").unlink()
    assert main(["grade", str(inbox), "--out", str(out), "--regrade", "lee", *GRADE_FLAGS]) == 2
    assert "lee" in capsys.readouterr().err
    assert not out.exists()


def test_a_result_graded_badly_for_socklabs_own_reasons_is_graded_again(tmp_path, monkeypatch):
    monkeypatch.setattr("harness.batch.runner.checks_hash", lambda labs=None: "pinned")
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "minji", inbox / "minji")
    first = grade_batch(discover([inbox]), tmp_path / "out", jobs=1, lang="en", timeout=300,
                        labs=["day2/echo_server"], regrade=set(), formats=[])
    results = tmp_path / "out" / "minji" / "results.json"
    data = json.loads(results.read_text())
    data["extra_data"]["grading_status"] = "infra-error"   # as a run that socklab failed leaves it
    results.write_text(json.dumps(data))
    again = grade_batch(discover([inbox]), tmp_path / "out", jobs=1, lang="en", timeout=300,
                        labs=["day2/echo_server"], regrade=set(), formats=[])
    assert not first[0].skipped and not again[0].skipped
    assert json.loads(results.read_text())["extra_data"]["grading_status"] == "ok"


def test_an_export_asked_for_once_is_rewritten_with_every_regrade(tmp_path):
    """No stale final_grades.csv beside a new gradebook: formats are remembered in OUT."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "minji", inbox / "minji")
    out = tmp_path / "out"
    grade_batch(discover([inbox]), out, jobs=1, lang="en", timeout=300, labs=["day2/echo_server"],
                regrade=set(), formats=["otter-csv"])
    (inbox / "minji" / "day2" / "echo_server.py").write_text("print('broken now')\n")
    grade_batch(discover([inbox]), out, jobs=1, lang="en", timeout=300, labs=["day2/echo_server"],
                regrade=set(), formats=[])
    otter = list(csv.reader(io.StringIO((out / "final_grades.csv").read_text())))
    gradebook = list(csv.DictReader(io.StringIO((out / "gradebook.csv").read_text())))
    assert gradebook[0]["total"] == "0"
    assert any(row and row[0] == "minji" and "0" in row[1:] for row in otter), otter
