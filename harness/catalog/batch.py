"""Messages of batch grading and its reports."""

MESSAGES = {
    "report.your_submission": {"en": "your submission", "ko": "제출물"},
    "report.hidden": {"en": "hidden until the due date", "ko": "마감 후 공개"},
    "class.title": {"en": "Class results", "ko": "반 전체 결과"},
    "class.summary": {"en": "{students} submissions graded.", "ko": "제출물 {students}개를 채점했습니다."},
    "class.pass_rates": {"en": "Checks by pass rate (most failed first: what to re-teach)",
                         "ko": "검사별 통과율 (가장 많이 실패한 것부터: 다시 가르칠 내용)"},
    "class.passed": {"en": "passed", "ko": "통과"},
    "class.students": {"en": "Students", "ko": "학생"},
    "batch.refused": {"en": "This submission could not be graded: {reason}.",
                      "ko": "이 제출물은 채점할 수 없습니다: {reason}."},
    "batch.progress": {"en": "grading", "ko": "채점 중"},
    "batch.failures": {"en": "{count} not ok", "ko": "문제 {count}건"},
    "batch.done": {
        "en": "{graded} graded, {skipped} unchanged since the last run, {problems} with a grading problem, "
              "in {seconds} s.\nGradebook: {gradebook}\nClass page: {class_page}",
        "ko": "{graded}개 채점, {skipped}개는 지난 실행 이후 변경 없음, {problems}개는 채점 문제 "
              "({seconds}초).\n성적표: {gradebook}\n반 전체 페이지: {class_page}"},
    "batch.interrupted": {
        "en": "Interrupted: {graded} of {total} submissions graded, their files and the gradebook "
              "written ({gradebook}). Run the same command again to grade the rest (what was graded "
              "is kept).",
        "ko": "중단됨: 제출물 {total}개 중 {graded}개를 채점했고 그 파일과 성적표를 저장했습니다 "
              "({gradebook}). 같은 명령을 다시 실행하면 나머지를 채점합니다 (채점한 것은 유지됩니다)."},
    "batch.scores": {"en": "Scores (percent): {scores}", "ko": "점수 (백분율): {scores}"},
    "batch.distribution": {
        "en": "{students} students: lowest {low}%, median {median}%, highest {high}%",
        "ko": "학생 {students}명: 최저 {low}%, 중앙값 {median}%, 최고 {high}%"},
}
