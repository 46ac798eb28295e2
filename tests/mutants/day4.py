"""Mutants of day 4's labs: signals and pipes."""

from tests.mutants import Mutant

MP = "day4/echo_mpserver"

MUTANTS = [
    Mutant(MP, "hard_coded_port", "test_listens_on_its_port",
           {'server.bind(("", int(sys.argv[1])))': 'server.bind(("", 9190))'}),
    Mutant(MP, "serves_in_the_parent", "test_serves_clients_concurrently",
           {"        pid = os.fork()\n": "        serve(conn)\n        pid = 1\n"}),
    Mutant(MP, "prints_its_own_pid", "test_reports_each_child_it_reaps",
           {'os.write(1, f"removed proc id: {pid}\\n".encode())':
            'os.write(1, f"removed proc id: {os.getpid()}\\n".encode())'}),
    Mutant(MP, "reaps_in_the_accept_loop", "test_reports_each_child_it_reaps",
           {"    signal.signal(signal.SIGCHLD, reap)\n": "",
            "        conn, _addr = server.accept()\n":
            "        conn, _addr = server.accept()\n        reap(None, None)\n"}),
    Mutant(MP, "one_waitpid_per_signal", "test_reaps_coalesced_children",
           {"    while True:\n        try:\n            pid, _status = os.waitpid(-1, os.WNOHANG)\n"
            "        except ChildProcessError:\n            return\n        if pid == 0:\n"
            "            return\n        CHILDREN.discard(pid)\n"
            "        os.write(1, f\"removed proc id: {pid}\\n\".encode())\n":
            "    try:\n        pid, _status = os.waitpid(-1, os.WNOHANG)\n"
            "    except ChildProcessError:\n        return\n    if pid == 0:\n"
            "        return\n    CHILDREN.discard(pid)\n"
            "    os.write(1, f\"removed proc id: {pid}\\n\".encode())\n"}),
    Mutant(MP, "dies_of_sigterm", "test_ends_cleanly_on_sigterm",
           {"    signal.signal(signal.SIGTERM, terminate)\n": ""}),
    Mutant(MP, "leaves_children_on_sigterm", "test_ends_cleanly_on_sigterm",
           {"    for pid in list(CHILDREN):\n        try:\n            os.kill(pid, signal.SIGTERM)\n"
            "        except ProcessLookupError:\n            pass\n    while True:\n        try:\n"
            "            os.waitpid(-1, 0)\n        except ChildProcessError:\n            break\n": ""}),
]

AL = "day4/alarm"

MUTANTS += [
    Mutant(AL, "whole_seconds_like_alarm", "test_prints_timeouts_on_schedule",
           {"signal.setitimer(signal.ITIMER_REAL, interval, interval)":
            "signal.setitimer(signal.ITIMER_REAL, math.ceil(interval), math.ceil(interval))"}),
    Mutant(AL, "one_timeout_too_many", "test_exits_after_count",
           {"if done >= count:": "if done > count:"}),
    Mutant(AL, "no_sigint_handler", "test_ctrl_c_is_reported_and_changes_nothing",
           {"    signal.signal(signal.SIGINT, on_interrupt)\n": ""}),
    Mutant(AL, "rearms_after_every_pause", "test_ctrl_c_is_reported_and_changes_nothing",
           {"    signal.setitimer(signal.ITIMER_REAL, interval, interval)\n    try:\n"
            "        while True:\n            signal.pause()\n":
            "    try:\n        while True:\n            signal.setitimer(signal.ITIMER_REAL, interval)\n"
            "            signal.pause()\n"}),
    Mutant(AL, "busy_loop", "test_waits_without_a_busy_loop",
           {"            signal.pause()\n": "            pass\n"}),
    Mutant(AL, "accepts_zero_interval", "test_rejects_bad_arguments",
           {"interval <= 0": "interval < 0"}),
]

PT = "day4/pipe_talk"

MUTANTS += [
    Mutant(PT, "one_shared_pipe_parent_answers_first", "test_exchanges_the_two_messages",
           {"    to_child_r, to_child_w = os.pipe()     # parent -> child\n"
            "    to_parent_r, to_parent_w = os.pipe()   # child -> parent\n":
            "    to_child_r, to_child_w = os.pipe()     # one pipe both ways\n"
            "    to_parent_r, to_parent_w = to_child_r, to_child_w\n"
            "    os.write(to_child_w, ANSWER)\n",
            "        os.close(to_child_w)\n        os.close(to_parent_r)\n": "",
            "        os.close(to_parent_w)\n        answer = read_all(to_child_r)\n":
            "        answer = os.read(to_child_r, 4096)\n",
            "    os.close(to_child_r)\n    os.close(to_parent_w)\n    question = read_all(to_parent_r)\n":
            "    question = os.read(to_parent_r, 4096)\n",
            "    os.write(to_child_w, ANSWER)\n    os.close(to_child_w)\n": ""}),
    Mutant(PT, "no_fork_prints_both_lines", "test_forks_exactly_one_child",
           {"def main():\n": "def main():\n    print(f\"parent: {QUESTION.decode()}\")\n"
            "    print(f\"child: {ANSWER.decode()}\")\n    return\n"}),
    Mutant(PT, "forks_a_useless_extra_child", "test_forks_exactly_one_child",
           {"    pid = os.fork()\n": "    if os.fork() == 0:\n        os._exit(0)\n    pid = os.fork()\n"}),
    Mutant(PT, "sleeps_instead_of_waiting", "test_parent_reaps_its_child",
           {"    _pid, status = os.waitpid(pid, 0)\n"
            "    sys.exit(0 if os.waitstatus_to_exitcode(status) == 0 else 1)\n":
            "    __import__(\"time\").sleep(2)\n    sys.exit(0)\n"}),
]

ST = "day4/echo_storeserver"

MUTANTS += [
    Mutant(ST, "hard_coded_port", "test_listens_on_its_port",
           {'server.bind(("", int(sys.argv[1])))': 'server.bind(("", 9190))'}),
    Mutant(ST, "stores_crlf", "test_echoes_and_logs_messages",
           {'os.write(pipe_w, line + b"\\n")': 'os.write(pipe_w, line + b"\\r\\n")'}),
    Mutant(ST, "writer_stops_after_10_messages", "test_logs_every_line_of_several_clients",
           {"    while True:\n        data = os.read(pipe_r, 65536)\n":
            "    for _ in range(10):\n        data = os.read(pipe_r, 65536)\n"}),
    Mutant(ST, "writes_a_line_in_pieces", "test_never_mixes_lines_of_clients",
           {'                os.write(pipe_w, line + b"\\n")'
            '  # one write per line: atomic up to 4096 bytes\n':
            '                line += b"\\n"\n                for i in range(0, len(line), 8):\n'
            '                    os.write(pipe_w, line[i:i + 8])\n'}),
    Mutant(ST, "dies_of_sigterm", "test_sigterm_flushes_the_log_and_ends_everything",
           {"    signal.signal(signal.SIGTERM, stop)\n": ""}),
    Mutant(ST, "kills_the_writer_on_sigterm", "test_sigterm_flushes_the_log_and_ends_everything",
           {"    signal.signal(signal.SIGTERM, signal.SIG_IGN)"
            "  # it ends when every write end is closed\n": "",
            "    os.close(pipe_r)\n\n": "    os.close(pipe_r)\n    CLIENTS.add(writer_pid)\n\n"}),
]
