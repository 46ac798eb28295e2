"""day3/uecho_client.py: a UDP echo client.

`python3 uecho_client.py HOST PORT` sends each line read from stdin with sendto,
receives its echo with recvfrom and prints `Message from server: LINE`; `q`, `Q` or the
end of input exits 0.
"""

from harness import check, fail, lab_marker
from harness.udp import UdpEchoPeer

pytestmark = lab_marker("day3/uecho_client")

ECHOED = r"Message from server:\s?(.*)$"


def _peer(lab) -> UdpEchoPeer:
    peer = UdpEchoPeer()
    lab.peers.append(peer)  # closed when the check ends
    return peer


def _expect_echo(client, line: str, hint: str) -> None:
    got = client.expect_line(ECHOED, describe=f"Message from server: {line}"[:80]).group(1)
    if got.strip() != line.strip():
        raise fail("uclient.wrong_echo", sent=line, got=got, expected=line, got_len=len(got.strip()),
                   expected_len=len(line.strip()), hint=hint)


@check(3, "correctness", ko="줄마다 에코를 받아 출력한다")
def test_prints_each_echo(lab):
    """Prints the echo of every line, blank lines included"""
    peer = _peer(lab)
    client = lab.launch("127.0.0.1", peer.port)
    for line in ("hello", "", "two  words", "3 + 4 = 7"):
        client.send_line(line)
        _expect_echo(client, line, "hint.uclient_every_line")
    client.send_line("q")
    client.expect_exit(5)


@check(2, "correctness", ko="4096바이트 줄의 에코를 온전히 출력한다")
def test_prints_a_4096_byte_line_whole(lab):
    """Prints the echo of a 4096-byte line whole"""
    peer = _peer(lab)
    client = lab.launch("127.0.0.1", peer.port)
    line = ("0123456789abcdef" * 256)[:4095]  # 4096 bytes with its newline
    client.send_line(line)
    _expect_echo(client, line, "hint.udp_whole_datagram")
    client.send_line("q")
    client.expect_exit(5)


@check(1, "correctness", ko="q, Q 또는 입력의 끝에서 0으로 종료한다")
def test_quits_on_q_Q_and_end_of_input(lab):
    """`q`, ` Q ` and the end of input exit 0"""
    for ending in ("q\n", " Q \n", None):
        peer = _peer(lab)
        client = lab.launch("127.0.0.1", peer.port)
        client.send_line("before quitting")
        _expect_echo(client, "before quitting", "hint.quit_word")
        if ending is None:
            client.close_stdin()
        else:
            client.write(ending.encode())  # stdin stays open: only the word may end it
        status = client.wait_exit(5)
        if status is None:
            raise fail("echo_client.ignores_quit", word=(ending or "<end of input>").strip(),
                       hint="hint.quit_word")
        if status != 0:
            raise fail("exit.wrong_status", program=client.label, status=status, expected_status="0",
                       output=client.output_tail())
