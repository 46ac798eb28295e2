# Junho's echo server (ported from the C example; has two classic bugs).
import socket
import sys

BUF_SIZE = 1024

serv_sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
serv_sock.bind(("0.0.0.0", int(sys.argv[1])))
serv_sock.listen(5)

for i in range(5):
    clnt_sock, addr = serv_sock.accept()
    print("Connected client", i + 1)
    while True:
        msg = clnt_sock.recv(BUF_SIZE)
        if not msg:
            break
        clnt_sock.send(msg)
    clnt_sock.close()
serv_sock.close()
