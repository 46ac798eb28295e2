"""The files of the student repository that ``socklab export-template`` writes besides labs/.

They are Python strings rather than data files so that an installed socklab always has
them (package data is limited to ``*.md``, ``*.py`` and ``*.ini``).  ``@SOCKLAB_SPEC@`` is
replaced by the pip requirement that pins socklab (``socklab==0.1.0``, a git URL at a
tag...); it is only ever placed inside a double-quoted YAML scalar or a requirements
line, never into a shell script: the workflow passes it through the environment.
"""

from __future__ import annotations

import re

PLACEHOLDER = "@SOCKLAB_SPEC@"

# What a spec may contain: a requirement or a URL, no quote, no backslash, no newline,
# no `$` or backtick (it ends up in YAML and, through an environment variable, in pip).
SPEC_RE = re.compile(r"^[A-Za-z0-9_.\-+=<>!~@:/#%?&,\[\] ]+$")

WORKFLOW = """\
# Grades every push and pull request with socklab's own checks, from the socklab release
# pinned below (never with this repository's copies of the checks, conftest.py or
# pytest settings). Written by `socklab export-template`: do not edit; socklab marks the
# score unverified when this file changes.
name: Autograding Tests

on:
  push:
  pull_request:
  workflow_dispatch:

permissions:
  contents: read
  checks: write
  actions: read

env:
  SOCKLAB_SPEC: "@SOCKLAB_SPEC@"

jobs:
  grade:
    name: Autograding Tests
    if: github.actor != 'github-classroom[bot]'
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - name: Check out the submission
        uses: actions/checkout@v4
        with:
          fetch-depth: 0
          persist-credentials: false

      - name: Set up Python
        uses: actions/setup-python@v5
        with:
          python-version: "3.11"

      - name: Install the pinned socklab
        run: python -m pip install --disable-pip-version-check "$SOCKLAB_SPEC"

      - name: Grade with socklab's own checks
        id: socklab
        run: socklab ci --out socklab-ci

      - name: Report the points to GitHub Classroom
        if: always() && steps.socklab.outputs.result != ''
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
          SOCKLAB_RESULTS: ${{ steps.socklab.outputs.result }}
        with:
          runners: socklab

      - name: Keep the reports
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: socklab-reports
          path: socklab-ci/
          if-no-files-found: warn
"""

CONFTEST = '''\
"""Loads socklab's pytest plugin for `pytest labs/dayN` (socklab installs no pytest entry
point, so other projects' tests are untouched by it).

Grading on GitHub never reads this file: `socklab ci` uses socklab's own copy. Do not
edit it (a changed conftest.py marks the CI score unverified).
"""

pytest_plugins = ["harness.plugin"]
'''

PYPROJECT = """\
# pytest settings for `pytest labs/dayN` on your own machine. Grading on GitHub never
# reads this file: `socklab ci` uses socklab's own settings.
[tool.pytest.ini_options]
testpaths = ["labs"]
timeout = 300
timeout_method = "signal"
"""

REQUIREMENTS = """\
# The socklab release this course is graded with (the same one CI installs).
@SOCKLAB_SPEC@
"""

GITIGNORE = """\
__pycache__/
.venv/
/socklab-ci/
/socklab-out/
"""

README = """\
# Socket-programming labs

Write your programs in `labs/dayN/` (each starter file's docstring is the assignment;
`labs/dayN/README.md` has the whole day), then check them on your machine:

```sh
python -m pip install -r requirements.txt   # once: the socklab release the course uses
pytest labs/day3                             # every day-3 lab
pytest labs/day3 --lang ko                   # 한국어 피드백
```

Every push and pull request is graded on GitHub by the same checks (the workflow in
`.github/workflows/grade.yml`); the job summary shows your points per lab and what to fix.
Do not edit the checks (`labs/dayN/test_*.py`), `conftest.py`, `pyproject.toml`,
`requirements.txt` or the workflow: grading never uses this repository's copies, and a
change to any of them marks the score *unverified*.

## 한국어

`labs/dayN/`에 프로그램을 작성하고 (시작 파일의 docstring이 과제입니다) 위 명령으로
직접 확인하세요. 모든 push와 pull request는 같은 검사로 GitHub에서 채점됩니다. 검사 파일,
`conftest.py`, `pyproject.toml`, `requirements.txt`, 워크플로를 수정하지 마세요. 채점은 이
저장소의 사본을 쓰지 않으며, 수정하면 점수가 *검증되지 않음*으로 표시됩니다.
"""


def valid_spec(spec: str) -> bool:
    return bool(spec) and spec == spec.strip() and SPEC_RE.match(spec) is not None


def render(template: str, spec: str) -> str:
    if not valid_spec(spec):
        raise ValueError(f"not a usable socklab requirement: {spec!r}")
    return template.replace(PLACEHOLDER, spec)


def spec_in_workflow(text: str) -> str | None:
    """The spec a workflow file pins, as written by :data:`WORKFLOW`."""
    m = re.search(r'^  SOCKLAB_SPEC: "([^"\n]*)"$', text, re.M)
    return m.group(1) if m else None


def spec_in_requirements(text: str) -> str | None:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return lines[0] if len(lines) == 1 else None
