"""Messages of day 3's labs: UDP echo, file transfer with half-close, lookup, fork and wait."""

MESSAGES = {
    # echo_mpserver
    "mp.not_concurrent": {
        "en": "While one client was connected and silent, another client did not get its echo "
              "within 2 s (the server's main process was blocked in: {where}). A fork server must "
              "go back to accept() at once and let the child serve.",
        "ko": "한 클라이언트가 연결만 하고 조용히 있는 동안 다른 클라이언트가 2초 안에 에코를 받지 "
              "못했습니다 (서버의 부모 프로세스가 대기 중인 곳: {where}). fork 서버는 곧바로 accept()로 "
              "돌아가고 자식이 클라이언트를 처리해야 합니다."},
    "mp.served_by_parent": {
        "en": "The connection from port {port} was served by the server's main process (pids "
              "holding it: {owners}), not by a child created with fork() for it.",
        "ko": "{port}번 포트에서 온 연결을 fork()로 만든 자식이 아니라 서버의 부모 프로세스가 "
              "처리했습니다 (연결을 가진 프로세스: {owners})."},
    "mp.same_child_twice": {
        "en": "Two connections were served by the same child process ({pid}): each connection "
              "needs its own child.",
        "ko": "두 연결을 같은 자식 프로세스({pid})가 처리했습니다. 연결마다 자식 프로세스가 따로 "
              "있어야 합니다."},
    "mp.parent_keeps_connection": {
        "en": "The client half-closed and its child finished, but no end of stream came back "
              "(got {ended}): the parent still holds its copy of the connected socket, so the "
              "connection stays open after the child closes its own.",
        "ko": "클라이언트가 half-close하고 자식이 끝났는데도 스트림의 끝이 오지 않았습니다 ({ended}). "
              "부모가 연결 소켓 사본을 아직 가지고 있어서, 자식이 자기 사본을 닫아도 연결이 열려 "
              "있습니다."},
    "mp.no_eof_after_child": {
        "en": "The client half-closed (sent FIN) but never got end of stream back (got {ended}): "
              "the child should see recv() == b'', close the connection and exit.",
        "ko": "클라이언트가 half-close(FIN 전송)했지만 스트림의 끝을 받지 못했습니다 ({ended}). "
              "자식은 recv() == b''를 보고 연결을 닫은 뒤 종료해야 합니다."},
    "mp.child_keeps_listener": {
        "en": "Child process {pid} still holds the listening socket (descriptor(s) {fds}): if the "
              "parent dies, port {port} stays open and new clients wait forever in its queue.",
        "ko": "자식 프로세스 {pid}이(가) listen 소켓을 아직 가지고 있습니다 (디스크립터 {fds}). "
              "부모가 죽어도 {port}번 포트가 열린 채로 남아 새 클라이언트가 큐에서 끝없이 기다립니다."},
    "mp.port_still_listening": {
        "en": "After the parent was killed, port {port} was still listening (processes left: "
              "{pids}): a child kept the listening socket.",
        "ko": "부모를 강제 종료한 뒤에도 {port}번 포트가 listen 상태였습니다 (남은 프로세스: {pids}). "
              "자식이 listen 소켓을 닫지 않았습니다."},
    "mp.child_does_not_end": {
        "en": "Child process {pid} was still running 3 s after its client closed the connection.",
        "ko": "클라이언트가 연결을 닫고 3초가 지나도 자식 프로세스 {pid}이(가) 실행 중이었습니다."},
    "mp.zombie_left": {
        "en": "After client {clients} left, its child ({pids}) stayed a zombie for more than 1 s: "
              "the parent never collected its exit status.",
        "ko": "{clients}번째 클라이언트가 떠난 뒤 그 자식({pids})이 1초 넘게 좀비로 남았습니다. "
              "부모가 자식의 종료 상태를 거두지 않았습니다."},
    "mp.zombies_after_coalesced_sigchld": {
        "en": "{zombies} of {clients} children stayed zombies ({pids}). The grader stopped the "
              "server (SIGSTOP), let {clients} clients leave at once and resumed it (SIGCONT): "
              "signals do not queue, so the {clients} child exits arrived as ONE SIGCHLD, and a "
              "handler that calls waitpid() once reaps only one child.",
        "ko": "자식 {clients}개 중 {zombies}개가 좀비로 남았습니다 ({pids}). 채점기가 서버를 멈추고"
              "(SIGSTOP) 클라이언트 {clients}개를 한꺼번에 떠나게 한 뒤 다시 실행했습니다(SIGCONT). "
              "시그널은 쌓이지 않으므로 자식 {clients}개의 종료가 SIGCHLD 하나로 전달되었고, "
              "waitpid()를 한 번만 부르는 핸들러는 자식 하나만 거둡니다."},
    "mp.orphans_left": {
        "en": "{processes} process(es) of the server ({pids}) were still running after SIGTERM "
              "and after their client left.",
        "ko": "SIGTERM을 받고 클라이언트가 떠난 뒤에도 서버의 프로세스 {processes}개({pids})가 "
              "실행 중이었습니다."},

    "hint.mp_fork_per_client": {
        "en": "after accept(): pid = os.fork(); in the child (pid == 0) serve the client then "
              "os._exit(0); the parent closes conn and goes back to accept().",
        "ko": "accept() 다음에 pid = os.fork()를 호출하세요. 자식(pid == 0)은 클라이언트를 처리한 뒤 "
              "os._exit(0), 부모는 conn을 닫고 accept()로 돌아갑니다."},
    "hint.mp_parent_waits": {
        "en": "the parent must not call a blocking waitpid(pid, 0) after fork(): reap with "
              "WNOHANG (in a SIGCHLD handler) instead.",
        "ko": "부모는 fork() 뒤에 블로킹 waitpid(pid, 0)를 부르면 안 됩니다. 대신 SIGCHLD 핸들러에서 "
              "WNOHANG으로 거두세요."},
    "hint.mp_parent_close": {
        "en": "in the parent, right after fork(): conn.close(). The connection ends only when "
              "every process holding it has closed it.",
        "ko": "부모에서 fork() 직후 conn.close()를 호출하세요. 연결은 그것을 가진 모든 프로세스가 "
              "닫아야 끝납니다."},
    "hint.mp_child_close_listener": {
        "en": "in the child, first thing after fork(): close the listening socket "
              "(server.close()); the child only needs conn.",
        "ko": "자식에서 fork() 직후 listen 소켓을 닫으세요 (server.close()). 자식에게는 conn만 "
              "필요합니다."},
    "hint.mp_child_exit": {
        "en": "when recv() returns b'' the child closes conn and ends with os._exit(0).",
        "ko": "recv()가 b''를 돌려주면 자식은 conn을 닫고 os._exit(0)로 끝나야 합니다."},
    "hint.mp_reap": {
        "en": "reap finished children: signal.signal(signal.SIGCHLD, handler) with waitpid(-1, "
              "os.WNOHANG) in a loop, or signal.signal(signal.SIGCHLD, signal.SIG_IGN).",
        "ko": "끝난 자식을 거두세요: signal.signal(signal.SIGCHLD, handler)에서 waitpid(-1, "
              "os.WNOHANG)를 반복하거나, signal.signal(signal.SIGCHLD, signal.SIG_IGN)을 쓰세요."},
    "hint.mp_reap_loop": {
        "en": "in the SIGCHLD handler loop: while True: pid, _ = os.waitpid(-1, os.WNOHANG); stop "
              "when pid == 0 (or on ChildProcessError).",
        "ko": "SIGCHLD 핸들러 안에서 반복하세요: while True: pid, _ = os.waitpid(-1, os.WNOHANG); "
              "pid == 0이면 (또는 ChildProcessError이면) 멈춥니다."},
    # file_server
    "fs.file_differs": {
        "en": "The file did not arrive intact: {got_len} bytes received of the {expected_len} sent "
              "from FILE (then: {ended}).",
        "ko": "파일이 온전히 도착하지 않았습니다: FILE의 {expected_len}바이트 중 {got_len}바이트를 "
              "받았습니다 (그 다음: {ended})."},
    "fs.extra_bytes": {
        "en": "After the whole file, {count} more bytes arrived: send FILE's bytes and nothing else.",
        "ko": "파일 전체 뒤에 {count}바이트가 더 왔습니다. FILE의 바이트만 보내세요."},
    "fs.no_end_of_stream": {
        "en": "All {size} bytes of the file arrived, but no end of stream followed (the server was "
              "blocked in: {where}). Without shutdown(SHUT_WR) the client cannot know the file is "
              "over: both sides wait for each other.",
        "ko": "파일 {size}바이트는 모두 왔지만 스트림의 끝이 오지 않았습니다 (서버가 대기 중인 곳: "
              "{where}). shutdown(SHUT_WR)이 없으면 클라이언트는 파일이 끝났는지 알 수 없고, 두 쪽이 "
              "서로를 기다립니다."},
    "fs.reset_after_file": {
        "en": "The file arrived, but the connection then ended with a reset (RST) instead of end "
              "of stream (FIN).",
        "ko": "파일은 도착했지만 그 다음 연결이 스트림의 끝(FIN)이 아니라 리셋(RST)으로 끝났습니다."},
    "fs.closed_instead_of_shutdown": {
        "en": "End of stream came after the file, but the client's `Thank you` was answered with a "
              "reset (RST), not read: the server called close() instead of shutdown(SHUT_WR). "
              "close() gives up the socket in both directions; half-close stops only sending.",
        "ko": "파일 뒤에 스트림의 끝은 왔지만, 클라이언트의 `Thank you`는 읽히지 않고 리셋(RST)으로 "
              "돌아왔습니다. 서버가 shutdown(SHUT_WR) 대신 close()를 호출했습니다. close()는 양방향을 "
              "모두 닫고, half-close는 보내기만 멈춥니다."},
    "fs.shut_rdwr": {
        "en": "The server read end of stream before the client sent anything (it printed "
              "`Message from client: {printed}`): shutdown(SHUT_RDWR) also shuts the reading side, "
              "so the thanks can never be read.",
        "ko": "클라이언트가 아무것도 보내기 전에 서버가 스트림의 끝을 읽었습니다 (출력: "
              "`Message from client: {printed}`). shutdown(SHUT_RDWR)은 읽는 쪽도 닫기 때문에 "
              "감사 인사를 읽을 수 없습니다."},
    "fs.not_reading": {
        "en": "After the file and its end of stream, the server did not wait in recv() for the "
              "client's message (it was in: {where}).",
        "ko": "파일과 스트림의 끝을 보낸 뒤 서버가 recv()에서 클라이언트의 메시지를 기다리지 "
              "않았습니다 (대기 중인 곳: {where})."},
    "fs.wrong_message": {
        "en": "The server printed `Message from client: {got}` instead of `Message from client: "
              "Thank you`.",
        "ko": "서버가 `Message from client: Thank you` 대신 `Message from client: {got}`를 "
              "출력했습니다."},
    "fs.empty_file": {
        "en": "For an empty FILE the client should get end of stream (FIN) and no data; it got "
              "{ended}.",
        "ko": "빈 FILE이면 클라이언트는 데이터 없이 스트림의 끝(FIN)을 받아야 하는데 {ended}을(를) "
              "받았습니다."},

    "hint.fs_sendall": {
        "en": "read FILE in binary mode ('rb') until read() returns b'', and sendall() every chunk.",
        "ko": "FILE을 바이너리 모드('rb')로 read()가 b''를 돌려줄 때까지 읽고, 모든 조각을 "
              "sendall()하세요."},
    "hint.fs_shutdown_wr": {
        "en": "after the last byte: conn.shutdown(socket.SHUT_WR), then loop on conn.recv() until "
              "it returns b''; close only after that.",
        "ko": "마지막 바이트 다음에 conn.shutdown(socket.SHUT_WR)을 호출하고, conn.recv()가 b''를 "
              "돌려줄 때까지 반복해서 읽은 뒤에야 닫으세요."},
    "hint.fs_read_until_close": {
        "en": "one recv() is not one message: keep reading until recv() returns b'' (the client "
              "closed), then print what you read with trailing NULs, CR and LF removed "
              "(.rstrip(b'\\0\\r\\n')).",
        "ko": "recv() 한 번이 메시지 하나가 아닙니다. recv()가 b''를 돌려줄 때까지(클라이언트가 닫을 "
              "때까지) 읽고, 끝의 NUL, CR, LF를 지운 뒤 (.rstrip(b'\\0\\r\\n')) 출력하세요."},
    "hint.fs_empty": {
        "en": "an empty file is a file too: send nothing, shut down the sending side, read the "
              "thanks. (mmap cannot map an empty file.)",
        "ko": "빈 파일도 파일입니다. 아무것도 보내지 않고 보내는 쪽을 닫은 뒤 감사 인사를 읽으세요. "
              "(mmap은 빈 파일을 매핑할 수 없습니다.)"},

    # file_client
    "fc.no_outfile": {
        "en": "The client ended without creating OUTFILE ({path}).",
        "ko": "클라이언트가 OUTFILE({path})을 만들지 않고 끝났습니다."},
    "fc.file_differs": {
        "en": "OUTFILE differs from the file the server sent: {got_len} bytes saved, {expected_len} "
              "sent.",
        "ko": "OUTFILE이 서버가 보낸 파일과 다릅니다: {expected_len}바이트를 보냈는데 {got_len}바이트가 "
              "저장되었습니다."},
    "fc.thanks_too_early": {
        "en": "The client sent data before the server's end of stream (FIN): it did not wait for "
              "recv() to return b'' before saying thanks. The server had sent the whole file and "
              "the client sat in recv() when these bytes had already arrived.",
        "ko": "클라이언트가 서버의 스트림의 끝(FIN) 전에 데이터를 보냈습니다. recv()가 b''를 돌려줄 "
              "때까지 기다리지 않고 인사를 보냈습니다. 서버가 파일을 모두 보내고 클라이언트가 recv()에서 "
              "기다릴 때 이 바이트는 이미 도착해 있었습니다."},
    "fc.no_thanks": {
        "en": "After end of stream the server did not receive `Thank you`.",
        "ko": "스트림의 끝 다음에 서버가 `Thank you`를 받지 못했습니다."},
    "fc.does_not_close": {
        "en": "After sending the thanks the client did not close and exit (it was blocked in: "
              "{where}); the server waits for its end of stream.",
        "ko": "감사 인사를 보낸 뒤 클라이언트가 연결을 닫고 종료하지 않았습니다 (대기 중인 곳: "
              "{where}). 서버는 클라이언트의 스트림의 끝을 기다립니다."},
    "fc.not_closed_cleanly": {
        "en": "The client's connection ended with {ended} instead of an orderly close (FIN).",
        "ko": "클라이언트 연결이 정상 종료(FIN)가 아닌 {ended}(으)로 끝났습니다."},

    "hint.fc_write_binary": {
        "en": "open OUTFILE with 'wb' and write every chunk recv() returns, unchanged, until it "
              "returns b''.",
        "ko": "OUTFILE을 'wb'로 열고 recv()가 b''를 돌려줄 때까지 받은 조각을 그대로 모두 쓰세요."},
    "hint.fc_eof_then_thanks": {
        "en": "loop: data = sock.recv(N); if not data: break; write it. Only after the loop: "
              "sock.sendall(b'Thank you').",
        "ko": "반복: data = sock.recv(N); if not data: break; 파일에 쓰기. 반복이 끝난 뒤에만 "
              "sock.sendall(b'Thank you')."},
    "hint.fc_close": {
        "en": "after sendall(b'Thank you') close the socket (sock.close()) and exit; do not wait "
              "for the server first.",
        "ko": "sendall(b'Thank you') 다음에 소켓을 닫고 (sock.close()) 종료하세요. 서버를 먼저 "
              "기다리지 마세요."},

    # uecho_server / uecho_client
    "udp.no_reply": {
        "en": "No echo came back to the sender on port {port} within 2 s (server still running: "
              "{alive}).",
        "ko": "{port}번 포트의 송신자에게 2초 안에 에코가 돌아오지 않았습니다 (서버 실행 중: {alive})."},
    "udp.changed": {
        "en": "The echo differs from the datagram sent ({got_len} bytes back for {expected_len}).",
        "ko": "에코가 보낸 데이터그램과 다릅니다 ({expected_len}바이트를 보냈는데 {got_len}바이트가 "
              "돌아왔습니다)."},
    "udp.split": {
        "en": "Only the first {got_len} of {expected_len} bytes came back in the first datagram: "
              "the datagram was truncated or split. UDP keeps message boundaries: one datagram in, "
              "one datagram out.",
        "ko": "첫 데이터그램에 {expected_len}바이트 중 앞의 {got_len}바이트만 돌아왔습니다. "
              "데이터그램이 잘리거나 나뉘었습니다. UDP는 메시지 경계를 지킵니다: 하나 받으면 하나를 "
              "보냅니다."},
    "udp.wrong_sender": {
        "en": "Sender {sender} (port {port}) got a datagram that is not the echo of its own next "
              "datagram: with several clients, each echo must go to the address recvfrom() "
              "returned with that datagram.",
        "ko": "송신자 {sender}({port}번 포트)가 자기가 보낸 다음 데이터그램의 에코가 아닌 데이터그램을 "
              "받았습니다. 클라이언트가 여럿이면 각 에코는 그 데이터그램과 함께 recvfrom()이 돌려준 "
              "주소로 보내야 합니다."},
    "udp.died_on_empty": {
        "en": "The server ended (exit status {status}) after an empty datagram.",
        "ko": "빈 데이터그램을 받은 뒤 서버가 종료했습니다 (종료 상태 {status})."},
    "uclient.wrong_echo": {
        "en": "The client printed {got_len} characters instead of the {expected_len} of the echo.",
        "ko": "클라이언트가 에코의 {expected_len}자 대신 {got_len}자를 출력했습니다."},

    "hint.udp_whole_datagram": {
        "en": "recvfrom(bufsize) cuts a datagram longer than bufsize without an error: use a "
              "buffer of at least 4096 bytes, and send the echo with one sendto().",
        "ko": "recvfrom(bufsize)는 bufsize보다 긴 데이터그램을 오류 없이 잘라 냅니다. 4096바이트 이상의 "
              "버퍼를 쓰고, 에코는 sendto() 한 번으로 보내세요."},
    "hint.udp_reply_to_sender": {
        "en": "data, addr = sock.recvfrom(4096); sock.sendto(data, addr): reply to the addr of "
              "this datagram, never to a saved one.",
        "ko": "data, addr = sock.recvfrom(4096); sock.sendto(data, addr). 저장해 둔 주소가 아니라 "
              "이 데이터그램의 addr로 답하세요."},
    "hint.udp_empty": {
        "en": "an empty datagram is a datagram, not end of stream: UDP has no connection to end. "
              "Do not break out of the loop when recvfrom() returns b''.",
        "ko": "빈 데이터그램도 데이터그램이지 스트림의 끝이 아닙니다. UDP에는 끝낼 연결이 없습니다. "
              "recvfrom()이 b''를 돌려줘도 반복을 빠져나가지 마세요."},
    "hint.uclient_every_line": {
        "en": "send every line, even an empty one (its newline is a byte), and print every echo.",
        "ko": "빈 줄도 (줄바꿈도 한 바이트입니다) 모두 보내고 모든 에코를 출력하세요."},

    # wait_demo
    "wait.line_count": {
        "en": "Expected two lines `child PID exited with status S`, one per child; found {count}.",
        "ko": "자식마다 한 줄씩 `child PID exited with status S` 두 줄이 있어야 하는데 {count}줄이 "
              "있습니다."},
    "wait.raw_status": {
        "en": "Printed statuses {printed}, expected {expected}: {raw} is the raw status word from "
              "wait() (exit code × 256), not the exit status.",
        "ko": "출력한 상태는 {printed}, 기대한 값은 {expected}입니다. {raw}은(는) wait()가 돌려준 날 "
              "상태 값(종료 코드 × 256)이지 종료 상태가 아닙니다."},
    "wait.wrong_statuses": {
        "en": "Printed statuses {printed}, expected {expected} (the two values given on the "
              "command line).",
        "ko": "출력한 상태는 {printed}, 기대한 값은 명령행으로 준 두 값 {expected}입니다."},
    "wait.not_the_child": {
        "en": "Printed `child {pid} exited with status {status}`, but the children of process "
              "{parent} were: {children}.",
        "ko": "`child {pid} exited with status {status}`를 출력했지만 프로세스 {parent}의 자식은 "
              "{children}이었습니다."},
    "wait.not_reaped": {
        "en": "Child {pid} was never collected by the parent with wait()/waitpid(): it stayed a "
              "zombie until the parent ended.",
        "ko": "자식 {pid}을(를) 부모가 wait()/waitpid()로 거두지 않았습니다. 부모가 끝날 때까지 "
              "좀비로 남았습니다."},

    "hint.wait_wexitstatus": {
        "en": "pid, status = os.wait(); print os.WEXITSTATUS(status) (or "
              "os.waitstatus_to_exitcode(status)), not status itself.",
        "ko": "pid, status = os.wait() 다음에 status가 아니라 os.WEXITSTATUS(status) (또는 "
              "os.waitstatus_to_exitcode(status))를 출력하세요."},
    "hint.wait_pid_from_wait": {
        "en": "print the pid that os.wait()/os.waitpid() returns with that status: it names the "
              "child that ended. os.getpid() is the parent's own pid.",
        "ko": "os.wait()/os.waitpid()가 그 상태와 함께 돌려준 pid를 출력하세요. 그것이 끝난 자식의 "
              "pid입니다. os.getpid()는 부모 자신의 pid입니다."},
    "hint.wait_both": {
        "en": "call os.wait() (or os.waitpid(-1, 0)) once per child, and print after each.",
        "ko": "자식마다 한 번씩 os.wait() (또는 os.waitpid(-1, 0))를 호출하고, 그때마다 출력하세요."},

    # lookup
    "lookup.missing_lines": {
        "en": "For {query} the program did not print all of `Official name: NAME`, `Aliases: ...` "
              "(even when there are none) and at least one `IP addr: A.B.C.D`.",
        "ko": "{query}에 대해 `Official name: NAME`, `Aliases: ...`(별칭이 없어도) 그리고 "
              "`IP addr: A.B.C.D` 한 줄 이상을 모두 출력하지 않았습니다."},
    "lookup.wrong_addresses": {
        "en": "The addresses printed for {query} are not the ones the hosts file gives it.",
        "ko": "{query}에 대해 출력한 주소가 hosts 파일에 있는 주소와 다릅니다."},
    "lookup.wrong_official_name": {
        "en": "The official name printed for {query} is not one of its names in the hosts file.",
        "ko": "{query}에 대해 출력한 공식 이름이 hosts 파일의 이름이 아닙니다."},
    "lookup.not_reversed": {
        "en": "For the address 127.0.0.1 the official name should be the host name the reverse "
              "lookup finds, not the address itself.",
        "ko": "주소 127.0.0.1이면 공식 이름은 주소 자체가 아니라 역방향 조회로 찾은 호스트 이름이어야 "
              "합니다."},

    "hint.lookup_format": {
        "en": "name, aliases, addresses = socket.gethostbyname_ex(NAME); print the three parts, "
              "one `IP addr:` line per address; print `Aliases:` even when the list is empty.",
        "ko": "name, aliases, addresses = socket.gethostbyname_ex(NAME)의 세 부분을 출력하세요. "
              "주소마다 `IP addr:` 한 줄, 별칭 목록이 비어도 `Aliases:` 줄은 출력합니다."},
    "hint.lookup_all_addresses": {
        "en": "print every address of the list gethostbyname_ex() returns, not only the first.",
        "ko": "gethostbyname_ex()가 돌려준 목록의 첫 주소만이 아니라 모든 주소를 출력하세요."},
    "hint.lookup_reverse": {
        "en": "if socket.inet_pton(socket.AF_INET, arg) accepts the argument it is an address: "
              "use socket.gethostbyaddr(arg).",
        "ko": "socket.inet_pton(socket.AF_INET, arg)가 받아들이면 주소입니다. "
              "socket.gethostbyaddr(arg)를 쓰세요."},
}
