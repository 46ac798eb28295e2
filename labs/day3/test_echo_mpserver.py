"""day3/echo_mpserver.py: a multi-process TCP echo server, fork() per client.

`python3 echo_mpserver.py PORT` serves many clients at the same time, each in its own
child process; the parent closes its copy of each connection, each child closes the
listening socket, and every finished child is reaped (no zombie), even when many
children end while only one SIGCHLD is delivered.
"""

import signal

from harness import check, fail, lab_marker, random_bytes, wait_until
from harness.children import ended, fds_holding, listening_inodes, owners_of_connection, ppid_of, status_of
from harness.procfs import blocked_in

pytestmark = lab_marker("day3/echo_mpserver")

COALESCED = 8  # children that end while the server is stopped: one SIGCHLD for all of them


@check(1, "correctness", ko="인자로 받은 포트에서 listen한다")
def test_listens_on_its_port(lab):
    """Listens on the port given as its first argument"""
    lab.start_server()


@check(2, "correctness", needs="test_listens_on_its_port", ko="이진 데이터를 바이트 그대로 돌려준다")
def test_echoes_binary_data_exactly(lab):
    """Echoes binary data byte for byte, however split"""
    client = lab.start_server().connect()
    for size in (1, 1000, 65536):
        data = random_bytes(size, seed=size)
        client.send(data).expect_bytes(data, sent=data, hint="hint.echo_binary")
    piecewise = b"one byte at a time"
    client.send_fragments(piecewise, size=1).expect_bytes(piecewise, sent=piecewise,
                                                          hint="hint.echo_loop")


@check(3, "concurrency", needs="test_listens_on_its_port",
       ko="조용한 클라이언트가 다른 클라이언트를 막지 않는다")
def test_silent_client_does_not_delay_others(lab):
    """A client that stays silent does not delay the others"""
    server = lab.start_server()
    silent = server.connect()  # connects, sends nothing, stays
    for i in range(3):
        other = server.connect()
        message = f"client {i} while another one is silent".encode()
        other.send(message)
        got = other.recv_exact(len(message), timeout=2)
        if got != message:
            where = blocked_in(server.pid)
            hint = "hint.mp_parent_waits" if where in ("wait4", "waitid") else "hint.mp_fork_per_client"
            raise fail("mp.not_concurrent", sent=message, got=got, expected=message,
                       where=where, hint=hint)
        other.close()
    silent.close()


@check(2, "concurrency", needs="test_listens_on_its_port", ko="연결마다 자식 프로세스가 처리한다")
def test_each_connection_in_its_own_child(lab):
    """Each connection in its own child process"""
    server = lab.start_server()
    seen = []
    for i in range(2):
        client = server.connect()
        message = f"who serves connection {i}?".encode()
        client.send(message).expect_bytes(message, sent=message)
        owners = owners_of_connection(server, client.local_port)
        children = [p for p in owners if p != server.pid and ppid_of(p) == server.pid]
        if not children:
            raise fail("mp.served_by_parent", port=client.local_port,
                       owners=", ".join(map(str, owners)) or "-", hint="hint.mp_fork_per_client")
        if children[0] in seen:
            raise fail("mp.same_child_twice", pid=children[0], hint="hint.mp_fork_per_client")
        seen.append(children[0])
        client.close()


@check(2, "fd-hygiene", needs="test_listens_on_its_port", ko="부모가 연결 소켓 사본을 닫는다")
def test_parent_closes_its_copy_of_the_connection(lab):
    """Parent closes its copy: EOF when the child ends"""
    server = lab.start_server()
    client = server.connect()
    client.send(b"hello").expect_bytes(b"hello")
    client.half_close()  # the child reads end of stream, closes, exits
    data, end = client.recv_until_eof(timeout=3)
    if data:
        raise fail("net.unexpected_data", peer=client.peer, got=data)
    if end != "FIN":
        if server.pid in owners_of_connection(server, client.local_port):
            raise fail("mp.parent_keeps_connection", ended=end, hint="hint.mp_parent_close")
        raise fail("mp.no_eof_after_child", ended=end, hint="hint.mp_child_exit")


@check(2, "fd-hygiene", needs="test_each_connection_in_its_own_child",
       ko="자식이 listen 소켓을 닫는다")
def test_child_closes_the_listening_socket(lab):
    """Child closes the listening socket"""
    server = lab.start_server()
    listening = listening_inodes(server, server.port)
    client = server.connect()
    client.send(b"hello").expect_bytes(b"hello")
    for pid in owners_of_connection(server, client.local_port):
        if pid != server.pid and fds_holding(pid, listening):
            raise fail("mp.child_keeps_listener", pid=pid, fds=fds_holding(pid, listening),
                       port=server.port, hint="hint.mp_child_close_listener")
    server.signal(signal.SIGKILL)  # the parent dies; its serving child lives on
    server.wait_exit(2)
    if not wait_until(lambda: not server.listening_rows(), 1):
        holders = sorted({p.pid for p in server.processes()} - {server.pid})
        raise fail("mp.port_still_listening", port=server.port,
                   pids=", ".join(map(str, holders)), hint="hint.mp_child_close_listener")
    client.send(b"still served").expect_bytes(b"still served")  # the child keeps serving


@check(2, "zombies", needs="test_each_connection_in_its_own_child",
       ko="클라이언트가 떠나면 1초 안에 자식을 거둔다")
def test_no_zombie_after_a_client_leaves(lab):
    """No zombie 1 s after a client leaves"""
    server = lab.start_server()
    for i in range(3):
        client = server.connect()
        client.send(b"bye").expect_bytes(b"bye")
        child = _child_serving(server, client)
        client.close()
        if not wait_until(lambda child=child: ended(child), 3):
            raise fail("mp.child_does_not_end", pid=child, hint="hint.mp_child_exit")
        if not wait_until(lambda child=child: status_of(child) == "gone", 1):
            raise fail("mp.zombie_left", zombies=1, clients=i + 1, pids=child, hint="hint.mp_reap")


@check(3, "zombies", needs="test_silent_client_does_not_delay_others",
       ko="SIGCHLD가 합쳐져도 좀비가 남지 않는다")
def test_no_zombie_when_signals_coalesce(lab):
    """No zombie when many SIGCHLDs coalesce into one"""
    server = lab.start_server()
    clients = [server.connect() for _ in range(COALESCED)]
    for i, client in enumerate(clients):
        client.send(b"ping %d" % i).expect_bytes(b"ping %d" % i)
    children = [_child_serving(server, c) for c in clients]
    server.signal(signal.SIGSTOP)  # the parent cannot run its handler while stopped...
    try:
        for client in clients:
            client.close()
        # ...so all children end, and the kernel keeps just one SIGCHLD pending for it
        if not wait_until(lambda: all(ended(c) for c in children), 5):
            running = [c for c in children if not ended(c)]
            raise fail("mp.child_does_not_end", pid=running[0], hint="hint.mp_child_exit")
    finally:
        server.signal(signal.SIGCONT)
    wait_until(lambda: all(status_of(c) == "gone" for c in children), 1)
    zombies = [c for c in children if status_of(c) == "zombie"]
    if zombies:
        raise fail("mp.zombies_after_coalesced_sigchld", zombies=len(zombies), clients=COALESCED,
                   pids=", ".join(map(str, zombies)), hint="hint.mp_reap_loop")


@check(1, "signals", needs="test_listens_on_its_port", ko="SIGTERM으로 끝나고 아무 프로세스도 남기지 않는다")
def test_sigterm_leaves_nothing_behind(lab):
    """SIGTERM: nothing left once clients leave"""
    server = lab.start_server()
    client = server.connect()
    client.send(b"hi").expect_bytes(b"hi")
    server.signal(signal.SIGTERM)
    if server.wait_exit(2) is None:
        raise fail("echo.ignores_sigterm", where=server.blocked_where())
    client.close()
    if not wait_until(lambda: not server.survivors(), 2):
        left = server.survivors()
        raise fail("mp.orphans_left", processes=len(left),
                   pids=", ".join(str(p.pid) for p in left), hint="hint.mp_child_exit")


def _child_serving(server, client) -> int:
    """The pid of the child process that holds the server end of ``client``'s connection."""
    owners = owners_of_connection(server, client.local_port)
    children = [p for p in owners if p != server.pid]
    if not children:
        raise fail("mp.served_by_parent", port=client.local_port,
                   owners=", ".join(map(str, owners)) or "-", hint="hint.mp_fork_per_client")
    return children[0]

