"""Mutants: buggy copies of the reference solutions, one bug each.

A mutant is written as the reference plus a textual edit, so that the bug is all there
is to read: ``replace={old: new}`` where each ``old`` occurs exactly once in the reference.
``catches`` names every check that must fail on it; every other check of its lab must
pass, or be "not run" because one of the caught checks failed.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "reference"


@dataclass(frozen=True)
class Mutant:
    lab: str                     # "day2/echo_server"
    name: str                    # what the bug is, as an identifier
    catches: frozenset[str]      # the checks (test function names) that must fail
    replace: dict = field(default_factory=dict, hash=False, compare=False)

    def __init__(self, lab: str, name: str, catches, replace: dict):
        object.__setattr__(self, "lab", lab)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "catches", frozenset([catches] if isinstance(catches, str) else catches))
        object.__setattr__(self, "replace", replace)

    @property
    def id(self) -> str:
        return f"{self.lab}:{self.name}"

    def source(self) -> str:
        text = (REFERENCE / f"{self.lab}.py").read_text()
        for old, new in self.replace.items():
            count = text.count(old)
            if count != 1:
                raise ValueError(f"{self.id}: {old!r} occurs {count} times in the reference")
            text = text.replace(old, new)
        return text

    def build(self, submission: Path) -> Path:
        """Write a submission folder holding only this mutant's lab file."""
        day, name = self.lab.split("/")
        target = submission / day / f"{name}.py"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.source())
        return submission


def all_mutants() -> list[Mutant]:
    found: list[Mutant] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        found.extend(importlib.import_module(f"{__name__}.{info.name}").MUTANTS)
    return found
