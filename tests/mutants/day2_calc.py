"""Mutants of day 2's calculator (op_server, op_client) and address conversion (inet_conv)."""

from tests.mutants import Mutant

SERVER = "day2/op_server"
CLIENT = "day2/op_client"
INET = "day2/inet_conv"

REPLY = 'conn.sendall(struct.pack("!i", calculate(operands, operator)))'
UNPACK = 'operands = struct.unpack(f"!{count}i", recv_exact(conn, 4 * count))'

MUTANTS = [
    Mutant(SERVER, "hard_coded_port", "test_listens_on_its_port",
           {'server.bind(("", int(sys.argv[1])))': 'server.bind(("", 9190))'}),
    # byte order: each way of getting it wrong, each caught by the byte-order check alone
    Mutant(SERVER, "replies_little_endian", "test_uses_network_byte_order",
           {REPLY: REPLY.replace('"!i"', '"<i"')}),
    Mutant(SERVER, "reads_operands_little_endian", "test_uses_network_byte_order",
           {UNPACK: UNPACK.replace('f"!{count}i"', 'f"<{count}i"')}),
    Mutant(SERVER, "little_endian_everywhere", "test_uses_network_byte_order",
           {REPLY: REPLY.replace('"!i"', '"<i"'), UNPACK: UNPACK.replace('f"!{count}i"', 'f"<{count}i"')}),
    Mutant(SERVER, "subtracts_the_other_way", "test_applies_each_operator_left_to_right",
           {"result = result - operand": "result = operand - result"}),
    Mutant(SERVER, "packs_the_result_unsigned", "test_handles_negative_numbers",
           {REPLY: REPLY.replace('"!i"', '"!I"')}),
    Mutant(SERVER, "never_wraps", "test_wraps_around_like_a_c_int",
           {"    return wrap32(result)": "    return result"}),
    Mutant(SERVER, "one_recv_per_read",
           {"test_reads_a_request_sent_one_byte_at_a_time", "test_survives_a_client_that_leaves_mid_request"},
           {"    data = bytearray()\n    while len(data) < n:\n        chunk = conn.recv(n - len(data))\n"
            "        if not chunk:\n"
            "            raise ConnectionError(\"the client closed the connection mid-request\")\n"
            "        data += chunk\n    return bytes(data)":
            "    return conn.recv(n)"}),
    Mutant(SERVER, "reads_the_count_signed", "test_handles_255_operands",
           {"count = recv_exact(conn, 1)[0]\n    if count == 0:":
            'count = struct.unpack("!b", recv_exact(conn, 1))[0]\n    if count == 0:'}),
    Mutant(SERVER, "computes_with_any_operator", "test_refuses_an_unknown_operator",
           {'    if operator not in ("+", "-", "*"):\n        return\n': ""}),
    Mutant(SERVER, "crashes_on_a_zero_count", "test_refuses_a_zero_count",
           {"    if count == 0:\n        return\n": ""}),
    Mutant(SERVER, "waits_for_more_requests", "test_closes_after_each_reply_and_serves_the_next",
           {REPLY: REPLY + "\n    serve(conn)  # the next request on the same connection"}),
    Mutant(SERVER, "dies_when_a_client_leaves", "test_survives_a_client_that_leaves_mid_request",
           {'            raise ConnectionError("the client closed the connection mid-request")':
            "            break"}),
    Mutant(SERVER, "shuts_down_but_never_closes", "test_closes_every_connection",
           {"def main():\n": "KEPT = []\n\n\ndef main():\n",
            "        finally:\n            conn.close()\n":
            "        finally:\n            KEPT.append(conn)\n            try:\n"
            "                conn.shutdown(socket.SHUT_RDWR)\n            except OSError:\n"
            "                pass\n"}),
    Mutant(SERVER, "no_reuseaddr", "test_restarts_on_the_same_port",
           {"    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n": ""}),
    Mutant(SERVER, "ignores_sigterm", "test_ends_on_sigterm",
           {"def main():\n":
            "def main():\n    import signal\n    signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"}),

    Mutant(CLIENT, "sends_operands_little_endian", "test_sends_the_request_in_network_byte_order",
           {'struct.pack(f"!{count}i", *operands)': 'struct.pack(f"<{count}i", *operands)'}),
    Mutant(CLIENT, "sends_the_count_as_4_bytes", "test_sends_the_request_in_network_byte_order",
           {'struct.pack("!B", count)': 'struct.pack("!i", count)'}),
    Mutant(CLIENT, "sends_text", "test_sends_the_request_in_network_byte_order",
           {'struct.pack("!B", count) + struct.pack(f"!{count}i", *operands) + operator.encode()':
            '" ".join(map(str, [count, *operands, operator])).encode() + b"\\n"'}),
    Mutant(CLIENT, "little_endian_everywhere", "test_sends_the_request_in_network_byte_order",
           {'struct.pack(f"!{count}i", *operands)': 'struct.pack(f"<{count}i", *operands)',
            "struct.unpack('!i', reply)": "struct.unpack('<i', reply)"}),
    Mutant(CLIENT, "reads_the_result_little_endian", "test_prints_the_result_it_receives",
           {"struct.unpack('!i', reply)": "struct.unpack('<i', reply)"}),
    Mutant(CLIENT, "reads_the_result_unsigned", "test_handles_negative_numbers",
           {"struct.unpack('!i', reply)": "struct.unpack('!I', reply)"}),
    Mutant(CLIENT, "packs_the_count_signed", "test_sends_255_operands",
           {'struct.pack("!B", count)': 'struct.pack("!b", count)'}),
    Mutant(CLIENT, "one_recv_for_the_reply",
           {"test_reads_a_reply_split_in_two", "test_server_closing_without_reply_is_reported_cleanly"},
           {"reply = recv_exact(sock, 4)": "reply = sock.recv(4)"}),
    Mutant(CLIENT, "no_operand_range_check", "test_rejects_input_out_of_range",
           {'ask_int(f"Operand {i + 1}: ", -2**31, 2**31 - 1)':
            'ask_int(f"Operand {i + 1}: ", -2**63, 2**63)'}),
    Mutant(CLIENT, "traceback_when_refused", "test_refused_connection_is_reported_cleanly",
           {"    except OSError as exc:\n        print(f\"op_client: cannot connect":
            "    except ValueError as exc:\n        print(f\"op_client: cannot connect"}),
    Mutant(CLIENT, "traceback_when_no_reply", "test_server_closing_without_reply_is_reported_cleanly",
           {'            raise ConnectionError("the server closed the connection without a result")':
            "            break"}),

    Mutant(INET, "aton_in_host_order", "test_converts_dotted_ipv4_to_a_32_bit_value",
           {"struct.unpack('!I', packed)": "struct.unpack('<I', packed)"}),
    Mutant(INET, "ntoa_in_host_order", "test_converts_a_32_bit_value_to_dotted_ipv4",
           {'struct.pack("!I", value)': 'struct.pack("<I", value)'}),
    Mutant(INET, "lenient_inet_aton", "test_rejects_invalid_ipv4",
           {"packed = socket.inet_pton(socket.AF_INET, text)": "packed = socket.inet_aton(text)"}),
    Mutant(INET, "pton6_drops_leading_zeros", "test_converts_ipv6_text_to_16_bytes",
           {"    return packed.hex()": "    return f\"{int.from_bytes(packed, 'big'):x}\""}),
    Mutant(INET, "ntop6_never_compresses", "test_prints_ipv6_in_canonical_form",
           {"return socket.inet_ntop(socket.AF_INET6, bytes.fromhex(text))":
            'return ":".join(f"{w:x}" for w in struct.unpack("!8H", bytes.fromhex(text)))'}),
    Mutant(INET, "ntop6_pads_short_input", "test_rejects_invalid_ipv6",
           {'r"[0-9a-fA-F]{32}"': 'r"[0-9a-fA-F]{1,32}"',
            "bytes.fromhex(text))": "bytes.fromhex(text.rjust(32, \"0\")))"}),
]
