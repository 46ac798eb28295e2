"""Day 4 lab: pipe_talk.py, a parent and its child talk over pipes.

Usage: python3 pipe_talk.py

Make two pipes with os.pipe() (one each way), then fork() once:
- the child writes `Who are you?` to the parent;
- the parent prints `parent: Who are you?` and answers `Thank you for your message.`;
- the child prints `child: Thank you for your message.` and exits 0;
- the parent waits for its child (os.waitpid) and exits 0.
Close the pipe ends each process does not use.
"""


def main():
    # TODO: two pipes, one fork(), the two messages, and the parent waits for its child.
    pass


if __name__ == "__main__":
    main()
