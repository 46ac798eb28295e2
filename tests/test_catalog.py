"""Every student-facing message exists in English and Korean, and every key used exists."""

import re
from pathlib import Path

from harness.catalog import LANGUAGES, MESSAGES, text

ROOT = Path(__file__).resolve().parents[1]
KEY_USE = re.compile(r'''(?:fail|CheckFailed|HarnessError|text)\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']''')
HINT_USE = re.compile(r'''hint=\(?["']([a-z0-9_]+\.[a-z0-9_.]+)["']''')
KEY_ARG = re.compile(r'''key=["']([a-z0-9_]+\.[a-z0-9_.]+)["']''')


def test_every_message_has_every_language():
    missing = [(k, lang) for k, entry in MESSAGES.items() for lang in LANGUAGES
               if not entry.get(lang, "").strip()]
    assert not missing


def test_placeholders_match_between_languages():
    for key, entry in MESSAGES.items():
        names = {lang: set(re.findall(r"{(\w+)}", entry[lang])) for lang in LANGUAGES}
        assert names["en"] == names["ko"], key


def test_every_key_used_in_code_exists():
    used = set()
    for path in list((ROOT / "harness").rglob("*.py")) + list((ROOT / "labs").rglob("test_*.py")):
        source = path.read_text()
        used |= set(KEY_USE.findall(source)) | set(HINT_USE.findall(source)) | set(KEY_ARG.findall(source))
    unknown = {k for k in used if k not in MESSAGES}
    assert not unknown


def test_missing_parameters_never_crash_a_report():
    assert "{port}" in text("net.refused", "en", host="h")


def test_every_check_has_an_english_and_a_korean_name():
    import ast
    missing = []
    for path in sorted((ROOT / "labs").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
                continue
            marks = [d for d in node.decorator_list
                     if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "check"]
            ko = [k for m in marks for k in m.keywords if k.arg == "ko"]
            if not marks or not ast.get_docstring(node) or not ko or not ko[0].value.value.strip():
                missing.append(f"{path.parent.name}/{path.name}::{node.name}")
    assert not missing, missing


def test_socklab_notes_on_a_programs_output_follow_the_report_language():
    from harness.feedback import Output, fail
    output = Output("allocating").noted("harness.out_of_memory", limit=1024)
    failure = fail("server.exited_early", program="echo_server.py 20000", status=-9, output=output)
    english, korean = failure.render("en"), failure.render("ko")
    assert "| allocating" in english and "out of memory" in english and "1024 MiB" in english
    assert "| allocating" in korean and "메모리 부족" in korean and "out of memory" not in korean
