"""Command line: `python -m scripts.tracker validate [FILE …]`.

Subcommands: validate (here), diff (review.py), export (export/command.py). Exit codes
of `validate`: 0 valid, 1 problems in the data, 2 a file that cannot be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from .dataset import PLAN_FILE, SCHOOLS_FILE, validate_plan, validate_schools
from .export.command import add_command as add_export_command
from .problems import DataError, Problem, UnreadableFileError, sorted_problems
from .render.markdown import escape
from .review import add_command as add_diff_command
from .yamlread import Document, read_source

ROOT = Path(__file__).resolve().parent.parent.parent
DATA_DIR = ROOT / "data"


def _shown(path: Path) -> str:
    """The path as messages and GitHub annotations name it: relative to the current folder."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.as_posix()


def _is_plan(path: Path) -> bool:
    """plan.yml, plan-2023.yml…: a plan file; anything else holds schools."""
    return path.name.startswith("plan")


class _Run:
    """One validation run over several files, sharing the plan documents it reads."""

    def __init__(self, today: dt.date | None) -> None:
        self.today = today
        self.problems: list[Problem] = []
        self.unreadable: list[Problem] = []
        self.plans: dict[Path, Document | None] = {}
        self.schools = 0
        self.submissions = 0
        self.deadlines = 0

    def plan(self, path: Path) -> Document | None:
        path = path.resolve()
        if path not in self.plans:
            try:
                doc, problems = validate_plan(read_source(path, _shown(path)))
            except UnreadableFileError as error:
                self.unreadable += error.problems
                doc, problems = None, []
            self.plans[path] = doc
            self.problems += problems
            if doc is not None and isinstance(doc.data, dict):
                self.deadlines = max(self.deadlines, len(doc.data.get("deadlines") or []))
        return self.plans[path]

    def schools_file(self, path: Path, plan_path: Path) -> None:
        plan_doc = self.plan(plan_path)
        try:
            source = read_source(path, _shown(path))
        except UnreadableFileError as error:
            self.unreadable += error.problems
            return
        doc, problems = validate_schools(source, plan_doc, today=self.today)
        self.problems += problems
        if not problems and isinstance(doc.data, dict):
            schools = doc.data.get("schools") or []
            self.schools += len(schools)
            self.submissions += sum(len(s.get("submissions") or {}) for s in schools)


def validate(
    files: Sequence[Path], plan: Path | None, today: dt.date | None
) -> tuple[list[Problem], list[Problem], str]:
    """Check the files; (problems, unreadable-file problems, summary if all is well)."""
    if not files:
        files = [DATA_DIR / PLAN_FILE, DATA_DIR / SCHOOLS_FILE]
    plans = [f for f in files if _is_plan(f)]
    plan = plan or (plans[0] if plans else None)
    run = _Run(today)
    for path in plans:
        run.plan(path)
    for path in (f for f in files if not _is_plan(f)):
        sibling = path.parent / PLAN_FILE
        run.schools_file(path, plan or (sibling if sibling.is_file() else DATA_DIR / PLAN_FILE))
    parts = [f"{run.deadlines} hạn nộp"]
    if any(not _is_plan(f) for f in files):
        parts = [f"{run.schools} trường", *parts, f"{run.submissions} lần nộp"]
    summary = "Hợp lệ: " + ", ".join(parts)
    return sorted_problems(run.problems), sorted_problems(run.unreadable), summary


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions error annotation: shown on the line in the pull request."""
    return (
        f"::error file={_escape_property(problem.file)},line={problem.line},"
        f"col={problem.column},title={_escape_property('Dữ liệu chưa hợp lệ')}::"
        f"{_escape_data(problem.message)}"
    )


def github_summary(problems: Sequence[Problem], summary: str) -> str:
    """The job summary in Markdown: every problem (annotations are capped per step)."""
    if not problems:
        return f"### ✅ Kiểm tra dữ liệu\n\n{summary}\n"
    server = os.environ.get("GITHUB_SERVER_URL", "")
    repository = os.environ.get("GITHUB_REPOSITORY", "")
    sha = os.environ.get("GITHUB_SHA", "")
    lines = [
        f"### ❌ Kiểm tra dữ liệu: {len(problems)} lỗi",
        "",
        "Sửa từng dòng dưới đây rồi lưu lại (commit); hệ thống sẽ kiểm tra lại.",
        "",
        "| Tệp | Dòng | Cột | Lỗi và cách sửa |",
        "| --- | ---: | ---: | --- |",
    ]
    for p in problems:
        where = f"`{p.file.replace('`', '')}`"
        if server and repository and sha:
            where = f"[{where}]({server}/{repository}/blob/{sha}/{quote(p.file)}#L{p.line})"
        lines.append(f"| {where} | {p.line} | {p.column} | {escape(p.message)} |")
    return "\n".join(lines) + "\n"


def _validate_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        problems, unreadable, summary = validate(args.files, args.plan, args.today)
    except DataError as error:  # a schema file itself is broken: nothing could be checked
        for problem in error.problems:
            print(github_annotation(problem) if args.format == "github" else problem, file=out)
        print("Lược đồ trong schemas/ bị hỏng: chưa kiểm tra được dữ liệu.", file=err)
        return 2
    github = args.format == "github"
    for problem in [*unreadable, *problems]:
        print(github_annotation(problem) if github else str(problem), file=out)
    if github and (path := os.environ.get("GITHUB_STEP_SUMMARY")):
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(github_summary([*unreadable, *problems], summary))
    if unreadable:
        print(f"Không đọc được {len(unreadable)} tệp: kiểm tra tên và đường dẫn.", file=err)
        return 2
    if problems:
        print(
            f"Có {len(problems)} lỗi trong dữ liệu. Sửa các dòng trên rồi kiểm tra lại.",
            file=err,
        )
        return 1
    print(summary, file=out)
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải ngày dạng 2022-05-15") from None


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m scripts.tracker",
        description="Công cụ dữ liệu của trang “Dân vận khéo”.",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="LỆNH")
    check = commands.add_parser(
        "validate",
        help="kiểm tra các tệp dữ liệu",
        description=(
            "Kiểm tra các tệp dữ liệu và báo từng lỗi dạng TỆP:DÒNG:CỘT: lời nhắn. "
            "Không ghi tệp nào: kiểm tra data/plan.yml và data/schools.yml. "
            "Tệp có tên bắt đầu bằng “plan” là tệp kế hoạch; tệp khác là danh sách trường, "
            "được đối chiếu với plan.yml cùng thư mục (nếu có), nếu không thì data/plan.yml. "
            "Mã thoát: 0 hợp lệ, 1 có lỗi, 2 không đọc được tệp."
        ),
    )
    check.add_argument("files", nargs="*", type=Path, metavar="TỆP")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: chú thích lỗi ngay trên dòng trong pull request (GitHub Actions)",
    )
    check.add_argument(
        "--plan", type=Path, help="tệp kế hoạch dùng để đối chiếu các tệp danh sách trường"
    )
    check.add_argument(
        "--today",
        type=_date,
        help="coi hôm nay là ngày này (dạng 2022-05-15) khi kiểm tra ngày nhận",
    )
    check.set_defaults(handler=_validate_command)
    add_diff_command(commands)
    add_export_command(commands, DATA_DIR)
    return main


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args, out or sys.stdout, sys.stderr)
