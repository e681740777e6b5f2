"""The CSV export: UTF-8 with a byte order mark, so that Excel on Windows reads Vietnamese."""

from __future__ import annotations

import csv
import datetime as dt
import io

from scripts.export.records import COLUMNS, SAMPLE_TITLE, Value, defuse, records
from scripts.status.board import Board

AS_OF_HEADER = "Tính đến ngày"
SAMPLE_HEADER = f"{SAMPLE_TITLE} (không phải số liệu thật)"
SAMPLE_CELL = "Minh họa, không có thật"


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return defuse(value)


def csv_bytes(board: Board, site_url: str) -> bytes:
    """One row per school and deadline; dates as YYYY-MM-DD, which every spreadsheet reads.

    Sample data says so in the first column of every row, headed "DỮ LIỆU MINH HỌA": the
    first thing seen as text or in Excel, still there after sorting or filtering the rows,
    and the file stays a plain table (one header row) for any program that reads it.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    sample = board.dataset.sample
    first = [SAMPLE_HEADER] if sample else []
    writer.writerow(first + [c.header for c in COLUMNS] + [AS_OF_HEADER])
    as_of = board.as_of.isoformat()
    mark = [SAMPLE_CELL] if sample else []
    for record in records(board, site_url):
        writer.writerow(mark + [_text(c.value(record)) for c in COLUMNS] + [as_of])
    return out.getvalue().encode("utf-8-sig")
