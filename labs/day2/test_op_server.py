"""day2/op_server.py: the calculator server, a binary protocol in network byte order.

`python3 op_server.py PORT` serves one request per connection, clients one after another:
1 byte count N (1..255), N operands (4-byte signed, big-endian), 1 byte operator (+ - *);
the reply is the 32-bit result (wrapping like a C int), big-endian, then the server closes.
An unknown operator or N = 0: close without a reply and go on serving.

When a reply is wrong, ``harness.byteorder.diagnose_reply`` says how: little-endian reply,
operands read in little-endian, both, text, 8 bytes.
"""

import signal

from harness import OPEN, CheckFailed, check, fail, lab_marker, wait_until
from harness.byteorder import calculate, diagnose_reply, encode_request, expression, to_be

pytestmark = lab_marker("day2/op_server")

REPLY_TIMEOUT = 3


def ask(server, operands, op, *, hint=None, fragments=False):
    """One request on a new connection; the reply must be the result in network byte order.

    Returns the connection (still open on our side) and how the server ended it.
    """
    request = encode_request(operands, op)
    conn = server.connect()
    if fragments:
        conn.send_fragments(request, size=1, gap=0.002)
    else:
        conn.send(request)
    reply = conn.recv_exact(4, REPLY_TIMEOUT)
    ended = conn.closed_by_peer or (OPEN if len(reply) < 4 else None)
    if len(reply) == 4 and reply != to_be(calculate(operands, op)):
        more, ended = conn.recv_until_eof(0.3)  # the rest of a text or 8-byte reply, for the diagnosis
        reply += more
    judge(server, request, reply, ended, operands, op, hint)
    return conn, ended


def judge(server, request, reply, ended, operands, op, hint):
    expected = to_be(calculate(operands, op))
    if reply == expected:
        return
    what = expression(operands, op)
    if not reply:
        if ended == OPEN:
            raise fail("calc.no_reply", expression=what, request_len=len(request),
                       seconds=REPLY_TIMEOUT, where=server.blocked_where(), sent=request,
                       expected=expected, hint=hint or "hint.calc.read_exactly")
        status = server.wait_exit(0.5)
        if status is not None:
            raise fail("calc.server_died", expression=what, status=status, sent=request,
                       expected=expected, hint=hint, output=server.output_tail())
        raise fail("calc.closed_without_reply", expression=what, ended=ended, sent=request,
                   expected=expected, hint=hint)
    raise diagnose_reply(reply, operands, op).fail(hint=hint, sent=request, got=reply,
                                                   expected=expected)


def still_serves(server, key, **params):
    """The next client is served; if not, say whether the server died of the last one."""
    try:
        ask(server, [1000, 24], "+")
    except CheckFailed:
        status = server.wait_exit(1)
        if status is not None:
            raise fail(key, status=status, output=server.output_tail(), **params) from None
        raise


@check(1, "correctness", ko="인자로 받은 포트에서 listen한다")
def test_listens_on_its_port(lab):
    """Listens on the port given as its first argument"""
    lab.start_server()


# 1000 + 24 = 1024 and 65535 + 1 = 65536 carry from one byte into the next, so a server
# that reads or writes little-endian gets a different answer (a sum without carries would
# survive the byte swap: 1 + 2 read and written little-endian is still 3).
BYTE_ORDER_REQUESTS = [([1000, 24], "+"), ([65535, 1], "+")]


@check(3, "byte-order", needs="test_listens_on_its_port",
       ko="피연산자와 결과를 네트워크 바이트 순서(빅 엔디언)로 읽고 쓴다")
def test_uses_network_byte_order(lab):
    """Reads the operands and sends the result in network byte order (big-endian)"""
    server = lab.start_server()
    for operands, op in BYTE_ORDER_REQUESTS:
        ask(server, operands, op)


@check(2, "correctness", needs="test_uses_network_byte_order", ko="세 연산자를 왼쪽부터 차례로 적용한다")
def test_applies_each_operator_left_to_right(lab):
    """Computes +, - and * left to right from the first operand, with 1 to 4 operands"""
    server = lab.start_server()
    for operands, op in (([7], "+"), ([10, 3, 2], "-"), ([2, 3, 4], "*"), ([100, 20, 3, 1], "+"),
                         ([1000, 1, 1], "-")):
        ask(server, operands, op, hint="hint.calc.left_to_right")


@check(2, "correctness", needs="test_uses_network_byte_order", ko="음수를 처리한다")
def test_handles_negative_numbers(lab):
    """Handles negative operands and results (signed 32-bit integers)"""
    server = lab.start_server()
    for operands, op in (([-5, 3], "+"), ([3, -10], "+"), ([-7, -6], "*"), ([-2147483648], "+"),
                         ([-1, -1, -1], "+"), ([-3, 5], "*")):
        ask(server, operands, op, hint="hint.calc.signed")


@check(2, "correctness", needs="test_uses_network_byte_order", ko="C의 int처럼 32비트로 넘친다")
def test_wraps_around_like_a_c_int(lab):
    """Wraps around in 32 bits like a C int (two's complement)"""
    server = lab.start_server()
    # every result here is positive, so only the wrap-around is judged (not signedness)
    for operands, op in (([-2147483648, -1], "+"), ([65536, 65537], "*"), ([100000, 100000], "*"),
                         ([2147483647, 2147483647, 2], "+")):
        ask(server, operands, op, hint="hint.calc.wrap")


@check(2, "correctness", needs="test_uses_network_byte_order", ko="한 바이트씩 도착하는 요청을 처리한다")
def test_reads_a_request_sent_one_byte_at_a_time(lab):
    """Reads a request that arrives one byte at a time"""
    server = lab.start_server()
    for operands, op in (([1000, 24], "+"), ([300, 2, 5], "*")):
        ask(server, operands, op, fragments=True, hint="hint.calc.recv_exact")


@check(2, "correctness", needs="test_uses_network_byte_order", ko="피연산자 255개를 처리한다")
def test_handles_255_operands(lab):
    """Handles the largest request: N = 255 operands"""
    server = lab.start_server()
    ask(server, list(range(1, 256)), "+", hint="hint.calc.count_unsigned")


def refuses(server, request: bytes, what: str):
    """The server closes the connection without a reply, then serves the next client."""
    conn = server.connect()
    conn.send(request)
    data, ended = conn.recv_until_eof(2)
    if data:
        raise fail("calc.replied_to_bad_request", what=what, sent=request, got=data,
                   hint="hint.calc.refuse_bad_request")
    if ended == OPEN and server.alive():
        raise fail("calc.kept_bad_request_open", what=what, seconds=2, where=server.blocked_where(),
                   sent=request, hint="hint.calc.refuse_bad_request")
    conn.close()
    still_serves(server, "calc.died_after_bad_request", what=what, hint="hint.calc.refuse_bad_request")


@check(2, "robustness", needs="test_uses_network_byte_order",
       ko="모르는 연산자면 응답 없이 연결을 닫고 계속 서비스한다")
def test_refuses_an_unknown_operator(lab):
    """An unknown operator: closes without a reply and goes on serving"""
    server = lab.start_server()
    for bad in (b"/", b"x"):
        refuses(server, bytes([2]) + to_be(6) + to_be(7) + bad, f"6 {bad.decode()} 7")


@check(2, "robustness", needs="test_uses_network_byte_order",
       ko="피연산자 개수가 0이면 응답 없이 연결을 닫고 계속 서비스한다")
def test_refuses_a_zero_count(lab):
    """N = 0: closes without a reply and goes on serving"""
    server = lab.start_server()
    refuses(server, b"\x00+", "N = 0")


@check(2, "correctness", needs="test_uses_network_byte_order",
       ko="응답 후 연결을 닫고 기다리던 다음 클라이언트를 처리한다")
def test_closes_after_each_reply_and_serves_the_next(lab):
    """Closes each connection after its reply, serving queued clients one after another"""
    server = lab.start_server()
    jobs = [([1000, 24], "+"), ([6, 7], "*"), ([50, 8], "+")]
    conns = []
    for operands, op in jobs:  # all three requests are sent before any reply is read
        conn = server.connect()
        conn.send(encode_request(operands, op))
        conns.append(conn)
    for conn, (operands, op) in zip(conns, jobs, strict=True):
        reply = conn.recv_exact(4, REPLY_TIMEOUT)
        judge(server, encode_request(operands, op), reply, conn.closed_by_peer or OPEN, operands, op,
              "hint.calc.close_after_reply")
        if conn.end_of_stream(2) == OPEN:
            raise fail("calc.no_close_after_reply", expression=expression(operands, op), seconds=2,
                       hint="hint.calc.close_after_reply")


@check(2, "robustness", needs="test_uses_network_byte_order",
       ko="요청 도중에 떠나는 클라이언트에도 죽지 않는다")
def test_survives_a_client_that_leaves_mid_request(lab):
    """Survives clients that close or reset the connection in the middle of a request"""
    server = lab.start_server()
    half = server.connect()
    half.send(bytes([3]) + to_be(1))  # 5 of the 14 bytes, then FIN
    half.close()
    still_serves(server, "calc.died_after_client_left", how="FIN", hint="hint.calc.client_left")
    rude = server.connect()
    rude.send(bytes([2]) + to_be(1)[:3])
    wait_until(lambda: server.blocked_where().startswith("recv"), 1)
    rude.reset()
    still_serves(server, "calc.died_after_client_left", how="RST", hint="hint.calc.client_left")


@check(1, "fd-hygiene", needs="test_uses_network_byte_order", ko="연결마다 디스크립터를 닫는다")
def test_closes_every_connection(lab):
    """Closes each connection: no descriptor leaks over 100 requests"""
    server = lab.start_server()
    for _ in range(3):
        ask(server, [1, 2], "+")
    before = server.fd_count()
    for i in range(100):
        conn, _ = ask(server, [i, 2], "*")
        conn.close()
    after = server.fd_count()
    if after - before > 10:
        raise fail("calc.fd_leak", before=before, after=after, clients=100, hint="hint.close_conn")


@check(1, "robustness", needs="test_listens_on_its_port", ko="강제 종료 직후 같은 포트로 다시 시작한다")
def test_restarts_on_the_same_port(lab):
    """Can be restarted on the same port right after being killed (SO_REUSEADDR)"""
    first = lab.start_server()
    for _ in range(3):  # the server closes these first: their ends wait in TIME_WAIT on its port
        try:
            ask(first, [1000, 24], "+")
        except CheckFailed:
            break  # other checks judge the replies; only the restart matters here
    first.killed_then_restarted(holding=first.connect(), key="calc.no_reuseaddr")


@check(1, "signals", needs="test_listens_on_its_port", ko="SIGTERM을 받으면 끝난다")
def test_ends_on_sigterm(lab):
    """Ends on SIGTERM, leaving nothing running"""
    server = lab.start_server()
    server.signal(signal.SIGTERM)
    if server.wait_exit(2) is None:
        raise fail("echo.ignores_sigterm", where=server.blocked_where())
    if not wait_until(lambda: not server.survivors(), 1):
        raise fail("echo.left_processes", processes=len(server.survivors()))
