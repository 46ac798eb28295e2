"""day2/echo_server.py: an iterative TCP echo server.

`python3 echo_server.py PORT` serves one client at a time, clients one after another,
forever; it echoes every byte exactly until the client closes.
"""

import signal

from harness import CheckFailed, check, fail, lab_marker, random_bytes, wait_until
from harness.procfs import SENDING, blocked_in

pytestmark = lab_marker("day2/echo_server")


@check(1, "correctness", ko="인자로 받은 포트에서 listen한다")
def test_listens_on_its_port(lab):
    """Listens on the port given as its first argument"""
    lab.start_server()


@check(1, "correctness", needs="test_listens_on_its_port", ko="모든 인터페이스에서 listen한다")
def test_listens_on_all_interfaces(lab):
    """Listens on all interfaces (INADDR_ANY)"""
    server = lab.start_server()
    addresses = server.bound_addresses()
    if not set(addresses) & {"0.0.0.0", "::"}:
        raise fail("echo.not_all_interfaces", addresses=", ".join(addresses),
                   hint="hint.bind_any")


@check(2, "correctness", needs="test_listens_on_its_port", ko="이진 데이터를 바이트 그대로 돌려준다")
def test_echoes_binary_data_exactly(lab):
    """Echoes binary data byte for byte"""
    client = lab.start_server().connect()
    for size in (1, 100, 1023, 1024, 1025, 65536):
        data = random_bytes(size, seed=size)
        client.send(data).expect_bytes(data, sent=data, hint="hint.echo_binary")


@check(2, "correctness", needs="test_listens_on_its_port", ko="1 MiB 메시지를 그대로 돌려준다")
def test_echoes_a_mebibyte(lab):
    """Echoes a 1 MiB message whole"""
    client = lab.start_server().connect()
    data = (b"abcdefghijklmnopqrstuvwxyz" * 40330)[: 1 << 20]
    client.send(data).expect_bytes(data, timeout=10, hint="hint.echo_loop")


@check(2, "correctness", needs="test_listens_on_its_port", ko="잘게 나뉘거나 합쳐진 데이터도 그대로 돌려준다")
def test_echo_does_not_depend_on_how_data_is_split(lab):
    """Echoes data however it is split: one byte per segment, or two messages in one"""
    client = lab.start_server().connect()
    piecewise = b"sent-one-byte-at-a-time"
    client.send_fragments(piecewise, size=1).expect_bytes(piecewise, sent=piecewise,
                                                          hint="hint.echo_loop")
    both = b"first-message|second-message"
    client.send(both).expect_bytes(both, sent=both, hint="hint.echo_loop")


@check(2, "correctness", needs="test_listens_on_its_port", ko="클라이언트를 차례로 처리한다")
def test_serves_clients_one_after_another(lab):
    """Serves clients one after another, including clients queued while it is busy"""
    server = lab.start_server()
    clients = [server.connect() for _ in range(3)]  # two wait in the backlog
    for i, client in enumerate(clients):
        message = f"client-{i}".encode()
        client.send(message).expect_bytes(message, sent=message, hint="hint.accept_loop")
        client.close()


@check(2, "robustness", needs="test_listens_on_its_port",
       ko="연결을 리셋(RST)하는 클라이언트에도 죽지 않는다")
def test_survives_a_client_reset(lab):
    """Survives a client that resets the connection (RST)"""
    server = lab.start_server()
    rude = server.connect()
    rude.send(b"hello").expect_bytes(b"hello")
    rude.reset()  # the server is now in recv(): it sees ECONNRESET, not end of stream
    _still_serves(server, "echo.died_after_reset", "hint.catch_reset")


@check(2, "robustness", needs="test_listens_on_its_port",
       ko="메시지 도중에 사라지는 클라이언트에도 죽지 않는다")
def test_survives_a_client_that_vanishes_mid_message(lab):
    """Survives a client that disappears while its echo is being sent"""
    server = lab.start_server()
    rude = server.connect(rcvbuf=4096)
    rude.sock.setblocking(False)
    chunk = b"x" * 65536

    def server_blocked_sending():  # we never read, so its sendall() must stall
        try:
            while rude.sock.send(chunk):  # fill every buffer between us as fast as it drains
                pass
        except BlockingIOError:
            pass
        except ConnectionError:
            return "closed"  # it hung up on us first: other checks judge that
        return any(blocked_in(p.pid) in SENDING for p in server.processes())
    if not wait_until(server_blocked_sending, 5):
        raise fail("echo.not_echoing_while_reading", hint="hint.echo_loop")
    rude.reset()  # its pending sendall() now fails with EPIPE/ECONNRESET
    _still_serves(server, "echo.died_after_vanish", "hint.catch_send_errors")


@check(2, "fd-hygiene", needs="test_listens_on_its_port", ko="연결마다 디스크립터를 닫는다")
def test_closes_every_connection(lab):
    """Closes each connection: no descriptor leaks over 200 clients"""
    server = lab.start_server()
    for _ in range(5):
        warm = server.connect()
        warm.send(b"warm").expect_bytes(b"warm")
        warm.close()
    before = server.fd_count()
    for _ in range(200):
        client = server.connect()
        client.send(b"ping").expect_bytes(b"ping")
        client.close()
    client = server.connect()
    client.send(b"last").expect_bytes(b"last")  # the previous 200 are fully handled
    after = server.fd_count()
    if after - before > 10:
        raise fail("echo.fd_leak", before=before, after=after, clients=200, hint="hint.close_conn")


@check(2, "robustness", needs="test_listens_on_its_port", ko="강제 종료 직후 같은 포트로 다시 시작한다")
def test_restarts_on_the_same_port(lab):
    """Can be restarted on the same port right after being killed (SO_REUSEADDR)"""
    first = lab.start_server()
    client = first.connect()
    client.send(b"before the kill").expect_bytes(b"before the kill")
    first.killed_then_restarted(holding=client, key="echo.no_reuseaddr")


@check(1, "signals", needs="test_listens_on_its_port", ko="SIGTERM을 받으면 끝난다")
def test_ends_on_sigterm(lab):
    """Ends on SIGTERM, leaving nothing running"""
    server = lab.start_server()
    server.connect().send(b"hi").expect_bytes(b"hi")
    server.signal(signal.SIGTERM)
    if server.wait_exit(2) is None:
        raise fail("echo.ignores_sigterm", where=server.blocked_where())
    if not wait_until(lambda: not server.survivors(), 1):
        raise fail("echo.left_processes", processes=len(server.survivors()))


def _still_serves(server, key, hint):
    """The next client is served; if not, say whether the server died of the last one."""
    try:
        client = server.connect()
        client.send(b"are you there?").expect_bytes(b"are you there?")
    except CheckFailed:
        if server.wait_exit(1) is not None:
            raise fail(key, status=server.program.returncode, hint=hint,
                       output=server.program.output_tail()) from None
        raise
