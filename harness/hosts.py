"""The hosts file a program's resolver reads where socklab gives it one (sandbox, container).

A check may set ``lab.hosts`` (lines, or ``(address, name, *aliases)`` tuples) to give a
name several addresses or aliases; the defaults name only loopback.
"""

from __future__ import annotations

DEFAULTS = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"


def hosts_text(entries) -> str:
    text = DEFAULTS
    for entry in entries or ():
        text += (entry if isinstance(entry, str) else "\t".join(entry[:2]) +
                 "".join(" " + a for a in entry[2:])).rstrip("\n") + "\n"
    return text
