"""The CSV export: UTF-8 with a byte order mark, so that Excel on Windows reads Vietnamese."""

from __future__ import annotations

import csv
import datetime as dt
import io

from ..board import Board
from .records import COLUMNS, Value, defuse, records

AS_OF_HEADER = "Tính đến ngày"


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return defuse(value)


def csv_bytes(board: Board, site_url: str) -> bytes:
    """One row per school and deadline; dates as YYYY-MM-DD, which every spreadsheet reads."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in COLUMNS] + [AS_OF_HEADER])
    as_of = board.as_of.isoformat()
    for record in records(board, site_url):
        writer.writerow([_text(c.value(record)) for c in COLUMNS] + [as_of])
    return out.getvalue().encode("utf-8-sig")
