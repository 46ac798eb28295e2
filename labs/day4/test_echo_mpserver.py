"""day4/echo_mpserver.py: day 3's fork-per-client echo server, reaping in a SIGCHLD handler.

`python3 echo_mpserver.py PORT` prints `removed proc id: PID` for every child it reaps,
each child exactly once, none missed when SIGCHLD signals coalesce; SIGTERM ends it
(exit 0 within 2 s) with its children.
"""

import signal

from harness import check, fail, lab_marker, wait_until
from harness.signals import cont, is_stopped, live_children, new_child, printed_pids, stop

pytestmark = lab_marker("day4/echo_mpserver")

REMOVED = r"removed proc id:\s*(\d+)"


@check(1, "correctness", ko="인자로 받은 포트에서 listen한다")
def test_listens_on_its_port(lab):
    """Listens on the port given as its first argument"""
    lab.start_server()


@check(2, "concurrency", needs="test_listens_on_its_port",
       ko="클라이언트마다 자식 프로세스를 만들어 동시에 처리한다")
def test_serves_clients_concurrently(lab):
    """Serves a client while another stays silent, each in its own child process"""
    server = lab.start_server()
    silent = server.connect()  # connects and never sends
    talker = server.connect()
    message = b"served while another client is silent\n"
    talker.send(message).expect_bytes(message, timeout=3, sent=message, hint="hint.mp4_fork")
    if not wait_until(lambda: len(live_children(server)) >= 2, 3):
        raise fail("mp4.no_child_per_client", clients=2, children=len(live_children(server)),
                   hint="hint.mp4_fork")
    silent.close()


def _connect_and_find_child(server, known):
    client = server.connect()
    hello = b"who serves me?\n"
    client.send(hello).expect_bytes(hello, sent=hello, hint="hint.mp4_fork")
    pid = new_child(server, known)
    if pid is None:
        raise fail("mp4.no_child_per_client", clients=len(known) + 1,
                   children=len(live_children(server)), hint="hint.mp4_fork")
    known.add(pid)
    return client, pid


def _check_reports(server, children):
    printed = printed_pids(server, REMOVED)
    for pid in sorted(children):
        if printed[pid] > 1:
            raise fail("mp4.reported_twice", pid=pid, times=printed[pid],
                       output=server.output_tail(), hint="hint.mp4_once")
    strangers = sorted(set(printed) - set(children))
    if strangers:
        raise fail("mp4.reported_unknown_pid", pids=", ".join(map(str, strangers)),
                   children=", ".join(map(str, sorted(children))), server_pid=server.pid,
                   output=server.output_tail(), hint="hint.mp4_real_pid")


@check(3, "zombies", needs="test_serves_clients_concurrently",
       ko="회수한 자식마다 실제 PID로 `removed proc id: PID`를 한 번씩 출력한다")
def test_reports_each_child_it_reaps(lab):
    """Prints `removed proc id: PID` once per child, with the child's real PID, and leaves no zombie"""
    server = lab.start_server()
    known: set[int] = set()
    for _ in range(3):
        client, pid = _connect_and_find_child(server, known)
        client.close()  # the child sees end of stream and exits: one SIGCHLD
        if not wait_until(lambda pid=pid: printed_pids(server, REMOVED)[pid], 2):
            _check_reports(server, known)
            zombies = server.zombies()
            raise fail("mp4.child_not_reported", pid=pid, zombies=len(zombies),
                       output=server.output_tail(), hint="hint.mp4_handler")
    _check_reports(server, known)
    if not wait_until(lambda: not server.zombies(), 1):
        raise fail("mp4.zombies_left", zombies=len(server.zombies()), clients=3,
                   hint="hint.mp4_handler")


@check(3, "zombies", needs="test_reports_each_child_it_reaps",
       ko="SIGCHLD가 합쳐져도 자식을 모두 회수하고 모두 출력한다")
def test_reaps_coalesced_children(lab):
    """Reaps and reports all 8 children when their 8 SIGCHLD signals arrive as one"""
    n = 8
    server = lab.start_server()
    known: set[int] = set()
    clients = [_connect_and_find_child(server, known)[0] for _ in range(n)]
    if not wait_until(lambda: len(live_children(server) & known) == n, 3):
        raise fail("mp4.no_child_per_client", clients=n,
                   children=len(live_children(server)), hint="hint.mp4_fork")
    stop(server.pid)  # while it is stopped the 8 SIGCHLD merge into one pending signal
    try:
        wait_until(lambda: is_stopped(server.pid), 2)
        for client in clients:
            client.close()
        if not wait_until(lambda: set(server.zombies()) >= known, 5):
            raise fail("mp4.children_did_not_exit", clients=n,
                       exited=len(set(server.zombies()) & known), hint="hint.mp4_child_exit")
    finally:
        cont(server.pid)

    def all_done():
        printed = printed_pids(server, REMOVED)
        return not server.zombies() and all(printed[pid] for pid in known)
    if not wait_until(all_done, 2):
        zombies = server.zombies()
        printed = printed_pids(server, REMOVED)
        if zombies:
            raise fail("mp4.coalesced_zombies", clients=n, zombies=len(zombies),
                       hint="hint.mp4_loop")
        missing = sorted(pid for pid in known if not printed[pid])
        raise fail("mp4.coalesced_not_reported", clients=n, missing=len(missing),
                   pids=", ".join(map(str, missing)), output=server.output_tail(),
                   hint="hint.mp4_loop")
    _check_reports(server, known)


@check(2, "signals", needs="test_serves_clients_concurrently",
       ko="SIGTERM을 받으면 2초 안에 상태 0으로 끝나고 자식도 모두 끝난다")
def test_ends_cleanly_on_sigterm(lab):
    """Ends on SIGTERM within 2 s with exit status 0, its children ended, no orphan"""
    server = lab.start_server()
    known: set[int] = set()
    clients = [_connect_and_find_child(server, known)[0] for _ in range(2)]
    server.signal(signal.SIGTERM)
    server.expect_clean_exit(hint="hint.mp4_sigterm", left_key="mp4.sigterm_orphans",
                             left_hint="hint.mp4_sigterm_children", clients=len(clients))
    server.expect_no_traceback()
