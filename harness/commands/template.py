"""``socklab export-template OUT``: write the repository students start from."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from harness import templates
from harness.catalog import text
from harness.ci.template import DEFAULT_SPEC, export_template


def register(sub) -> None:
    p = sub.add_parser("export-template",
                       help="write the student repository (labs, public checks, CI workflow)")
    p.add_argument("out", metavar="OUT", help="a new (or empty) folder")
    p.add_argument("--socklab-spec", default=DEFAULT_SPEC, metavar="REQ",
                   help=f"the pip requirement CI installs socklab from (default: {DEFAULT_SPEC}); "
                        "e.g. 'socklab @ git+https://example.org/course/socklab@v0.1.0'")
    p.add_argument("--lang", default=os.environ.get("SOCKLAB_LANG", "en"), choices=("en", "ko"))
    p.set_defaults(func=cmd_export_template)


def cmd_export_template(args) -> int:
    out = Path(args.out)
    if not templates.valid_spec(args.socklab_spec):
        print(text("export.bad_spec", args.lang, spec=args.socklab_spec), file=sys.stderr)
        return 2
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        print(text("export.not_empty", args.lang, path=str(out)), file=sys.stderr)
        return 2
    written = export_template(out, args.socklab_spec)
    print(text("export.written", args.lang, path=str(out), count=len(written), spec=args.socklab_spec))
    return 0
