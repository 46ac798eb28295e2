"""Messages of the command line."""

MESSAGES = {
    "grade.not_a_folder": {"en": "{path} is not a folder.", "ko": "{path}은(는) 폴더가 아닙니다."},
    "grade.duplicate_names": {
        "en": "Two submissions have the same folder name; results would overwrite each other.",
        "ko": "두 제출물의 폴더 이름이 같습니다. 결과가 서로 덮어쓰게 됩니다."},
    "grade.written": {"en": "Reports written to {path}", "ko": "보고서를 {path}에 저장했습니다"},
    "grade.run_timed_out": {
        "en": "Grading this submission took longer than {seconds} s and was stopped; no check "
              "result could be kept (infrastructure error: regrade it).",
        "ko": "이 제출물 채점이 {seconds}초를 넘겨 중단되었습니다. 검사 결과를 보존하지 못했습니다 "
              "(인프라 오류: 다시 채점하세요)."},
    "grade.run_crashed": {
        "en": "The grading run ended (status {status}) without writing results "
              "(infrastructure error: regrade it).",
        "ko": "채점 실행이 결과를 쓰지 못하고 종료했습니다 (상태 {status}) (인프라 오류: 다시 채점하세요)."},
    "grade.unknown_lab": {
        "en": "No such lab: {labs}. Labs are named DAY/LAB: {known}.",
        "ko": "그런 실습이 없습니다: {labs}. 실습 이름은 DAY/LAB 형식입니다: {known}."},
}
