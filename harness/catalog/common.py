"""Messages of the harness itself, shared by every lab."""

MESSAGES = {
    # labels inside a feedback block
    "label.sent": {"en": "sent", "ko": "보낸 데이터"},
    "label.got": {"en": "got", "ko": "받은 데이터"},
    "label.expected": {"en": "expected", "ko": "기대한 데이터"},
    "label.hint": {"en": "hint", "ko": "힌트"},
    "label.output": {"en": "your program's output", "ko": "프로그램 출력"},
    "label.first_difference": {"en": "  first difference at byte {offset}",
                               "ko": "  처음으로 다른 위치: {offset}번째 바이트"},

    # the student's program and its output
    "output.line_missing": {
        "en": "{program} did not print the expected line within {seconds} s.",
        "ko": "{program}이(가) {seconds}초 안에 기대한 줄을 출력하지 않았습니다."},
    "output.line_missing_exited": {
        "en": "{program} ended (exit status {status}) without printing the expected line.",
        "ko": "{program}이(가) 기대한 줄을 출력하지 않고 종료했습니다 (종료 상태 {status})."},
    "output.traceback": {
        "en": "{program} printed a Python traceback; errors the lab expects must be handled "
              "with a clear message instead.",
        "ko": "{program}이(가) 파이썬 트레이스백을 출력했습니다. 예상되는 오류는 처리하고 "
              "알기 쉬운 메시지를 출력해야 합니다."},
    "exit.still_running": {
        "en": "{program} was still running {seconds} s after it should have ended "
              "(it was blocked in: {where}).",
        "ko": "{program}이(가) 끝나야 할 시점에서 {seconds}초가 지나도 실행 중이었습니다 "
              "(대기 중인 곳: {where})."},
    "exit.wrong_status": {
        "en": "{program} exited with status {status}; expected {expected_status}. "
              "(A negative status -N means it was killed by signal N.)",
        "ko": "{program}의 종료 상태가 {status}입니다. 기대한 값: {expected_status}. "
              "(음수 -N은 시그널 N으로 종료되었다는 뜻입니다.)"},

    # servers
    "server.exited_early": {
        "en": "{program} exited (status {status}) before it listened on its port.",
        "ko": "{program}이(가) 포트에서 listen하기 전에 종료했습니다 (종료 상태 {status})."},
    "server.exited_while_serving": {
        "en": "{program} is no longer running (exit status {status}): a server must keep serving "
              "clients until it is stopped.",
        "ko": "{program}이(가) 더 이상 실행 중이 아닙니다 (종료 상태 {status}). 서버는 종료될 때까지 "
              "계속 클라이언트를 처리해야 합니다."},
    "server.never_listened": {
        "en": "{program} never listened on port {port} (waited {seconds} s; it was blocked in: "
              "{where}). Call bind() and listen() on the port given as the first argument.",
        "ko": "{program}이(가) {port}번 포트에서 listen하지 않았습니다 ({seconds}초 대기, 대기 중인 "
              "곳: {where}). 첫 번째 인자로 받은 포트에 bind()와 listen()을 호출하세요."},
    "server.wrong_port": {
        "en": "{program} listens on port(s) {ports}, not on port {port} that it was given.",
        "ko": "{program}이(가) 인자로 받은 {port}번이 아닌 {ports}번 포트에서 listen합니다."},
    "hint.port_from_argv": {
        "en": "read the port from the command line: int(sys.argv[1]); never hard-code it.",
        "ko": "포트는 명령행에서 읽으세요: int(sys.argv[1]). 코드에 고정하지 마세요."},

    # network peers
    "net.refused": {"en": "Connection to {host}:{port} was refused: nothing listens there.",
                    "ko": "{host}:{port} 연결이 거부되었습니다. 그 포트에서 listen하는 프로그램이 없습니다."},
    "net.connect_failed": {"en": "Could not connect to {host}:{port}: {error}.",
                           "ko": "{host}:{port}에 연결할 수 없습니다: {error}."},
    "net.send_failed": {"en": "Sending to {peer} failed ({error}): it closed or reset the connection.",
                        "ko": "{peer}에게 보내기 실패 ({error}): 상대가 연결을 닫거나 리셋했습니다."},
    "net.unexpected_data": {"en": "{peer} sent bytes nobody asked for.",
                            "ko": "{peer}이(가) 요청하지 않은 데이터를 보냈습니다."},
    "net.wrong_bytes": {
        "en": "{peer} sent {got_len} bytes that differ from the {expected_len} expected.",
        "ko": "{peer}이(가) 보낸 {got_len}바이트가 기대한 {expected_len}바이트와 다릅니다."},
    "net.reply_short": {
        "en": "{peer} sent only {got_len} of the {expected_len} bytes expected, then: {ended} "
              "(waited {seconds} s).",
        "ko": "{peer}이(가) 기대한 {expected_len}바이트 중 {got_len}바이트만 보냈습니다. "
              "그 다음: {ended} ({seconds}초 대기)."},
    "net.no_eof": {
        "en": "{peer} did not close the connection properly: expected end of stream (FIN), "
              "got {ended} (waited {seconds} s).",
        "ko": "{peer}이(가) 연결을 정상적으로 닫지 않았습니다. 스트림의 끝(FIN)을 기대했지만 "
              "{ended}였습니다 ({seconds}초 대기)."},
    "net.unexpected_error": {
        "en": "The connection with your program failed unexpectedly: {error}.",
        "ko": "프로그램과의 연결이 예기치 않게 실패했습니다: {error}."},
    "net.client_never_connected": {
        "en": "The client never connected to the grader's server (waited {seconds} s).",
        "ko": "클라이언트가 채점기 서버에 연결하지 않았습니다 ({seconds}초 대기)."},

    # the lab and the checks
    "lab.file_missing": {
        "en": "{file} was not found in {folder}: this lab's checks could not run.",
        "ko": "{folder}에서 {file} 파일을 찾을 수 없습니다. 이 실습의 검사를 실행할 수 없습니다."},
    "check.not_run_missing": {"en": "not run: {file} is missing",
                              "ko": "실행 안 됨: {file} 파일이 없습니다"},
    "check.not_run_because": {"en": "not run: it needs \"{check}\", which did not pass",
                              "ko": "실행 안 됨: 먼저 통과해야 하는 \"{check}\" 검사가 실패했습니다"},
    "check.timed_out": {
        "en": "This check ran past its time limit: your program probably waits for something "
              "that never comes (a recv() on a closed connection, a missing newline...).",
        "ko": "이 검사가 제한 시간을 넘겼습니다. 프로그램이 오지 않는 무언가를 기다리고 있을 "
              "가능성이 큽니다 (닫힌 연결에서의 recv(), 빠진 줄바꿈 등)."},

    # files in the check's scratch folder (harness/safefs.py): what the program left there
    "scratch.not_regular": {
        "en": "{file} is not a plain file (it is: {kind}). socklab reads and writes only plain "
              "files in the scratch folder; it never follows a link there, nor opens a FIFO or a device.",
        "ko": "{file}은(는) 일반 파일이 아닙니다 (종류: {kind}). socklab은 작업 폴더에서 일반 파일만 "
              "읽고 쓰며, 그곳의 링크를 따라가거나 FIFO나 장치 파일을 열지 않습니다."},
    "scratch.too_large": {
        "en": "{file} holds more than {limit} bytes, far more than this check expects; socklab "
              "read no further.",
        "ko": "{file}의 크기가 {limit}바이트를 넘습니다. 이 검사가 기대하는 크기보다 훨씬 커서 "
              "socklab이 더 이상 읽지 않았습니다."},
    "hint.scratch_plain_file": {
        "en": "write your output into the file named on the command line (open(path, \"wb\") or "
              "os.open with O_CREAT); never replace it with a link, a FIFO or anything else.",
        "ko": "출력은 명령행에서 받은 이름의 파일에 쓰세요 (open(path, \"wb\") 또는 O_CREAT를 준 "
              "os.open). 그 파일을 링크나 FIFO 등 다른 것으로 바꾸지 마세요."},

    # socklab's own faults: never charged
    "harness.cannot_launch": {"en": "socklab could not launch {command}: {error}",
                              "ko": "socklab이 {command}을(를) 실행할 수 없었습니다: {error}"},
    "harness.no_free_port": {"en": "socklab found no free port after {tries} tries (infrastructure error).",
                             "ko": "socklab이 {tries}번 시도했지만 빈 포트를 찾지 못했습니다 (인프라 오류)."},
    "harness.port_retries_exhausted": {
        "en": "Other processes kept taking the ports socklab chose (infrastructure error).",
        "ko": "socklab이 고른 포트를 다른 프로세스가 계속 차지했습니다 (인프라 오류)."},
    "harness.no_lab_marker": {"en": "{test} does not say which lab it grades (socklab bug).",
                              "ko": "{test}에 어떤 실습을 채점하는지 표시되어 있지 않습니다 (socklab 버그)."},
    "harness.internal_error": {
        "en": "socklab itself failed in this check (not your fault; tell your instructor): {error}",
        "ko": "이 검사에서 socklab 자체가 실패했습니다 (학생 책임 아님, 강사에게 알려 주세요): {error}"},
    "harness.killed_leftovers": {
        "en": "socklab stopped processes your program left running: {processes}",
        "ko": "프로그램이 남겨 둔 프로세스를 socklab이 종료했습니다: {processes}"},
    "harness.fork_limit": {
        "en": "{program} tried to create more than {limit} processes and was stopped "
              "(a fork loop?). Each fork() must be followed by the child's exit.",
        "ko": "{program}이(가) {limit}개보다 많은 프로세스를 만들려다 중지되었습니다 (fork 무한 반복?). "
              "fork() 뒤에는 자식 프로세스가 반드시 종료해야 합니다."},
    "harness.out_of_memory": {
        "en": "[socklab] the kernel killed this program: out of memory (the submission may use "
              "{limit} MiB in all). Look for data that grows without bound, or children that "
              "each keep a large buffer.",
        "ko": "[socklab] 메모리 부족으로 커널이 이 프로그램을 종료했습니다 (제출물 전체에 {limit} MiB까지 "
              "허용). 끝없이 커지는 데이터나, 큰 버퍼를 각자 들고 있는 자식 프로세스가 없는지 확인하세요."},

    # reports
    "report.check": {"en": "check", "ko": "검사"},
    "report.points": {"en": "points", "ko": "점수"},
    "report.feedback": {"en": "feedback", "ko": "피드백"},
    "report.not_run": {"en": "not run", "ko": "실행 안 됨"},
    "report.all_passed": {"en": "All checks passed: {got}/{total} points.",
                          "ko": "모든 검사 통과: {got}/{total}점."},
    "report.total": {"en": "Total: {got}/{total} points.", "ko": "합계: {got}/{total}점."},
}
