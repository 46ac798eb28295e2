"""Mutants of day 3's labs: one bug each, in the course's terms."""

from tests.mutants import Mutant

MP = "day3/echo_mpserver"
FSERVER = "day3/file_server"
FCLIENT = "day3/file_client"
USERVER = "day3/uecho_server"
UCLIENT = "day3/uecho_client"
WAIT = "day3/wait_demo"
LOOKUP = "day3/lookup"

REAP_LOOP = ("    while True:\n        try:\n            pid, _status = os.waitpid(-1, os.WNOHANG)\n"
             "        except ChildProcessError:\n            return\n        if pid == 0:\n            return\n")  # noqa: E501

MUTANTS = [
    # -- echo_mpserver --------------------------------------------------------------
    Mutant(MP, "hard_coded_port", "test_listens_on_its_port",
           {'server.bind(("", int(sys.argv[1])))': 'server.bind(("", 9190))'}),
    Mutant(MP, "decodes_as_text", "test_echoes_binary_data_exactly",
           {"conn.sendall(data)": 'conn.sendall(data.decode("utf-8", "replace").encode())'}),
    Mutant(MP, "parent_waits_for_each_child", "test_silent_client_does_not_delay_others",
           {"        conn.close()\n": "        conn.close()\n        os.waitpid(pid, 0)\n"}),
    Mutant(MP, "no_fork_serves_in_parent",
           {"test_silent_client_does_not_delay_others", "test_each_connection_in_its_own_child"},
           {"        pid = os.fork()\n": "        serve(conn)\n        continue\n        pid = os.fork()\n"}),
    Mutant(MP, "parent_keeps_the_connection", "test_parent_closes_its_copy_of_the_connection",
           {"        conn.close()\n": ""}),
    Mutant(MP, "child_keeps_the_listening_socket", "test_child_closes_the_listening_socket",
           {"            server.close()\n": ""}),
    Mutant(MP, "never_reaps", {"test_no_zombie_after_a_client_leaves", "test_no_zombie_when_signals_coalesce"},  # noqa: E501
           {"    signal.signal(signal.SIGCHLD, reap)\n": ""}),
    Mutant(MP, "waitpid_once_per_signal", "test_no_zombie_when_signals_coalesce",
           {REAP_LOOP: "    try:\n        os.waitpid(-1, os.WNOHANG)\n    except ChildProcessError:\n        pass\n"}),  # noqa: E501
    Mutant(MP, "ignores_sigterm", "test_sigterm_leaves_nothing_behind",
           {"    signal.signal(signal.SIGCHLD, reap)\n":
            "    signal.signal(signal.SIGCHLD, reap)\n    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"}),
]

MUTANTS += [
    # -- file_server ----------------------------------------------------------------
    Mutant(FSERVER, "hard_coded_port", "test_listens_on_its_port",
           {'server.bind(("", int(sys.argv[1])))': 'server.bind(("", 9190))'}),
    Mutant(FSERVER, "reads_only_64_kib", "test_sends_a_binary_mebibyte_exactly",
           {"content = fh.read()": "content = fh.read(65536)"}),
    Mutant(FSERVER, "close_instead_of_shutdown", "test_half_closes_then_reads_the_thanks",
           {"            conn.shutdown(socket.SHUT_WR)": "            conn.close()"}),
    Mutant(FSERVER, "shutdown_rdwr", "test_half_closes_then_reads_the_thanks",
           {"            conn.shutdown(socket.SHUT_WR)": "            conn.shutdown(socket.SHUT_RDWR)"}),
    Mutant(FSERVER, "no_shutdown", "test_half_closes_then_reads_the_thanks",
           {"            conn.shutdown(socket.SHUT_WR)": "            pass"}),
    Mutant(FSERVER, "mmap_fails_on_empty_file", "test_sends_an_empty_file",
           {"content = fh.read()":
            "content = __import__('mmap').mmap(fh.fileno(), 0, access=__import__('mmap').ACCESS_READ)[:]"}),
    Mutant(FSERVER, "one_recv_for_the_message", "test_reads_the_whole_message_until_close",
           {"                if not data:\n                    break\n                message += data\n":
            "                message += data\n                break\n"}),
    Mutant(FSERVER, "keeps_trailing_nuls", "test_reads_the_whole_message_until_close",
           {'rstrip(b"\\0\\r\\n")': 'rstrip(b"\\r\\n")'}),
    Mutant(FSERVER, "reset_not_caught", "test_client_reset_ends_it_cleanly",
           {"    except (ConnectionResetError, BrokenPipeError):": "    except BrokenPipeError:"}),
    Mutant(FSERVER, "traceback_on_missing_file", "test_unreadable_file_is_a_usage_error",
           {"    except OSError as exc:\n        print(f\"cannot read": "    except PermissionError as exc:\n        print(f\"cannot read"}),  # noqa: E501
]

MUTANTS += [
    # -- file_client ----------------------------------------------------------------
    Mutant(FCLIENT, "writes_text_not_bytes", "test_saves_the_file_byte_for_byte",
           {"                fh.write(data)": '                fh.write(data.decode("utf-8", "replace").encode())'}),  # noqa: E501
    Mutant(FCLIENT, "thanks_after_the_first_recv", "test_thanks_only_after_end_of_stream",
           {"                fh.write(data)\n": "                fh.write(data)\n                if not thanked:\n"  # noqa: E501
            "                    thanked = sock.sendall(b\"Thank you\") or True\n",
            "            while True:\n": "            thanked = False\n            while True:\n",
            "            sock.sendall(b\"Thank you\")\n": ""}),
    Mutant(FCLIENT, "never_says_thanks", "test_thanks_only_after_end_of_stream",
           {"            sock.sendall(b\"Thank you\")\n": ""}),
    Mutant(FCLIENT, "shuts_down_after_close", "test_closes_after_the_thanks",
           {"    sys.exit(0)\n": "    sock.shutdown(socket.SHUT_WR)\n    sys.exit(0)\n"}),
    Mutant(FCLIENT, "traceback_when_refused", "test_refused_connection_is_reported_cleanly",
           {"    except OSError as exc:\n        print(f\"cannot connect": "    except ValueError as exc:\n        print(f\"cannot connect"}),  # noqa: E501
]

MUTANTS += [
    # -- uecho_server ---------------------------------------------------------------
    Mutant(USERVER, "hard_coded_port", "test_binds_its_port",
           {'sock.bind(("", int(sys.argv[1])))': 'sock.bind(("", 9190))'}),
    Mutant(USERVER, "decodes_as_text", "test_echoes_datagrams_unchanged",
           {"sock.sendto(data, addr)": 'sock.sendto(data.decode("utf-8", "replace").encode(), addr)'}),
    Mutant(USERVER, "recvfrom_1024_truncates", "test_echoes_4096_bytes_as_one_datagram",
           {"sock.recvfrom(65535)": "sock.recvfrom(1024)"}),
    Mutant(USERVER, "splits_into_1024_byte_datagrams", "test_echoes_4096_bytes_as_one_datagram",
           {"        sock.sendto(data, addr)\n":
            "        for i in range(0, max(len(data), 1), 1024):\n            sock.sendto(data[i:i + 1024], addr)\n"}),  # noqa: E501
    Mutant(USERVER, "replies_to_the_first_sender", "test_interleaved_senders_get_their_own_echoes",
           {"        sock.sendto(data, addr)\n": "        first = globals().setdefault('FIRST', addr)\n"
            "        sock.sendto(data, first)\n"}),
    Mutant(USERVER, "stops_on_empty_datagram", "test_survives_an_empty_datagram",
           {"        sock.sendto(data, addr)\n": "        if not data:\n            break\n        sock.sendto(data, addr)\n"}),  # noqa: E501

    # -- uecho_client ---------------------------------------------------------------
    Mutant(UCLIENT, "skips_blank_lines", "test_prints_each_echo",
           {'            if line.strip() in (b"q", b"Q"):\n':
            '            if not line.strip():\n                continue\n            if line.strip() in (b"q", b"Q"):\n'}),  # noqa: E501
    Mutant(UCLIENT, "recvfrom_1024_truncates", "test_prints_a_4096_byte_line_whole",
           {"sock.recvfrom(65535)": "sock.recvfrom(1024)"}),
    Mutant(UCLIENT, "quits_on_lowercase_only", "test_quits_on_q_Q_and_end_of_input",
           {'if line.strip() in (b"q", b"Q"):': 'if line.strip() == b"q":'}),
]

MUTANTS += [
    # -- wait_demo ------------------------------------------------------------------
    Mutant(WAIT, "prints_the_raw_status", "test_reports_both_exit_statuses",
           {"{os.WEXITSTATUS(status)}": "{status}"}),
    Mutant(WAIT, "prints_its_own_pid", "test_printed_pids_are_the_real_children",
           {'print(f"child {pid} exited': 'print(f"child {os.getpid()} exited'}),
    Mutant(WAIT, "never_waits", "test_waits_for_both_children",
           {"    for status in statuses:\n        if os.fork() == 0:\n            os._exit(status)\n"
            "    for _ in statuses:\n        pid, status = os.wait()\n"
            "        print(f\"child {pid} exited with status {os.WEXITSTATUS(status)}\")\n":
            "    for status in statuses:\n        pid = os.fork()\n        if pid == 0:\n            os._exit(status)\n"  # noqa: E501
            "        print(f\"child {pid} exited with status {status}\")\n"}),

    # -- lookup ---------------------------------------------------------------------
    Mutant(LOOKUP, "omits_an_empty_aliases_line", "test_resolves_localhost",
           {'    print("Aliases: " + " ".join(aliases))\n':
            '    if aliases:\n        print("Aliases: " + " ".join(aliases))\n'}),
    Mutant(LOOKUP, "never_looks_up_in_reverse", "test_reverse_lookup_of_127_0_0_1",
           {"        is_address = True\n": "        is_address = False\n"}),
    Mutant(LOOKUP, "traceback_on_unknown_name", "test_unknown_name_fails_cleanly",
           {"    except (socket.herror, socket.gaierror, UnicodeError) as exc:":
            "    except socket.herror as exc:"}),
]
