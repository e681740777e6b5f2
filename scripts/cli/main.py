"""`python -m scripts.cli`: the data tools of the site, in Vietnamese.

Subcommands: validate (scripts/cli/validate.py), diff (scripts/review/command.py), export
(scripts/export/command.py). Each module registers its own arguments.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from scripts.cli.validate import add_command as add_validate_command
from scripts.common.project import DATA_DIR
from scripts.export.command import add_command as add_export_command
from scripts.review.command import add_command as add_diff_command


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m scripts.cli",
        description="Công cụ dữ liệu của trang “Dân vận khéo”.",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="LỆNH")
    add_validate_command(commands)
    add_diff_command(commands)
    add_export_command(commands, DATA_DIR)
    return main


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.handler(args, out or sys.stdout, sys.stderr)
    return code
