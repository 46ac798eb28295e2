"""day3/file_server.py: send a file, half-close, then read the client's thanks.

`python3 file_server.py PORT FILE` accepts one client, sends all of FILE, calls
`shutdown(SHUT_WR)`, keeps reading until the client closes, prints
`Message from client: MSG` and exits 0.
"""

from harness import FIN, RST, check, fail, lab_marker, procfs, random_bytes, safefs, scaled, wait_until
from harness.procfs import blocked_in

pytestmark = lab_marker("day3/file_server")

MESSAGE = r"Message from client:\s?(.*)$"
RECEIVING = {"read", "recvfrom", "recvmsg", "poll", "ppoll", "select", "pselect6", "epoll_wait",
             "epoll_pwait"}


def _serve(lab, content: bytes):
    path = lab.tmp_path("served.bin")
    safefs.write_regular(path, content)  # never through a link an earlier program planted
    server = lab.start_server(path)
    return server, server.connect()


def _waiting_for_the_client(server, client) -> bool:
    """The server has read everything we sent and now sleeps in a receive call (or ended)."""
    if not server.alive():
        return True
    rows = [r for r in procfs.owned_sockets(server.pid, ("tcp", "tcp6"))
            if r.remote[1] == client.local_port]
    unread = sum(r.rx_queue for r in rows)
    return unread == 0 and blocked_in(server.pid) in RECEIVING


def _message_lines(server):
    return [m.group(1) for _line, m in server.lines_matching(MESSAGE)]


def _finish(server, client, thanks: bytes = b"Thank you"):
    """Close our side; the server prints the message it read and exits 0."""
    client.close()
    got = server.expect_line(MESSAGE, timeout=3, describe="Message from client: Thank you").group(1)
    if got.strip() != "Thank you":
        raise fail("fs.wrong_message", sent=thanks, got=got.strip(), expected="Thank you",
                   hint="hint.fs_read_until_close")
    server.expect_exit(3)


@check(1, "correctness", ko="인자로 받은 포트에서 listen한다")
def test_listens_on_its_port(lab):
    """Listens on the port given as its first argument"""
    _serve(lab, b"a small file\n")


@check(3, "correctness", needs="test_listens_on_its_port", ko="1 MiB 이진 파일을 그대로 보낸다")
def test_sends_a_binary_mebibyte_exactly(lab):
    """Sends a 1 MiB binary file byte for byte"""
    content = random_bytes(1 << 20, seed=3)
    server, client = _serve(lab, content)
    got = client.recv_exact(len(content), timeout=10)
    if got != content:
        raise fail("fs.file_differs", got_len=len(got), expected_len=len(content), got=got,
                   expected=content, ended=client.closed_by_peer or "timeout",
                   hint="hint.fs_sendall")
    extra, _end = client.recv_until_eof(timeout=1)  # how it ends is the half-close check's
    if extra:
        raise fail("fs.extra_bytes", count=len(extra), got=extra, hint="hint.fs_sendall")


@check(4, "half-close", needs="test_listens_on_its_port",
       ko="파일을 보낸 뒤 half-close하고 감사 인사를 읽는다")
def test_half_closes_then_reads_the_thanks(lab):
    """Half-closes, then still reads `Thank you`"""
    content = random_bytes(10000, seed=4)
    server, client = _serve(lab, content)
    data, end = client.recv_until_eof(timeout=3)
    if data != content:
        raise fail("fs.file_differs", got_len=len(data), expected_len=len(content), got=data,
                   expected=content, ended=end, hint="hint.fs_sendall")
    if end == "OPEN":
        raise fail("fs.no_end_of_stream", size=len(content), where=server.blocked_where(),
                   hint="hint.fs_shutdown_wr")
    if end == RST:
        raise fail("fs.reset_after_file", hint="hint.fs_shutdown_wr")
    # A server that half-closed now sleeps in recv(), waiting for us; one that shut down
    # its reading side too reads end of stream at once and goes on without us.
    waited = wait_until(lambda: _waiting_for_the_client(server, client), 3)
    if not server.alive():
        server.wait_exit(1)
        server.stdout.join(scaled(1))
    read_too_early = _message_lines(server) or not server.alive()
    client.send(b"Thank you")
    half_closed = client.peer_half_closed()
    if _message_lines(server) and read_too_early:
        raise fail("fs.shut_rdwr", printed=_message_lines(server)[0].strip(),
                   sent=b"Thank you", hint="hint.fs_shutdown_wr")
    if not half_closed:
        raise fail("fs.closed_instead_of_shutdown", sent=b"Thank you", hint="hint.fs_shutdown_wr",
                   output=server.output_tail())
    if not waited:
        raise fail("fs.not_reading", where=server.blocked_where(), hint="hint.fs_read_until_close")
    _finish(server, client)


@check(1, "correctness", needs="test_half_closes_then_reads_the_thanks", ko="빈 파일도 처리한다")
def test_sends_an_empty_file(lab):
    """Sends an empty file (end of stream at once)"""
    server, client = _serve(lab, b"")
    data, end = client.recv_until_eof(timeout=3)
    if data or end != FIN:
        raise fail("fs.empty_file", got=data, ended=end, hint="hint.fs_empty")
    wait_until(lambda: _waiting_for_the_client(server, client), 3)
    client.send(b"Thank you")
    _finish(server, client)


@check(1, "output", needs="test_half_closes_then_reads_the_thanks",
       ko="나뉘어 온 메시지를 끝까지 읽고 끝의 NUL 없이 출력한다")
def test_reads_the_whole_message_until_close(lab):
    """Reads the message until close, prints it clean"""
    server, client = _serve(lab, b"file\n")
    client.recv_until_eof(timeout=3)
    wait_until(lambda: _waiting_for_the_client(server, client), 3)
    thanks = b"Thank you\0\0\0"  # like a C client sending its whole buffer
    client.send(thanks[:5])
    wait_until(lambda: _waiting_for_the_client(server, client), 3)  # it has read "Thank"
    if server.alive():
        client.send(thanks[5:])
    _finish(server, client, thanks)


@check(1, "robustness", needs="test_half_closes_then_reads_the_thanks",
       ko="클라이언트가 연결을 리셋해도 트레이스백 없이 끝난다")
def test_client_reset_ends_it_cleanly(lab):
    """Client reset: exits without a traceback"""
    server, client = _serve(lab, b"file\n")
    client.recv_until_eof(timeout=3)
    wait_until(lambda: _waiting_for_the_client(server, client), 3)
    client.reset()  # its recv() now fails with ECONNRESET
    server.expect_exit(3, codes=None)
    server.expect_no_traceback()


@check(1, "robustness", ko="읽을 수 없는 파일은 사용법 오류로 처리한다")
def test_unreadable_file_is_a_usage_error(lab):
    """Missing FILE: usage error, no traceback"""
    program = lab.launch(lab.lease(), lab.tmp_path("no-such-file.bin"))
    program.expect_exit(5, codes=(1, 2))
    program.expect_no_traceback()
    if not program.stderr.text().strip():
        raise fail("echo_client.silent_failure", hint="hint.say_why_on_stderr")



