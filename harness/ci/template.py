"""The student repository: what ``socklab export-template`` writes, and the pristine copies
``socklab ci`` compares a working tree against.

Everything comes from the installed socklab (``harness.course.LABS_DIR``): the day
folders' starter files and READMEs, and the public checks, that is the check modules
with every check whose visibility is not ``visible`` cut out (a module left with no
check is not exported).  Nothing of ``reference/`` or of socklab's own tests is ever read.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

from harness import __version__, templates
from harness.course import LABS_DIR

DEFAULT_SPEC = f"socklab=={__version__}"
WORKFLOW_PATH = ".github/workflows/grade.yml"
SKIP_DIRS = {"__pycache__", ".pytest_cache"}


def _is_check_decorator(node: ast.expr) -> ast.Call | None:
    if isinstance(node, ast.Call):
        f = node.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
        if name == "check":
            return node
    return None


def public_source(source: str) -> str | None:
    """``source`` of a check module with its non-visible checks removed; None if none is left."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    cut: list[tuple[int, int]] = []
    visible = 0
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        calls = [c for c in map(_is_check_decorator, node.decorator_list) if c is not None]
        if not calls:
            continue
        hidden = any(kw.arg == "visibility" and not (isinstance(kw.value, ast.Constant)
                                                     and kw.value.value == "visible")
                     for c in calls for kw in c.keywords)
        if hidden:
            start = min(d.lineno for d in node.decorator_list)
            cut.append((start, node.end_lineno))
        else:
            visible += 1
    if not visible:
        return None
    for start, end in sorted(cut, reverse=True):
        del lines[start - 1:end]
    return "".join(lines)


def lab_files() -> dict[str, bytes]:
    """``labs/...`` of the student repository: relative path -> content."""
    files: dict[str, bytes] = {}
    for path in sorted(LABS_DIR.rglob("*")):
        rel = path.relative_to(LABS_DIR)
        if not path.is_file() or any(p in SKIP_DIRS or p.startswith(".") for p in rel.parts):
            continue
        if path.suffix in (".pyc", ".pyo"):
            continue
        data = path.read_bytes()
        if path.name.startswith("test_") and path.suffix == ".py":
            public = public_source(data.decode("utf-8"))
            if public is None:
                continue
            data = public.encode("utf-8")
        files["labs/" + rel.as_posix()] = data
    return files


def template_files(spec: str = DEFAULT_SPEC) -> dict[str, bytes]:
    """Every file of the student repository: relative path -> content."""
    files = lab_files()
    files.update({
        WORKFLOW_PATH: templates.render(templates.WORKFLOW, spec).encode(),
        "conftest.py": templates.CONFTEST.encode(),
        "pyproject.toml": templates.PYPROJECT.encode(),
        "requirements.txt": templates.render(templates.REQUIREMENTS, spec).encode(),
        ".gitignore": templates.GITIGNORE.encode(),
        "README.md": templates.README.encode(),
    })
    return files


def is_protected_template_file(rel: str) -> bool:
    """Files grading (or the workflow) depends on, that a student has no reason to edit."""
    name = rel.rsplit("/", 1)[-1]
    if rel in (WORKFLOW_PATH, "conftest.py", "pyproject.toml", "requirements.txt"):
        return True
    return rel.startswith("labs/") and (name.startswith("test_") or name == "__init__.py")


def digest(data: bytes) -> str:
    """Content hash, blind to line endings (a Windows checkout must not look tampered with)."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def pristine_manifest(spec: str = DEFAULT_SPEC) -> dict[str, str]:
    """Protected path -> hash of the content the template had (for the given spec)."""
    return {rel: digest(data) for rel, data in template_files(spec).items()
            if is_protected_template_file(rel)}


def export_template(out: Path, spec: str = DEFAULT_SPEC) -> list[str]:
    """Write the student repository into ``out`` (missing or empty); returns the paths written."""
    files = template_files(spec)  # raises ValueError on a bad spec before anything is written
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for rel, data in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(rel)
    return written
