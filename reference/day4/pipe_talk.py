"""Parent and child talk over two pipes, one each way (reference)."""

import os
import sys

QUESTION = b"Who are you?"
ANSWER = b"Thank you for your message."


def read_all(fd):
    """Read until end of file: the writer closed its end."""
    chunks = []
    while True:
        chunk = os.read(fd, 4096)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def main():
    to_child_r, to_child_w = os.pipe()     # parent -> child
    to_parent_r, to_parent_w = os.pipe()   # child -> parent
    pid = os.fork()
    if pid == 0:
        os.close(to_child_w)
        os.close(to_parent_r)
        os.write(to_parent_w, QUESTION)
        os.close(to_parent_w)
        answer = read_all(to_child_r)
        print(f"child: {answer.decode()}", flush=True)
        os._exit(0)
    os.close(to_child_r)
    os.close(to_parent_w)
    question = read_all(to_parent_r)
    print(f"parent: {question.decode()}")
    os.write(to_child_w, ANSWER)
    os.close(to_child_w)
    _pid, status = os.waitpid(pid, 0)
    sys.exit(0 if os.waitstatus_to_exitcode(status) == 0 else 1)


if __name__ == "__main__":
    main()
