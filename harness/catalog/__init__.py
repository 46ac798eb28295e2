"""The message catalog: every student-facing sentence, in English and Korean.

Each module of this package holds ``MESSAGES = {key: {"en": ..., "ko": ...}}`` for one
part of the course (``common`` for the harness, ``day2`` for day 2's labs...).  Keys are
unique across modules; socklab's tests check that every key has both languages and
every key used in a check exists.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = ("en", "ko")


def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, entry in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"message key {key!r} defined twice (in {info.name})")
            merged[key] = entry
    return merged


MESSAGES = _load()


class _Params(dict):
    def __missing__(self, key):  # a missing parameter shows as {name}, never crashes a report
        return "{" + key + "}"


def text(key: str, lang: str = "en", **params) -> str:
    entry = MESSAGES[key]
    template = entry.get(lang) or entry["en"]
    return template.format_map(_Params(params))
