"""``socklab image build`` (the container backend's grading image) and ``socklab clean``
(what a killed run of the container backend left behind)."""

from __future__ import annotations

import sys


def register(sub) -> None:
    image = sub.add_parser("image", help="the grading image of the container backend")
    image_sub = image.add_subparsers(dest="image_command", required=True)
    build = image_sub.add_parser("build", help="build the grading image (cached by tag)")
    build.add_argument("--method", choices=("auto", "dockerfile", "debootstrap"), default="auto",
                       help="dockerfile: FROM python:3.12-slim (needs a registry); debootstrap: "
                            "offline, from the machine's Debian archive; auto: dockerfile if a "
                            "registry answers")
    build.add_argument("--force", action="store_true", help="rebuild even if the tag exists")
    build.set_defaults(func=cmd_image_build)

    clean = sub.add_parser("clean", help="remove containers, networks and scratch folders "
                                         "a killed socklab run left behind")
    clean.add_argument("--all", action="store_true",
                       help="also those of runs still going (stops them)")
    clean.set_defaults(func=cmd_clean)


def cmd_image_build(args) -> int:
    from harness import docker_image
    try:
        tag = docker_image.build(args.method, force=args.force)
        print(f"{tag}: python {docker_image.smoke_test(tag)}")
    except Exception as exc:  # noqa: BLE001 - say why in one line, not a traceback
        print(f"socklab image build: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_clean(args) -> int:
    from harness.docker_backend import engine_problem, remove_leftovers
    problem = engine_problem()
    if problem:
        print(f"socklab clean: {problem}", file=sys.stderr)
        return 1
    count = remove_leftovers(only_dead=not args.all, log=print)
    print(f"removed {count} container(s)/network(s)")
    return 0
