"""One flat record per school and deadline: what every tabular export writes.

The columns are defined once here, so the CSV and the Excel file cannot drift apart. Their
headers and values are for people, in Vietnamese: no status codes (the JSON has those).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from scripts.model import Deadline, School, Submission
from scripts.render import site_paths as paths
from scripts.status.board import Board
from scripts.status.judge import Status

Value = str | int | dt.date | None

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""A spreadsheet treats a cell starting with these as a formula (CSV injection)."""


SAMPLE_TITLE = "DỮ LIỆU MINH HỌA"
"""What sample data says first in every file a person opens (CSV, each Excel sheet)."""


def defuse(text: str) -> str:
    """Text for a CSV cell that a spreadsheet shows as text, never runs as a formula.

    The OWASP advice: prefix such a cell with a single quote. Only CSV needs this; the
    Excel export stores every text cell as text.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class Record:
    school: School
    deadline: Deadline
    status: Status
    school_url: str

    @property
    def submission(self) -> Submission | None:
        return self.status.submission


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Record], Value]
    width: int
    """Column width in Excel (characters)."""
    deadline_column: bool = False
    """Describes the deadline: left out of the Excel sheets, which are one per deadline."""
    model_column: bool = False
    """Only meaningful for a deadline that asks for a model."""


def _sub(attr: str) -> Callable[[Record], Value]:
    def get(record: Record) -> Value:
        sub = record.submission
        return getattr(sub, attr) if sub is not None else None

    return get


def _model(attr: str) -> Callable[[Record], Value]:
    def get(record: Record) -> Value:
        sub = record.submission
        if sub is None or sub.model is None:
            return None
        return sub.model.name if attr == "name" else sub.model.kind.value

    return get


COLUMNS: tuple[Column, ...] = (
    Column("Mã trường", lambda r: r.school.id, 18),
    Column("Tên trường", lambda r: r.school.name, 40),
    Column("Cấp học", lambda r: r.school.level, 10),
    Column("Xã, thị trấn", lambda r: r.school.commune, 20),
    Column("Mã hạn nộp", lambda r: r.deadline.id, 18, deadline_column=True),
    Column("Việc phải nộp", lambda r: r.deadline.title, 36, deadline_column=True),
    Column("Hạn nộp", lambda r: r.deadline.due, 12, deadline_column=True),
    # One of four Vietnamese labels, so that a filter on the column shows four choices;
    # the days late have their own column. (The JSON keeps the stable codes: on_time…)
    Column("Tình trạng", lambda r: r.status.state.label, 20),
    Column("Số ngày trễ", lambda r: r.status.days_late or None, 12),
    Column("Ngày nhận", _sub("received"), 12),
    Column("Số văn bản", _sub("number"), 18),
    Column("Ngày văn bản", _sub("document_date"), 13),
    Column("Tên mô hình", _model("name"), 40, model_column=True),
    Column("Xây dựng mới hay nhân rộng", _model("kind"), 16, model_column=True),
    Column("Ghi chú", _sub("note"), 40),
    Column("Liên kết văn bản", _sub("link"), 30),
    Column("Trang của trường", lambda r: r.school_url, 50),
)


def records(board: Board, site_url: str, deadline: Deadline | None = None) -> Iterator[Record]:
    """Every school with every deadline (or with one), schools in name order."""
    deadlines = board.deadlines if deadline is None else (deadline,)
    for deadline_ in deadlines:
        for school in board.schools:
            yield Record(
                school=school,
                deadline=deadline_,
                status=board.status(school, deadline_),
                school_url=paths.absolute(site_url, paths.school_page(school.id)),
            )
