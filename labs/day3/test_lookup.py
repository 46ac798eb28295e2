"""day3/lookup.py: host name and address lookup.

`python3 lookup.py NAME_OR_ADDRESS` prints `Official name: NAME`, `Aliases: A B ...` and one
`IP addr: A.B.C.D` per address; a dotted IPv4 address is looked up in reverse.  A name
that does not resolve: a message on stderr, exit 1.

Every check works offline.  What to expect is read at check time from the hosts file of
the machine the program runs on (``HOSTS_FILE``; a container backend passes its own
entries), never hard-coded, and the unknown name is under the reserved ``.invalid``
top-level domain, which no resolver may answer, so nothing waits on a DNS timeout.
"""

import socket

from harness import check, fail, lab_marker

pytestmark = lab_marker("day3/lookup")

HOSTS_FILE = "/etc/hosts"
UNKNOWN = "no-such-host.socklab.invalid"


def hosts_entries(path: str = HOSTS_FILE) -> list[tuple[str, list[str]]]:
    """(address, [names]) per line of a hosts file, IPv4 only, comments dropped."""
    entries = []
    try:
        with open(path) as fh:
            for line in fh:
                words = line.split("#", 1)[0].split()
                if len(words) < 2:
                    continue
                try:
                    socket.inet_pton(socket.AF_INET, words[0])
                except OSError:
                    continue
                entries.append((words[0], words[1:]))
    except OSError:
        pass
    return entries


def expected_for_name(name: str, entries) -> tuple[set[str], set[str]]:
    """(the addresses of ``name``, every name it may be reported as)."""
    addresses, names = set(), {name}
    for address, line_names in entries:
        if name.lower() in (n.lower() for n in line_names):
            addresses.add(address)
            names.update(line_names)
    return addresses, names


def expected_for_address(address: str, entries) -> set[str]:
    return {n for a, line_names in entries if a == address for n in line_names}


def _report(program, query: str, *, all_lines: bool = True):
    program.expect_exit(5)
    official = program.find_line(r"Official name:\s*(\S+)")
    aliases = program.find_line(r"Aliases:(.*)$")
    addresses = {m.group(1) for _line, m in program.lines_matching(r"IP addr:\s*(\S+)")}
    if official is None or (all_lines and (aliases is None or not addresses)):
        raise fail("lookup.missing_lines", query=query, output=program.output_tail(),
                   hint="hint.lookup_format")
    return official[1].group(1), aliases[1].group(1).split() if aliases else [], addresses


@check(2, "correctness", ko="hosts 파일의 이름(localhost)을 찾는다")
def test_resolves_localhost(lab, entries=None):
    """Resolves `localhost` as the hosts file says"""
    entries = hosts_entries() if entries is None else entries
    expected, names = expected_for_name("localhost", entries)
    if not expected:  # no hosts entry: what this machine's own resolver says
        expected = set(socket.gethostbyname_ex("localhost")[2])
    official, _aliases, addresses = _report(lab.launch("localhost"), "localhost")
    if addresses != expected:
        raise fail("lookup.wrong_addresses", query="localhost", got=", ".join(sorted(addresses)),
                   expected=", ".join(sorted(expected)), hint="hint.lookup_all_addresses")
    if official.lower() not in {n.lower() for n in names}:
        raise fail("lookup.wrong_official_name", query="localhost", got=official,
                   expected=" or ".join(sorted(names)), hint="hint.lookup_format")


@check(2, "correctness", ko="127.0.0.1을 역방향으로 찾는다")
def test_reverse_lookup_of_127_0_0_1(lab, entries=None):
    """Looks up 127.0.0.1 in reverse (gethostbyaddr)"""
    entries = hosts_entries() if entries is None else entries
    names = expected_for_address("127.0.0.1", entries) or {socket.gethostbyaddr("127.0.0.1")[0]}
    official, _aliases, _addresses = _report(lab.launch("127.0.0.1"), "127.0.0.1", all_lines=False)
    if official.lower() not in {n.lower() for n in names}:
        raise fail("lookup.not_reversed", got=official, expected=" or ".join(sorted(names)),
                   hint="hint.lookup_reverse")


@check(2, "robustness", ko="없는 이름은 트레이스백 없이 빠르게 실패한다")
def test_unknown_name_fails_cleanly(lab):
    """Unknown name: exit 1 fast, no traceback"""
    program = lab.launch(UNKNOWN)
    program.expect_exit(5, codes=(1,))
    program.expect_no_traceback()
    if not program.stderr.text().strip():
        raise fail("echo_client.silent_failure", hint="hint.say_why_on_stderr")
