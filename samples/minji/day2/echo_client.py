# Minji's echo client, with a prompt.
import socket
import sys

if len(sys.argv) != 3:
    sys.exit("usage: echo_client.py HOST PORT")
try:
    s = socket.create_connection((sys.argv[1], int(sys.argv[2])))
except OSError as e:
    print("connect() error:", e, file=sys.stderr)
    sys.exit(1)
while True:
    try:
        msg = input("Input message(Q to quit): ") + "\n"
    except EOFError:
        break
    if msg.strip() in ("q", "Q"):
        break
    s.sendall(msg.encode())
    want, got = len(msg.encode()), b""
    while len(got) < want:
        part = s.recv(want - len(got))
        if not part:
            print("server closed the connection", file=sys.stderr)
            sys.exit(1)
        got += part
    print("Message from server:", got.decode(), end="")
s.close()
