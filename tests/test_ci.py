"""`socklab ci` in a student repository made by export-template, in a simulated GitHub
Actions step: GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_ENV and GITHUB_EVENT_PATH point at
files, as on a runner.  Only the day-2 echo server lab is graded, to stay fast."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.ci import github, protect
from harness.ci.template import export_template
from harness.results import CheckResult

ROOT = Path(__file__).resolve().parents[1]
LAB = "day2/echo_server"
GIT = ["git", "-c", "user.name=student", "-c", "user.email=student@example.org",
       "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]

BROKEN_SERVER = "import sys\nsys.exit(3)\n"

FORCING_CONFTEST = '''import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    outcome.get_result().outcome = "passed"      # every check "passes"
'''

FAKE_CHECK = '''def test_listens_on_its_port():
    assert True
'''

INJECTING_SERVER = r'''import sys
for stream in (sys.stdout, sys.stderr):
    print("::error::injected-error", file=stream)
    print("::set-output name=score::100", file=stream)
    print("::add-mask::socklab", file=stream)
    print("::stop-commands::guess", file=stream)
    print("##[error]legacy-injected", file=stream)
    print("::warning file=labs/day2/echo_server.py::injected-warning", file=stream)
    stream.flush()
sys.exit(4)
'''

# Finds the runner's command files through its ancestors' /proc/PID/environ and forges
# outputs, the summary and the next steps' environment.  Only test paths are touched.
FORGING_SERVER = r'''import os, sys
pid = os.getppid()
while pid > 1:
    try:
        env = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
        for entry in env:
            name, _, value = entry.partition(b"=")
            if name.startswith(b"GITHUB_") and b"socklab-hostile" in value:
                with open(value, "a") as fh:
                    fh.write("result=forged\nverified=true\nNODE_OPTIONS=--require /tmp/evil.js\n")
        with open(f"/proc/{pid}/stat") as fh:
            pid = int(fh.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError):
        break
sys.exit(5)
'''


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture
def student(tmp_path):
    """A student repository fresh from the template, committed: (path, base commit)."""
    repo = tmp_path / "student"
    export_template(repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "template")
    return repo, git(repo, "rev-parse", "HEAD")


def commit(repo: Path, files: dict[str, str]) -> None:
    for rel, content in files.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(content)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "work")


@dataclass
class CiRun:
    returncode: int
    log: str
    stderr: str
    summary: str
    outputs: dict[str, str]
    github_env: str
    reports: Path

    @property
    def classroom(self) -> dict:
        return json.loads(base64.b64decode(self.outputs["result"]))

    @property
    def verdict(self) -> dict:
        return json.loads((self.reports / "ci.json").read_text())


def run_ci(tmp_path: Path, repo: Path, base: str, *args: str) -> CiRun:
    runner = tmp_path / "runner-socklab-hostile"   # the name the forging program looks for
    runner.mkdir(exist_ok=True)
    files = {name: runner / name.lower() for name in ("GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV")}
    for path in files.values():
        path.write_text("")
    files["GITHUB_ENV"].write_text("EARLIER_STEP=1\n")
    event = runner / "event.json"
    event.write_text(json.dumps({"action": "synchronize", "number": 1,
                                 "pull_request": {"number": 1, "base": {"sha": base},
                                                  "head": {"sha": git(repo, "rev-parse", "HEAD")}}}))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update({k: str(v) for k, v in files.items()})
    env.update({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request",
                "GITHUB_EVENT_PATH": str(event), "PYTHONPATH": str(ROOT)})
    reports = repo / "socklab-ci"
    # run from outside the repository, as the installed `socklab` console script does
    proc = subprocess.run([sys.executable, "-m", "harness.cli", "ci", "--repo", str(repo),
                           "--out", str(reports), "--lab", LAB, *args],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    outputs = dict(line.split("=", 1) for line in files["GITHUB_OUTPUT"].read_text().splitlines() if line)
    return CiRun(proc.returncode, proc.stdout, proc.stderr, files["GITHUB_STEP_SUMMARY"].read_text(),
                 outputs, files["GITHUB_ENV"].read_text(), reports)


def commands_outside_fence(log: str) -> tuple[list[str], str]:
    """Lines the runner would treat as workflow commands, and the text inside the fence."""
    outside, inside, token = [], [], None
    for line in log.splitlines():
        if token is not None:
            if line == f"::{token}::":
                token = None
            else:
                inside.append(line)
            continue
        m = re.fullmatch(r"::stop-commands::([0-9a-f]{32})", line)
        if m:
            token = m.group(1)
        elif line.startswith("::") or line.startswith("##["):
            outside.append(line)
    assert token is None, "commands were never resumed"
    return outside, "\n".join(inside)


def test_a_clean_pull_request_gets_its_points_in_every_output(tmp_path, student):
    repo, base = student
    shutil.copy(ROOT / "reference/day2/echo_server.py", repo / "labs/day2/echo_server.py")
    commit(repo, {})
    run = run_ci(tmp_path, repo, base, "--fail-under", "100")
    assert run.returncode == 0, run.log + run.stderr

    max_score = float(run.outputs["max_score"])
    assert max_score > 0 and float(run.outputs["score"]) == max_score
    assert run.outputs["verified"] == "true" and run.outputs["percent"] == "100.00"
    assert "unverified" not in run.summary.lower()
    assert f"| {LAB} | {max_score:g}/{max_score:g} |" in run.summary
    assert run.summary.lstrip().startswith("## socklab:")

    result = run.classroom    # what GitHub Classroom's grading reporter decodes
    assert result["version"] == 1 and result["status"] == "pass" and result["max_score"] == max_score
    assert sum(t["score"] for t in result["tests"]) == max_score
    assert {t["status"] for t in result["tests"]} == {"pass"}
    assert all(t["filename"] == "labs/day2/echo_server.py" for t in result["tests"])

    for name in ("results.json", "junit.xml", "report.txt", "summary.md", "classroom.json"):
        assert (run.reports / name).is_file(), name
    assert "<testsuite" in (run.reports / "junit.xml").read_text()
    assert run.verdict["base"] == base and run.verdict["verified"] is True
    outside, _ = commands_outside_fence(run.log)
    assert outside == [f"::notice title=socklab::Points {max_score:g}/{max_score:g} (100%25)"]


def test_edited_checks_and_a_forcing_conftest_are_flagged_and_get_the_true_score(tmp_path, student):
    repo, base = student
    commit(repo, {"labs/day2/echo_server.py": BROKEN_SERVER,
                  "labs/day2/conftest.py": FORCING_CONFTEST,
                  "conftest.py": FORCING_CONFTEST,
                  "labs/day2/test_echo_server.py": FAKE_CHECK})
    run = run_ci(tmp_path, repo, base, "--fail-under", "50")

    assert run.returncode == 1, run.log + run.stderr          # 0 % < 50 %
    assert run.outputs["verified"] == "false"
    assert float(run.outputs["score"]) == 0 and float(run.outputs["max_score"]) > 1   # the real checks ran
    assert run.summary.startswith("> [!CAUTION]\n> **Score unverified.**")
    top = run.summary.split("## socklab:")[0]
    for rel in ("labs/day2/conftest.py", "conftest.py", "labs/day2/test_echo_server.py"):
        assert f"<code>{rel}</code>" in top
    assert run.classroom["status"] == "fail" and run.classroom["tests"][0]["name"] == "Score unverified"
    assert sum(t["score"] for t in run.classroom["tests"]) == 0
    findings = {f["path"]: f["how"] for f in run.verdict["findings"]}
    assert findings == {"conftest.py": "changed", "labs/day2/conftest.py": "added",
                        "labs/day2/test_echo_server.py": "changed"}
    outside, _ = commands_outside_fence(run.log)
    assert "::warning file=labs/day2/conftest.py,title=Score unverified::" in "\n".join(outside)
    assert any(line.startswith("::error file=labs/day2/echo_server.py,") for line in outside)

    # the same changes, seen by git against the pull request's base
    in_pr, seen_base = protect.scan_pull_request(repo, str(tmp_path / "runner-socklab-hostile/event.json"))
    assert seen_base == base
    assert {f.path for f in in_pr} == set(findings)


def test_program_output_cannot_issue_workflow_commands(tmp_path, student):
    repo, base = student
    commit(repo, {"labs/day2/echo_server.py": INJECTING_SERVER})
    run = run_ci(tmp_path, repo, base)
    assert run.returncode == 0, run.stderr

    outside, inside = commands_outside_fence(run.log)
    assert "::error::injected-error" in inside and "##[error]legacy-injected" in inside  # echoed, inert
    everything_outside = "\n".join(outside)
    for injected in ("injected", "set-output", "add-mask", "guess"):
        assert injected not in everything_outside, injected
    assert all(re.match(r"::(error|warning|notice) [a-z]+=", line) for line in outside), outside
    assert "set-output" not in "".join(run.outputs) and run.outputs["score"] == "0"
    assert "::" not in run.summary.replace("::stop", "")


def test_programs_cannot_forge_the_runners_files(tmp_path, student):
    repo, base = student
    commit(repo, {"labs/day2/echo_server.py": FORGING_SERVER})
    run = run_ci(tmp_path, repo, base)
    assert run.returncode == 0, run.stderr

    assert "forged" not in "".join(f"{k}={v}" for k, v in run.outputs.items())
    assert run.outputs["verified"] == "false" and run.outputs["score"] == "0"
    assert run.github_env == "EARLIER_STEP=1\n"                  # put back as it was
    assert "NODE_OPTIONS" not in run.summary
    assert "<code>$GITHUB_OUTPUT</code>" in run.summary.split("## socklab:")[0]


def test_ci_refuses_checks_from_inside_the_repository(tmp_path, student):
    repo, _ = student
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # `python -m` from inside the repository would import the repository's `labs` package
    proc = subprocess.run([sys.executable, "-m", "harness.cli", "ci", "--lab", LAB], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "inside the repository" in proc.stderr


# ---- units: escaping, the summary's size, the Classroom result

def test_workflow_command_escaping():
    line = github.command("error", "50% done\r\nnext::x", file="labs/a,b.py", title="t: x")
    assert line == "::error file=labs/a%2Cb.py,title=t%3A x::50%25 done%0D%0Anext::x"
    assert "\n" not in line


def _result(i: int, feedback: str) -> CheckResult:
    return CheckResult(nodeid=f"labs/day2/test_x.py::test_{i}", lab="day2/echo_server", name=f"check {i}",
                       category="correctness", max_score=1, score=0, status="failed", feedback=feedback)


def test_the_summary_stays_under_one_mebibyte():
    results = [_result(i, "x|<b>" * 300 + "\nsecond line") for i in range(6000)]
    md = github.summary(results, [], "en", release="0")
    assert len(md.encode()) < 1024 * 1024
    assert "more checks that did not pass" in md
    assert "<b>" not in md and "second line" not in md


def test_classroom_result_shape():
    results = [_result(1, "bad"), CheckResult(nodeid="n", lab="day2/echo_server", name="ok",
                                              category="correctness", max_score=2, score=2)]
    data = github.classroom_result(results, [], "en")
    assert data["version"] == 1 and data["status"] == "fail" and data["max_score"] == 3
    assert [t["status"] for t in data["tests"]] == ["fail", "pass"]
    assert set(data["tests"][0]) == {"name", "status", "score", "message", "test_code", "filename",
                                     "line_no", "duration"}
    assert json.loads(base64.b64decode(github.encode_result(data))) == data


def test_protected_paths():
    for path in ("conftest.py", "labs/day2/conftest.py", "labs/day2/test_echo_server.py", "pytest.ini",
                 "labs/tox.ini", "x.pth", ".github/workflows/other.yml", "pyproject.toml", "plugin.py"):
        assert protect.protected_path(path), path
    for path in ("labs/day2/echo_server.py", "labs/day3/README.md", ".github/CODEOWNERS", "notes/a.py"):
        assert not protect.protected_path(path), path


def test_text_for_other_steps_is_inert():
    got = github.inert("ok\n  ::error::x\n##[warning]y\tz\x1b[31m")
    assert got == "ok\n»   ::error::x\n» ##[warning]y?z?[31m"


def test_the_base_commit_comes_from_the_event(tmp_path):
    event = tmp_path / "event.json"
    for payload, base in (({"pull_request": {"base": {"sha": "a" * 40}}}, "a" * 40),
                          ({"before": "b" * 40}, "b" * 40),
                          ({"before": "0" * 40}, None),          # a new branch: nothing to compare
                          ({"pull_request": {"base": {"sha": "main; rm -rf /"}}}, None)):
        event.write_text(json.dumps(payload))
        assert protect.event_base(str(event)) == base
    assert protect.event_base(str(tmp_path / "missing.json")) is None
