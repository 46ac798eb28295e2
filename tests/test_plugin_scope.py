"""socklab's plugin touches only the runs that collect socklab's lab checks.

An unrelated project's tests, in the same environment as socklab, see no socklab option,
are no child subreaper, and behave as without socklab; a check whose ``needs`` names no
check is a collection error; a student's ``--lf`` works.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

UNRELATED_TEST = '''
import ctypes

PR_GET_CHILD_SUBREAPER = 37


def test_this_process_is_no_subreaper():
    libc = ctypes.CDLL(None, use_errno=True)
    flag = ctypes.c_int(-1)
    assert libc.prctl(PR_GET_CHILD_SUBREAPER, ctypes.byref(flag), 0, 0, 0) == 0
    assert flag.value == 0
'''


def pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", *args], cwd=folder, capture_output=True,
                          text=True, timeout=120)


def test_an_unrelated_project_runs_unaffected(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    (tmp_path / "test_unrelated.py").write_text(UNRELATED_TEST)
    run = pytest_in(tmp_path, "-q")
    assert run.returncode == 0, run.stdout + run.stderr
    helped = pytest_in(tmp_path, "--help")
    assert "--submission" not in helped.stdout and "socklab" not in helped.stdout


def test_a_misspelt_need_is_a_collection_error(tmp_path):
    day = tmp_path / "labs" / "day9"
    day.mkdir(parents=True)
    (tmp_path / "conftest.py").write_text((ROOT / "conftest.py").read_text())
    (day / "test_typo.py").write_text(
        "from harness import check, lab_marker\n\npytestmark = lab_marker('day9/typo')\n\n\n"
        "@check(1, 'correctness')\ndef test_first(lab):\n    pass\n\n\n"
        "@check(1, 'correctness', needs='test_frist')\ndef test_second(lab):\n    pass\n")
    run = pytest_in(tmp_path, "labs/day9", "-q", "-p", "no:cacheprovider")
    assert run.returncode == 4, run.stdout + run.stderr  # a usage error: nothing was graded
    assert "test_frist" in run.stderr + run.stdout


def test_last_failed_works_for_students(tmp_path):
    """``pytest --lf`` reruns only what failed: the cache is on for lab runs."""
    (tmp_path / "conftest.py").write_text((ROOT / "conftest.py").read_text())
    (tmp_path / "test_plain.py").write_text(
        "def test_passes():\n    pass\n\n\ndef test_fails():\n    assert False\n")
    first = pytest_in(tmp_path, "-q")
    again = pytest_in(tmp_path, "-q", "--lf")
    assert first.returncode == 1 and "1 failed, 1 passed" in first.stdout, first.stdout
    assert "1 failed" in again.stdout and "passed" not in again.stdout.split("\n")[-2], again.stdout


def test_a_check_past_its_time_limit_is_a_timeout_not_an_error(tmp_path):
    """socklab's own timer raises its own exception: told apart by type, not by text."""
    import json
    day = tmp_path / "labs" / "day9"
    day.mkdir(parents=True)
    (tmp_path / "conftest.py").write_text((ROOT / "conftest.py").read_text())
    (day / "test_slow.py").write_text(
        "import time\nfrom harness import check, lab_marker\n\npytestmark = lab_marker('day9/slow')\n\n\n"
        "@check(1, 'correctness', timeout=1)\ndef test_hangs():\n    time.sleep(30)\n\n\n"
        "@check(1, 'correctness')\ndef test_says_timeout_in_its_message():\n"
        "    raise RuntimeError('Timeout (>1.0s) from a library: not a time limit')\n")
    results = tmp_path / "results.json"
    run = pytest_in(tmp_path, "labs/day9", "-q", "-p", "no:cacheprovider",
                    "--socklab-json", str(results))
    statuses = {t["extra_data"]["nodeid"].rsplit("::", 1)[1]: t["extra_data"]["status"]
                for t in json.loads(results.read_text())["tests"]}
    assert statuses == {"test_hangs": "timeout", "test_says_timeout_in_its_message": "infra-error"}, \
        run.stdout
