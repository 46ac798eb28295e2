"""The outcome of each check, and the Gradescope-schema ``results.json`` made of them.

``results.json`` is where every report of a graded submission starts (report.txt, the
HTML report, the CI summary and annotations are all written from it), so it is where a
test's text is made safe to show: the program's output quoted, control characters made
visible, the grading host's absolute paths replaced (``harness.redact``).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field

from harness.catalog import text
from harness.quoting import quoted, visible
from harness.redact import scrub

# passed / failed: the student's doing; not-run: a check it depends on failed;
# timeout: the check ran past its outer limit; infra-error: socklab's fault, never charged.
STATUSES = ("passed", "failed", "not-run", "timeout", "infra-error")


@dataclass
class CheckResult:
    nodeid: str
    lab: str
    name: str
    category: str
    max_score: float
    score: float = 0.0
    status: str = "passed"
    feedback: str = ""
    output: str = ""                # the student's program output, capped
    visibility: str = "visible"
    notes: list[str] = field(default_factory=list)   # harness retries, processes killed
    duration: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == "passed"


def atomic_write(path: str, data: str) -> None:
    """Write to a temporary file beside ``path`` and rename: readers never see half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=os.path.basename(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def shown_text(r: CheckResult, lang: str = "en", submission: str | None = None) -> str:
    """What a student reads of one check: the feedback, the program's output quoted below
    its label (where ``harness.ci.github.feedback_head`` stops), socklab's notes."""
    parts = [r.feedback] if r.feedback else []
    if r.output:
        parts.append("\n".join([f"  {text('label.output', lang)}:", *quoted(r.output)]))
    if r.notes:
        parts.append("\n".join(f"[socklab] {n}" for n in r.notes))
    return visible(scrub("\n\n".join(parts), submission))


def gradescope(results: list[CheckResult], execution_time: float, *, lang: str = "en",
               extra: dict | None = None, submission: str | None = None) -> dict:
    """The Gradescope schema; ``submission`` (by default the graded folder the plugin puts in
    ``extra``) is the folder whose absolute path becomes ``<submission>`` in the text."""
    submission = submission or (extra or {}).get("submission")
    tests = []
    for r in results:
        output = shown_text(r, lang, submission)
        tests.append({
            "name": f"{r.lab}: {r.name}",
            "score": r.score,
            "max_score": r.max_score,
            "status": "passed" if r.passed else "failed",
            "output": output,
            "tags": [r.lab, r.category],
            "visibility": r.visibility,
            "extra_data": {"status": r.status, "nodeid": r.nodeid, "duration": round(r.duration, 3)},
        })
    return {
        "score": round(sum(r.score for r in results), 3),
        "max_score": round(sum(r.max_score for r in results), 3),
        "execution_time": round(execution_time, 3),
        "output_format": "text",
        "tests": tests,
        "extra_data": {"language": lang, **(extra or {})},
    }


def write_gradescope(path: str, results: list[CheckResult], execution_time: float, **kw) -> None:
    atomic_write(path, json.dumps(gradescope(results, execution_time, **kw), indent=2,
                                  ensure_ascii=False))


def load(path: str) -> list[CheckResult]:
    """Read back a results.json that socklab wrote."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    out = []
    for t in data["tests"]:
        lab, _, name = t["name"].partition(": ")
        out.append(CheckResult(nodeid=t["extra_data"]["nodeid"], lab=lab, name=name,
                               category=t["tags"][1], max_score=t["max_score"], score=t["score"],
                               status=t["extra_data"]["status"], feedback=t["output"],
                               visibility=t["visibility"]))
    return out


def as_dict(r: CheckResult) -> dict:
    return asdict(r)
