"""Mutants of day 1's labs: byteorder, fdcopy, fdinfo."""

from tests.mutants import Mutant

BYTEORDER = "day1/byteorder"
FDCOPY = "day1/fdcopy"
FDINFO = "day1/fdinfo"

MUTANTS = [
    # A program that prints "little-endian" whatever the machine cannot be told apart from a
    # correct one on a little-endian machine; the inverted test is caught on every machine.
    Mutant(BYTEORDER, "inverted_host_order", "test_prints_the_host_byte_order",
           {'"little-endian" if sys.byteorder == "little" else "big-endian"':
            '"big-endian" if sys.byteorder == "little" else "little-endian"'}),
    Mutant(BYTEORDER, "little_endian_bytes_in_big_endian_order", "test_shows_the_bytes_of_32_bit_values",
           {'little = value.to_bytes(size, "little")': 'little = value.to_bytes(size, "big")'}),
    Mutant(BYTEORDER, "htonl_never_swaps", "test_shows_htonl",
           {'name, swapped = "htonl", socket.htonl(value)': 'name, swapped = "htonl", value'}),
    Mutant(BYTEORDER, "htonl_for_16_bit_values", "test_shows_16_bit_values_and_htons",
           {'name, swapped = "htons", socket.htons(value)': 'name, swapped = "htons", socket.htonl(value)'}),
    Mutant(BYTEORDER, "no_range_check", "test_rejects_bad_values",
           {"    if value >= 1 << bits:\n": "    if False:\n"}),

    Mutant(FDCOPY, "copies_as_text", "test_copies_files_byte_for_byte",
           {"chunk = os.read(fd_in, BUFSIZE)":
            'chunk = os.read(fd_in, BUFSIZE).decode("utf-8", "replace").encode()'}),
    Mutant(FDCOPY, "counts_the_last_chunk_only", "test_prints_the_byte_count",
           {"total += len(chunk)": "total = len(chunk)"}),
    Mutant(FDCOPY, "never_truncates", "test_truncates_an_existing_destination",
           {"(os.O_APPEND if append else os.O_TRUNC)": "(os.O_APPEND if append else 0)"}),
    Mutant(FDCOPY, "ignores_append", "test_appends_with_the_append_option",
           {"(os.O_APPEND if append else os.O_TRUNC)": "os.O_TRUNC"}),
    Mutant(FDCOPY, "default_mode", "test_creates_the_destination_with_mode_0644",
           {"fd_out = open_or_exit(dst, flags, 0o644)": "fd_out = open_or_exit(dst, flags)"}),
    Mutant(FDCOPY, "opens_dst_first", "test_missing_source_is_a_clean_error",
           {"    fd_in = open_or_exit(src, os.O_RDONLY)\n    fd_out = open_or_exit(dst, flags, 0o644)\n":
            "    fd_out = open_or_exit(dst, flags, 0o644)\n    fd_in = open_or_exit(src, os.O_RDONLY)\n"}),
    Mutant(FDCOPY, "reads_64_kib_at_a_time", "test_reads_at_most_4096_bytes_per_call",
           {"BUFSIZE = 4096": "BUFSIZE = 65536"}),
    Mutant(FDCOPY, "reads_4097_bytes_at_a_time", "test_reads_at_most_4096_bytes_per_call",
           {"BUFSIZE = 4096": "BUFSIZE = 4097"}),

    Mutant(FDINFO, "forgets_the_udp_line", "test_prints_the_three_descriptors",
           {'    print(f"udp: {udp.fileno()}")\n': ""}),
    Mutant(FDINFO, "opens_udp_before_tcp", "test_descriptors_follow_the_opening_order",
           {"    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
            "    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n":
            "    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
            "    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"}),
    Mutant(FDINFO, "prints_in_another_order", "test_descriptors_follow_the_opening_order",
           {'    print(f"file: {file_fd}")\n': "", '    print(f"udp: {udp.fileno()}")\n':
            '    print(f"udp: {udp.fileno()}")\n    print(f"file: {file_fd}")\n'}),
    Mutant(FDINFO, "leaks_a_descriptor_first", "test_descriptors_follow_the_opening_order",
           {"    file_fd = os.open(__file__, os.O_RDONLY)\n":
            "    os.open(__file__, os.O_RDONLY)\n    file_fd = os.open(__file__, os.O_RDONLY)\n"}),
]
