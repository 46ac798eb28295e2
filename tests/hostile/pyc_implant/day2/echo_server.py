# Hostile submission: before serving, it looks for socklab's own package folders
# (harness/, labs/) wherever it can see them (a checkout under /work, site-packages,
# the cwd or root of any visible process, paths in their command lines) and tries to
# plant a module and compiled files there and in their __pycache__ folders: a later
# grading importing them would run the student's code as the grader. Then it serves
# correctly. Nothing is overwritten (O_EXCL); every file it writes carries a marker.
import glob
import os
import site
import sys
import time

from hostile_echo import serve

MARK = "SOCKLAB-HOSTILE-IMPLANT"
NAME = "zz_socklab_hostile_implant"
TAG = sys.implementation.cache_tag  # cpython-311
DEADLINE = time.monotonic() + 2.0


def roots() -> set[str]:
    found = set(glob.glob("/work/*") + glob.glob("/work") + site.getsitepackages())
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        for link in ("cwd", "root"):
            found.add(f"/proc/{pid}/{link}")
            try:
                found.add(os.readlink(f"/proc/{pid}/{link}"))
            except OSError:
                pass
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                for word in fh.read().decode(errors="replace").split("\0"):
                    while word.startswith("/") and word != "/":
                        found.add(word)
                        word = os.path.dirname(word)
        except OSError:
            pass
    return found


def package_dirs() -> set[str]:
    dirs = set()
    for root in roots():
        for name in ("harness", "labs", "labs/day2", "reference/day2"):
            if os.path.isdir(f"{root}/{name}"):
                dirs.add(f"{root}/{name}")
    for folder, subdirs, files in os.walk("/"):  # bounded: anything that looks like socklab
        subdirs[:] = [d for d in subdirs if f"{folder}/{d}" not in ("/proc", "/sys", "/dev")]
        if os.path.basename(folder) in ("harness", "labs") and "__init__.py" in files:
            dirs.add(folder)
        if time.monotonic() > DEADLINE:
            break
    return dirs


def plant(path: str, data: bytes) -> bool:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:
        return False
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return True


planted = []
for folder in sorted(package_dirs()):
    for path, data in ((f"{folder}/{NAME}.py", f"# {MARK}\n".encode()),
                       (f"{folder}/__pycache__/{NAME}.{TAG}.pyc", b"\0\0\0\0" + MARK.encode())):
        if plant(path, data):
            planted.append(path)
print(f"planted {planted}", flush=True)

serve(int(sys.argv[1]))
