"""socklab: a grading harness for socket-programming labs.

The vocabulary a lab's checks are written in::

    from harness import check, lab_marker, fail, random_bytes, FIN, RST, wait_until, hold_for
"""

from harness.feedback import CheckFailed, HarnessError, fail
from harness.net import FIN, OPEN, RST, Conn, Datagrams, connect, random_bytes
from harness.plugin import check, lab_marker
from harness.timing import Deadline, hold_for, scaled, wait_until

__all__ = [
    "CheckFailed", "Conn", "Datagrams", "Deadline", "FIN", "HarnessError", "OPEN", "RST",
    "check", "connect", "fail", "hold_for", "lab_marker", "random_bytes", "scaled", "wait_until",
]
__version__ = "0.1.0"
