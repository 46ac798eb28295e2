"""Messages of day 2's echo labs (the calculator's are in day2_calc)."""

MESSAGES = {
    "echo.not_all_interfaces": {
        "en": "The server listens only on {addresses}; it must listen on all interfaces so it "
              "is reachable from other hosts (and inside a container).",
        "ko": "서버가 {addresses}에서만 listen합니다. 다른 호스트(그리고 컨테이너 안)에서도 접속할 수 "
              "있도록 모든 인터페이스에서 listen해야 합니다."},
    "echo.died_after_reset": {
        "en": "The server died (exit status {status}) when a client reset its connection (RST).",
        "ko": "클라이언트가 연결을 리셋(RST)하자 서버가 종료했습니다 (종료 상태 {status})."},
    "echo.died_after_vanish": {
        "en": "The server died (exit status {status}) when a client vanished while its echo "
              "was being sent.",
        "ko": "에코를 보내는 도중 클라이언트가 사라지자 서버가 종료했습니다 (종료 상태 {status})."},
    "echo.not_echoing_while_reading": {
        "en": "The server did not keep echoing while a client kept sending (it never blocked "
              "in sendall() with a full buffer).",
        "ko": "클라이언트가 계속 보내는 동안 서버가 에코하지 않았습니다 (버퍼가 가득 찬 상태에서 "
              "sendall()에서 대기하지 않았습니다)."},
    "echo.fd_leak": {
        "en": "The server leaks descriptors: {before} open before {clients} clients, {after} after.",
        "ko": "서버가 디스크립터를 닫지 않습니다: 클라이언트 {clients}개 전 {before}개, 후 {after}개."},
    "echo.no_reuseaddr": {
        "en": "After being killed with a client connected, the server could not listen on port "
              "{port} again (Address already in use): the old connection is in TIME_WAIT.",
        "ko": "클라이언트가 연결된 상태에서 강제 종료된 뒤, 서버가 {port}번 포트에서 다시 listen하지 "
              "못했습니다 (Address already in use). 이전 연결이 TIME_WAIT 상태입니다."},
    "echo.ignores_sigterm": {
        "en": "The server was still running 2 s after SIGTERM (blocked in: {where}).",
        "ko": "SIGTERM을 받고 2초가 지나도 서버가 실행 중이었습니다 (대기 중인 곳: {where})."},
    "echo.left_processes": {
        "en": "{processes} process(es) of the server were still running 1 s after it ended.",
        "ko": "서버가 끝나고 1초 뒤에도 서버의 프로세스 {processes}개가 실행 중이었습니다."},
    "echo_client.partial_echo": {
        "en": "The client printed only part of the echo: the server sent it in pieces and the "
              "client printed after the first recv().",
        "ko": "클라이언트가 에코의 일부만 출력했습니다. 서버가 조각내어 보냈는데 첫 번째 recv() "
              "결과만 출력했습니다."},
    "echo_client.long_line": {
        "en": "For an 8 KiB line the client printed {got_len} characters instead of {expected_len}.",
        "ko": "8 KiB 줄에 대해 클라이언트가 {expected_len}자 대신 {got_len}자를 출력했습니다."},
    "echo_client.ignores_quit": {
        "en": "The client did not exit after the line \"{word}\".",
        "ko": "\"{word}\" 줄을 입력한 뒤에도 클라이언트가 종료하지 않았습니다."},
    "echo_client.reset_on_quit": {
        "en": "The client's connection ended with {ended} instead of an orderly close (FIN).",
        "ko": "클라이언트 연결이 정상 종료(FIN)가 아닌 {ended}(으)로 끝났습니다."},
    "echo_client.silent_failure": {
        "en": "The client exited with an error but printed nothing on stderr.",
        "ko": "클라이언트가 오류로 종료했지만 stderr에 아무것도 출력하지 않았습니다."},

    "hint.bind_any": {"en": "bind to ('', port) or ('0.0.0.0', port), not '127.0.0.1'.",
                      "ko": "'127.0.0.1'이 아니라 ('', port) 또는 ('0.0.0.0', port)에 bind하세요."},
    "hint.echo_binary": {
        "en": "echo the bytes you received as they are: no .decode(), .strip() or added newline.",
        "ko": "받은 바이트를 그대로 돌려보내세요. .decode(), .strip(), 줄바꿈 추가 없이."},
    "hint.echo_loop": {
        "en": "loop: data = conn.recv(N); if not data: break; conn.sendall(data). One recv() "
              "is not one message.",
        "ko": "반복하세요: data = conn.recv(N); if not data: break; conn.sendall(data). "
              "recv() 한 번이 메시지 하나가 아닙니다."},
    "hint.accept_loop": {
        "en": "after a client closes, go back to accept() for the next one; keep the listening "
              "socket open.",
        "ko": "클라이언트가 연결을 닫으면 다시 accept()로 돌아가 다음 클라이언트를 받으세요. "
              "listen 소켓은 닫지 마세요."},
    "hint.catch_reset": {
        "en": "catch ConnectionResetError around recv() and go on with the next client.",
        "ko": "recv() 주변에서 ConnectionResetError를 잡고 다음 클라이언트로 넘어가세요."},
    "hint.catch_send_errors": {
        "en": "catch BrokenPipeError and ConnectionResetError around sendall().",
        "ko": "sendall() 주변에서 BrokenPipeError와 ConnectionResetError를 잡으세요."},
    "hint.close_conn": {
        "en": "close each accepted socket when its client is done (conn.close() or `with conn:`).",
        "ko": "클라이언트 처리가 끝나면 accept한 소켓을 닫으세요 (conn.close() 또는 `with conn:`)."},
    "hint.reuseaddr": {
        "en": "set SO_REUSEADDR before bind(): "
              "sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1).",
        "ko": "bind() 전에 SO_REUSEADDR를 설정하세요: "
              "sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)."},
    "hint.recv_until_len": {
        "en": "keep calling recv() until you have as many bytes as you sent.",
        "ko": "보낸 만큼의 바이트를 모두 받을 때까지 recv()를 반복하세요."},
    "hint.read_whole_line": {
        "en": "read the whole line (sys.stdin.readline() or input()) and receive all of its echo.",
        "ko": "줄 전체를 읽고 (sys.stdin.readline() 또는 input()) 그 에코를 모두 받으세요."},
    "hint.quit_word": {
        "en": "compare the line with surrounding whitespace stripped: line.strip() in ('q', 'Q').",
        "ko": "앞뒤 공백을 제거하고 비교하세요: line.strip() in ('q', 'Q')."},
    "hint.say_why_on_stderr": {
        "en": "print the reason to stderr: print(..., file=sys.stderr), then sys.exit(1).",
        "ko": "이유를 stderr에 출력하세요: print(..., file=sys.stderr) 후 sys.exit(1)."},
}
