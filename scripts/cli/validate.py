"""`python -m scripts.cli validate [FILE …]`: check data files without building the site.

Several files in one run share the plan and the list of communes they are checked against,
each read once. Exit codes: 0 valid, 1 problems in the data, 2 a file that cannot be read
(or a broken schema).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from scripts.cli.github import github_annotation, github_summary
from scripts.common.clock import today_in_vietnam
from scripts.common.problems import DataError, Problem, UnreadableFileError, sorted_problems
from scripts.common.project import DATA_DIR
from scripts.common.source import Source, read_source
from scripts.common.yamlread import Document
from scripts.load.communes import COMMUNES_FILE, build_communes, communes_path
from scripts.load.communes import summary as communes_summary
from scripts.load.plan import PLAN_FILE
from scripts.load.schools import SCHOOLS_FILE
from scripts.load.submissions import is_submission_file, read_submissions
from scripts.validate.communes import commune_facts, validate_communes
from scripts.validate.plan import plan_facts, validate_plan
from scripts.validate.schools import validate_schools
from scripts.validate.submissions import register_of, validate_submissions


def _shown(path: Path) -> str:
    """The path as messages and GitHub annotations name it: relative to the current folder."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.as_posix()


def _is_plan(path: Path) -> bool:
    """plan.yml, plan-2023.yml…: a plan file; communes…: a list of communes; else schools."""
    return path.name.startswith("plan")


def _is_communes(path: Path) -> bool:
    return path.name.startswith("communes")


class _Run:
    """One validation run over several files, sharing the plan and communes it reads."""

    def __init__(self, today: dt.date | None) -> None:
        self.today = today
        self.problems: list[Problem] = []
        self.unreadable: list[Problem] = []
        self.docs: dict[Path, Document | None] = {}
        self.schools = 0
        self.submissions = 0
        self.deadlines = 0
        self.communes_summary = ""

    def _checked(
        self, path: Path, check: Callable[[Source], tuple[Document, list[Problem]]]
    ) -> tuple[Document | None, list[Problem], bool]:
        """A file read and checked once per run: (document, its problems, first time)."""
        path = path.resolve()
        if path in self.docs:
            return self.docs[path], [], False
        try:
            doc, problems = check(read_source(path, _shown(path)))
        except UnreadableFileError as error:
            self.unreadable += error.problems
            doc, problems = None, []
        self.docs[path] = doc
        self.problems += problems
        return doc, problems, True

    def plan(self, path: Path) -> Document | None:
        doc, _, first = self._checked(path, validate_plan)
        if first and doc is not None and isinstance(doc.data, dict):
            self.deadlines = max(self.deadlines, len(doc.data.get("deadlines") or []))
        return doc

    def communes(self, path: Path) -> Document | None:
        doc, problems, first = self._checked(path, validate_communes)
        if first and doc is not None and not problems and not self.communes_summary:
            self.communes_summary = communes_summary(build_communes(doc.data))
        return doc

    def schools_file(self, path: Path, plan_path: Path, communes: Path) -> None:
        plan_doc = self.plan(plan_path)
        communes_doc = self.communes(communes)
        try:
            source = read_source(path, _shown(path))
        except UnreadableFileError as error:
            self.unreadable += error.problems
            return
        facts = commune_facts(communes_doc) if communes_doc is not None else None
        doc, problems = validate_schools(source, plan_doc, today=self.today, communes=facts)
        # The submission files beside it (data/submissions/), checked against it.
        try:
            sources = read_submissions(path.parent, _shown)
        except UnreadableFileError as error:
            self.unreadable += error.problems
            sources = []
        files, more = validate_submissions(
            sources,
            plan_facts(plan_doc) if plan_doc is not None and plan_doc.usable else None,
            register_of(doc) if doc.usable else None,
            today=self.today or today_in_vietnam(),
        )
        problems += more
        self.problems += problems
        if not problems and isinstance(doc.data, dict):
            schools = doc.data.get("schools") or []
            self.schools += len(schools)
            self.submissions += sum(len(s.get("submissions") or {}) for s in schools)
            self.submissions += sum(len(f.doc.data) for f in files)


def validate(
    files: Sequence[Path], plan: Path | None, today: dt.date | None
) -> tuple[list[Problem], list[Problem], str]:
    """Check the files; (problems, unreadable-file problems, summary if all is well).

    A schools file is checked against the plan and the communes given among the files,
    else those beside it, else those of data/ (a folder without communes.yml: the current
    list, as dataset.load_dataset does).
    """
    if not files:
        files = [DATA_DIR / PLAN_FILE, DATA_DIR / COMMUNES_FILE, DATA_DIR / SCHOOLS_FILE]
    # A submission file is checked with the whole data folder it belongs to.
    files = list(
        dict.fromkeys(
            f.parent.parent.parent / SCHOOLS_FILE if is_submission_file(f) else f for f in files
        )
    )
    plans = [f for f in files if _is_plan(f)]
    lists = [f for f in files if _is_communes(f)]
    schools = [f for f in files if not _is_plan(f) and not _is_communes(f)]
    plan = plan or (plans[0] if plans else None)
    run = _Run(today)
    for path in plans:
        run.plan(path)
    for path in lists:
        run.communes(path)
    for path in schools:
        sibling = path.parent / PLAN_FILE
        run.schools_file(
            path,
            plan or (sibling if sibling.is_file() else DATA_DIR / PLAN_FILE),
            lists[0] if lists else communes_path(path.parent),
        )
    parts = [f"{run.deadlines} hạn nộp"] if plans or schools else []
    if schools:
        parts = [f"{run.schools} trường", *parts, f"{run.submissions} lần nộp"]
    summary = "Hợp lệ: " + ", ".join(parts)
    if run.communes_summary:
        summary += ("; " if parts else "") + run.communes_summary
    return sorted_problems(run.problems), sorted_problems(run.unreadable), summary


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


def add_command(commands: Any) -> None:  # argparse's subparsers action
    """Register `validate` on the CLI's subcommands."""
    check = commands.add_parser(
        "validate",
        help="kiểm tra các tệp dữ liệu",
        description=(
            "Kiểm tra các tệp dữ liệu và báo từng lỗi dạng TỆP:DÒNG:CỘT: lời nhắn. "
            "Không ghi tệp nào: kiểm tra data/plan.yml, data/communes.yml, data/schools.yml và "
            "các tệp trong data/submissions/ (tệp danh sách trường được kiểm tra cùng thư mục "
            "submissions/ bên cạnh; một tệp trong đó được kiểm tra cùng cả thư mục dữ liệu). "
            "Tệp có tên bắt đầu bằng “plan” là tệp kế hoạch, bắt đầu bằng “communes” là danh "
            "sách xã, thị trấn; tệp khác là danh sách trường, được đối chiếu với plan.yml và "
            "communes.yml cùng thư mục (nếu có), nếu không thì với tệp cùng tên trong data/. "
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
