"""day4/echo_storeserver.py: a multi-process echo server that stores messages through a pipe.

`python3 echo_storeserver.py PORT LOGFILE`: every line a client sends is echoed and passed
over a pipe to one writer child, which appends it to LOGFILE byte for byte: whole, never
mixed with another client's line, within 1 s. SIGTERM: the log is flushed, every process
ends, the server exits 0.
"""

import random
import re
import signal

from harness import check, fail, lab_marker, safefs, wait_until
from harness.procfs import blocked_in
from harness.signals import cont, is_stopped, live_children, new_child, stop

pytestmark = lab_marker("day4/echo_storeserver")

SIZES = (4096, 20, 700, 2048, 4000, 33, 4096, 1500)
LOG_CAP = 4 << 20  # every check logs well under 1 MiB


def _line(client, seq, size):
    """A unique line of exactly ``size`` bytes (newline included)."""
    head = f"c{client}-{seq:03d}-".encode()
    rng = random.Random(client * 1000 + seq)
    body = bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(size))
    return (head + body)[: size - 1] + b"\n"


def _log(path):
    """LOGFILE so far; the program's file, so a link, FIFO or huge file there fails the check."""
    try:
        return safefs.read_regular(path, LOG_CAP)
    except FileNotFoundError:
        return b""


def _start(lab):
    path = lab.tmp_path("store.log")
    return lab.start_server(path), path


def _verify(path, sent, *, seconds=1, what="store.lost"):
    """Every line of ``sent`` ({client: [lines]}) is in the log, whole and in each client's order."""
    expected = {line for lines in sent.values() for line in lines}
    total = sum(len(line) for line in expected)
    wait_until(lambda: len(_log(path)) >= total, seconds)
    log = _log(path)
    pieces = log.splitlines(keepends=True)
    strangers = [p for p in pieces if p not in expected]
    if strangers:
        raise fail("store.interleaved", got=strangers[0][:200], lines=len(expected),
                   hint="hint.store_one_write")
    counts = {}
    for piece in pieces:
        counts[piece] = counts.get(piece, 0) + 1
    missing = [line for line in expected if line not in counts]
    if missing:
        raise fail(what, lost=len(missing), lines=len(expected), seconds=seconds,
                   got=f"{len(log)} bytes", expected=f"{total} bytes",
                   hint="hint.store_writer_loop")
    doubled = [line for line, n in counts.items() if n > 1]
    if doubled:
        raise fail("store.duplicated", got=doubled[0][:200], hint="hint.store_one_write")
    position = {piece: i for i, piece in enumerate(pieces)}
    for client, lines in sent.items():
        order = [position[line] for line in lines]
        if order != sorted(order):
            raise fail("store.out_of_order", client=client, hint="hint.store_one_write")


@check(1, "correctness", ko="인자로 받은 포트에서 listen한다")
def test_listens_on_its_port(lab):
    """Listens on the port given as its first argument"""
    _start(lab)


@check(2, "correctness", needs="test_listens_on_its_port",
       ko="메시지를 돌려주고 LOGFILE에 바이트 그대로 1초 안에 저장한다")
def test_echoes_and_logs_messages(lab):
    """Echoes each line and appends it to LOGFILE byte for byte within 1 s"""
    server, path = _start(lab)
    client = server.connect()
    written = b""
    for line in (b"hello, store\n", _line(0, 1, 4096)):
        client.send(line).expect_bytes(line, sent=line, hint="hint.store_echo")
        written += line
        size = len(written)
        wait_until(lambda size=size: len(_log(path)) >= size, 1)
        log = _log(path)
        if log != written:
            raise fail("store.log_differs", sent=line, got=log, expected=written,
                       hint="hint.store_bytes")


@check(3, "concurrency", needs="test_echoes_and_logs_messages",
       ko="여러 클라이언트의 모든 메시지를 잃지 않고 순서대로 저장한다")
def test_logs_every_line_of_several_clients(lab):
    """Stores all 60 lines of 4 clients connected at once: none lost, each client's in order"""
    server, path = _start(lab)
    clients = [server.connect() for _ in range(4)]
    sent = {c: [] for c in range(4)}
    for seq in range(15):
        for c, client in enumerate(clients):
            line = _line(c, seq, SIZES[(seq + c) % len(SIZES)])
            client.send(line).expect_bytes(line, sent=line, hint="hint.store_echo")
            sent[c].append(line)
    _verify(path, sent)


def _cut_line_owner(log):
    """The client whose line the log ends in the middle of, or None."""
    if not log or log.endswith(b"\n"):
        return None
    match = re.match(rb"c(\d)-", log[log.rfind(b"\n") + 1:])
    return int(match.group(1)) if match else None


class _Client:
    """One client of the pipe-full check and the child serving it."""

    def __init__(self, conn, pid, first_line):
        self.conn, self.pid = conn, pid
        self.lines = [first_line]
        self.echoed = 0   # echo bytes received since the first line
        self.sent = 0     # bytes sent since the first line

    def send(self, line):
        self.conn.sock.sendall(line)
        self.lines.append(line)
        self.sent += len(line)

    def stuck(self):
        return blocked_in(self.pid) == "write"

    def echo_or_stuck(self):
        """True once the echo is whole, or the child is stuck writing (to the full pipe)."""
        self.conn.sock.setblocking(False)
        try:
            while True:
                data = self.conn.sock.recv(65536)
                if not data:
                    return True
                self.echoed += len(data)
        except BlockingIOError:
            pass
        finally:
            self.conn.sock.setblocking(True)
        return self.echoed >= self.sent or self.stuck()


@check(2, "concurrency", needs="test_echoes_and_logs_messages",
       ko="여러 클라이언트의 줄이 LOGFILE에서 섞이지 않는다 (4096바이트까지)")
def test_never_mixes_lines_of_clients(lab):
    """Never mixes two clients' lines in LOGFILE, even when the pipe is full (lines up to 4 KB)"""
    server, path = _start(lab)
    writers = wait_until(lambda: live_children(server), 3)
    if len(writers) != 1:
        raise fail("store.no_writer", children=len(writers), hint="hint.store_writer")
    writer = next(iter(writers))
    known = {writer}
    clients = []
    for c in range(4):
        conn = server.connect()
        hello = _line(c, 0, 64)
        conn.send(hello).expect_bytes(hello, sent=hello, hint="hint.store_echo")
        clients.append(_Client(conn, new_child(server, known), hello))
    stop(writer)  # the pipe fills up: every client's child ends up waiting to write
    try:
        wait_until(lambda: is_stopped(writer), 2)
        for seq in range(1, 12):  # 4 clients x 4000 bytes a round: 64 KiB fill in round 5
            active = [client for client in clients if not client.stuck()]
            if not active:
                break
            for c, client in enumerate(clients):
                if client in active:
                    client.send(_line(c, seq, 4000))
            for client in active:
                wait_until(client.echo_or_stuck, 3)
        # Freeze the children where they are, let the writer empty the pipe, then let the
        # children go on one at a time, the one whose line was cut by the full pipe (if
        # any: its first part ends the log) last: the others' lines then land inside it.
        for client in clients:
            stop(client.pid)
        wait_until(lambda: all(is_stopped(client.pid) for client in clients), 2)
        cont(writer)
        wait_until(lambda: blocked_in(writer) == "read", 2)
        cut = _cut_line_owner(_log(path))
        for c in sorted(range(len(clients)), key=lambda c: c == cut):
            cont(clients[c].pid)
            wait_until(lambda c=c: not clients[c].stuck(), 2)
    finally:
        for client in clients:
            cont(client.pid)
        cont(writer)
    _verify(path, {c: client.lines for c, client in enumerate(clients)}, seconds=2)


@check(2, "signals", needs="test_echoes_and_logs_messages",
       ko="SIGTERM을 받으면 로그를 모두 저장하고 모든 프로세스가 끝난 뒤 상태 0으로 끝난다")
def test_sigterm_flushes_the_log_and_ends_everything(lab):
    """On SIGTERM the log gets every line, all processes end, and the server exits 0 within 2 s"""
    server, path = _start(lab)
    writers = wait_until(lambda: live_children(server), 3)
    if len(writers) != 1:
        raise fail("store.no_writer", children=len(writers), hint="hint.store_writer")
    writer = next(iter(writers))
    known = {writer}
    sent = {}
    for c in range(2):
        conn = server.connect()
        line = _line(c, 0, 100)
        conn.send(line).expect_bytes(line, sent=line, hint="hint.store_echo")
        new_child(server, known)
        sent[c] = [line]
    stop(writer)  # what the clients sent now waits in the pipe, not yet in LOGFILE
    for c, conn_line in ((c, _line(c, 1, 3000)) for c in range(2)):
        sent[c].append(conn_line)
    conns = []
    try:
        wait_until(lambda: is_stopped(writer), 2)
        for c in range(2):
            conn = server.connect()
            conns.append(conn)
            conn.send(sent[c][1]).expect_bytes(sent[c][1], timeout=3, hint="hint.store_echo")
            new_child(server, known)
        server.signal(signal.SIGTERM)
        clients = known - {writer}
        # let the server end its clients' children and settle in waitpid() before the
        # writer runs again: what the writer has not yet stored must not be lost
        wait_until(lambda: not (live_children(server) & clients)
                   and blocked_in(server.pid) in ("wait4", "waitid"), 1)
    finally:
        cont(writer)
    server.expect_clean_exit(hint="hint.store_sigterm", left_key="store.sigterm_left_processes")
    _verify(path, sent, seconds=0.5, what="store.lost_on_sigterm")
