"""Messages about the sandbox student programs run in."""

MESSAGES = {
    "harness.no_sandbox": {
        "en": "socklab cannot sandbox student programs here: {reason}.",
        "ko": "이 컴퓨터에서는 socklab이 학생 프로그램을 샌드박스에서 실행할 수 없습니다: {reason}."},
    "grade.needs_sandbox": {
        "en": "socklab grade runs untrusted code and will not run it unsandboxed: {reason}.\n"
              "Either install bubblewrap and run as root (apt-get install bubblewrap; "
              "dnf install bubblewrap), or grade in containers (--backend docker, after "
              "`socklab image build`), or, for code you trust, pass --trust-submissions.",
        "ko": "socklab grade는 신뢰할 수 없는 코드를 실행하므로 샌드박스 없이는 실행하지 "
              "않습니다: {reason}.\n"
              "bubblewrap을 설치하고 root로 실행하거나 (apt-get install bubblewrap; dnf install "
              "bubblewrap), 컨테이너에서 채점하거나 (`socklab image build` 후 --backend docker), "
              "믿을 수 있는 코드라면 --trust-submissions를 주세요."},
}
