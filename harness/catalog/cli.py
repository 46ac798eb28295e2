"""Messages of the command line."""

MESSAGES = {
    "grade.not_a_folder": {"en": "{path} is not a folder.", "ko": "{path}은(는) 폴더가 아닙니다."},
    "grade.duplicate_names": {
        "en": "Two submissions would be graded under the same name ({names}): rename one "
              "(e.g. kim/ and kim.zip) so that neither overwrites the other. Nothing was graded.",
        "ko": "두 제출물이 같은 이름({names})으로 채점됩니다. 서로 덮어쓰지 않도록 하나의 이름을 "
              "바꾸세요 (예: kim/과 kim.zip). 아무것도 채점하지 않았습니다."},
    "grade.unknown_regrade": {
        "en": "--regrade names no submission: {names}. Nothing was graded.",
        "ko": "--regrade에 지정한 제출물이 없습니다: {names}. 아무것도 채점하지 않았습니다."},
    "grade.no_such_path": {
        "en": "No such file or folder: {paths}. Nothing was graded.",
        "ko": "그런 파일이나 폴더가 없습니다: {paths}. 아무것도 채점하지 않았습니다."},
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
