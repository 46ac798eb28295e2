# Minji's echo server: socketserver does the accept loop for her.
import socketserver
import sys


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            while chunk := self.request.recv(4096):
                self.request.sendall(chunk)
        except OSError:
            pass


class Server(socketserver.TCPServer):
    allow_reuse_address = True


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: echo_server.py PORT")
    with Server(("0.0.0.0", int(sys.argv[1])), Echo) as server:
        server.serve_forever()
