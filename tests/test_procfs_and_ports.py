"""Socket state from /proc, and ports that are leased free."""

import os
import socket

from harness import procfs
from harness.ports import lease_port


def test_listening_socket_is_seen_with_its_address():
    lease = lease_port()
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", lease.port))
    s.listen()
    try:
        rows = [r for r in procfs.owned_sockets(os.getpid()) if r.local[1] == lease.port]
        assert [(r.state, r.local[0]) for r in rows] == [("LISTEN", "0.0.0.0")]
    finally:
        s.close()
        lease.release()


def test_two_leases_never_share_a_port():
    leases = [lease_port() for _ in range(20)]
    try:
        assert len({lease.port for lease in leases}) == 20
    finally:
        for lease in leases:
            lease.release()


def test_udp_socket_is_seen_as_bound():
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("127.0.0.1", 0))
    try:
        port = u.getsockname()[1]
        rows = [r for r in procfs.owned_sockets(os.getpid(), ("udp",)) if r.local[1] == port]
        assert rows and rows[0].state == "UNCONN" and rows[0].local[0] == "127.0.0.1"
    finally:
        u.close()


def test_blocked_in_names_the_system_call():
    import subprocess
    import sys

    from harness.timing import wait_until
    child = subprocess.Popen([sys.executable, "-c", "import time; print(1, flush=True); time.sleep(30)"],
                             stdout=subprocess.PIPE)
    try:
        child.stdout.readline()
        assert wait_until(lambda: procfs.blocked_in(child.pid) in ("nanosleep", "clock_nanosleep"), 5)
    finally:
        child.kill()
        child.wait()


def test_netlink_lists_what_proc_lists():
    """sock_diag and /proc/net agree on every kind of socket a check looks at."""
    from harness import sockdiag
    from harness.timing import wait_until
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    port = listener.getsockname()[1]
    served = socket.create_connection(("127.0.0.1", port))
    accepted, _ = listener.accept()
    queued = socket.create_connection(("127.0.0.1", port))  # waits in the backlog
    served.sendall(b"x" * 100)                              # unread: a receive queue
    udp = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    udp.bind(("::1", 0))
    udp.sendto(b"abc", udp.getsockname())
    opened = [listener, served, accepted, queued, udp]
    try:
        wait_until(lambda: any(r[4] == 100 for r in procfs._proc_entries(os.getpid(), "tcp", {"01"})), 2)
        for proto in ("tcp", "tcp6", "udp", "udp6"):
            for states in (None, {"0A"}, {"01", "06"}, {"07"}):
                assert sorted(sockdiag.dump(os.getpid(), proto, states)) == \
                    sorted(procfs._proc_entries(os.getpid(), proto, states)), (proto, states)
    finally:
        for s in opened:
            s.close()


def test_a_process_that_ended_does_not_turn_netlink_off():
    gone = 2 ** 22 + 5  # beyond pid_max: no such process
    assert procfs.socket_rows(gone, ("tcp",), {"0A"}) == []
    assert "tcp" not in procfs._NETLINK_REFUSED
