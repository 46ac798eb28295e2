"""day2/echo_client.py: a TCP echo client.

`python3 echo_client.py HOST PORT` sends each line read from stdin, receives the whole
echo however the server splits it, and prints `Message from server: LINE`; `q`, `Q` or
the end of input closes the socket and exits 0.
"""

from harness import FIN, check, fail, lab_marker

pytestmark = lab_marker("day2/echo_client")

ECHOED = r"Message from server:\s?(.*)$"


def echo_in_pieces(piece: int | None = None, gap: float = 0.002, stop_after: int | None = None):
    """A reference echo server answering each line in ``piece``-byte segments with gaps
    (``None``: in one send)."""
    def handler(conn, log):
        pending = bytearray()
        answered = 0
        while stop_after is None or answered < stop_after:
            chunk = conn.recv_some()
            if not chunk:
                log.note("client closed", conn.closed_by_peer)
                return
            log.received += chunk
            pending += chunk
            while b"\n" in pending:
                line, _, rest = bytes(pending).partition(b"\n")
                pending = bytearray(rest)
                if piece is None:
                    conn.send(line + b"\n")
                else:
                    conn.send_fragments(line + b"\n", size=piece, gap=gap)
                answered += 1
        log.note("server closed")
    return handler


@check(3, "correctness", ko="서버가 잘게 나눠 보낸 에코를 모두 받아 출력한다")
def test_prints_whole_echo_split_into_bytes(lab):
    """Prints the whole echo even when it arrives one byte at a time"""
    server = lab.reference_server(echo_in_pieces(piece=1))
    client = lab.launch("127.0.0.1", server.port)
    for line in ("hello", "split echoes are still whole", "3 + 4 = 7"):
        client.send_line(line)
        got = client.expect_line(ECHOED, describe=f"Message from server: {line}").group(1)
        if got.strip() != line:
            raise fail("echo_client.partial_echo", sent=line, got=got, expected=line,
                       hint="hint.recv_until_len")
    client.send_line("q")
    client.expect_exit(5)


@check(2, "correctness", ko="8 KiB 길이의 줄을 처리한다")
def test_handles_8_kib_lines(lab):
    """Sends and prints lines of 8 KiB"""
    server = lab.reference_server(echo_in_pieces(piece=4096, gap=0.002))
    client = lab.launch("127.0.0.1", server.port)
    line = ("0123456789abcdef" * 512)[:8191]
    client.send_line(line)
    got = client.expect_line(ECHOED, describe="Message from server: <8 KiB line>").group(1)
    if got.strip() != line:
        raise fail("echo_client.long_line", got_len=len(got.strip()), expected_len=len(line),
                   hint="hint.read_whole_line")
    client.send_line("q")
    client.expect_exit(5)


@check(1, "correctness", ko="q 또는 Q를 입력하면 연결을 닫고 0으로 종료한다")
def test_quits_on_q_and_Q(lab):
    """`q` and ` Q ` close the connection cleanly and exit 0"""
    for quit_word in ("q", " Q "):
        server = lab.reference_server(echo_in_pieces())
        client = lab.launch("127.0.0.1", server.port)
        client.send_line("before quitting")
        client.expect_line(ECHOED, describe="Message from server: before quitting")
        client.send_line(quit_word)  # stdin stays open: only the word may end it
        status = client.wait_exit(5, idle_is_final=True)
        if status is None:
            raise fail("echo_client.ignores_quit", word=quit_word.strip(), hint="hint.quit_word")
        if status != 0:
            raise fail("exit.wrong_status", program=client.label, status=status,
                       expected_status="0", output=client.output_tail())
        server.wait(2)
        if server.log.value("client closed") != FIN:
            raise fail("echo_client.reset_on_quit", ended=server.log.value("client closed"))


@check(1, "correctness", ko="입력이 끝나면 0으로 종료한다")
def test_exits_at_end_of_input(lab):
    """Exits 0 at the end of its input"""
    server = lab.reference_server(echo_in_pieces())
    client = lab.launch("127.0.0.1", server.port)
    client.send_line("last line")
    client.expect_line(ECHOED, describe="Message from server: last line")
    client.close_stdin()
    client.expect_exit(5)
    client.expect_no_traceback()


@check(1, "robustness", ko="연결이 거부되면 트레이스백 없이 알린다")
def test_refused_connection_is_reported_cleanly(lab):
    """A refused connection gives a message on stderr and exit status 1, no traceback"""
    port = lab.lease()  # leased, never listened on: connecting is refused
    client = lab.launch("127.0.0.1", port, stdin="hello\n")
    client.expect_exit(5, codes=(1,))
    client.expect_no_traceback()
    if not client.stderr.text().strip():
        raise fail("echo_client.silent_failure", hint="hint.say_why_on_stderr")


@check(1, "robustness", ko="서버가 사라지면 트레이스백 없이 1로 종료한다")
def test_server_going_away_is_reported_cleanly(lab):
    """When the server closes the connection, says so and exits 1, no traceback"""
    server = lab.reference_server(echo_in_pieces(stop_after=1))
    client = lab.launch("127.0.0.1", server.port)
    client.send_line("one")
    client.expect_line(ECHOED, describe="Message from server: one")
    server.wait(2)
    server.close()
    client.send_line("two")  # the server is gone: recv() now returns b''
    client.expect_exit(5, codes=(1,))
    client.expect_no_traceback()
