"""Messages of day 2's calculator (op_server, op_client) and address conversion (inet_conv),
and of the byte-order diagnosis they share (``harness/byteorder.py``, keys ``order.*``)."""

MESSAGES = {
    # -- byte-order diagnosis of one 32-bit integer (harness/byteorder.py) ----------------
    "order.little_endian": {
        "en": "Byte order: the bytes {got_hex} are {value} in little-endian order. The integer was packed in "
              "little-endian (host) byte order instead of network byte order (big-endian), which is "
              "{expected_hex}.",
        "ko": "바이트 순서 문제: {got_hex}은(는) 리틀 엔디언으로 읽으면 {value}입니다. 정수를 네트워크 "
              "바이트 순서(빅 엔디언) {expected_hex}이(가) 아니라 리틀 엔디언(호스트 바이트 순서)으로 "
              "보냈습니다."},
    "order.wrong_value": {
        "en": "The bytes {got_hex} are {got_value} in network byte order (big-endian), not the expected "
              "{value} ({expected_hex}).",
        "ko": "{got_hex}은(는) 네트워크 바이트 순서(빅 엔디언)로 {got_value}이며, 기대한 값 {value} "
              "({expected_hex})이(가) 아닙니다."},
    "order.eight_bytes": {
        "en": "8 bytes came where one 4-byte integer was expected: {value} was packed as a 64-bit integer "
              "(big-endian, but 8 bytes: {got_hex}). A C int is 4 bytes: {expected_hex}.",
        "ko": "4바이트 정수 하나 대신 8바이트가 왔습니다. {value}을(를) 64비트 정수로 보냈습니다 (빅 "
              "엔디언이지만 8바이트: {got_hex}). C의 int는 4바이트입니다: {expected_hex}."},
    "order.eight_bytes_little_endian": {
        "en": "Byte order and size: {value} was sent as a 64-bit little-endian integer ({got_hex}) instead "
              "of 4 bytes in network byte order (big-endian): {expected_hex}.",
        "ko": "바이트 순서와 크기 문제: {value}을(를) 네트워크 바이트 순서(빅 엔디언) 4바이트 "
              "{expected_hex}이(가) 아니라 리틀 엔디언 64비트 정수({got_hex})로 보냈습니다."},
    "order.as_text": {
        "en": "The number was sent as text ({text!r}) instead of a 4-byte binary integer in network byte "
              "order: {expected_hex}.",
        "ko": "숫자를 네트워크 바이트 순서의 4바이트 이진 정수 {expected_hex}이(가) 아니라 "
              "텍스트({text!r})로 보냈습니다."},
    "order.wrong_length": {
        "en": "{got_len} bytes came where one 4-byte integer in network byte order was expected ({value}: "
              "{expected_hex}).",
        "ko": "네트워크 바이트 순서의 4바이트 정수 하나({value}: {expected_hex}) 대신 {got_len}바이트가 "
              "왔습니다."},
    "hint.order.pack_network": {
        "en": "pack with '!' (network order = big-endian): struct.pack('!i', value), and unpack with "
              "struct.unpack('!i', data)[0]. '<i' is little-endian and plain 'i' is the host's order "
              "(little-endian on x86 and ARM). The C way: htonl()/ntohl(); in Python socket.htonl(value & "
              "0xffffffff).",
        "ko": "'!'(네트워크 순서 = 빅 엔디언)로 변환하세요: struct.pack('!i', value), 받을 때는 "
              "struct.unpack('!i', data)[0]. '<i'는 리틀 엔디언, 접두사 없는 'i'는 호스트 순서입니다 (x86과 "
              "ARM에서는 리틀 엔디언). C에서는 htonl()/ntohl(), 파이썬에서는 socket.htonl(value & "
              "0xffffffff)."},
    "hint.order.four_bytes": {
        "en": "'!i' is exactly 4 bytes in network order; 'q' and native 'l' are 8 bytes.",
        "ko": "'!i'는 네트워크 순서의 정확히 4바이트입니다. 'q'와 네이티브 'l'은 8바이트입니다."},
    "hint.order.pack_not_text": {
        "en": "send the number as 4 binary bytes: struct.pack('!i', value), not str(value).encode().",
        "ko": "숫자를 4바이트 이진 데이터로 보내세요: str(value).encode()가 아니라 struct.pack('!i', "
              "value)."},

    # -- op_server ------------------------------------------------------------------------
    "calc.operands_read_little_endian": {
        "en": "Byte order: the reply {got_hex} is the result your server gets when it reads the operands in "
              "little-endian order: it read {operand} ({operand_hex}) as {operand_le}, and computed "
              "{misread_result}. The operands arrive in network byte order (big-endian); the right reply is "
              "{expected_hex} ({value}).",
        "ko": "바이트 순서 문제: 응답 {got_hex}은(는) 서버가 피연산자를 리틀 엔디언으로 읽었을 때의 "
              "결과입니다. {operand}({operand_hex})을(를) {operand_le}(으)로 읽어 {misread_result}을(를) "
              "계산했습니다. 피연산자는 네트워크 바이트 순서(빅 엔디언)로 옵니다. 올바른 응답은 "
              "{expected_hex} ({value})입니다."},
    "calc.server_little_endian": {
        "en": "Byte order: your server reads and writes integers in little-endian order. It read the operand "
              "{operand} ({operand_hex}) as {operand_le}, and sent its result in little-endian too "
              "({got_hex}). Both directions use network byte order (big-endian): the reply should be "
              "{expected_hex} ({value}).",
        "ko": "바이트 순서 문제: 서버가 정수를 리틀 엔디언으로 읽고 씁니다. 피연산자 "
              "{operand}({operand_hex})을(를) {operand_le}(으)로 읽었고, 결과도 리틀 엔디언({got_hex})으로 "
              "보냈습니다. 양쪽 모두 네트워크 바이트 순서(빅 엔디언)를 써야 합니다. 응답은 {expected_hex} "
              "({value})여야 합니다."},
    "hint.calc.unpack_network": {
        "en": "read each 4-byte integer with struct.unpack('!i', data)[0] ('!' = network order; '<i' and "
              "plain 'i' read little-endian on this machine), or socket.ntohl().",
        "ko": "4바이트 정수는 struct.unpack('!i', data)[0]으로 읽으세요 ('!' = 네트워크 순서, '<i'와 접두사 "
              "없는 'i'는 이 컴퓨터에서 리틀 엔디언으로 읽습니다). 또는 socket.ntohl()."},
    "hint.calc.network_both_ways": {
        "en": "use '!i' in struct.unpack (operands) and in struct.pack (result): '!' is network order, '<' "
              "and no prefix are little-endian here. With socket: socket.ntohl() on what you read, "
              "socket.htonl() on what you send.",
        "ko": "struct.unpack(피연산자)과 struct.pack(결과) 모두 '!i'를 쓰세요. '!'는 네트워크 순서이고 '<'와 "
              "접두사 없음은 여기서 리틀 엔디언입니다. socket 함수로는 읽은 값에 socket.ntohl(), 보낼 값에 "
              "socket.htonl()."},
    "calc.no_reply": {
        "en": "For the request {expression} ({request_len} bytes, all sent) the server sent no reply within "
              "{seconds} s and kept the connection open (it was blocked in: {where}): it waits for bytes "
              "that never come.",
        "ko": "요청 {expression} ({request_len}바이트, 모두 보냄)에 대해 서버가 {seconds}초 안에 응답하지 "
              "않고 연결을 열어 두었습니다 (대기 중인 곳: {where}). 오지 않을 바이트를 기다리고 있습니다."},
    "calc.closed_without_reply": {
        "en": "For the request {expression} the server closed the connection ({ended}) without a reply.",
        "ko": "요청 {expression}에 대해 서버가 응답 없이 연결을 닫았습니다 ({ended})."},
    "calc.server_died": {
        "en": "The server died (exit status {status}) on the request {expression}, without a reply.",
        "ko": "요청 {expression}을(를) 처리하다 서버가 응답 없이 종료했습니다 (종료 상태 {status})."},
    "calc.no_close_after_reply": {
        "en": "The server replied to {expression} but did not close the connection (waited {seconds} s): one "
              "request per connection, then close() and accept() the next client.",
        "ko": "서버가 {expression}에 응답했지만 연결을 닫지 않았습니다 ({seconds}초 대기). 연결 하나에 요청 "
              "하나입니다. 응답 후 close()하고 다음 클라이언트를 accept()하세요."},
    "calc.replied_to_bad_request": {
        "en": "The server replied to a request it must refuse ({what}): it must close the connection without "
              "a reply.",
        "ko": "서버가 거절해야 할 요청({what})에 응답했습니다. 응답 없이 연결을 닫아야 합니다."},
    "calc.kept_bad_request_open": {
        "en": "After a request it must refuse ({what}) the server kept the connection open (waited {seconds} "
              "s; it was blocked in: {where}): close it at once.",
        "ko": "거절해야 할 요청({what}) 뒤에 서버가 연결을 열어 두었습니다 ({seconds}초 대기, 대기 중인 곳: "
              "{where}). 바로 닫아야 합니다."},
    "calc.died_after_bad_request": {
        "en": "The server died (exit status {status}) after a request it must refuse ({what}); it must close "
              "that connection and go on serving.",
        "ko": "거절해야 할 요청({what}) 뒤에 서버가 종료했습니다 (종료 상태 {status}). 그 연결만 닫고 계속 "
              "서비스해야 합니다."},
    "calc.died_after_client_left": {
        "en": "The server died (exit status {status}) when a client left in the middle of its request "
              "({how}).",
        "ko": "클라이언트가 요청 도중에 떠나자 ({how}) 서버가 종료했습니다 (종료 상태 {status})."},
    "calc.fd_leak": {
        "en": "The server leaks descriptors: {before} open before {clients} requests, {after} after.",
        "ko": "서버가 디스크립터를 닫지 않습니다: 요청 {clients}개 전 {before}개, 후 {after}개."},
    "calc.no_reuseaddr": {
        "en": "After being killed, the server could not listen on port {port} again (Address already in "
              "use): the connections it closed are in TIME_WAIT.",
        "ko": "강제 종료된 뒤 서버가 {port}번 포트에서 다시 listen하지 못했습니다 (Address already in use). "
              "서버가 닫은 연결이 TIME_WAIT 상태입니다."},
    "hint.calc.read_exactly": {
        "en": "the request is 1 byte (count N), N × 4 bytes (operands), 1 byte (operator); read exactly that "
              "many, with a loop around recv() (one recv() may return fewer bytes).",
        "ko": "요청은 1바이트(개수 N), N × 4바이트(피연산자), 1바이트(연산자)입니다. recv()를 반복해서 "
              "정확히 그만큼 읽으세요 (recv() 한 번은 더 적게 돌려줄 수 있습니다)."},
    "hint.calc.recv_exact": {
        "en": "one recv() is not one request: write recv_exact(sock, n) that loops until it has n bytes (and "
              "stops at b''), and use it for the count, the operands and the operator.",
        "ko": "recv() 한 번이 요청 하나가 아닙니다. n바이트를 모을 때까지 반복하는 recv_exact(sock, n)을 "
              "만들고 (b''이면 중단), 개수, 피연산자, 연산자를 모두 그것으로 읽으세요."},
    "hint.calc.left_to_right": {
        "en": "the first operand is the start value; apply the operator to it and each next operand in turn: "
              "10 - 3 - 2 is (10 - 3) - 2 = 5.",
        "ko": "첫 피연산자가 시작 값입니다. 거기에 다음 피연산자를 차례로 적용하세요: 10 - 3 - 2는 (10 - 3) "
              "- 2 = 5."},
    "hint.calc.signed": {
        "en": "the integers are signed: '!i' (signed) both ways, not '!I' (unsigned), which cannot hold a "
              "negative number.",
        "ko": "정수는 부호가 있습니다. 양쪽 모두 '!i'(부호 있음)를 쓰세요. '!I'(부호 없음)는 음수를 담을 수 "
              "없습니다."},
    "hint.calc.wrap": {
        "en": "compute like a C int (32-bit two's complement): result = (result + 2**31) % 2**32 - 2**31, "
              "then struct.pack('!i', result). Python's integers never overflow by themselves.",
        "ko": "C의 int처럼 (32비트 2의 보수) 계산하세요: result = (result + 2**31) % 2**32 - 2**31 후 "
              "struct.pack('!i', result). 파이썬 정수는 저절로 넘치지 않습니다."},
    "hint.calc.count_unsigned": {
        "en": "the count is one unsigned byte, 1..255: data[0] or struct.unpack('!B', data)[0] ('!b' is "
              "signed: 255 would read as -1).",
        "ko": "개수는 부호 없는 1바이트(1..255)입니다: data[0] 또는 struct.unpack('!B', data)[0] ('!b'는 "
              "부호가 있어 255를 -1로 읽습니다)."},
    "hint.calc.refuse_bad_request": {
        "en": "check the count (1..255) and the operator (+, - or *) and, if either is wrong, close the "
              "connection without replying; then accept() the next client.",
        "ko": "개수(1..255)와 연산자(+, -, *)를 확인하고, 틀리면 응답하지 말고 연결을 닫은 뒤 다음 "
              "클라이언트를 accept()하세요."},
    "hint.calc.client_left": {
        "en": "when recv() returns b'' before the request is complete, or raises ConnectionResetError, drop "
              "that client and accept() the next one.",
        "ko": "요청이 끝나기 전에 recv()가 b''를 돌려주거나 ConnectionResetError가 나면 그 클라이언트를 "
              "버리고 다음 클라이언트를 accept()하세요."},
    "hint.calc.close_after_reply": {
        "en": "after sendall() of the 4-byte reply, close the connection (conn.close() or `with conn:`) and "
              "go back to accept().",
        "ko": "4바이트 응답을 sendall()한 뒤 연결을 닫고 (conn.close() 또는 `with conn:`) accept()로 "
              "돌아가세요."},

    # -- op_client ------------------------------------------------------------------------
    "calc.request_little_endian": {
        "en": "Byte order: your client sent the operands in little-endian order: {operand} went out as "
              "{operand_le_hex} instead of {operand_hex} (network byte order, big-endian).",
        "ko": "바이트 순서 문제: 클라이언트가 피연산자를 리틀 엔디언으로 보냈습니다. {operand}이(가) "
              "{operand_hex}(네트워크 바이트 순서, 빅 엔디언) 대신 {operand_le_hex}(으)로 나갔습니다."},
    "calc.request_count_4_bytes": {
        "en": "Your client sent the operand count as a 4-byte integer ({count_hex}); in the protocol the "
              "count is ONE byte ({count} = {count_byte}), followed by the operands.",
        "ko": "클라이언트가 피연산자 개수를 4바이트 정수({count_hex})로 보냈습니다. 프로토콜에서 개수는 "
              "1바이트({count} = {count_byte})이고 그 뒤에 피연산자가 옵니다."},
    "calc.request_count_4_bytes_little_endian": {
        "en": "Byte order and layout: your client sent the count as a 4-byte integer ({count_hex}) and the "
              "operands in little-endian order ({operand} as {operand_le_hex} instead of {operand_hex}). The "
              "count is one byte; operands are 4 bytes in network byte order (big-endian).",
        "ko": "바이트 순서와 형식 문제: 클라이언트가 개수를 4바이트 정수({count_hex})로, 피연산자를 리틀 "
              "엔디언({operand}을(를) {operand_hex}이(가) 아니라 {operand_le_hex})으로 보냈습니다. 개수는 "
              "1바이트, 피연산자는 네트워크 바이트 순서(빅 엔디언)의 4바이트입니다."},
    "calc.request_operands_8_bytes": {
        "en": "Your client sent each operand as an 8-byte integer; the protocol's operands are 4 bytes in "
              "network byte order ({operand} is {operand_hex}).",
        "ko": "클라이언트가 피연산자를 8바이트 정수로 보냈습니다. 프로토콜의 피연산자는 네트워크 바이트 "
              "순서의 4바이트입니다 ({operand}은(는) {operand_hex})."},
    "calc.request_nothing": {
        "en": "Your client connected but sent no request (the {expected_len} bytes expected).",
        "ko": "클라이언트가 연결했지만 요청({expected_len}바이트)을 보내지 않았습니다."},
    "calc.request_extra_bytes": {
        "en": "Your client sent the request and then {extra} byte(s) more ({extra_hex}): the request ends "
              "with the operator byte, with no newline or padding.",
        "ko": "클라이언트가 요청 뒤에 {extra}바이트를 더 보냈습니다 ({extra_hex}). 요청은 줄바꿈이나 채움 "
              "없이 연산자 바이트로 끝납니다."},
    "calc.request_short": {
        "en": "Your client sent only {got_len} of the {expected_len} request bytes (1 count byte, {count} × "
              "4 operand bytes, 1 operator byte).",
        "ko": "클라이언트가 요청 {expected_len}바이트 중 {got_len}바이트만 보냈습니다 (개수 1바이트, "
              "피연산자 {count} × 4바이트, 연산자 1바이트)."},
    "calc.request_as_text": {
        "en": "Your client sent the request as text ({text!r}); the protocol is binary: one count byte, "
              "4-byte operands in network byte order, one operator byte.",
        "ko": "클라이언트가 요청을 텍스트({text!r})로 보냈습니다. 프로토콜은 이진 형식입니다: 개수 1바이트, "
              "네트워크 바이트 순서의 4바이트 피연산자, 연산자 1바이트."},
    "calc.request_count_as_text": {
        "en": "Your client sent the operand count as the digit character '{count}' (byte {count_hex}) "
              "instead of the byte value {count} ({count_byte}).",
        "ko": "클라이언트가 피연산자 개수를 바이트 값 {count}({count_byte})이(가) 아니라 숫자 문자 "
              "'{count}'(바이트 {count_hex})로 보냈습니다."},
    "calc.request_wrong": {
        "en": "Your client's request ({got_len} bytes) differs from the expected {expected_len} bytes (1 "
              "count byte, {count} × 4 operand bytes in network byte order, 1 operator byte) from byte "
              "{offset} on.",
        "ko": "클라이언트의 요청({got_len}바이트)이 기대한 {expected_len}바이트(개수 1바이트, 네트워크 "
              "바이트 순서의 피연산자 {count} × 4바이트, 연산자 1바이트)와 {offset}번째 바이트부터 "
              "다릅니다."},
    "hint.calc.count_one_byte": {
        "en": "the count is one byte: bytes([n]) or struct.pack('!B', n); then struct.pack('!i', x) for each "
              "operand.",
        "ko": "개수는 1바이트입니다: bytes([n]) 또는 struct.pack('!B', n). 그 다음 각 피연산자에 "
              "struct.pack('!i', x)."},
    "hint.calc.request_layout": {
        "en": "build the request as bytes([n]) + struct.pack('!%di' % n, *operands) + operator.encode(): '!' "
              "is network byte order (big-endian).",
        "ko": "요청은 bytes([n]) + struct.pack('!%di' % n, *operands) + operator.encode()로 만드세요. '!'는 "
              "네트워크 바이트 순서(빅 엔디언)입니다."},
    "calc.result_decoded_little_endian": {
        "en": "Byte order: your client printed {printed}, which is the reply {reply_hex} read in "
              "little-endian order. The server sent {value} in network byte order (big-endian).",
        "ko": "바이트 순서 문제: 클라이언트가 출력한 {printed}은(는) 응답 {reply_hex}을(를) 리틀 엔디언으로 "
              "읽은 값입니다. 서버는 {value}을(를) 네트워크 바이트 순서(빅 엔디언)로 보냈습니다."},
    "calc.result_unsigned": {
        "en": "Your client printed {printed}: it read the reply {reply_hex} as an unsigned integer; the "
              "server sent the signed value {value}.",
        "ko": "클라이언트가 {printed}을(를) 출력했습니다. 응답 {reply_hex}을(를) 부호 없는 정수로 "
              "읽었습니다. 서버가 보낸 값은 부호 있는 {value}입니다."},
    "calc.result_wrong": {
        "en": "Your client printed {printed}; the server's reply {reply_hex} holds {value}.",
        "ko": "클라이언트가 {printed}을(를) 출력했습니다. 서버의 응답 {reply_hex}은(는) {value}입니다."},
    "calc.client_never_connected": {
        "en": "The client never connected to the grader's server (waited {seconds} s after its input).",
        "ko": "클라이언트가 채점기 서버에 연결하지 않았습니다 (입력 후 {seconds}초 대기)."},
    "calc.client_silent_failure": {
        "en": "The client exited with status {status} but printed nothing on stderr.",
        "ko": "클라이언트가 종료 상태 {status}(으)로 끝났지만 stderr에 아무것도 출력하지 않았습니다."},
    "hint.calc.recv_reply": {
        "en": "receive the reply with a loop until you have 4 bytes (one recv() may return fewer), then "
              "struct.unpack('!i', reply)[0].",
        "ko": "4바이트가 모일 때까지 recv()를 반복해서 응답을 받고 (recv() 한 번은 더 적게 돌려줄 수 "
              "있습니다), struct.unpack('!i', reply)[0]으로 읽으세요."},
    "hint.calc.check_input_range": {
        "en": "check the input before packing: the count is 1..255 and each operand -2147483648..2147483647; "
              "otherwise print a message to stderr and sys.exit(1).",
        "ko": "변환하기 전에 입력을 확인하세요: 개수는 1..255, 피연산자는 -2147483648..2147483647. 벗어나면 "
              "stderr에 메시지를 출력하고 sys.exit(1)."},
    "hint.calc.server_left": {
        "en": "when recv() returns b'' before the 4 reply bytes came, the server is gone: print that to "
              "stderr and sys.exit(1).",
        "ko": "응답 4바이트가 오기 전에 recv()가 b''를 돌려주면 서버가 떠난 것입니다. stderr에 알리고 "
              "sys.exit(1)."},

    # -- inet_conv ------------------------------------------------------------------------
    "inet.wrong_output": {
        "en": "`inet_conv.py {command} {arg}` printed {shown!r}; expected {wanted}.",
        "ko": "`inet_conv.py {command} {arg}`의 출력이 {shown!r}입니다. 기대한 값: {wanted}."},
    "inet.no_output": {
        "en": "`inet_conv.py {command} {arg}` printed nothing on stdout; expected {wanted}.",
        "ko": "`inet_conv.py {command} {arg}`가 stdout에 아무것도 출력하지 않았습니다. 기대한 값: {wanted}."},
    "inet.host_order": {
        "en": "Byte order: `inet_conv.py {command} {arg}` printed {shown}, the bytes in host (little-endian) "
              "order; in network byte order it is {wanted}.",
        "ko": "바이트 순서 문제: `inet_conv.py {command} {arg}`가 호스트(리틀 엔디언) 순서의 {shown}을(를) "
              "출력했습니다. 네트워크 바이트 순서로는 {wanted}입니다."},
    "inet.accepted_invalid": {
        "en": "`inet_conv.py {command} {arg}` exited 0 (it printed {shown!r}), but {arg} is not valid input: "
              "it must print an error on stderr and exit with status 1.",
        "ko": "`inet_conv.py {command} {arg}`가 {shown!r}을(를) 출력하고 0으로 종료했지만 {arg}은(는) 올바른 "
              "입력이 아닙니다. stderr에 오류를 출력하고 종료 상태 1로 끝나야 합니다."},
    "inet.silent_rejection": {
        "en": "`inet_conv.py {command} {arg}` exited 1 but printed nothing on stderr.",
        "ko": "`inet_conv.py {command} {arg}`가 1로 종료했지만 stderr에 아무것도 출력하지 않았습니다."},
    "hint.inet.aton_network_order": {
        "en": "struct.unpack('!I', socket.inet_pton(socket.AF_INET, text))[0] gives the value in network "
              "order; print it as f'0x{{value:08x}}'.",
        "ko": "struct.unpack('!I', socket.inet_pton(socket.AF_INET, text))[0]이 네트워크 순서의 값입니다. "
              "f'0x{{value:08x}}'로 출력하세요."},
    "hint.inet.ntoa_network_order": {
        "en": "socket.inet_ntop(socket.AF_INET, struct.pack('!I', value)): '!' puts the first byte of the "
              "address first.",
        "ko": "socket.inet_ntop(socket.AF_INET, struct.pack('!I', value)): '!'는 주소의 첫 바이트를 맨 앞에 "
              "둡니다."},
    "hint.inet.hex32": {
        "en": "print the 16 bytes as exactly 32 hex digits, leading zeros included: packed.hex().",
        "ko": "16바이트를 앞의 0까지 포함해 정확히 32자리 16진수로 출력하세요: packed.hex()."},
    "hint.inet.rfc5952": {
        "en": "RFC 5952: lowercase, no leading zeros in a group, the longest run of two or more zero groups "
              "(the first one if tied) becomes '::', a single zero group stays 0, and an IPv4-mapped address "
              "ends in dotted form (::ffff:1.2.3.4). socket.inet_ntop(AF_INET6, packed) does all of this.",
        "ko": "RFC 5952: 소문자, 그룹 앞의 0 생략, 두 개 이상 연속된 0 그룹 중 가장 긴 것(같으면 앞의 것)을 "
              "'::'로, 0 그룹 하나는 0 그대로, IPv4 매핑 주소는 점 표기로 끝냅니다 (::ffff:1.2.3.4). "
              "socket.inet_ntop(AF_INET6, packed)이 모두 처리합니다."},
    "hint.inet.octet_range": {
        "en": "each of the four numbers is 0..255: use socket.inet_pton(socket.AF_INET, text), which raises "
              "OSError for invalid input.",
        "ko": "네 숫자는 각각 0..255입니다. 잘못된 입력에 OSError를 내는 socket.inet_pton(socket.AF_INET, "
              "text)을 쓰세요."},
    "hint.inet.four_parts": {
        "en": "a dotted IPv4 address has exactly four parts; socket.inet_aton() also accepts '1.2.3' or '1', "
              "socket.inet_pton(socket.AF_INET, text) does not.",
        "ko": "점 표기 IPv4 주소는 정확히 네 부분입니다. socket.inet_aton()은 '1.2.3'이나 '1'도 받지만 "
              "socket.inet_pton(socket.AF_INET, text)은 받지 않습니다."},
    "hint.inet.leading_zero": {
        "en": "a part with a leading zero is ambiguous (inet_aton reads 010 as octal 8): reject it, as "
              "socket.inet_pton(socket.AF_INET, text) does.",
        "ko": "앞에 0이 붙은 부분은 모호합니다 (inet_aton은 010을 8진수 8로 읽습니다). "
              "socket.inet_pton(socket.AF_INET, text)처럼 거절하세요."},
    "hint.inet.value32": {
        "en": "the value is 0..4294967295, in decimal or as 0x and 1 to 8 hex digits.",
        "ko": "값은 0..4294967295이며 10진수 또는 0x와 16진수 1~8자리로 씁니다."},
    "hint.inet.ipv6_syntax": {
        "en": "IPv6 text: up to 8 groups of 1 to 4 hex digits, at most one '::', an optional dotted IPv4 "
              "address at the end; use socket.inet_pton(socket.AF_INET6, text).",
        "ko": "IPv6 표기: 1~4자리 16진수 그룹 최대 8개, '::'는 한 번까지, 끝에 점 표기 IPv4 주소 가능. "
              "socket.inet_pton(socket.AF_INET6, text)을 쓰세요."},
    "hint.inet.hex32_input": {
        "en": "ntop6 takes exactly 32 hex digits (16 bytes); check the length before converting.",
        "ko": "ntop6은 정확히 32자리 16진수(16바이트)를 받습니다. 변환 전에 길이를 확인하세요."},
}
