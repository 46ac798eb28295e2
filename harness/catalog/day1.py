"""Messages of day 1's labs: byteorder, fdcopy, fdinfo."""

MESSAGES = {
    # -- byteorder ------------------------------------------------------------------------
    "byteorder.value_lines_missing": {
        "en": "For the {count} value(s) {args} the program printed {found} line(s) in the lab's format; one "
              "per value is expected, in order, e.g. {example}",
        "ko": "값 {count}개 ({args})에 대해 실습 형식의 줄을 {found}개 출력했습니다. 값마다 한 줄씩 순서대로 "
              "출력해야 합니다. 예: {example}"},
    "byteorder.wrong_value_shown": {
        "en": "The line for {arg} shows another value or width.",
        "ko": "{arg}에 대한 줄이 다른 값이나 비트 폭을 보여 줍니다."},
    "byteorder.wrong_big_endian": {
        "en": "Byte order: the big-endian (network order) bytes shown for {arg} are wrong: the most "
              "significant byte comes first.",
        "ko": "바이트 순서 문제: {arg}의 빅 엔디언(네트워크 순서) 바이트가 틀렸습니다. 가장 높은 자리의 "
              "바이트가 먼저 옵니다."},
    "byteorder.wrong_little_endian": {
        "en": "Byte order: the little-endian bytes shown for {arg} are wrong: the least significant byte "
              "comes first.",
        "ko": "바이트 순서 문제: {arg}의 리틀 엔디언 바이트가 틀렸습니다. 가장 낮은 자리의 바이트가 먼저 "
              "옵니다."},
    "byteorder.wrong_htonl": {
        "en": "htonl({arg}) is wrong. This machine is {host_order}: htonl reorders the bytes so that the "
              "value's bytes in memory are in network order (a swap on a little-endian host, nothing on a "
              "big-endian one).",
        "ko": "htonl({arg})이(가) 틀렸습니다. 이 컴퓨터는 {host_order}입니다. htonl은 값이 메모리에서 "
              "네트워크 순서가 되도록 바이트를 재배치합니다 (리틀 엔디언 호스트에서는 뒤집고, 빅 엔디언 "
              "호스트에서는 그대로)."},
    "byteorder.wrong_htons": {
        "en": "htons({arg}) is wrong. This machine is {host_order}: htons reorders the 2 bytes of a 16-bit "
              "value (a swap on a little-endian host, nothing on a big-endian one).",
        "ko": "htons({arg})이(가) 틀렸습니다. 이 컴퓨터는 {host_order}입니다. htons는 16비트 값의 2바이트를 "
              "재배치합니다 (리틀 엔디언 호스트에서는 뒤집고, 빅 엔디언 호스트에서는 그대로)."},
    "byteorder.wrong_function": {
        "en": "The line for {arg} names the wrong function: htonl for 32-bit values, htons for 16-bit "
              "values.",
        "ko": "{arg}에 대한 줄의 함수 이름이 틀렸습니다. 32비트 값은 htonl, 16비트 값은 htons입니다."},
    "byteorder.wrong_host_order": {
        "en": "The program printed `host byte order: {shown}`, but this machine is {host_order}.",
        "ko": "`host byte order: {shown}`을(를) 출력했지만 이 컴퓨터는 {host_order}입니다."},
    "byteorder.accepted_bad_value": {
        "en": "`byteorder.py {args}` exited 0, but a value is not valid (negative, too wide for its width, "
              "or not a number): it must print an error on stderr and exit 1.",
        "ko": "`byteorder.py {args}`가 0으로 종료했지만 올바르지 않은 값(음수, 비트 폭 초과, 숫자 아님)이 "
              "있습니다. stderr에 오류를 출력하고 1로 종료해야 합니다."},
    "byteorder.silent_error": {
        "en": "`byteorder.py {args}` exited with an error but printed nothing on stderr.",
        "ko": "`byteorder.py {args}`가 오류로 종료했지만 stderr에 아무것도 출력하지 않았습니다."},
    "hint.byteorder.format": {
        "en": "one line per value, in the order given, exactly as labs/day1/README.md shows: 0x12345678 "
              "(32-bit): big-endian 12 34 56 78, little-endian 78 56 34 12, htonl 0x78563412",
        "ko": "값마다 한 줄씩, 주어진 순서대로, labs/day1/README.md의 형식 그대로: 0x12345678 (32-bit): "
              "big-endian 12 34 56 78, little-endian 78 56 34 12, htonl 0x78563412"},
    "hint.byteorder.to_bytes": {
        "en": "value.to_bytes(4, 'big') and value.to_bytes(4, 'little') (2 for a 16-bit value), or "
              "struct.pack('>I', value) and struct.pack('<I', value); bytes.hex(' ') prints them.",
        "ko": "value.to_bytes(4, 'big')와 value.to_bytes(4, 'little') (16비트 값은 2), 또는 "
              "struct.pack('>I', value)와 struct.pack('<I', value). bytes.hex(' ')로 출력하세요."},
    "hint.byteorder.htonl": {
        "en": "call socket.htonl(value) (socket.htons(value) for 16 bits) and print the result as hex: it "
              "depends on the machine, so compute it, never swap by hand.",
        "ko": "socket.htonl(value) (16비트는 socket.htons(value))를 호출해 16진수로 출력하세요. 결과는 "
              "컴퓨터에 따라 다르므로 직접 뒤집지 말고 계산하세요."},
    "hint.byteorder.host_order": {
        "en": "sys.byteorder tells the host's order ('little' or 'big'); or look at the first byte of "
              "struct.pack('=I', 1).",
        "ko": "sys.byteorder가 호스트 순서('little' 또는 'big')를 알려 줍니다. 또는 struct.pack('=I', 1)의 "
              "첫 바이트를 보세요."},
    "hint.byteorder.check_range": {
        "en": "check every value before printing: a decimal or 0x number, 0 <= value < 2**32 (2**16 with "
              ":16); otherwise print to stderr and sys.exit(1).",
        "ko": "출력하기 전에 모든 값을 확인하세요: 10진수 또는 0x 숫자, 0 <= 값 < 2**32 (:16이면 2**16). "
              "아니면 stderr에 출력하고 sys.exit(1)."},

    # -- fdcopy ---------------------------------------------------------------------------
    "fdcopy.wrong_copy": {
        "en": "After copying a {size}-byte file, DST holds {got_len} bytes that differ from the "
              "{expected_len} expected.",
        "ko": "{size}바이트 파일을 복사한 뒤 DST의 {got_len}바이트가 기대한 {expected_len}바이트와 "
              "다릅니다."},
    "fdcopy.wrong_count": {
        "en": "The program printed `copied {printed} bytes` for a {size}-byte file.",
        "ko": "{size}바이트 파일에 대해 `copied {printed} bytes`를 출력했습니다."},
    "fdcopy.not_truncated": {
        "en": "DST held {before} bytes; after copying {size} bytes over it (without --append) it holds "
              "{got_len} bytes instead of {expected_len}: the old contents were not cut off.",
        "ko": "DST에 {before}바이트가 있었고, 그 위에 {size}바이트를 복사한 뒤(--append 없이) "
              "{expected_len}바이트가 아니라 {got_len}바이트입니다. 이전 내용이 잘리지 않았습니다."},
    "fdcopy.not_appended": {
        "en": "With --append, DST ({before} bytes before) should hold {expected_len} bytes: its old contents "
              "and then SRC ({size} bytes); it holds {got_len}.",
        "ko": "--append이면 DST(원래 {before}바이트)는 원래 내용 뒤에 SRC({size}바이트)가 붙은 "
              "{expected_len}바이트여야 하는데 {got_len}바이트입니다."},
    "fdcopy.wrong_mode": {
        "en": "The new DST has mode {mode}, not 0644 (the program ran with umask 022).",
        "ko": "새 DST의 모드가 0644가 아니라 {mode}입니다 (umask 022로 실행)."},
    "fdcopy.silent_error": {
        "en": "With a missing SRC the program exited 1 but printed nothing on stderr.",
        "ko": "SRC가 없을 때 1로 종료했지만 stderr에 아무것도 출력하지 않았습니다."},
    "fdcopy.touched_dst": {
        "en": "With a missing SRC the program changed the existing DST: it opened (and truncated) DST before "
              "it knew SRC could be read.",
        "ko": "SRC가 없는데 기존 DST가 바뀌었습니다. SRC를 읽을 수 있는지 알기 전에 DST를 열어서 잘라 "
              "버렸습니다."},
    "fdcopy.created_dst": {
        "en": "With a missing SRC the program created DST anyway.",
        "ko": "SRC가 없는데도 DST를 만들었습니다."},
    "fdcopy.fifo_never_opened": {
        "en": "The program never opened SRC (a FIFO here) for reading (it was blocked in: {where}).",
        "ko": "SRC(여기서는 FIFO)를 읽기용으로 열지 않았습니다 (대기 중인 곳: {where})."},
    "fdcopy.fifo_never_read": {
        "en": "The program opened SRC (a FIFO here) but never waited in read() on it (it was blocked in: "
              "{where}). Read SRC with os.read(fd, 4096) until it returns b''.",
        "ko": "SRC(여기서는 FIFO)를 열었지만 read()로 읽으려 하지 않았습니다 (대기 중인 곳: {where}). "
              "os.read(fd, 4096)이 b''를 돌려줄 때까지 읽으세요."},
    "fdcopy.fifo_stalled": {
        "en": "From a FIFO holding {total} bytes the program wrote only {copied} bytes to DST within 10 s "
              "(it was blocked in: {where}).",
        "ko": "{total}바이트가 든 FIFO에서 10초 안에 DST로 {copied}바이트만 썼습니다 (대기 중인 곳: "
              "{where})."},
    "fdcopy.reads_too_big": {
        "en": "The program read {total} bytes in {calls} read() calls (about {average} bytes per call); at "
              "most 4096 bytes per call takes at least {needed} calls.",
        "ko": "{total}바이트를 read() {calls}번에 읽었습니다 (한 번에 약 {average}바이트). 한 번에 "
              "4096바이트까지만 읽으면 최소 {needed}번이 필요합니다."},
    "fdcopy.no_io_accounting": {
        "en": "socklab cannot read /proc/PID/io on this machine, so it cannot count read() calls "
              "(infrastructure error: {error}).",
        "ko": "이 컴퓨터에서 /proc/PID/io를 읽을 수 없어 read() 호출 수를 셀 수 없습니다 (인프라 오류: "
              "{error})."},
    "hint.fdcopy.binary": {
        "en": "copy bytes as they are: os.read() gives bytes, os.write() takes them; no decode(), no text "
              "mode, and loop until os.read() returns b''.",
        "ko": "바이트를 그대로 복사하세요. os.read()는 bytes를 주고 os.write()는 bytes를 받습니다. "
              "decode()나 텍스트 모드 없이, os.read()가 b''를 돌려줄 때까지 반복하세요."},
    "hint.fdcopy.count": {
        "en": "add up len(chunk) of every chunk read: total += len(chunk).",
        "ko": "읽은 조각마다 len(chunk)를 더하세요: total += len(chunk)."},
    "hint.fdcopy.trunc": {
        "en": "open DST with os.O_WRONLY | os.O_CREAT | os.O_TRUNC.",
        "ko": "DST를 os.O_WRONLY | os.O_CREAT | os.O_TRUNC로 여세요."},
    "hint.fdcopy.append": {
        "en": "with --append open DST with os.O_WRONLY | os.O_CREAT | os.O_APPEND (and no O_TRUNC).",
        "ko": "--append이면 DST를 os.O_WRONLY | os.O_CREAT | os.O_APPEND로 (O_TRUNC 없이) 여세요."},
    "hint.fdcopy.mode": {
        "en": "pass the mode when creating: os.open(dst, flags, 0o644); os.open's default is 0o777.",
        "ko": "만들 때 모드를 넘기세요: os.open(dst, flags, 0o644). os.open의 기본값은 0o777입니다."},
    "hint.fdcopy.open_src_first": {
        "en": "open SRC first; open (and so create or truncate) DST only once SRC is open.",
        "ko": "SRC를 먼저 여세요. DST는 SRC를 연 다음에 여세요 (열면 만들어지거나 잘립니다)."},
    "hint.fdcopy.bufsize": {
        "en": "ask for at most 4096 bytes per call: os.read(fd, 4096) in a loop.",
        "ko": "한 번에 최대 4096바이트만 요청하세요: 반복문 안에서 os.read(fd, 4096)."},

    # -- fdinfo ---------------------------------------------------------------------------
    "fdinfo.lines_missing": {
        "en": "The program did not print these lines: {missing}.",
        "ko": "다음 줄을 출력하지 않았습니다: {missing}."},
    "fdinfo.wrong_order": {
        "en": "The lines came as {shown}; expected file, then tcp, then udp.",
        "ko": "출력 순서가 {shown}입니다. file, tcp, udp 순서여야 합니다."},
    "fdinfo.wrong_numbers": {
        "en": "The descriptors shown are {shown}; with only 0, 1 and 2 open at start, a file, a TCP socket "
              "and a UDP socket opened in that order get 3, 4 and 5.",
        "ko": "출력한 디스크립터가 {shown}입니다. 시작할 때 0, 1, 2만 열려 있으면 파일, TCP 소켓, UDP 소켓을 "
              "차례로 열 때 3, 4, 5를 받습니다."},
    "hint.fdinfo.format": {
        "en": "print exactly `file: N`, `tcp: N` and `udp: N`, one per line, with N from os.open(...) and "
              "sock.fileno().",
        "ko": "`file: N`, `tcp: N`, `udp: N`을 한 줄씩 출력하세요. N은 os.open(...)과 sock.fileno()의 "
              "값입니다."},
    "hint.fdinfo.order": {
        "en": "open the file, then the TCP socket, then the UDP socket, and print them in that order.",
        "ko": "파일, TCP 소켓, UDP 소켓 순서로 열고 그 순서대로 출력하세요."},
    "hint.fdinfo.lowest_free": {
        "en": "each new descriptor is the lowest free number; open nothing else before them and close "
              "nothing in between.",
        "ko": "새 디스크립터는 비어 있는 가장 작은 번호입니다. 그 전에 다른 것을 열거나 사이에 닫지 마세요."},
}
