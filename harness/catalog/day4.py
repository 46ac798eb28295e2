"""Messages of day 4's labs: signals and pipes."""

MESSAGES = {
    # echo_mpserver (SIGCHLD)
    "mp4.no_child_per_client": {
        "en": "With {clients} client(s) connected the server had {children} live child "
              "process(es): each connection must be served by its own child.",
        "ko": "클라이언트 {clients}개가 연결된 상태에서 서버의 살아 있는 자식 프로세스는 "
              "{children}개였습니다. 연결마다 자식 프로세스 하나가 처리해야 합니다."},
    "mp4.child_not_reported": {
        "en": "The child {pid} served a client that then closed; within 2 s the server did not "
              "print `removed proc id: {pid}` ({zombies} zombie child(ren) at that moment).",
        "ko": "클라이언트를 처리한 자식 {pid}가 클라이언트 종료 후 끝났지만, 서버가 2초 안에 "
              "`removed proc id: {pid}`를 출력하지 않았습니다 (그때 좀비 자식 {zombies}개)."},
    "mp4.reported_twice": {
        "en": "The server printed `removed proc id: {pid}` {times} times; each child is reaped "
              "and reported exactly once.",
        "ko": "서버가 `removed proc id: {pid}`를 {times}번 출력했습니다. 자식마다 한 번만 회수하고 "
              "한 번만 출력해야 합니다."},
    "mp4.reported_unknown_pid": {
        "en": "The server printed `removed proc id` with {pids}, which is not one of the "
              "children that served the clients ({children}); the server itself is {server_pid}.",
        "ko": "서버가 `removed proc id`에 {pids}를 출력했는데, 이는 클라이언트를 처리한 자식 "
              "({children})이 아닙니다. 서버 자신의 PID는 {server_pid}입니다."},
    "mp4.zombies_left": {
        "en": "{zombies} zombie child(ren) remained 1 s after the {clients} clients left.",
        "ko": "클라이언트 {clients}개가 떠나고 1초 뒤에도 좀비 자식 {zombies}개가 남아 있었습니다."},
    "mp4.children_did_not_exit": {
        "en": "After {clients} clients closed their connections only {exited} of their "
              "children exited (waited 5 s): a child must exit when its client closes.",
        "ko": "클라이언트 {clients}개가 연결을 닫은 뒤 자식 중 {exited}개만 끝났습니다 (5초 대기). "
              "클라이언트가 연결을 닫으면 자식이 끝나야 합니다."},
    "mp4.coalesced_zombies": {
        "en": "{clients} children exited while the server was stopped, so their SIGCHLD signals "
              "arrived as one; 2 s later {zombies} of them were still zombies.",
        "ko": "서버가 멈춰 있는 동안 자식 {clients}개가 끝나서 SIGCHLD가 하나로 합쳐져 도착했습니다. "
              "2초 뒤에도 그중 {zombies}개가 좀비로 남아 있었습니다."},
    "mp4.coalesced_not_reported": {
        "en": "{clients} children exited while the server was stopped (their SIGCHLD signals "
              "merged into one); {missing} were never reported: {pids}.",
        "ko": "서버가 멈춰 있는 동안 자식 {clients}개가 끝났습니다 (SIGCHLD가 하나로 합쳐짐). "
              "그중 {missing}개는 출력되지 않았습니다: {pids}."},
    "mp4.sigterm_still_running": {
        "en": "The server was still running 2 s after SIGTERM (blocked in: {where}).",
        "ko": "SIGTERM을 받고 2초가 지나도 서버가 실행 중이었습니다 (대기 중인 곳: {where})."},
    "mp4.sigterm_status": {
        "en": "After SIGTERM the server ended with status {status}; it must exit with status 0 "
              "(a negative status -N means it was killed by signal N).",
        "ko": "SIGTERM을 받은 서버의 종료 상태가 {status}입니다. 상태 0으로 끝나야 합니다 "
              "(음수 -N은 시그널 N으로 죽었다는 뜻입니다)."},
    "mp4.sigterm_orphans": {
        "en": "The server exited but {processes} of its processes were still running 1 s later "
              "({clients} clients were connected): its children became orphans.",
        "ko": "서버는 끝났지만 1초 뒤에도 서버의 프로세스 {processes}개가 실행 중이었습니다 "
              "(클라이언트 {clients}개 연결 중). 자식들이 고아 프로세스가 되었습니다."},

    "hint.mp4_fork": {
        "en": "after accept(), fork(): the child closes the listening socket, serves the client "
              "and calls os._exit(0); the parent closes the connected socket and accepts again.",
        "ko": "accept() 후 fork()하세요. 자식은 listen 소켓을 닫고 클라이언트를 처리한 뒤 "
              "os._exit(0)을 호출하고, 부모는 연결 소켓을 닫고 다시 accept()합니다."},
    "hint.mp4_handler": {
        "en": "install a handler with signal.signal(signal.SIGCHLD, handler); in it call "
              "os.waitpid(-1, os.WNOHANG) and print the pid it returns.",
        "ko": "signal.signal(signal.SIGCHLD, handler)로 핸들러를 등록하고, 핸들러 안에서 "
              "os.waitpid(-1, os.WNOHANG)을 호출해 돌려받은 pid를 출력하세요."},
    "hint.mp4_once": {
        "en": "print only when waitpid() returns a pid greater than 0, once per reaped child.",
        "ko": "waitpid()가 0보다 큰 pid를 돌려줄 때만, 회수한 자식마다 한 번 출력하세요."},
    "hint.mp4_real_pid": {
        "en": "print the pid that os.waitpid() returns, not os.getpid() (that is the server's own).",
        "ko": "os.getpid()(서버 자신의 PID)가 아니라 os.waitpid()가 돌려준 pid를 출력하세요."},
    "hint.mp4_child_exit": {
        "en": "when recv() returns b'' the child must close the socket and exit (os._exit(0)).",
        "ko": "recv()가 b''를 돌려주면 자식은 소켓을 닫고 종료해야 합니다 (os._exit(0))."},
    "hint.mp4_loop": {
        "en": "signals do not queue: one SIGCHLD can stand for many exited children. Loop in the "
              "handler: while waitpid(-1, WNOHANG) returns a pid > 0, reap and print.",
        "ko": "시그널은 쌓이지 않습니다. SIGCHLD 하나가 여러 자식의 종료를 뜻할 수 있습니다. "
              "핸들러 안에서 waitpid(-1, WNOHANG)가 0보다 큰 pid를 돌려주는 동안 반복하세요."},
    "hint.mp4_sigterm": {
        "en": "install a SIGTERM handler that ends the children, waits for them, then calls "
              "sys.exit(0).",
        "ko": "SIGTERM 핸들러를 등록해 자식들을 끝내고 기다린 뒤 sys.exit(0)을 호출하세요."},
    "hint.mp4_sigterm_children": {
        "en": "remember the children's pids; on SIGTERM send each of them SIGTERM (os.kill) and "
              "wait for them before exiting.",
        "ko": "자식들의 pid를 기억해 두었다가 SIGTERM을 받으면 각 자식에게 SIGTERM을 보내고 "
              "(os.kill) 끝날 때까지 기다린 뒤 종료하세요."},
}

MESSAGES.update({
    # alarm
    "alarm.too_few_timeouts": {
        "en": "Only {got} `timeout!` line(s) after {seconds} s; expected at least {k}.",
        "ko": "{seconds}초가 지나도 `timeout!` 줄이 {got}개뿐입니다. 적어도 {k}개를 기대했습니다."},
    "alarm.too_few_timeouts_exited": {
        "en": "The program ended (status {status}) after only {got} `timeout!` line(s); "
              "expected at least {k}.",
        "ko": "`timeout!` 줄을 {got}개만 출력하고 프로그램이 끝났습니다 (종료 상태 {status}). "
              "적어도 {k}개를 기대했습니다."},
    "alarm.off_schedule": {
        "en": "The `timeout!` number {k} came {got} after `wait...`; with INTERVAL {interval} s "
              "it should come at {expected}.",
        "ko": "{k}번째 `timeout!`이 `wait...` 뒤 {got}에 나왔습니다. INTERVAL이 {interval}초이면 "
              "{expected}에 나와야 합니다."},
    "alarm.no_exit": {
        "en": "After {got} `timeout!` lines (COUNT was {count}) the program did not exit.",
        "ko": "`timeout!`을 {got}번 출력한 뒤에도 (COUNT는 {count}) 프로그램이 끝나지 않았습니다."},
    "alarm.wrong_count": {
        "en": "The program printed `timeout!` {got} times; COUNT was {count}.",
        "ko": "프로그램이 `timeout!`을 {got}번 출력했습니다. COUNT는 {count}였습니다."},
    "alarm.ctrl_c_missing": {
        "en": "After SIGINT number {sent} the program printed `CTRL+C pressed` only {got} "
              "time(s) (waited 2 s).",
        "ko": "{sent}번째 SIGINT 뒤에도 프로그램이 `CTRL+C pressed`를 {got}번만 출력했습니다 "
              "(2초 대기)."},
    "alarm.killed_by_sigint": {
        "en": "SIGINT ended the program (status {status}); it must print `CTRL+C pressed` and "
              "go on.",
        "ko": "SIGINT에 프로그램이 끝났습니다 (종료 상태 {status}). `CTRL+C pressed`를 출력하고 "
              "계속 실행해야 합니다."},
    "alarm.sigint_then_bad_exit": {
        "en": "After {sent} SIGINT signals the program did not end with status 0 once its "
              "`timeout!` lines were printed (status: {status}; None means still running).",
        "ko": "SIGINT를 {sent}번 받은 뒤, `timeout!`을 모두 출력하고도 상태 0으로 끝나지 "
              "않았습니다 (상태: {status}, None은 아직 실행 중)."},
    "alarm.sigint_shifted": {
        "en": "SIGINT shifted the schedule: `timeout!` number {k} came {got} after `wait...` "
              "instead of {expected} (INTERVAL {interval} s).",
        "ko": "SIGINT 때문에 일정이 밀렸습니다: {k}번째 `timeout!`이 `wait...` 뒤 {expected}가 "
              "아니라 {got}에 나왔습니다 (INTERVAL {interval}초)."},
    "alarm.busy_loop": {
        "en": "The program used {cpu} s of CPU in {wall} s ({percent}%): it waits in a busy loop.",
        "ko": "프로그램이 {wall}초 동안 CPU를 {cpu}초 사용했습니다 ({percent}%). 바쁜 대기(busy "
              "loop)로 기다리고 있습니다."},
    "alarm.bad_args_running": {
        "en": "With arguments {args} the program was still running after 3 s; it must print "
              "a usage message and exit 1 or 2.",
        "ko": "인자 {args}로 실행한 프로그램이 3초 뒤에도 실행 중이었습니다. 사용법을 출력하고 "
              "1 또는 2로 종료해야 합니다."},
    "alarm.bad_args_status": {
        "en": "With arguments {args} the program exited with status {status}; expected 1 or 2.",
        "ko": "인자 {args}로 실행한 프로그램의 종료 상태가 {status}입니다. 1 또는 2를 기대했습니다."},
    "alarm.bad_args_silent": {
        "en": "With arguments {args} the program exited without a message on stderr.",
        "ko": "인자 {args}로 실행한 프로그램이 stderr에 메시지 없이 종료했습니다."},

    "hint.alarm_setitimer": {
        "en": "signal.setitimer(signal.ITIMER_REAL, interval, interval) fires SIGALRM every "
              "interval seconds (signal.alarm() only counts whole seconds).",
        "ko": "signal.setitimer(signal.ITIMER_REAL, interval, interval)는 interval초마다 "
              "SIGALRM을 보냅니다 (signal.alarm()은 초 단위만 됩니다)."},
    "hint.alarm_count": {
        "en": "count the alarms in the SIGALRM handler; after COUNT, stop the timer and exit 0.",
        "ko": "SIGALRM 핸들러에서 횟수를 세고, COUNT번이 되면 타이머를 멈추고 0으로 종료하세요."},
    "hint.alarm_sigint": {
        "en": "signal.signal(signal.SIGINT, handler) with a handler that prints `CTRL+C pressed` "
              "and returns.",
        "ko": "signal.signal(signal.SIGINT, handler)로 `CTRL+C pressed`를 출력하고 돌아가는 "
              "핸들러를 등록하세요."},
    "hint.alarm_no_rearm": {
        "en": "arm a periodic timer once (setitimer with an interval) and do not re-arm it "
              "each time pause() returns: SIGINT also ends pause().",
        "ko": "주기 타이머는 한 번만 설정하세요 (간격을 준 setitimer). pause()가 돌아올 때마다 "
              "다시 설정하면 안 됩니다. SIGINT도 pause()를 끝냅니다."},
    "hint.alarm_pause": {
        "en": "wait with signal.pause() (or time.sleep()), not with a loop that keeps checking "
              "a variable.",
        "ko": "변수를 계속 확인하는 반복문이 아니라 signal.pause()(또는 time.sleep())로 기다리세요."},
    "hint.alarm_usage": {
        "en": "check the arguments first: print a usage message to stderr and sys.exit(2) when "
              "INTERVAL is not a number > 0 or COUNT not an integer ≥ 1.",
        "ko": "먼저 인자를 확인하세요. INTERVAL이 0보다 큰 수가 아니거나 COUNT가 1 이상의 정수가 "
              "아니면 stderr에 사용법을 출력하고 sys.exit(2) 하세요."},
})

MESSAGES.update({
    # pipe_talk
    "pipe.parent_read_own_message": {
        "en": "The parent printed its own answer instead of the child's question: it read back "
              "what it had written itself, through the one pipe both use.",
        "ko": "부모가 자식의 질문 대신 자신의 답을 출력했습니다. 둘이 함께 쓰는 파이프 하나로 "
              "자신이 쓴 내용을 다시 읽었습니다."},
    "pipe.parent_line_missing": {
        "en": "No line `parent: Who are you?` was printed (exit status {status}; None means "
              "still running after 5 s).",
        "ko": "`parent: Who are you?` 줄이 출력되지 않았습니다 (종료 상태 {status}, None은 5초 뒤에도 "
              "실행 중)."},
    "pipe.child_line_missing": {
        "en": "No line `child: Thank you for your message.` was printed (exit status {status}; "
              "None means still running after 5 s).",
        "ko": "`child: Thank you for your message.` 줄이 출력되지 않았습니다 (종료 상태 {status}, "
              "None은 5초 뒤에도 실행 중)."},
    "pipe.wrong_order": {
        "en": "The child printed the answer before the parent printed the question: the child "
              "cannot know the answer before the parent sends it.",
        "ko": "부모가 질문을 출력하기 전에 자식이 답을 출력했습니다. 부모가 보내기 전에는 자식이 "
              "답을 알 수 없습니다."},
    "pipe.no_fork": {
        "en": "Run where fork() is refused, the program still finished normally: it never "
              "forked, so no child talked to the parent.",
        "ko": "fork()가 거부되는 환경에서도 프로그램이 정상적으로 끝났습니다. fork()를 하지 않았으므로 "
              "부모와 대화한 자식이 없습니다."},
    "pipe.too_many_processes": {
        "en": "The program tried to run more than two processes at once (parent and one child).",
        "ko": "프로그램이 동시에 두 개(부모와 자식 하나)보다 많은 프로세스를 실행하려 했습니다."},
    "pipe.zombie_lingers": {
        "en": "After the child printed its line and exited, the parent kept running for 1 s "
              "with {zombies} zombie child(ren): it did not wait for its child.",
        "ko": "자식이 줄을 출력하고 끝난 뒤에도 부모가 좀비 자식 {zombies}개를 둔 채 1초 넘게 "
              "실행했습니다. 자식을 기다리지(wait) 않았습니다."},
    "pipe.orphan": {
        "en": "The parent exited while {processes} process(es) it started were still running.",
        "ko": "부모가 끝났을 때 부모가 만든 프로세스 {processes}개가 아직 실행 중이었습니다."},

    "hint.pipe_two_pipes": {
        "en": "a pipe goes one way: make two with os.pipe(), one parent→child and one "
              "child→parent, and close the ends each process does not use.",
        "ko": "파이프는 한 방향입니다. os.pipe()로 두 개(부모→자식, 자식→부모)를 만들고 각 "
              "프로세스가 쓰지 않는 끝은 닫으세요."},
    "hint.pipe_read_until_eof": {
        "en": "the parent reads the child's pipe with os.read() and prints `parent: ` and "
              "the message.",
        "ko": "부모는 자식 쪽 파이프를 os.read()로 읽고 `parent: `와 메시지를 출력하세요."},
    "hint.pipe_close_write_end": {
        "en": "after writing, close the write end (os.close) so the reader sees end of file; "
              "the child prints `child: ` and the answer.",
        "ko": "다 쓴 뒤 쓰기 끝을 닫아(os.close) 읽는 쪽이 파일의 끝을 보게 하세요. 자식은 "
              "`child: `와 답을 출력합니다."},
    "hint.pipe_fork": {
        "en": "call os.fork() once: the child (return value 0) talks to the parent and ends "
              "with os._exit(0).",
        "ko": "os.fork()를 한 번 호출하세요. 자식(반환값 0)은 부모와 대화한 뒤 os._exit(0)으로 "
              "끝납니다."},
    "hint.pipe_waitpid": {
        "en": "the parent calls os.waitpid(pid, 0) for its child before exiting, not a sleep.",
        "ko": "부모는 종료하기 전에 sleep이 아니라 os.waitpid(pid, 0)으로 자식을 기다리세요."},
})

MESSAGES.update({
    # echo_storeserver
    "store.log_differs": {
        "en": "LOGFILE does not hold exactly what the client sent (checked 1 s after the echo).",
        "ko": "LOGFILE의 내용이 클라이언트가 보낸 것과 정확히 같지 않습니다 (에코 1초 뒤 확인)."},
    "store.interleaved": {
        "en": "LOGFILE holds a line that no client sent ({lines} lines sent): lines of "
              "different clients were mixed.",
        "ko": "LOGFILE에 어떤 클라이언트도 보내지 않은 줄이 있습니다 (보낸 줄 {lines}개). "
              "여러 클라이언트의 줄이 섞였습니다."},
    "store.lost": {
        "en": "{lost} of the {lines} lines the clients sent were not in LOGFILE {seconds} s after "
              "their echo came back.",
        "ko": "클라이언트가 보낸 줄 {lines}개 중 {lost}개가 에코를 받고 {seconds}초 뒤에도 "
              "LOGFILE에 없었습니다."},
    "store.lost_on_sigterm": {
        "en": "After SIGTERM, {lost} of the {lines} lines the clients had sent were missing "
              "from LOGFILE: the writer must store everything left in the pipe before it ends.",
        "ko": "SIGTERM 뒤 클라이언트가 보낸 줄 {lines}개 중 {lost}개가 LOGFILE에 없었습니다. "
              "writer는 끝나기 전에 파이프에 남은 것을 모두 저장해야 합니다."},
    "store.duplicated": {
        "en": "A line appears more than once in LOGFILE.",
        "ko": "LOGFILE에 같은 줄이 두 번 이상 있습니다."},
    "store.out_of_order": {
        "en": "The lines of client {client} are not in LOGFILE in the order it sent them.",
        "ko": "클라이언트 {client}의 줄들이 보낸 순서대로 LOGFILE에 있지 않습니다."},
    "store.no_writer": {
        "en": "While listening, before any client, the server had {children} child "
              "process(es); expected exactly one: the writer.",
        "ko": "클라이언트가 접속하기 전 listen 중인 서버의 자식 프로세스가 {children}개였습니다. "
              "writer 하나만 있어야 합니다."},
    "store.sigterm_left_processes": {
        "en": "The server exited but {processes} of its processes were still running 1 s later.",
        "ko": "서버는 끝났지만 1초 뒤에도 서버의 프로세스 {processes}개가 실행 중이었습니다."},

    "hint.store_echo": {
        "en": "each client's child echoes what it receives (conn.sendall(data)) as well as "
              "passing it to the writer.",
        "ko": "각 클라이언트의 자식은 받은 데이터를 writer에 넘기는 것과 함께 그대로 돌려보내야 "
              "합니다 (conn.sendall(data))."},
    "hint.store_bytes": {
        "en": "write to the pipe and to LOGFILE exactly the bytes received: nothing added, no "
              "decoding; the writer writes as soon as it reads (os.write, no buffering).",
        "ko": "받은 바이트를 그대로 파이프와 LOGFILE에 쓰세요. 덧붙이거나 디코딩하지 말고, writer는 "
              "읽자마자 씁니다 (버퍼링 없는 os.write)."},
    "hint.store_one_write": {
        "en": "pass each line to the pipe with a single os.write(): writes of up to 4096 bytes "
              "(PIPE_BUF) are atomic, several smaller writes are not.",
        "ko": "각 줄을 os.write() 한 번으로 파이프에 쓰세요. 4096바이트(PIPE_BUF)까지의 쓰기는 "
              "원자적이지만, 여러 번 나눈 쓰기는 그렇지 않습니다."},
    "hint.store_writer_loop": {
        "en": "the writer loops until os.read() on the pipe returns b'' (every write end "
              "closed), not a fixed number of times.",
        "ko": "writer는 정해진 횟수가 아니라 파이프의 os.read()가 b''를 돌려줄 때까지(모든 쓰기 "
              "끝이 닫힐 때까지) 반복해야 합니다."},
    "hint.store_writer": {
        "en": "fork the writer child once, before the accept loop.",
        "ko": "writer 자식은 accept 반복문 전에 한 번만 fork하세요."},
    "hint.store_sigterm": {
        "en": "on SIGTERM: close the listening socket, end the clients' children, close the "
              "parent's write end of the pipe, and wait for every child (the writer ends at "
              "end of file, after storing everything), then sys.exit(0).",
        "ko": "SIGTERM을 받으면 listen 소켓을 닫고, 클라이언트 자식들을 끝내고, 부모의 파이프 쓰기 "
              "끝을 닫은 뒤 모든 자식을 기다리세요 (writer는 모두 저장한 뒤 파일의 끝에서 "
              "끝납니다). 그리고 sys.exit(0)."},
})
