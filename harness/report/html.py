"""HTML reports: one per student, and the class page with its histogram.

Every piece of text that is not socklab's own markup goes through ``_h`` (made visible,
then escaped): a check's feedback carries the student's program output, and a student
names their own folder.
"""

from __future__ import annotations

import html
from collections import defaultdict
from urllib.parse import quote

from harness.catalog import text
from harness.quoting import html_text as _h
from harness.report.terminal import by_lab, summary_line
from harness.results import CheckResult

STYLE = """
body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ddd;
padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f4f4f4}
.passed{color:#1a7f37}.failed,.timeout{color:#cf222e}.not-run{color:#9a6700}.infra-error{color:#8250df}
pre{background:#f6f8fa;padding:.6rem;overflow-x:auto;white-space:pre-wrap;font-size:.85rem}
.num{text-align:right;font-variant-numeric:tabular-nums}
"""
MARK = {"passed": "✔", "failed": "✘", "not-run": "–", "timeout": "⏱", "infra-error": "!"}


def _page(title: str, body: str, lang: str) -> str:
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<title>{_h(title)}</title><style>{STYLE}</style></head>"
            f"<body>{body}</body></html>\n")


def student_report(student: str, results: list[CheckResult], lang: str = "en") -> str:
    """Feedback per check (hidden checks: name and points only), bytes in hex as the checks wrote them."""
    parts = [f"<h1>{_h(student)}</h1>", f"<p><b>{_h(summary_line(results, lang))}</b></p>"]
    for lab, rows in by_lab(results).items():
        got = sum(r.score for r in rows)
        total = sum(r.max_score for r in rows)
        parts.append(f"<h2>{_h(lab)} <span class='num'>{got:g}/{total:g}</span></h2><table>"
                     f"<tr><th></th><th>{text('report.check', lang)}</th>"
                     f"<th class='num'>{text('report.points', lang)}</th>"
                     f"<th>{text('report.feedback', lang)}</th></tr>")
        for r in rows:
            if r.visibility == "hidden":
                detail = _h(text("report.hidden", lang))
            elif r.passed:
                detail = ""
            else:
                detail = f"<pre>{_h(r.feedback)}</pre>"
                if r.output:
                    detail += f"<details><summary>{_h(text('label.output', lang))}</summary>" \
                              f"<pre>{_h(r.output)}</pre></details>"
            parts.append(f"<tr><td class='{_h(r.status)}'>{MARK.get(r.status, '?')}</td>"
                         f"<td>{_h(r.name)}</td><td class='num'>{r.score:g}/{r.max_score:g}</td>"
                         f"<td>{detail}</td></tr>")
        parts.append("</table>")
    return _page(student, "".join(parts), lang)


def histogram_svg(percents: list[float], bins: int = 10, width: int = 640, height: int = 280) -> str:
    """Bars of how many students scored in each 10 % band, with axes and counts."""
    counts = [0] * bins
    for p in percents:
        counts[min(bins - 1, int(p // (100 / bins)))] += 1
    top = max(counts + [1])
    left, bottom, plot_w, plot_h = 40, 30, width - 60, height - 60
    bar_w = plot_w / bins
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
           f"font-family='sans-serif' font-size='11'>",
           f"<rect width='{width}' height='{height}' fill='white'/>",
           f"<line x1='{left}' y1='{height - bottom}' x2='{left + plot_w}' y2='{height - bottom}' "
           "stroke='#333'/>",
           f"<line x1='{left}' y1='{height - bottom}' x2='{left}' y2='{height - bottom - plot_h}' "
           "stroke='#333'/>"]
    for i, c in enumerate(counts):
        h = plot_h * c / top
        x = left + i * bar_w
        y = height - bottom - h
        out.append(f"<rect x='{x + 2:.1f}' y='{y:.1f}' width='{bar_w - 4:.1f}' height='{h:.1f}' "
                   "fill='#4c78a8'/>")
        if c:
            out.append(f"<text x='{x + bar_w / 2:.1f}' y='{y - 3:.1f}' text-anchor='middle'>{c}</text>")
        out.append(f"<text x='{x + bar_w / 2:.1f}' y='{height - bottom + 14}' text-anchor='middle'>"
                   f"{i * 100 // bins}–{(i + 1) * 100 // bins}</text>")
    out.append(f"<text x='{left + plot_w / 2}' y='{height - 4}' text-anchor='middle'>score (%)</text>")
    out.append(f"<text x='12' y='{height / 2}' transform='rotate(-90 12 {height / 2})' "
               f"text-anchor='middle'>students</text></svg>")
    return "".join(out)


def class_page(rows: list[dict], per_student: dict[str, list[CheckResult]], lang: str = "en") -> str:
    """Score distribution, and every check's pass rate, most failed first: what to re-teach."""
    passed, total = defaultdict(int), defaultdict(int)
    for results in per_student.values():
        for r in results:
            key = (r.lab, r.name)
            total[key] += 1
            passed[key] += r.passed
    order = sorted(total, key=lambda k: (passed[k] / total[k], k))
    body = [f"<h1>{text('class.title', lang)}</h1>",
            f"<p>{text('class.summary', lang, students=len(rows))}</p>",
            "<img src='histogram.svg' alt='score histogram' width='640' height='280'>",
            f"<h2>{text('class.pass_rates', lang)}</h2><table><tr><th>lab</th>"
            f"<th>{text('report.check', lang)}</th><th class='num'>{text('class.passed', lang)}</th>"
            f"<th class='num'>%</th></tr>"]
    for key in order:
        rate = 100 * passed[key] / total[key]
        body.append(f"<tr><td>{_h(key[0])}</td><td>{_h(key[1])}</td>"
                    f"<td class='num'>{passed[key]}/{total[key]}</td><td class='num'>{rate:.0f}</td></tr>")
    body.append(f"</table><h2>{text('class.students', lang)}</h2><table><tr><th>student</th>"
                f"<th class='num'>%</th><th>status</th></tr>")
    for row in sorted(rows, key=lambda r: r["student"]):
        # the folder as one path segment: no scheme, no "/", no quote that ends the attribute
        body.append(f"<tr><td><a href='{html.escape(quote(row['folder'], safe=''))}/report.html'>"
                    f"{_h(row['student'])}</a></td><td class='num'>{_h(str(row['percent']))}</td>"
                    f"<td>{_h(row['grading_status'])}</td></tr>")
    body.append("</table>")
    return _page(text("class.title", lang), "".join(body), lang)
