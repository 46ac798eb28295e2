"""Messages of `socklab ci` (grading a pull request) and `socklab export-template`."""

MESSAGES = {
    "ci.heading": {"en": "socklab: {got} / {total} points ({percent}%)",
                   "ko": "socklab: {got} / {total}점 ({percent}%)"},
    "ci.points": {"en": "Points {got}/{total} ({percent}%)", "ko": "점수 {got}/{total} ({percent}%)"},
    "ci.col_lab": {"en": "lab", "ko": "실습"},
    "ci.col_points": {"en": "points", "ko": "점수"},
    "ci.col_passed": {"en": "checks passed", "ko": "통과한 검사"},
    "ci.col_check": {"en": "check", "ko": "검사"},
    "ci.col_feedback": {"en": "what went wrong (first line)", "ko": "문제 (첫 줄)"},
    "ci.failed_heading": {"en": "Checks that did not pass", "ko": "통과하지 못한 검사"},
    "ci.all_passed": {"en": "Every check passed.", "ko": "모든 검사를 통과했습니다."},
    "ci.details_heading": {"en": "What each check said", "ko": "검사별 피드백"},
    "ci.details_truncated": {
        "en": "… the feedback of {count} more checks is in report.txt in the socklab-reports artifact.",
        "ko": "… 검사 {count}개의 피드백은 socklab-reports 아티팩트의 report.txt에 있습니다."},
    "ci.truncated": {
        "en": "… and {count} more checks that did not pass: see report.txt in the socklab-reports artifact.",
        "ko": "… 통과하지 못한 검사가 {count}개 더 있습니다. socklab-reports 아티팩트의 "
              "report.txt를 보세요."},
    "ci.footer": {
        "en": "Graded by socklab {release} with its own checks; the full feedback is in the "
              "socklab-reports artifact (report.txt).",
        "ko": "socklab {release}이(가) 자체 검사로 채점했습니다. 전체 피드백은 socklab-reports "
              "아티팩트(report.txt)에 있습니다."},
    "ci.unverified_title": {"en": "Score unverified", "ko": "점수 검증되지 않음"},
    "ci.unverified_body": {
        "en": "This change touches files that grading depends on. The score below was computed "
              "with socklab {release}'s own checks, not with this repository's copies, and your "
              "instructor regrades every submission with pristine checks; undo these changes.",
        "ko": "이 변경은 채점에 쓰이는 파일을 건드립니다. 아래 점수는 이 저장소의 사본이 아니라 "
              "socklab {release}의 자체 검사로 계산되었으며, 강사는 모든 제출물을 원본 검사로 다시 "
              "채점합니다. 이 변경을 되돌리세요."},
    "ci.finding.changed": {"en": "{path} differs from the course's copy.",
                           "ko": "{path}이(가) 과목 원본과 다릅니다."},
    "ci.finding.added": {"en": "{path} was added; it could configure or replace the checks.",
                         "ko": "{path}이(가) 추가되었습니다. 검사를 설정하거나 바꿀 수 있는 파일입니다."},
    "ci.finding.removed": {"en": "{path} was removed.", "ko": "{path}이(가) 삭제되었습니다."},
    "ci.finding.in_pull_request": {"en": "{path} was changed by this pull request.",
                                   "ko": "이 pull request가 {path}을(를) 변경했습니다."},
    "ci.finding.other_release": {
        "en": "{path} installs a socklab other than the release the course pinned.",
        "ko": "{path}이(가) 과목이 지정한 것과 다른 socklab을 설치합니다."},
    "ci.finding.runner_file": {
        "en": "A graded program wrote to the runner's file {path}; its writes were undone.",
        "ko": "채점 중인 프로그램이 러너 파일 {path}에 썼습니다. 그 내용은 되돌렸습니다."},
    "ci.base_unknown": {
        "en": "The pull request's base commit is not in this clone (fetch-depth 0 is needed); "
              "only the files themselves were compared with the course's copies.",
        "ko": "이 클론에 pull request의 기준 커밋이 없습니다 (fetch-depth 0 필요). 파일 내용만 과목 "
              "원본과 비교했습니다."},
    "ci.no_labs": {"en": "{path} has no labs/ folder: is this a socklab student repository?",
                   "ko": "{path}에 labs/ 폴더가 없습니다. socklab 학생 저장소가 맞나요?"},
    "ci.untrusted_checks": {
        "en": "socklab would read its checks from {path}, inside the repository being graded; "
              "run the installed `socklab ci` (not `python -m` from the repository).",
        "ko": "socklab이 채점 대상 저장소 안의 {path}에서 검사를 읽게 됩니다. 저장소에서 `python -m`으로 "
              "실행하지 말고 설치된 `socklab ci`를 실행하세요."},
    "ci.written": {"en": "Reports written to {path} (summary, results.json, junit.xml, classroom.json)",
                   "ko": "보고서를 {path}에 저장했습니다 (요약, results.json, junit.xml, classroom.json)"},
    "export.not_empty": {"en": "{path} exists and is not empty; choose a new folder.",
                         "ko": "{path}이(가) 이미 있고 비어 있지 않습니다. 새 폴더를 지정하세요."},
    "export.bad_spec": {
        "en": "--socklab-spec '{spec}' is not a pip requirement socklab can pin (no quotes, "
              "spaces at the ends, $ or backslashes).",
        "ko": "--socklab-spec '{spec}'은(는) 고정할 수 있는 pip 요구사항이 아닙니다 (따옴표, $, "
              "백슬래시를 쓸 수 없습니다)."},
    "export.written": {
        "en": "Student repository written to {path} ({count} files; socklab pinned as {spec}).",
        "ko": "학생 저장소를 {path}에 만들었습니다 (파일 {count}개, socklab 고정: {spec})."},
}
