"""Where a student program runs: a host process (default) or a container.

A backend turns "launch this lab's file with these arguments" into a started
:class:`~harness.program.Program`-like object.  The checks never know which backend
they run on: programs are observed through their host pids and ``/proc``, and the
grader's peers create their sockets through :mod:`harness.sockets`.
"""

from __future__ import annotations

import importlib

from harness.program import Limits, Program, base_environment


class SubprocessBackend:
    name = "subprocess"

    def program(self, lab, args: list[str], limits: Limits, *, traced: bool = False) -> Program:
        return Program(lab.argv(*args), cwd=lab.folder,
                       label=" ".join([lab.program_file, *args]), limits=limits,
                       env=base_environment(lab.workdir), traced=traced)

    def close(self) -> None:
        pass


# name -> "module:Class"; a backend's module is imported only when it is chosen
REGISTRY = {
    "subprocess": "harness.backends:SubprocessBackend",
    "sandbox": "harness.sandbox:SandboxBackend",
    "docker": "harness.docker_backend:DockerBackend",
}


NAMES = tuple(REGISTRY)
PER_SUBMISSION = ("sandbox", "docker")   # made for one submission: told which


def create(name: str, **options):
    module_name, _, cls = REGISTRY[name].partition(":")
    backend_cls = getattr(importlib.import_module(module_name), cls)
    return backend_cls(**options) if options else backend_cls()
