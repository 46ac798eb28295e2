"""Reports are no injection surface (issue 12, item 6).

Whatever a student controls (what their program prints, the name of their folder) reaches
every report as text to read: no raw terminal control or bidi override, no HTML, no
Markdown that closes its fence, no workflow command outside the stop-commands fence, no
spreadsheet formula, and no absolute path of the grading host.  Where a real consumer is
at hand offline (the csv module, html.parser, xml.etree, markdown-it), the reports are
read with it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from harness.batch import adapters
from harness.batch.inputs import Submission
from harness.batch.runner import Graded, folder_name, gradebook_rows, write_class_files
from harness.ci import github
from harness.feedback import Output, fail
from harness.grading import details, grade_one
from harness.report import html as html_report
from harness.report import terminal
from harness.results import CheckResult, gradescope, load, write_gradescope

LAB = "day2/echo_server"
HOSTILE = ("\x1b[31mred\x1b[0m \x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ "
           "ok\rOVERWRITTEN\x08\x08 \u202eevil\u202c \u2066isolate\u2069 \x9b2J \x07\n"
           "</pre><script>alert(1)</script>\n"
           "````` not the end of the fence\n"
           "::set-output name=x::y\n"
           "::error::forged\n"
           "##[error]legacy\n")
EVIL_NAME = "=cmd|' /C calc'!A0"
# what no report may hold raw: C0 but LF and TAB, DEL, C1, bidi controls, separators, surrogates
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                         "\u2028\u2029\u2066-\u2069\ud800-\udfff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

HOSTILE_SERVER = f'''import sys, tempfile
HOSTILE = {HOSTILE!r}
sys.stdout.write(HOSTILE)
print(tempfile.gettempdir() + "/socklab-zz9/out.txt")
sys.stdout.flush()
sys.stderr.write(HOSTILE)
raise RuntimeError("boom")   # a traceback: it names this file by its absolute path
'''


def assert_no_raw_controls(text: str, where: str) -> None:
    found = RAW_CONTROL.findall(text)
    assert not found, f"{where}: raw {sorted(set(found))!r}"


# ---- the real pipeline: a child grading run, results.json, report.txt, junit.xml

@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A hostile submission graded as `socklab grade` does; its folder and output folder."""
    root = tmp_path_factory.mktemp("injection")
    sub = root / "prof-downloads" / "kim"
    (sub / "day2").mkdir(parents=True)
    (sub / "day2" / "echo_server.py").write_text(HOSTILE_SERVER)
    out = root / "out"
    results = grade_one(sub, out, lang="en", timeout=300, labs=[LAB], quiet=True)
    assert any("boom" in r.feedback for r in results), [r.feedback for r in results]
    return sub, out, results


def test_results_json_quotes_the_output_visibly_and_names_no_host_path(graded):
    sub, out, results = graded
    for t in json.loads((out / "results.json").read_text())["tests"]:
        assert_no_raw_controls(t["output"], t["name"])
        assert str(sub) not in t["output"] and tempfile.gettempdir() + "/socklab-" not in t["output"]
    text = "\n".join(r.feedback for r in results)
    assert "\\x1b[31mred" in text and "\\u202eevil" in text and "ok\\rOVERWRITTEN\\x08" in text
    assert '<submission>/day2/echo_server.py", line' in text    # the traceback, relative
    assert "<scratch>/out.txt" in text
    for line in text.split("\n"):
        if "::set-output" in line or "</pre>" in line:
            assert line.startswith("    | "), line


def test_report_txt_and_the_terminal_show_no_control_and_start_no_command(graded):
    _, out, results = graded
    for where, text in (("report.txt", (out / "report.txt").read_text()),
                        ("terminal", terminal.render(results, "en")),
                        ("details", details(results, "en"))):
        assert_no_raw_controls(text, where)
        for line in text.split("\n"):  # GitHub trims leading blanks before looking for "::"
            assert not line.lstrip().startswith(("::", "##[")), (where, line)


def test_junit_xml_parses_and_holds_the_output_visibly(graded):
    _, out, _ = graded
    raw = (out / "junit.xml").read_text()
    assert_no_raw_controls(raw, "junit.xml")
    tree = ET.fromstring(raw)
    failures = "\n".join((f.text or "") + f.get("message", "") for f in tree.iter("failure"))
    assert "\\x1b[31mred" in failures and "</pre><script>" in failures  # as text, escaped in XML
    assert not list(tree.iter("script"))


def test_the_ci_log_runs_no_command_outside_the_stop_commands_fence(graded):
    _, _, results = graded
    log = []
    with github.commands_stopped(log.append):
        log.append(terminal.render(results, "en") + "\n" + details(results, "en"))
    log += [line + "\n" for line in github.annotations(results, [], "en")]
    text = "".join(log)
    assert_no_raw_controls(text, "log")
    outside = commands_outside_fence(text)
    assert outside and all(re.match(r"::(error|warning|notice) [a-z]+=[^\n]*$", ln) for ln in outside)
    assert not any("forged" in ln or "set-output" in ln for ln in outside)


def commands_outside_fence(log: str) -> list[str]:
    """The lines GitHub's runner would read as workflow commands."""
    outside, token = [], None
    for line in log.split("\n"):
        if token is not None:
            token = None if line == f"::{token}::" else token
            continue
        m = re.fullmatch(r"::stop-commands::([0-9a-f]{32})", line)
        if m:
            token = m.group(1)
        elif line.lstrip().startswith(("::", "##[")):
            outside.append(line)
    assert token is None, "commands were never resumed"
    return outside


def test_a_missing_file_is_named_relative_to_the_submission(tmp_path):
    sub = tmp_path / "instructor-home" / "kim"
    (sub / "day2").mkdir(parents=True)
    results = grade_one(sub, tmp_path / "out", lang="en", timeout=300, labs=[LAB], quiet=True)
    missing = next(r for r in results if "was not found" in r.feedback)
    assert "day2/echo_server.py was not found in your submission" in missing.feedback
    assert str(tmp_path) not in (tmp_path / "out" / "report.txt").read_text()
    for t in json.loads((tmp_path / "out" / "results.json").read_text())["tests"]:
        assert str(tmp_path) not in t["output"], t["name"]


# ---- every writer, given hostile text directly (each one defends itself)

def hostile_results() -> list[CheckResult]:
    """A failed check whose feedback (what came back, the program's output), output and
    notes are hostile, rendered as the plugin renders it; and a check that passed."""
    failure = fail("output.line_missing", program="echo_server.py 20000", seconds=3,
                   got=HOSTILE.split("\n")[0] + " ``` ::error::in-a-got", output=Output(HOSTILE))
    bad = CheckResult(nodeid="labs/day2/test_echo_server.py::test_x", lab=LAB, name="echoes",
                      category="correctness", max_score=2, score=-0.0, status="failed",
                      feedback=failure.render("en"), output=HOSTILE + "\udcff",
                      notes=["killed leftover \x1b[2Jprocess"])
    good = CheckResult(nodeid="labs/day2/test_echo_server.py::test_y", lab=LAB, name="listens",
                       category="correctness", max_score=1, score=1)
    return [bad, good]


def raw_results() -> list[CheckResult]:
    """The same, with the hostile text put in raw: as if no earlier step had quoted it."""
    results = hostile_results()
    results[0].feedback = "it failed: " + HOSTILE
    return results


@pytest.mark.parametrize("make", [hostile_results, raw_results], ids=["rendered", "raw"])
def test_terminal_render_shows_no_control(make):
    assert_no_raw_controls(terminal.render(make(), "en"), "terminal")


class Tags(HTMLParser):
    """The elements a browser would build, and the text inside <pre>."""

    def __init__(self, page: str):
        super().__init__()
        self.tags, self.attrs, self.pre, self._depth = [], [], [], 0
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self._depth += tag == "pre"

    def handle_endtag(self, tag):
        self._depth -= tag == "pre"

    def handle_data(self, data):
        if self._depth:
            self.pre.append(data)


PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "b", "table", "tr",
             "th", "td", "span", "pre", "details", "summary", "a", "img"}


@pytest.mark.parametrize("make", [hostile_results, raw_results], ids=["rendered", "raw"])
def test_html_student_report_escapes_and_shows_controls(make):
    page = html_report.student_report(EVIL_NAME + "<script>x</script>", make(), "en")
    assert_no_raw_controls(page, "report.html")
    parsed = Tags(page)
    assert set(parsed.tags) <= PAGE_TAGS, set(parsed.tags) - PAGE_TAGS
    pre = "".join(parsed.pre)
    assert "</pre><script>alert(1)</script>" in pre and "\\x1b[31mred" in pre


def graded_class() -> list[Graded]:
    def student(name: str) -> Graded:
        return Graded(Submission(name=name, source=Path("/nowhere") / name, kind="folder"),
                      folder_name(name), results=hostile_results())
    return [student(EVIL_NAME), student("@SUM(1+1)\u202e"), student("-2+3")]


def test_class_files_neutralise_formulas_and_escape_names(tmp_path):
    done = graded_class()
    write_class_files(done, tmp_path, "en", ["otter-csv"])
    for name in ("gradebook.csv", "final_grades.csv"):
        with open(tmp_path / name, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        cells = [c for row in rows for c in row]
        # "--" is otter's own constant in its points row, never a student's text
        assert not [c for c in cells if c.startswith(FORMULA_START) and c != "--"], name
        assert_no_raw_controls("".join(cells), name)
        assert "'" + EVIL_NAME in cells and "'-2+3" in cells, name
    book = list(csv.DictReader(io.StringIO((tmp_path / "gradebook.csv").read_text())))
    for row in book:  # numbers stay numbers: no -0, no quote
        for key in (LAB, "total", "max", "percent"):
            assert float(row[key]) >= 0 and not row[key].startswith(("'", "-")), row
    assert [r["total"] for r in book] == ["1", "1", "1"]
    parsed = Tags((tmp_path / "class.html").read_text())
    assert set(parsed.tags) <= PAGE_TAGS
    hrefs = [v for k, v in parsed.attrs if k == "href"]
    assert all(re.fullmatch(r"[\w.@+%-]+/report\.html", h) for h in hrefs), hrefs
    assert_no_raw_controls((tmp_path / "class.html").read_text(), "class.html")


def test_gradebook_rows_keep_a_negated_zero_a_number():
    _, rows = gradebook_rows(graded_class())
    assert {r[LAB] for r in rows} == {"1"} and rows[0]["percent"] == "33.3"


@pytest.mark.parametrize("make", [hostile_results, raw_results], ids=["rendered", "raw"])
def test_markdown_summary_keeps_student_text_in_cells_and_fences(make):
    md = github.summary(make(), [], "en", release="0")
    assert_no_raw_controls(md, "summary")
    parser = MarkdownIt("commonmark").enable("table")
    fences = [t for t in parser.parse(md) if t.type == "fence"]
    assert len(fences) == 1 and "```" in fences[0].content   # the student's backticks, inside it
    lines = md.split("\n")
    start, end = fences[0].map
    assert lines[end - 1] == fences[0].markup and lines[end + 1] == "</details>"  # closed by socklab
    outside = lines[:start] + lines[end:]
    assert not [ln for ln in outside if ln.lstrip().startswith(("::", "##["))]
    assert "<script" not in parser.render(md)


@pytest.mark.parametrize("make", [hostile_results, raw_results], ids=["rendered", "raw"])
def test_annotations_are_one_line_each_and_escaped(make):
    for line in github.annotations(make(), [], "en"):
        assert "\n" not in line and "\r" not in line
        assert_no_raw_controls(line, "annotation")
        assert re.match(r"::(error|notice) [a-z]+=", line), line


def test_classroom_result_is_inert():
    data = github.classroom_result(hostile_results(), [], "en")
    for t in data["tests"]:
        assert_no_raw_controls(t["message"], "classroom")
        assert not any(ln.lstrip().startswith("::") for ln in t["message"].split("\n"))


def test_results_json_and_prairielearn_quote_a_raw_output(tmp_path):
    results = raw_results()
    write_gradescope(str(tmp_path / "results.json"), results, 1.0, submission="/srv/prof/kim")
    data = json.loads((tmp_path / "results.json").read_text())
    assert_no_raw_controls(json.dumps(data, ensure_ascii=False), "results.json")
    output = data["tests"][0]["output"]
    assert "\n    | ::set-output name=x::y" in output and "[socklab] killed leftover \\x1b[2J" in output
    head = github.feedback_head(output, "en")     # what annotations show: not the output
    assert head[0].startswith("it failed: ") and not [ln for ln in head if ln.startswith("    | ")]
    again = gradescope(load(str(tmp_path / "results.json")), 1.0)
    assert again["tests"][0]["output"] == output    # a second pass quotes nothing twice
    adapters.write_student("prairielearn", tmp_path, results, "en")
    pl = (tmp_path / "results.prairielearn.json").read_text(encoding="utf-8")
    assert_no_raw_controls(json.loads(pl)["tests"][0]["output"], "prairielearn")


def test_output_naming_host_folders_is_scrubbed():
    r = CheckResult(nodeid="n", lab=LAB, name="x", category="correctness", max_score=1,
                    status="failed", feedback="f",
                    output='File "/srv/prof/kim/day2/echo_server.py"\n/srv/prof/kim2/x\n'
                           + tempfile.gettempdir() + "/socklab-batch-1x/unpacked/a.txt")
    out = gradescope([r], 0, submission="/srv/prof/kim")["tests"][0]["output"]
    assert '"<submission>/day2/echo_server.py"' in out and "/srv/prof/kim2/x" in out
    assert "<scratch>/unpacked/a.txt" in out
