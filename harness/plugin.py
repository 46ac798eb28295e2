"""socklab's pytest plugin: checks with points, a lab fixture, feedback instead of tracebacks.

A lab's checks are plain pytest functions::

    pytestmark = lab_marker("day2/echo_server")

    @check(2, "correctness", ko="이진 데이터를 그대로 돌려준다")
    def test_echoes_binary_exactly(lab): ...

The plugin resolves which file is graded (``--submission DIR`` or the lab folder
itself), tears down everything a check started, turns :class:`CheckFailed` into
feedback in the chosen language, skips checks whose prerequisite failed ("not run"),
and writes the score table, ``results.json`` (Gradescope schema) and, through pytest's
own ``--junitxml``, JUnit XML.
"""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from harness import backends, timing
from harness.catalog import text
from harness.feedback import CheckFailed, HarnessError
from harness.lab import DEFAULT_COMMAND, Lab
from harness.redact import scrub
from harness.report import terminal
from harness.results import CheckResult, write_gradescope

CATEGORIES = ("correctness", "byte-order", "half-close", "concurrency", "zombies", "signals",
              "robustness", "fd-hygiene", "output")
VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")

STATE = pytest.StashKey["GradingState"]()
RESULT = pytest.StashKey[CheckResult]()
PROGRAM_OUTPUT = pytest.StashKey[str]()
NOTES = pytest.StashKey[list]()
TIMER = pytest.StashKey[bool]()


class CheckTimedOut(BaseException):
    """A check ran past its time limit (raised by socklab's own timer, told apart by type).

    A BaseException, like pytest-timeout's: no ``except Exception`` in a check swallows it."""


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item, settings):
    """pytest-timeout asks who times a test: socklab times its checks itself (SIGALRM in
    the main thread), so a timeout is an exception of its own, not a message to match."""
    if item.get_closest_marker("check") is None or not settings.timeout \
            or threading.current_thread() is not threading.main_thread():
        return None  # pytest-timeout's own timer

    def expired(signum, frame):
        raise CheckTimedOut(f"past its time limit of {settings.timeout:g} s")
    signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, settings.timeout)
    item.stash[TIMER] = True
    return True


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_cancel_timer(item):
    if not item.stash.get(TIMER, False):
        return None
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    item.stash[TIMER] = False
    return True


def check(points: float, category: str, *, ko: str = "", needs: str | None = None,
          visibility: str = "visible", timeout: float = 60):
    """Mark a test function as a graded check."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    if visibility not in VISIBILITIES:
        raise ValueError(f"unknown visibility {visibility!r}")

    def mark(fn):
        fn = pytest.mark.check(points=points, category=category, ko=ko, needs=needs,
                               visibility=visibility)(fn)
        return pytest.mark.timeout(timing.scaled(timeout))(fn)
    return mark


def lab_marker(lab_id: str):
    return pytest.mark.lab(lab_id)


class GradingState:
    def __init__(self, config):
        self.config = config
        self.lang = config.getoption("socklab_lang")
        self.submission = config.getoption("submission")
        self.commands = dict(c.split("=", 1) for c in config.getoption("socklab_command") or [])
        self.backend_name = config.getoption("socklab_backend")
        self._backend = None
        self.results: list[CheckResult] = []
        self.outcomes: dict[str, str] = {}     # nodeid -> status
        self.missing_reported: set[str] = set()
        self.started = time.monotonic()

    @property
    def backend(self):
        """Created on first use, so a run that launches nothing never needs Docker."""
        if self._backend is None:
            self._backend = backends.create(self.backend_name, **(
                {"submission": self.submission} if self.backend_name in backends.PER_SUBMISSION else {}))
        return self._backend

    def folder_for(self, item, lab_id: str) -> str:
        if self.submission:
            return os.path.join(os.path.abspath(self.submission), lab_id.split("/")[0])
        return os.path.dirname(str(item.path))


def pytest_addoption(parser):
    group = parser.getgroup("socklab")
    group.addoption("--submission", default=None, metavar="DIR",
                    help="grade DIR/dayN/*.py instead of the files in the labs' own folders")
    group.addoption("--lang", dest="socklab_lang", default=os.environ.get("SOCKLAB_LANG", "en"),
                    choices=("en", "ko"), help="language of feedback and reports")
    group.addoption("--socklab-json", default=None, metavar="PATH",
                    help="write results.json (Gradescope schema) to PATH")
    group.addoption("--timeout-scale", type=float, default=None, metavar="F",
                    help="stretch every deadline by F on slow machines")
    group.addoption("--backend", dest="socklab_backend",
                    default=os.environ.get("SOCKLAB_BACKEND", "subprocess"),
                    choices=backends.NAMES,
                    help="where student programs run: host processes (subprocess), host processes "
                         "in a bubblewrap sandbox as a user of their own (sandbox), or containers")
    group.addoption("--command", dest="socklab_command", action="append", metavar="LAB=CMD",
                    help="how to launch a lab, e.g. day2/echo_server='./echo_server'; "
                         "CMD may use {python} {file} {dir}")


def pytest_configure(config):
    config.addinivalue_line("markers", "check(points, category, ko, needs, visibility): a graded check")
    config.addinivalue_line("markers", "lab(id): the lab a module's checks grade")
    if config.getoption("timeout_scale"):
        timing.set_scale(config.getoption("timeout_scale"))
    config.stash[STATE] = GradingState(config)
    # no subreaper here: a run becomes one only when a check launches a program (Program.start)


def pytest_collection_modifyitems(session, config, items):
    """A check's ``needs`` must name a check of its module: a typo is a collection error,
    not a check that fails twice instead of being "not run"."""
    for item in items:
        marker = item.get_closest_marker("check")
        needed = marker.kwargs.get("needs") if marker else None
        if needed and not callable(getattr(item.module, needed, None)):
            raise pytest.UsageError(f"{item.nodeid}: needs={needed!r} names no check of "
                                    f"{item.module.__name__}")


def _state(node) -> GradingState:
    return node.config.stash[STATE]


def _lab_id(item) -> str | None:
    marker = item.get_closest_marker("lab")
    return marker.args[0] if marker else None


def _title(item, lang: str) -> str:
    marker = item.get_closest_marker("check")
    if lang == "ko" and marker and marker.kwargs.get("ko"):
        return marker.kwargs["ko"]
    doc = (getattr(item.obj, "__doc__", None) or "").strip()
    return doc.splitlines()[0].rstrip(".") if doc else item.name.replace("test_", "").replace("_", " ")


class _MissingLab:
    """What the ``lab`` fixture gives a check whose lab file is missing: any use raises the
    file's :class:`CheckFailed`, so it fails in the check's call (a JUnit ``<failure>``,
    the student's), not in its setup (an ``<error>``, as if socklab broke)."""

    def __init__(self, missing: CheckFailed):
        self.missing = missing

    def __getattr__(self, name):
        raise self.missing


@pytest.fixture
def lab(request):
    """The lab this module grades; everything launched through it is gone after the check."""
    state = _state(request)
    lab_id = _lab_id(request.node)
    if lab_id is None:
        raise HarnessError("harness.no_lab_marker", test=request.node.nodeid)
    the_lab = Lab(lab_id, state.folder_for(request.node, lab_id),
                  command=state.commands.get(lab_id, DEFAULT_COMMAND), backend=state.backend)
    if not the_lab.exists():
        the_lab.teardown()
        if lab_id in state.missing_reported:
            pytest.skip(text("check.not_run_missing", state.lang, file=the_lab.program_file))
        state.missing_reported.add(lab_id)
        handed_in = os.path.join(lab_id.split("/")[0], the_lab.program_file)
        missing = CheckFailed("lab.file_missing", file=handed_in,
                              folder=text("report.your_submission", state.lang))  # no host path
        yield _MissingLab(missing)
        return
    yield the_lab
    forked_too_much = [p.label for p in the_lab.programs if p.fork_limit_hit()]
    leftovers = the_lab.teardown()
    notes = list(the_lab.harness_retries)
    notes.extend(text("harness.fork_limit", state.lang, program=label,
                      limit=the_lab.limits.processes) for label in forked_too_much)
    if leftovers:
        notes.append(text("harness.killed_leftovers", state.lang, processes=", ".join(leftovers)))
    request.node.stash[NOTES] = notes
    request.node.stash[PROGRAM_OUTPUT] = "\n".join(
        f"$ {p.label}\n{p.output_tail(1500)}" for p in the_lab.programs if p.output_tail().strip())


def pytest_runtest_setup(item):
    marker = item.get_closest_marker("check")
    if not marker or not marker.kwargs.get("needs"):
        return
    state = _state(item)
    needed = marker.kwargs["needs"]
    nodeid = item.nodeid.rsplit("::", 1)[0] + "::" + needed
    needed_item = next((i for i in item.session.items if i.nodeid == nodeid), None)
    if needed_item is None:
        return  # deselected (-k): this check's own waits still report a missing server
    if state.outcomes.get(nodeid) != "passed":
        pytest.skip(text("check.not_run_because", state.lang, check=_title(needed_item, state.lang)))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    marker = item.get_closest_marker("check")
    if marker is None:
        return
    state = _state(item)
    lang = state.lang
    exc = call.excinfo.value if call.excinfo else None
    missing = getattr(item, "funcargs", {}).get("lab")
    if call.when == "call" and isinstance(missing, _MissingLab):
        exc = missing.missing  # whatever the body did with the missing lab, this is its failure
        rep.outcome = "failed"
    status = None
    feedback = ""
    if isinstance(exc, (CheckFailed, HarnessError)):
        feedback = exc.render(lang)
        status = exc.status
        rep.longrepr = scrub(feedback, state.submission)  # JUnit shows it: no host paths
        if isinstance(exc, HarnessError):
            rep.outcome = "failed"
    elif rep.skipped and call.when in ("setup", "call"):
        status = "not-run"
        feedback = str(exc.msg if hasattr(exc, "msg") else "") if exc else ""
    elif rep.failed and exc is not None:
        if isinstance(exc, CheckTimedOut):
            status = "timeout"
            feedback = text("check.timed_out", lang)
        elif isinstance(exc, (ConnectionError, TimeoutError)):
            status = "failed"  # the student's program broke a connection under the grader
            feedback = text("net.unexpected_error", lang, error=f"{type(exc).__name__}: {exc}")
        else:  # an exception in socklab's own check code: never charged to the student
            status = "infra-error"
            feedback = text("harness.internal_error", lang, error=f"{type(exc).__name__}: {exc}")
        rep.longrepr = scrub(feedback + "\n\n" + str(rep.longrepr), state.submission)
    if call.when == "call" and rep.passed:
        status = "passed"
    if status is None or (call.when == "teardown" and item.nodeid in state.outcomes):
        return
    points = float(marker.kwargs["points"])
    result = CheckResult(
        nodeid=item.nodeid, lab=_lab_id(item) or "?", name=_title(item, lang),
        category=marker.kwargs["category"], max_score=points,
        score=points if status == "passed" else 0.0, status=status, feedback=feedback,
        visibility=marker.kwargs.get("visibility", "visible"), duration=call.duration)
    item.stash[RESULT] = result
    state.outcomes[item.nodeid] = status
    # JUnit: the check's points and title as <properties> (pytest's record_property; the
    # testcase keeps its function name, which CI tools key their history on)
    ours = {"title": result.name, "score": result.score, "max_score": result.max_score}
    item.user_properties[:] = [p for p in item.user_properties if p[0] not in ours]
    item.user_properties.extend(ours.items())
    rep.user_properties = list(item.user_properties)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    yield
    result = item.stash.get(RESULT, None)
    if result is None:
        return
    if not result.passed and "\n    | " not in result.feedback:  # not already quoted in the feedback
        result.output = item.stash.get(PROGRAM_OUTPUT, "")
    result.notes = item.stash.get(NOTES, [])
    _state(item).results.append(result)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    state = config.stash.get(STATE, None)
    if not state or not state.results:
        return
    terminalreporter.write_sep("=", "socklab")
    terminal.print_tables(state.results, state.lang, file=terminalreporter._tw._file)


def pytest_unconfigure(config):
    state = config.stash.get(STATE, None)
    if state is not None and state._backend is not None:
        state._backend.close()


def pytest_sessionfinish(session, exitstatus):
    state = session.config.stash.get(STATE, None)
    path = session.config.getoption("socklab_json")
    if state is None or not path:
        return
    write_gradescope(path, state.results, time.monotonic() - state.started, lang=state.lang,
                     extra={"submission": state.submission or "labs"})
