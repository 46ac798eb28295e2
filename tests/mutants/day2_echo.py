"""Mutants of day 2's echo server and client."""

from tests.mutants import Mutant

SERVER = "day2/echo_server"
CLIENT = "day2/echo_client"

MUTANTS = [
    Mutant(SERVER, "hard_coded_port", "test_listens_on_its_port",
           {'server.bind(("", int(sys.argv[1])))': 'server.bind(("", 9190))'}),
    Mutant(SERVER, "binds_loopback_only", "test_listens_on_all_interfaces",
           {'server.bind(("", int(sys.argv[1])))': 'server.bind(("127.0.0.1", int(sys.argv[1])))'}),
    Mutant(SERVER, "decodes_as_text", "test_echoes_binary_data_exactly",
           {"conn.sendall(data)": 'conn.sendall(data.decode("utf-8", "replace").encode())'}),
    Mutant(SERVER, "caps_a_connection_at_64_kib", "test_echoes_a_mebibyte",
           {"def serve(conn):\n    with conn:\n        while True:":
            "def serve(conn):\n    total = 0\n    with conn:\n        while total < 65536:",
            "            if not data:\n                return":
            "            if not data:\n                return\n            total += len(data)"}),
    Mutant(SERVER, "one_recv_per_client",
           {"test_echo_does_not_depend_on_how_data_is_split", "test_echoes_binary_data_exactly",
            "test_echoes_a_mebibyte"},
           {"            try:\n                conn.sendall(data)\n            except (BrokenPipeError, ConnectionResetError):\n                return":
            "            try:\n                conn.sendall(data)\n            except (BrokenPipeError, ConnectionResetError):\n                pass\n            return"}),
    Mutant(SERVER, "closes_listener_after_first_client",
           {"test_serves_clients_one_after_another", "test_survives_a_client_reset",
            "test_survives_a_client_that_vanishes_mid_message", "test_closes_every_connection"},
           {"        serve(conn)\n": "        serve(conn)\n        break\n"}),
    Mutant(SERVER, "recv_not_guarded", "test_survives_a_client_reset",
           {"            try:\n                data = conn.recv(65536)\n            except ConnectionResetError:\n                return":
            "            data = conn.recv(65536)"}),
    Mutant(SERVER, "sendall_not_guarded", "test_survives_a_client_that_vanishes_mid_message",
           {"            try:\n                conn.sendall(data)\n            except (BrokenPipeError, ConnectionResetError):\n                return":
            "            conn.sendall(data)"}),
    Mutant(SERVER, "keeps_every_connection_open", "test_closes_every_connection",
           {"def serve(conn):\n    with conn:": "KEPT = []\n\n\ndef serve(conn):\n    KEPT.append(conn)\n    if True:"}),
    Mutant(SERVER, "no_reuseaddr", "test_restarts_on_the_same_port",
           {"    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n": ""}),
    Mutant(SERVER, "ignores_sigterm", "test_ends_on_sigterm",
           {"def main():\n": "def main():\n    import signal\n    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"}),

    Mutant(CLIENT, "prints_after_one_recv",
           {"test_prints_whole_echo_split_into_bytes", "test_handles_8_kib_lines",
            "test_server_going_away_is_reported_cleanly"},
           {"echo = recv_exact(sock, len(line))": "echo = sock.recv(65536)"}),
    Mutant(CLIENT, "reads_lines_of_4_kib", "test_handles_8_kib_lines",
           {"for line in sys.stdin.buffer:": "for line in iter(lambda: sys.stdin.buffer.readline(4096), b''):"}),
    Mutant(CLIENT, "quits_on_lowercase_only", "test_quits_on_q_and_Q",
           {'if line.strip() in (b"q", b"Q"):': 'if line.strip() == b"q":'}),
    Mutant(CLIENT, "crashes_at_end_of_input", "test_exits_at_end_of_input",
           {"        for line in sys.stdin.buffer:\n":
            "        while True:\n            line = input().encode() + b'\\n'\n"}),
    Mutant(CLIENT, "traceback_when_refused", "test_refused_connection_is_reported_cleanly",
           {"    except OSError as exc:\n        print(f\"cannot connect": "    except ValueError as exc:\n        print(f\"cannot connect"}),
    Mutant(CLIENT, "spins_when_server_leaves", "test_server_going_away_is_reported_cleanly",
           {'            raise ConnectionError("server closed the connection")\n': "            continue\n"}),
]
