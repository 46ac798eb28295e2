"""day3/file_client.py: receive a file until end of stream, then say thanks.

`python3 file_client.py HOST PORT OUTFILE` reads until end of stream, writes everything to
OUTFILE (binary-safe), and only after end of stream sends `Thank you`, then closes.
"""

import random
import socket
import time

from harness import FIN, check, fail, lab_marker, procfs, random_bytes, safefs, wait_until
from harness.procfs import blocked_in

pytestmark = lab_marker("day3/file_client")

OUTFILE_CAP = 4 << 20  # the largest file sent is 1 MiB: an OUTFILE past this is wrong anyway
RECEIVING = {"read", "recvfrom", "recvmsg", "poll", "ppoll", "select", "pselect6", "epoll_wait",
             "epoll_pwait"}


def _client_waits_for_more(program, server_port: int) -> bool:
    """The client has read all we sent and sleeps in a receive call (or has ended)."""
    if not program.alive():
        return True
    rows = [r for r in procfs.owned_sockets(program.pid, ("tcp", "tcp6")) if r.remote[1] == server_port]
    return bool(rows) and sum(r.rx_queue for r in rows) == 0 and blocked_in(program.pid) in RECEIVING


def file_sender(content: bytes, *, seed: int, max_chunk: int, gap: float, client: dict,
                wait_for_close: bool):
    """A reference file server: ``content`` in random chunks with gaps, then half-close.

    Before the half-close it waits until the client has read everything and sleeps in a
    receive call: whatever the client sends before end of stream has been sent by then.
    """
    def handler(conn, log):
        rng = random.Random(seed)
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        early = bytearray()
        i = 0
        while i < len(content):
            n = rng.randint(1, max_chunk)
            conn.send(content[i:i + n])
            i += n
            if rng.random() < 0.3:
                time.sleep(gap)  # a stimulus: the client sees the file in separate pieces
        wait_until(lambda: "program" in client, 5)
        port = conn.sock.getsockname()[1]
        wait_until(lambda: _client_waits_for_more(client["program"], port), 5)
        try:
            while True:
                chunk = conn.sock.recv(65536, socket.MSG_DONTWAIT)
                if not chunk:
                    break
                early += chunk
        except (BlockingIOError, ConnectionResetError):
            pass
        log.note("before FIN", bytes(early))
        conn.sock.shutdown(socket.SHUT_WR)
        after = bytearray()
        while True:
            chunk = conn.recv_some(timeout=5)
            if not chunk:
                break
            after += chunk
            if not wait_for_close and b"Thank you" in after:
                break
        log.note("after FIN", bytes(after))
        log.note("client closed", conn.closed_by_peer if chunk is not None else "OPEN")
        if not wait_for_close:
            conn.close()
    return handler


def _run(lab, content: bytes, *, seed: int, max_chunk: int, gap: float = 0.003,
         wait_for_close: bool = False):
    client: dict = {}
    server = lab.reference_server(file_sender(content, seed=seed, max_chunk=max_chunk, gap=gap,
                                              client=client, wait_for_close=wait_for_close))
    out = lab.tmp_path(f"received-{seed}.bin")
    client["program"] = program = lab.launch("127.0.0.1", server.port, out)
    return server, program, out


@check(3, "correctness", ko="잘게 나뉘어 온 파일을 바이트 그대로 저장한다")
def test_saves_the_file_byte_for_byte(lab):
    """Saves the file byte for byte, however it arrives"""
    for content, seed, max_chunk in ((random_bytes(1 << 20, seed=5), 5, 65536),
                                     (random_bytes(3000, seed=6), 6, 50)):
        server, program, out = _run(lab, content, seed=seed, max_chunk=max_chunk)
        server.wait(10)
        program.expect_exit(5, codes=None)  # how it ends is another check's
        try:  # OUTFILE is the program's: a link, FIFO or huge file there fails the check
            saved = safefs.read_regular(out, OUTFILE_CAP)
        except OSError:
            raise fail("fc.no_outfile", path=out, hint="hint.fc_write_binary") from None
        if saved != content:
            raise fail("fc.file_differs", got_len=len(saved), expected_len=len(content), got=saved,
                       expected=content, hint="hint.fc_write_binary")
        server.close()


@check(3, "half-close", ko="스트림의 끝을 받은 뒤에만 Thank you를 보낸다")
def test_thanks_only_after_end_of_stream(lab):
    """Sends `Thank you` only after end of stream"""
    server, program, _out = _run(lab, random_bytes(20000, seed=7), seed=7, max_chunk=4000)
    server.wait(10)
    program.expect_exit(5, codes=None)
    early = server.log.value("before FIN") or b""
    if early:
        raise fail("fc.thanks_too_early", got=early, expected=b"", hint="hint.fc_eof_then_thanks")
    after = server.log.value("after FIN") or b""
    if after.rstrip(b"\0\r\n") != b"Thank you":
        raise fail("fc.no_thanks", got=after, expected=b"Thank you", hint="hint.fc_eof_then_thanks")


@check(1, "correctness", needs="test_thanks_only_after_end_of_stream",
       ko="감사 인사를 보낸 뒤 연결을 닫고 0으로 종료한다")
def test_closes_after_the_thanks(lab):
    """Closes the connection after the thanks and exits 0"""
    server, program, _out = _run(lab, b"a small file\n", seed=8, max_chunk=4, wait_for_close=True)
    status = program.wait_exit(5)
    if status is None:
        raise fail("fc.does_not_close", where=program.blocked_where(), hint="hint.fc_close")
    server.wait(5)
    if server.log.value("client closed") != FIN:
        raise fail("fc.not_closed_cleanly", ended=server.log.value("client closed"), hint="hint.fc_close")
    if status != 0:
        raise fail("exit.wrong_status", program=program.label, status=status, expected_status="0",
                   output=program.output_tail())


@check(1, "robustness", ko="연결이 거부되면 트레이스백 없이 알린다")
def test_refused_connection_is_reported_cleanly(lab):
    """Refused connection: exit 1, no traceback"""
    program = lab.launch("127.0.0.1", lab.lease(), lab.tmp_path("never.bin"))
    program.expect_exit(5, codes=(1,))
    program.expect_no_traceback()
    if not program.stderr.text().strip():
        raise fail("echo_client.silent_failure", hint="hint.say_why_on_stderr")
