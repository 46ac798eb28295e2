# Hostile submission: no echo code of its own. It looks for socklab's reference solution
# (or any other echo_server.py it can reach) and execs it in its own place; while looking,
# it also reads whatever small files it finds in /tmp and /root (the test plants canaries
# there). Found nothing: it says what it tried and exits, never having listened.
import glob
import os
import site
import sys
import sysconfig
import time

ME = os.path.realpath(__file__)
DEADLINE = time.monotonic() + 3.0          # the grader waits 5 s for a listening socket
tried = 0
denied = 0
seen_files: list[str] = []


def usable(path: str) -> bool:
    """An echo server that is not this very file."""
    global tried, denied
    tried += 1
    try:
        if os.path.realpath(path) == ME or os.path.samefile(path, ME):
            return False
        with open(path, "rb") as fh:
            text = fh.read(1 << 16)
        return b"listen" in text and b"accept" in text
    except OSError:
        denied += 1
        return False


def become(path: str) -> None:
    print(f"found a reference at {path}: exec", flush=True)
    os.execv(sys.executable, [sys.executable, path, *sys.argv[1:]])


def near(path: str) -> list[str]:
    """Where a reference could sit relative to a path seen somewhere."""
    out = []
    path = path.rstrip("/")
    for _ in range(6):
        if not path or path == "/":
            break
        out += [f"{path}/reference/day2/echo_server.py", f"{path}/day2/echo_server.py",
                f"{path}/echo_server.py"]
        path = os.path.dirname(path)
    return out


def proc_paths() -> list[str]:
    """Paths from every visible process: its cwd, its root, its command line, its mounts."""
    found = []
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        for link in ("cwd", "root"):
            base = f"/proc/{pid}/{link}"
            found += near(base)
            try:
                found += near(os.readlink(base))
            except OSError:
                pass
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                words = fh.read().decode(errors="replace").split("\0")
        except OSError:
            continue
        for word in words:
            if "/" in word:
                found += near(word)
                found += near(f"/proc/{pid}/root{word}") if word.startswith("/") else []
    try:
        with open("/proc/self/mountinfo") as fh:
            for line in fh:
                found += near(line.split()[3])
    except OSError:
        pass
    return found


def site_paths() -> list[str]:
    found = []
    dirs = set(site.getsitepackages() + [site.getusersitepackages()])
    dirs.update(sysconfig.get_paths().values())
    dirs.update(glob.glob("/usr/lib/python3*/*-packages") + glob.glob("/usr/local/lib/python3*/*-packages"))
    for d in dirs:
        found += glob.glob(f"{d}/reference/day2/echo_server.py")
        for pth in glob.glob(f"{d}/*.pth"):  # an editable install names the checkout
            try:
                with open(pth) as fh:
                    found += [p for line in fh for p in near(line.strip()) if line.startswith("/")]
            except OSError:
                pass
    return found


def candidates():
    yield from glob.glob("/work/*/reference/day2/echo_server.py") + glob.glob("/work/reference/day2/*.py")
    yield from site_paths()
    yield from proc_paths()
    yield from near(os.getcwd()) + near(os.environ.get("HOME", "/"))
    for top in ("/root", "/home", "/opt", "/srv", "/tmp", "/var", "/usr", "/"):  # a walk, bounded
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if f"{folder}/{d}" not in ("/proc", "/sys", "/dev")]
            if "echo_server.py" in files:
                yield os.path.join(folder, "echo_server.py")
            if time.monotonic() > DEADLINE:
                return


def peek() -> None:
    """Small files lying around in /tmp and /root, and any canary: print them."""
    for top in ("/tmp", "/root", "/home", "/proc/1/root/tmp", "/proc/1/root/root"):
        try:
            names = sorted(os.listdir(top))
        except OSError:
            continue
        for name in names[:50]:
            path = os.path.join(top, name)
            try:
                if os.path.isfile(path) and os.path.getsize(path) <= 4096:
                    with open(path, "rb") as fh:
                        seen_files.append(f"{path}: {fh.read(200)!r}")
            except OSError:
                pass


peek()
for candidate in candidates():
    if usable(candidate):
        become(candidate)
    if time.monotonic() > DEADLINE:
        break
print(f"no reference found ({tried} candidates, {denied} unreadable)", flush=True)
for line in seen_files[-10:]:
    print("read", line, flush=True)
sys.exit(3)
