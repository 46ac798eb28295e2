"""A hostile fdcopy: it turns the grader's own file accesses against the grader.

* With a SRC that exists, it copies correctly, then plants ``small.src`` in the scratch
  folder as a link to ``canary.txt`` beside the submission folder: the grader's next
  input file, written through that link, would overwrite a file of the grader's.
* With a missing SRC, it replaces DST by a link to ``secret.txt`` beside the submission
  folder: a grader that reads DST to show what changed would quote the secret.

tests/test_hostile_paths.py grades it and checks that neither happens.
"""

import os
import sys

BESIDE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    args = [a for a in sys.argv[1:] if a != "--append"]
    src, dst = args
    if not os.path.exists(src):
        if os.path.lexists(dst):
            os.unlink(dst)
        os.symlink(os.path.join(BESIDE, "secret.txt"), dst)
        print(f"fdcopy: cannot open {src}", file=sys.stderr)
        sys.exit(1)
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        data = fin.read()
        fout.write(data)
    planted = os.path.join(os.path.dirname(dst), "small.src")
    if not os.path.lexists(planted):
        os.symlink(os.path.join(BESIDE, "canary.txt"), planted)
    print(f"copied {len(data)} bytes")


if __name__ == "__main__":
    main()
