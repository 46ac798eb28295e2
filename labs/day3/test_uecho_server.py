"""day3/uecho_server.py: a UDP echo server.

`python3 uecho_server.py PORT` sends each datagram back to its sender, unchanged, as one
datagram (up to 4096 bytes), for any number of interleaved senders.
"""

from harness import Datagrams, check, fail, lab_marker, random_bytes

pytestmark = lab_marker("day3/uecho_server")


def _sender(lab) -> Datagrams:
    endpoint = Datagrams("127.0.0.1")
    lab.peers.append(endpoint)  # closed when the check ends
    return endpoint


def _echo(endpoint: Datagrams, server, data: bytes, *, hint: str) -> None:
    endpoint.send_to(data, ("127.0.0.1", server.port))
    reply = endpoint.recv(timeout=2)
    if reply is None:
        raise fail("udp.no_reply", sent=data, port=endpoint.port, alive=server.alive(), hint=hint,
                   output=None if server.alive() else server.output_tail())
    got, _addr = reply
    if got != data:
        key = "udp.split" if data.startswith(got) and got else "udp.changed"
        raise fail(key, sent=data, got=got, expected=data, got_len=len(got),
                   expected_len=len(data), hint=hint)


@check(1, "correctness", ko="인자로 받은 포트에 UDP 소켓을 bind한다")
def test_binds_its_port(lab):
    """Binds a UDP socket to its port"""
    lab.start_server(proto="udp")


@check(2, "correctness", needs="test_binds_its_port", ko="데이터그램을 바이트 그대로 돌려준다")
def test_echoes_datagrams_unchanged(lab):
    """Echoes each datagram byte for byte (binary data)"""
    server = lab.start_server(proto="udp")
    endpoint = _sender(lab)
    for size in (1, 17, 200, 1000):
        _echo(endpoint, server, random_bytes(size, seed=size), hint="hint.echo_binary")
    _echo(endpoint, server, b"hello\r\n", hint="hint.echo_binary")


@check(2, "correctness", needs="test_binds_its_port", ko="4096바이트 데이터그램을 하나로 온전히 돌려준다")
def test_echoes_4096_bytes_as_one_datagram(lab):
    """A 4096-byte datagram comes back whole, as one datagram"""
    server = lab.start_server(proto="udp")
    endpoint = _sender(lab)
    pattern = b"0123456789abcdefghijklmnopqrstuvwxyz" * 120
    for size in (1024, 1025, 4096):
        _echo(endpoint, server, pattern[:size], hint="hint.udp_whole_datagram")


@check(3, "correctness", needs="test_binds_its_port",
       ko="번갈아 보내는 여러 송신자에게 각자의 에코를 돌려준다")
def test_interleaved_senders_get_their_own_echoes(lab):
    """Interleaved senders each get their own datagrams back"""
    server = lab.start_server(proto="udp")
    senders = [_sender(lab) for _ in range(3)]
    sent = {s.port: [] for s in senders}
    for round_ in range(5):
        for i, s in enumerate(senders):
            data = f"sender {i} datagram {round_}".encode()
            s.send_to(data, ("127.0.0.1", server.port))
            sent[s.port].append(data)
    for i, s in enumerate(senders):
        for expected in sent[s.port]:
            reply = s.recv(timeout=2)
            if reply is None:
                raise fail("udp.no_reply", sent=expected, port=s.port, alive=server.alive(),
                           hint="hint.udp_reply_to_sender")
            got = reply[0]
            if got != expected:
                raise fail("udp.wrong_sender", sender=i, port=s.port, sent=expected, got=got,
                           expected=expected, hint="hint.udp_reply_to_sender")
        extra = s.recv(timeout=0.2)
        if extra is not None:
            raise fail("udp.wrong_sender", sender=i, port=s.port, sent=b"", got=extra[0],
                       expected=b"", hint="hint.udp_reply_to_sender")


@check(1, "robustness", needs="test_binds_its_port", ko="빈 데이터그램을 받아도 계속 동작한다")
def test_survives_an_empty_datagram(lab):
    """Keeps serving after an empty datagram"""
    server = lab.start_server(proto="udp")
    endpoint = _sender(lab)
    endpoint.send_to(b"", ("127.0.0.1", server.port))
    endpoint.recv(timeout=0.5)  # its empty echo, if any
    if server.wait_exit(0.2) is not None:
        raise fail("udp.died_on_empty", status=server.returncode, hint="hint.udp_empty",
                   output=server.output_tail())
    _echo(endpoint, server, b"after the empty one", hint="hint.udp_empty")
