"""The Excel export: one sheet per deadline, a header row with filters, real dates.

Written with openpyxl in write-only mode (fast for thousands of schools). Every text
from the data is stored as a text cell, so "=HYPERLINK(…)" in a name is shown, never run.
Sample data says so in row 1 of every sheet, above the header row: the first thing seen
whichever sheet the file opens on, and outside the filtered rows.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from scripts.common.vietnamese import format_date
from scripts.export.records import COLUMNS, SAMPLE_TITLE, Column, Value, records
from scripts.model import Deadline
from scripts.render.board.common import SAMPLE_NOTICE
from scripts.status.board import Board
from scripts.status.judge import DUE_RULE

DATE_FORMAT = "dd/mm/yyyy"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="FFE0E0")
SAMPLE_FONT = Font(bold=True, color="9C0006")
SAMPLE_FILL = PatternFill("solid", fgColor="FFEB9C")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(deadline: Deadline, taken: set[str]) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet name; names must be unique."""
    title = _BAD_SHEET_CHARS.sub(" ", deadline.title).strip()
    if len(title) > 31:
        cut = title[:31]
        title = cut.rsplit(" ", 1)[0].rstrip(" ,;.-") if " " in cut else cut
    base, n = title or deadline.id[:31], 2
    title = base
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def _cell(ws: WriteOnlyWorksheet, value: Value) -> Cell:
    if isinstance(value, dt.date):
        # openpyxl writes a date as a date; its stubs list only datetime.
        cell = WriteOnlyCell(ws, value=cast(Any, value))
        cell.number_format = DATE_FORMAT
        return cell
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _columns(deadline: Deadline) -> list[Column]:
    return [
        c
        for c in COLUMNS
        if not c.deadline_column and (deadline.requires_model or not c.model_column)
    ]


def _info_sheet(wb: Workbook, board: Board, site_url: str) -> None:
    ws = wb.create_sheet("Thông tin")
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    plan = board.dataset.plan
    rows: list[tuple[str, Value]] = [
        ("Kế hoạch", plan.title),
        ("Cơ quan ban hành", plan.issuer),
        ("Ngày ban hành", plan.date),
        ("Tình hình tính đến hết ngày", board.as_of),
        ("Cách tính hạn", DUE_RULE),
        ("Số trường", len(board.schools)),
        ("Trang web", site_url),
    ]
    if board.dataset.sample:
        rows.insert(0, (SAMPLE_TITLE, SAMPLE_NOTICE))
    for deadline in plan.deadlines:
        rows.append((f"Hạn {format_date(deadline.due)}", deadline.title))
    for index, (key, value) in enumerate(rows):
        label = WriteOnlyCell(ws, value=key)
        label.font = HEADER_FONT
        cells = [label, _cell(ws, value)]
        if board.dataset.sample and index == 0:
            for cell in cells:
                cell.font, cell.fill = SAMPLE_FONT, SAMPLE_FILL
        ws.append(cells)


def _sample_row(ws: WriteOnlyWorksheet) -> list[Cell]:
    """ "DỮ LIỆU MINH HỌA: Tên trường, số văn bản… không phải tình hình thật…" in cell A1."""
    cell = WriteOnlyCell(ws, value=f"{SAMPLE_TITLE}: {SAMPLE_NOTICE}")
    cell.data_type = "s"
    cell.font, cell.fill = SAMPLE_FONT, SAMPLE_FILL
    return [cell]


def xlsx_bytes(board: Board, site_url: str) -> bytes:
    wb = Workbook(write_only=True)
    stamp = dt.datetime.combine(board.as_of, dt.time())
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.title = "Tình hình nộp đăng ký, báo cáo"
    taken: set[str] = {"thông tin"}
    for deadline in board.deadlines:
        ws = wb.create_sheet(sheet_title(deadline, taken))
        columns = _columns(deadline)
        for i, column in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = column.width
        top = 2 if board.dataset.sample else 1  # the header row
        ws.freeze_panes = f"C{top + 1}"
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A{top}:{last}{len(board.schools) + top}"
        if board.dataset.sample:
            ws.append(_sample_row(ws))
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=column.header)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.data_type = "s"
            header.append(cell)
        ws.append(header)
        for record in records(board, site_url, deadline):
            ws.append([_cell(ws, column.value(record)) for column in columns])
    _info_sheet(wb, board, site_url)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
