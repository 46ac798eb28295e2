"""A program that plants links where the grader reads and writes gets a failed check, and
the grader neither reads nor writes through them (issue 12, item 4)."""

from __future__ import annotations

import json
import secrets
import shutil
from pathlib import Path

from tests.grading_helpers import grade_lab

HOSTILE = Path(__file__).parent / "hostile"


def test_links_planted_in_the_scratch_folder_fail_the_check_and_lead_nowhere(tmp_path):
    submission = tmp_path / "submission"
    shutil.copytree(HOSTILE / "symlink_outfile", submission)
    secret = f"secret-{secrets.token_hex(16)}"
    (tmp_path / "secret.txt").write_text(secret)  # what the program's DST link points to
    canary = f"canary-{secrets.token_hex(16)}".encode()
    (tmp_path / "canary.txt").write_bytes(canary)  # what its planted input link points to
    out = tmp_path / "out"
    out.mkdir()
    # the host backend: the program's links name host paths, as a sandboxed program's would
    graded = grade_lab(submission, "day1/fdcopy", out,
                       extra=["--backend", "subprocess", "-k", "copies_files or missing_source"])

    copies = graded["test_copies_files_byte_for_byte"]
    missing = graded["test_missing_source_is_a_clean_error"]
    assert copies["extra_data"]["status"] == "failed", copies["output"]
    assert "small.src" in copies["output"] and "symlink" in copies["output"]
    assert (tmp_path / "canary.txt").read_bytes() == canary  # the grader never wrote through it
    assert missing["extra_data"]["status"] == "failed", missing["output"]
    assert "keep.dst" in missing["output"] and "symlink" in missing["output"]
    report = json.dumps(graded) + (out / "results.json").read_text()
    assert secret not in report and secret.encode().hex() not in report
