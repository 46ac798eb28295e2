"""Which files of a student's working tree grading depends on, and whether they changed.

Grading never uses them (``socklab ci`` runs the installed socklab's checks with its own
ini file, a conftest boundary and plugin autoloading off), so a change cannot alter the
score; it is reported so that nobody takes a score shown beside edited checks for one
earned with them.  Two independent ways to tell:

* the tree itself, compared with the pristine template of the installed release (checks,
  ``conftest.py``, pytest settings, requirements, workflow), plus any file that could
  configure or extend pytest wherever it is (``conftest.py``, ``pytest.ini``, ``tox.ini``,
  ``setup.cfg``, ``*.pth``, ``sitecustomize.py``, new ``test_*.py``, Python at the top);
* ``git diff`` against the pull request's base (``GITHUB_EVENT_PATH``), when git knows it.

And while the student's programs run, the runner's command files (``GITHUB_OUTPUT``,
``GITHUB_STEP_SUMMARY``, ``GITHUB_ENV``, ``GITHUB_PATH``, ``GITHUB_STATE``): a program can
find their paths in ``/proc/<ancestor>/environ``.  They are snapshotted before and put
back afterwards, and a change marks the score unverified.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from harness import __version__, templates
from harness.ci import template as tpl

CONFIG_NAMES = {"conftest.py", "pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg",
                "sitecustomize.py", "usercustomize.py"}
RUNNER_FILES = ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE")


@dataclass(frozen=True)
class Finding:
    path: str
    how: str     # changed | added | removed | in-pull-request | other-release | runner-file

    def as_dict(self) -> dict:
        return {"path": self.path, "how": self.how}


def protected_path(rel: str) -> bool:
    """Whether a path (relative, POSIX) is one a pull request must not touch."""
    p = PurePosixPath(rel)
    name = p.name
    if not p.parts:
        return False
    if p.parts[0] == ".github":
        return len(p.parts) > 2 and p.parts[1] in ("workflows", "actions")
    if name in CONFIG_NAMES or name in ("pyproject.toml", "requirements.txt") or name.endswith(".pth"):
        return True
    if len(p.parts) == 1 and name.endswith(".py"):
        return True   # a module at the top can shadow one pytest or a plugin imports
    return p.parts[0] == "labs" and (name.startswith("test_") or name.endswith("_test.py")
                                     or name == "__init__.py")


def _walk(repo: Path, skip: set[Path]):
    for root, dirs, files in os.walk(repo):
        rootp = Path(root)
        dirs[:] = [d for d in dirs if d not in (".git", "__pycache__") and (rootp / d).resolve() not in skip]
        for f in files:
            yield (rootp / f).relative_to(repo).as_posix()


def _installed_spec(repo: Path) -> str:
    """The spec the tree's workflow names (to render the pristine copy it should equal)."""
    wf = repo / tpl.WORKFLOW_PATH
    if wf.is_file():
        spec = templates.spec_in_workflow(wf.read_text(encoding="utf-8", errors="replace"))
        if spec and templates.valid_spec(spec):
            return spec
    return tpl.DEFAULT_SPEC


def pins_this_release(spec: str) -> bool:
    return re.search(r"(?<![\d.])" + re.escape(__version__) + r"(?![\d.])", spec) is not None


def scan_tree(repo: Path, *, skip: tuple[Path, ...] = ()) -> list[Finding]:
    """Protected files of ``repo`` that differ from the installed release's template."""
    spec = _installed_spec(repo)
    manifest = tpl.pristine_manifest(spec)
    findings: list[Finding] = []
    if not pins_this_release(spec):
        findings.append(Finding(tpl.WORKFLOW_PATH, "other-release"))
    seen = set()
    for rel in sorted(_walk(repo, {p.resolve() for p in skip})):
        if rel in manifest:
            seen.add(rel)
            if tpl.digest((repo / rel).read_bytes()) != manifest[rel]:
                findings.append(Finding(rel, "changed"))
        elif protected_path(rel):
            findings.append(Finding(rel, "added"))
    findings += [Finding(rel, "removed") for rel in sorted(set(manifest) - seen)]
    return findings


def event_base(event_path: str | None) -> str | None:
    """The commit a pull request (or a push) started from, from the event payload."""
    if not event_path or not os.path.isfile(event_path):
        return None
    try:
        with open(event_path, encoding="utf-8") as fh:
            event = json.load(fh)
    except (OSError, ValueError):
        return None
    sha = (event.get("pull_request") or {}).get("base", {}).get("sha") or event.get("before")
    if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", sha) or set(sha) == {"0"}:
        return None
    return sha


def changed_since(repo: Path, base: str) -> list[str] | None:
    """Paths that differ between ``base`` and the working tree (untracked files included);
    None when git cannot tell (no git, shallow clone without the base...)."""
    def git(*args):
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=60)
    try:
        if git("cat-file", "-e", f"{base}^{{commit}}").returncode != 0:
            return None
        diff = git("diff", "--name-only", "-z", "--no-renames", base, "--")
        untracked = git("ls-files", "-z", "--others", "--exclude-standard")
    except (OSError, subprocess.SubprocessError):
        return None
    if diff.returncode != 0 or untracked.returncode != 0:
        return None
    return sorted(set(diff.stdout.split("\0") + untracked.stdout.split("\0")) - {""})


def scan_pull_request(repo: Path, event_path: str | None) -> tuple[list[Finding], str | None]:
    """Protected files the pull request (or push) changed; and the base compared with."""
    base = event_base(event_path)
    if base is None:
        return [], None
    changed = changed_since(repo, base)
    if changed is None:
        return [], None
    return [Finding(p, "in-pull-request") for p in changed if protected_path(p)], base


def merge(*groups: list[Finding]) -> list[Finding]:
    """One finding per path, the tree's own verdict first."""
    out: dict[str, Finding] = {}
    for group in groups:
        for f in group:
            out.setdefault(f.path, f)
    return list(out.values())


_ODD = b"\0not a regular file"   # never equal to a snapshot: a link, a FIFO, a folder...


def _content(path: str) -> tuple[bytes | None, int]:
    """(bytes, mode) of a regular file; (None, 0) when there is none.

    Never through a link and never blocking: a program may have replaced the file by a
    symbolic link to another file, or by a FIFO that no one will ever write.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None, 0
    except OSError:
        return _ODD, 0
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            return _ODD, 0
        return fh.read(), stat.S_IMODE(mode)


def _put_back(path: str, data: bytes | None, mode: int) -> None:
    """Make ``path`` a regular file holding ``data`` again (or nothing, if it had none).

    The path itself is replaced (write beside, rename over), so a link or FIFO put in its
    place is gone, rather than written through.
    """
    p = Path(path)
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p, ignore_errors=True)
    if data is None:
        p.unlink(missing_ok=True)
        return
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".socklab-restore-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            os.fchmod(fh.fileno(), mode or 0o644)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RunnerFiles:
    """The runner's command files as they are now (before the student's programs run, or
    just after socklab wrote its outputs), to put back whatever changes them later."""

    def __init__(self, environ=os.environ):
        self.saved: dict[str, tuple[str, bytes | None, int]] = {}
        for name in RUNNER_FILES:
            path = environ.get(name)
            if path:
                data, mode = _content(path)
                if data is not _ODD:
                    self.saved[name] = (path, data, mode)

    def restore(self) -> list[Finding]:
        """Put back every file a program wrote to; the findings name them."""
        findings = []
        for name, (path, before, mode) in self.saved.items():
            if _content(path)[0] == before:
                continue
            findings.append(Finding(f"${name}", "runner-file"))
            _put_back(path, before, mode)
        return findings

    def copies(self, folder: str) -> dict[str, str]:
        """Private copies of the saved files, ``name -> path`` in ``folder``: socklab writes
        its outputs there, and they replace the runner's files only once nothing of the
        student's is left running, so no program ever shares a file with socklab's writes."""
        paths = {}
        for name, (_, data, mode) in self.saved.items():
            paths[name] = os.path.join(folder, name)
            _put_back(paths[name], data, mode)
        return paths

    def install(self, copies: dict[str, str]) -> "RunnerFiles":
        """Replace the runner's files by ``copies``; a snapshot of what they now hold."""
        installed = RunnerFiles({})
        for name, (path, _, mode) in self.saved.items():
            data, _ = _content(copies[name])
            _put_back(path, data, mode)
            installed.saved[name] = (path, data, mode)
        return installed
