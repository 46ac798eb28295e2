"""A class of 40 graded in one batch: the reference, mutants, hostile submissions, a zip-slip.

    python bench/class_of_40.py [--jobs 2] [--day day2]

Each submission is the reference of the chosen day with one file replaced (a mutant or a
hostile program), so every verdict is known in advance: a mutant loses exactly its
checks (the rest pass or are not run), a hostile lab scores 0 and the other labs keep
full marks, the reference keeps full marks, and the zip-slip archive is refused with its
student still listed.  Prints the throughput, every mismatch, and what was left running.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import psutil
from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness.batch.inputs import discover  # noqa: E402
from harness.batch.runner import grade_batch  # noqa: E402
from harness.course import lab_ids  # noqa: E402
from tests.mutants import REFERENCE, all_mutants  # noqa: E402

HOSTILE = ROOT / "tests" / "hostile"
# the hostile submissions whose own lab earns nothing (the attack suite's others may echo
# correctly and keep their points: tests/test_hostile_batch.py judges those)
FAILING_HOSTILE = ("fork_bomb", "forks_unkillable_children", "hangs", "prints_forever", "ships_conftest")


def reference_copy(target: Path, day: str) -> None:
    shutil.copytree(REFERENCE / day, target / day, ignore=shutil.ignore_patterns("__*"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--day", default="day2")
    parser.add_argument("--size", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inbox = tmp / "class"
        expect: dict[str, object] = {}
        reference_copy(inbox / "reference", args.day)
        expect["reference"] = "full"
        for hostile in sorted(HOSTILE / n for n in FAILING_HOSTILE if (HOSTILE / n / args.day).is_dir()):
            name = f"hostile-{hostile.name}"
            reference_copy(inbox / name, args.day)
            for f in (hostile / args.day).iterdir():
                shutil.copy(f, inbox / name / args.day / f.name)
            expect[name] = ("hostile", {f"{args.day}/{f.stem}" for f in (hostile / args.day).glob("*.py")
                                        if f.stem != "conftest"})
        with zipfile.ZipFile(inbox / "mallory.zip", "w") as zf:
            zf.writestr("../../escaped.py", "print('out of the box')")
        expect["mallory"] = "refused"
        mutants = [m for m in all_mutants() if m.lab.startswith(args.day + "/")]
        for m in mutants[: args.size - len(expect)]:
            name = f"mutant-{m.lab.split('/')[1]}-{m.name}"
            reference_copy(inbox / name, args.day)
            m.build(inbox / name)
            expect[name] = ("mutant", m)
        started = time.monotonic()
        labs = lab_ids((args.day,))
        done = grade_batch(discover([inbox]), tmp / "out", jobs=args.jobs, lang="en", timeout=900,
                           labs=labs, regrade=set(), formats=[], console=Console(stderr=True))
        wall = time.monotonic() - started
        problems = judge(done, expect, tmp / "out", args.day)
        leftovers = [p.pid for p in psutil.process_iter(["cmdline"])
                     if str(tmp) in " ".join(p.info["cmdline"] or [])]
        rows = list(csv.DictReader(io.StringIO((tmp / "out" / "gradebook.csv").read_text())))
        print(f"{len(done)} submissions graded with --jobs {args.jobs} in {wall:.0f} s "
              f"({len(done) / wall * 60:.1f} per minute)")
        print(f"gradebook rows: {len(rows)}; class page: {(tmp / 'out' / 'class.html').exists()}; "
              f"escaped file written: {(tmp / 'escaped.py').exists() or (ROOT / 'escaped.py').exists()}")
        print(f"processes left running: {leftovers or 'none'}")
        print("every verdict as expected" if not problems else "MISMATCHES:\n" + "\n".join(problems))


def judge(done, expect, out: Path, day: str) -> list[str]:
    problems = []
    for graded in done:
        name = graded.submission.name
        kind = expect[name]
        tests = json.loads((out / graded.folder_name / "results.json").read_text())["tests"]
        lab_of = {t["extra_data"]["nodeid"]: t["tags"][0] for t in tests}
        status = {t["extra_data"]["nodeid"].rsplit("::", 1)[1] + "@" + lab_of[t["extra_data"]["nodeid"]]:
                  t["extra_data"]["status"] for t in tests}
        if kind == "refused":
            if graded.status != "refused":
                problems.append(f"{name}: expected refused, got {graded.status}")
        elif kind == "full":
            bad = {k: s for k, s in status.items() if s != "passed"}
            if bad:
                problems.append(f"{name}: reference lost {bad}")
        elif kind[0] == "hostile":  # its own lab loses points, every other lab keeps them all
            own = [s for k, s in status.items() if k.split("@")[1] in kind[1]]
            others = {k: s for k, s in status.items() if k.split("@")[1] not in kind[1] and s != "passed"}
            if all(s == "passed" for s in own) or others:
                problems.append(f"{name}: own lab {own}, others {others}")
        else:
            mutant = kind[1]
            for key, s in status.items():
                check, lab = key.split("@")
                failed = s in ("failed", "timeout")
                if lab == mutant.lab and check in mutant.catches and not failed:
                    problems.append(f"{name}: {check} should fail, was {s}")
                elif (lab != mutant.lab or check not in mutant.catches) and s not in ("passed", "not-run"):
                    problems.append(f"{name}: {key} should pass, was {s}")
    return problems


if __name__ == "__main__":
    main()
