"""The grading image for the container backend: built once per machine, cached by tag.

Two ways to make it, same result (an image with ``python3``, ``sh`` and coreutils):

* ``dockerfile``: ``FROM python:3.12-slim`` (needs a reachable registry);
* ``debootstrap`` (offline from any registry): ``debootstrap --variant=minbase
  --include=python3 bookworm`` from the machine's own Debian archive into a cached root
  filesystem (``~/.cache/socklab/rootfs``), then ``docker import``.

The backend runs whatever ``GRADING_TAG`` points to; ``build`` tags the result both with
its own name (``socklab-base:bookworm-py311`` or ``socklab-base:py312-slim``) and with
``GRADING_TAG``.  Nothing is rebuilt while the tag exists (``force=True`` rebuilds).
"""

from __future__ import annotations

import glob
import io
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

LABEL = "socklab"                       # every image, container and network socklab makes
GRADING_TAG = os.environ.get("SOCKLAB_IMAGE", "socklab:grading")
OFFLINE_TAG = "socklab-base:bookworm-py311"
DOCKERFILE_TAG = "socklab-base:py312-slim"
SUITE = "bookworm"
CACHE = Path(os.environ.get("SOCKLAB_CACHE", Path.home() / ".cache" / "socklab"))

DOCKERFILE = f"""\
FROM python:3.12-slim
LABEL {LABEL}=image
ENV PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8
CMD ["sleep", "infinity"]
"""
IMPORT_CHANGES = [f"LABEL {LABEL}=image", "ENV PATH=/usr/local/bin:/usr/bin:/bin",
                  "ENV LANG=C.UTF-8", 'CMD ["sleep", "infinity"]']
# what a grading run never needs inside the image (keeps the import small and quick)
PRUNE = ["usr/share/doc", "usr/share/man", "usr/share/info", "usr/share/locale",
         "var/cache/apt/archives", "var/lib/apt/lists"]


def client():
    import docker
    return docker.from_env(timeout=120)


def exists(tag: str = GRADING_TAG, docker_client=None) -> bool:
    import docker
    try:
        (docker_client or client()).images.get(tag)
        return True
    except docker.errors.ImageNotFound:
        return False


def registry_reachable(host: str = "registry-1.docker.io", timeout: float = 2.0) -> bool:
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False


def debian_mirror() -> str:
    """The first Debian archive named in the machine's apt sources (deb822 or one-line)."""
    for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
        uris = suites = None
        for line in Path(path).read_text().splitlines() + [""]:
            key, _, value = line.partition(":")
            if key.strip() == "URIs":
                uris = value.split()
            elif key.strip() == "Suites":
                suites = value.split()
            elif not line.strip():
                if uris and suites and SUITE in suites:
                    return uris[0]
                uris = suites = None
    for path in ["/etc/apt/sources.list", *sorted(glob.glob("/etc/apt/sources.list.d/*.list"))]:
        try:
            for line in Path(path).read_text().splitlines():
                words = line.split()
                if len(words) >= 3 and words[0] == "deb" and SUITE in words[2:3]:
                    return next(w for w in words[1:] if not w.startswith("["))
        except OSError:
            continue
    return "http://deb.debian.org/debian"


def rootfs(log=print, force: bool = False) -> Path:
    """A debootstrapped root filesystem with python3, cached under ``CACHE/rootfs``."""
    target = CACHE / "rootfs" / f"{SUITE}-py3"
    marker = target / ".socklab-complete"
    if marker.exists() and not force:
        log(f"root filesystem: cached at {target}")
        return target
    if shutil.which("debootstrap") is None:
        raise RuntimeError("debootstrap is not installed (apt-get install -y debootstrap)")
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    mirror = debian_mirror()
    log(f"debootstrap --variant=minbase --include=python3 {SUITE} {partial} {mirror}")
    started = time.monotonic()
    proc = subprocess.run(["debootstrap", "--variant=minbase", "--include=python3", SUITE,
                           str(partial), mirror], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"debootstrap failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n"
                           f"{proc.stderr[-3000:]}")
    for rel in PRUNE:
        shutil.rmtree(partial / rel, ignore_errors=True)
    (partial / ".socklab-complete").write_text(f"{SUITE} from {mirror}\n")
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    log(f"root filesystem: built in {time.monotonic() - started:.0f} s")
    return target


def _import_rootfs(docker_client, root: Path, tag: str) -> None:
    """``tar -C root -c . | docker import`` without a temporary file."""
    repo, _, name = tag.partition(":")
    tar = subprocess.Popen(["tar", "-C", str(root), "--exclude=./.socklab-complete", "-c", "."],
                           stdout=subprocess.PIPE)
    try:
        docker_client.api.import_image_from_stream(tar.stdout, repository=repo, tag=name,
                                                   changes=IMPORT_CHANGES)
    finally:
        tar.stdout.close()
        if tar.wait() != 0:
            raise RuntimeError(f"tar of {root} failed")


def build(method: str = "auto", *, force: bool = False, log=print) -> str:
    """Make sure the grading image exists; returns the tag the backend will run."""
    docker_client = client()
    if exists(GRADING_TAG, docker_client) and not force:
        log(f"image {GRADING_TAG}: cached")
        return GRADING_TAG
    if method == "auto":
        method = "dockerfile" if registry_reachable() else "debootstrap"
        log(f"registry {'reachable' if method == 'dockerfile' else 'not reachable'}: {method}")
    started = time.monotonic()
    if method == "dockerfile":
        image, _ = docker_client.images.build(fileobj=io.BytesIO(DOCKERFILE.encode()),
                                              tag=DOCKERFILE_TAG, pull=True, rm=True,
                                              labels={LABEL: "image"})
        source = DOCKERFILE_TAG
    elif method == "debootstrap":
        if force or not exists(OFFLINE_TAG, docker_client):
            _import_rootfs(docker_client, rootfs(log, force=force), OFFLINE_TAG)
        source = OFFLINE_TAG
    else:
        raise ValueError(f"unknown method {method!r}")
    docker_client.images.get(source).tag(*GRADING_TAG.split(":", 1))
    log(f"image {GRADING_TAG} (= {source}): built in {time.monotonic() - started:.1f} s")
    return GRADING_TAG


def smoke_test(tag: str = GRADING_TAG) -> str:
    """The image's python3 version, run the way the backend runs programs."""
    out = client().containers.run(tag, ["python3", "-c", "import sys; print(sys.version.split()[0])"],
                                  remove=True, network_mode="none", user="65534:65534",
                                  labels={LABEL: "smoke"})
    return out.decode().strip()
