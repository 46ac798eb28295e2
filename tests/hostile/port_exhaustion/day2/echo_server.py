# Hostile submission: a working echo server that first takes every port it can, up to
# its limit of open files: TCP (listening) and UDP, in the range socklab leases ports
# from (20000-32000) and then anywhere, and keeps them. If ports were shared between
# submissions, a classmate graded at the same time could find none free.
import random
import resource
import socket
import sys

from hostile_echo import echo_forever, listening

port = int(sys.argv[1])
server = listening(port)  # its own port first, then every other it can

held = []
budget = resource.getrlimit(resource.RLIMIT_NOFILE)[0] - 16
wanted = list(range(20000, 32001))
random.shuffle(wanted)
tcp = udp = 0
for candidate in wanted + [0] * budget:
    if len(held) >= budget:
        break
    kind = socket.SOCK_STREAM if len(held) % 2 == 0 else socket.SOCK_DGRAM
    try:
        s = socket.socket(socket.AF_INET, kind)
    except OSError:
        break  # out of descriptors
    try:
        s.bind(("0.0.0.0", candidate))
        if kind == socket.SOCK_STREAM:
            s.listen(1)
            tcp += 1
        else:
            udp += 1
        held.append(s)
    except OSError:
        s.close()
print(f"holding {tcp} TCP and {udp} UDP ports", flush=True)

echo_forever(server)
