"""Descriptor numbers (reference): a file, a TCP socket and a UDP socket, in that order."""

import os
import socket


def main():
    file_fd = os.open(__file__, os.O_RDONLY)
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    print(f"file: {file_fd}")
    print(f"tcp: {tcp.fileno()}")
    print(f"udp: {udp.fileno()}")
    udp.close()
    tcp.close()
    os.close(file_fd)


if __name__ == "__main__":
    main()
