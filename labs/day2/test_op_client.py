"""day2/op_client.py: the calculator client.

`python3 op_client.py HOST PORT` prompts for the operand count, each operand and the
operator (one per line on stdin), sends the request in network byte order and prints
`Operation result: R`. The grader answers its prompts and plays the server: a reference
server that records the raw request bytes, then replies (whole, or in two pieces).

When a request or a printed result is wrong, ``harness.byteorder`` says how: little-endian
operands, a 4-byte count, text, a reply read in little-endian or as unsigned.
"""

from harness import CheckFailed, check, fail, lab_marker, wait_until
from harness.byteorder import calculate, diagnose_printed, diagnose_request, encode_request, expression, to_be

pytestmark = lab_marker("day2/op_client")

RESULT = r"Operation result:\s*([-+]?\d+)\s*$"


def read_request(conn, expected_len: int, *, first: float = 15, idle: float = 1.5,
                 settle: float = 0.2) -> bytes:
    """What the client sends: until ``expected_len`` bytes and a short quiet (extra bytes of
    a wrong encoding come at once), a longer quiet once it has started, or its close.
    (A client may connect before its input is typed: the first byte may take a while.)"""
    data = bytearray()
    while True:
        quiet = first if not data else settle if len(data) >= expected_len else idle
        chunk = conn.recv_some(quiet)
        if not chunk:
            return bytes(data)
        data += chunk


def calc_server(operands, op, *, reply: bool = True, split: int | None = None):
    """A reference calculator server: records the request, answers the right result
    (whatever the request looked like, so the printed result is judged on its own)."""
    expected_len = len(encode_request(operands, op))

    def handler(conn, log):
        request = read_request(conn, expected_len)
        log.received += request
        log.note("request", request)
        if reply:
            result = to_be(calculate(operands, op))
            if split:
                conn.send_fragments(result, size=split, gap=0.2)
            else:
                conn.send(result)
        conn.close()
        log.note("closed")
    return handler


def answer_prompts(client, lines, close: bool = True) -> None:
    """Type each line once the client waits for input (it has shown its prompt); a client
    that reads its input some other way still gets every line."""
    for line in lines:
        wait_until(lambda: client.waiting_for_input() or not client.alive(), 1)
        client.send_line(line)
    if close:
        client.close_stdin()


def typed(operands, op) -> list[str]:
    return [str(len(operands)), *map(str, operands), op]


def run(lab, operands, op, **server_kw):
    server = lab.reference_server(calc_server(operands, op, **server_kw))
    client = lab.launch("127.0.0.1", server.port)
    answer_prompts(client, typed(operands, op))
    return server, client


def request_of(server, client) -> bytes:
    """The raw bytes the client sent, once the reference server has read them."""
    def settled():  # the request is recorded, or the client ended without connecting
        return server.log.has("request") or (not server.conns and not client.alive())
    wait_until(settled, 20)
    request = server.log.value("request")
    if request is None:
        raise fail("calc.client_never_connected", seconds=20, output=client.output_tail())
    return request


def judge_request(request: bytes, operands, op) -> None:
    expected = encode_request(operands, op)
    if request != expected:
        raise diagnose_request(request, operands, op).fail(
            got=request, expected=expected, expression=expression(operands, op))


def judge_result(client, operands, op, hint=None) -> None:
    expected = calculate(operands, op)
    got = int(client.expect_line(RESULT, describe=f"Operation result: {expected}").group(1))
    if got != expected:
        raise diagnose_printed(got, expected).fail(hint=hint, got=f"Operation result: {got}",
                                                   expected=f"Operation result: {expected}")


@check(3, "byte-order",
       ko="요청을 네트워크 바이트 순서로 보낸다: 개수 1바이트, 빅 엔디언 4바이트 피연산자, 연산자 1바이트")
def test_sends_the_request_in_network_byte_order(lab):
    """Sends the request in network byte order: 1 count byte, 4-byte big-endian operands, 1 operator byte"""
    operands, op = [1, 258, 65536], "+"
    server, client = run(lab, operands, op)
    judge_request(request_of(server, client), operands, op)


@check(2, "correctness", needs="test_sends_the_request_in_network_byte_order",
       ko="서버의 응답을 네트워크 바이트 순서로 읽어 출력한다")
def test_prints_the_result_it_receives(lab):
    """Reads the reply in network byte order and prints `Operation result: R`"""
    for operands, op in (([1000, 24], "+"), ([2, 3, 7], "*")):
        server, client = run(lab, operands, op)
        judge_result(client, operands, op, hint="hint.calc.recv_reply")


@check(2, "correctness", needs="test_prints_the_result_it_receives",
       ko="음수 피연산자와 음수 결과를 처리한다")
def test_handles_negative_numbers(lab):
    """Sends negative operands and prints a negative result"""
    operands, op = [-100, 58], "+"
    server, client = run(lab, operands, op)
    judge_request(request_of(server, client), operands, op)
    judge_result(client, operands, op, hint="hint.calc.signed")


@check(2, "correctness", needs="test_prints_the_result_it_receives", ko="피연산자 255개를 보낸다")
def test_sends_255_operands(lab):
    """Sends the largest request: N = 255 operands"""
    operands, op = list(range(1, 256)), "+"
    server, client = run(lab, operands, op)
    judge_request(request_of(server, client), operands, op)
    judge_result(client, operands, op)


@check(2, "correctness", needs="test_prints_the_result_it_receives",
       ko="두 조각으로 나뉘어 온 응답을 모두 받는다")
def test_reads_a_reply_split_in_two(lab):
    """Receives the whole reply when it arrives in two pieces"""
    operands, op = [1000, 24], "+"
    server, client = run(lab, operands, op, split=2)
    judge_result(client, operands, op, hint="hint.calc.recv_reply")


def ends_cleanly_with_an_error(client, hint=None) -> None:
    try:
        client.expect_exit(5, codes=(1,))
        client.expect_no_traceback()
    except CheckFailed as exc:
        exc.hint = exc.hint or hint
        raise
    if not client.stderr.text().strip():
        raise fail("calc.client_silent_failure", status=1, hint="hint.say_why_on_stderr")


@check(1, "robustness", ko="범위를 벗어난 입력은 트레이스백 없이 1로 종료한다")
def test_rejects_input_out_of_range(lab):
    """Input out of range (count 0 or 256, an operand beyond 32 bits) is a clean error, exit 1"""
    cases = (["0", "+"], ["256", *["1"] * 256, "+"], ["2", "2147483648", "1", "+"],
             ["2", "1", "-2147483649", "+"])
    for lines in cases:
        server = lab.reference_server(calc_server([1], "+", reply=False))
        client = lab.launch("127.0.0.1", server.port)
        answer_prompts(client, lines, close=False)  # only the bad value may end it
        ends_cleanly_with_an_error(client, hint="hint.calc.check_input_range")
        server.close()


@check(1, "robustness", ko="연결이 거부되면 트레이스백 없이 1로 종료한다")
def test_refused_connection_is_reported_cleanly(lab):
    """A refused connection gives a message on stderr and exit status 1, no traceback"""
    port = lab.lease()  # leased, never listened on: connecting is refused
    client = lab.launch("127.0.0.1", port)
    answer_prompts(client, typed([1000, 24], "+"))
    ends_cleanly_with_an_error(client, hint="hint.say_why_on_stderr")


@check(1, "robustness", ko="서버가 응답 없이 닫으면 트레이스백 없이 1로 종료한다")
def test_server_closing_without_reply_is_reported_cleanly(lab):
    """When the server closes without a reply, says so on stderr and exits 1, no traceback"""
    server, client = run(lab, [6, 7], "+", reply=False)
    request_of(server, client)
    ends_cleanly_with_an_error(client, hint="hint.calc.server_left")

