# Junho's echo client (one recv() per line).
import socket
import sys

BUF_SIZE = 1024
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect((sys.argv[1], int(sys.argv[2])))
print("Connected...........")
while True:
    message = input("Input message(Q to quit): ")
    if message in ("q", "Q"):
        break
    sock.send((message + "\n").encode())
    reply = sock.recv(BUF_SIZE)
    print("Message from server:", reply.decode(), end="")
sock.close()
