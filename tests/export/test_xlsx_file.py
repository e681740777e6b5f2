"""The Excel download: a sheet per deadline with filters, widths and real dates."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from scripts.export.xlsx_file import sheet_title
from scripts.model import Deadline
from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from scripts.status.judge import State
from tests.tracker_data import (
    AS_OF,
    FORMULA,
    generated_board,
    generated_hostile_board,
    late,
    small_dataset,
)


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


@pytest.fixture
def hostile_board() -> GeneratedSite:
    return generated_hostile_board()


def test_xlsx_has_a_sheet_per_deadline_with_filters_widths_and_real_dates(
    board_site: GeneratedSite,
) -> None:
    wb = load_workbook(io.BytesIO(late(board_site)[paths.XLSX]))
    plan = small_dataset().plan
    assert len(wb.sheetnames) == len(plan.deadlines) + 1 and wb.sheetnames[-1] == "Thông tin"
    first = wb[wb.sheetnames[0]]
    assert first.title == "Đăng ký mô hình, điển hình"
    assert first["A1"].value.startswith("DỮ LIỆU MINH HỌA: ")  # sample data: row 1 says so
    header = [c.value for c in first[2]]
    assert header[:4] == ["Mã trường", "Tên trường", "Cấp học", "Xã, thị trấn"]
    assert "Tên mô hình" in header and "Mã tình trạng" not in header
    assert first.auto_filter.ref == f"A2:{first.cell(2, len(header)).column_letter}7"
    assert first.freeze_panes == "C3"
    assert first.column_dimensions["B"].width == 40
    assert first.max_row == 7
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in first.iter_rows(3, values_only=True)}
    assert rows["th-binh-thanh"]["Ngày nhận"] == dt.datetime(2022, 5, 15)
    assert rows["mn-binh-thanh"]["Xây dựng mới hay nhân rộng"] == "nhân rộng"
    assert {r["Tình trạng"] for r in rows.values()} <= {s.label for s in State}
    report = wb[wb.sheetnames[1]]
    assert "Tên mô hình" not in [c.value for c in report[2]]
    info = {r[0]: r[1] for r in wb["Thông tin"].iter_rows(values_only=True)}
    assert info["Tình hình tính đến hết ngày"] == dt.datetime(2022, 6, 1)
    assert "DỮ LIỆU MINH HỌA" in info


def test_sheet_titles_fit_excel_rules() -> None:
    taken: set[str] = set()
    long = Deadline(
        id="x", title="Báo cáo [quý] 1/2022: tổng hợp * kết quả? dài", due=AS_OF, section=""
    )
    first, second = sheet_title(long, taken), sheet_title(long, taken)
    for title in (first, second):
        assert len(title) <= 31 and not set("[]:*?/\\") & set(title)
    assert first != second


def test_hostile_text_is_kept_as_text_in_xlsx(hostile_board: GeneratedSite) -> None:
    wb = load_workbook(io.BytesIO(late(hostile_board)[paths.XLSX]))
    found = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == FORMULA]
    assert found and all(c.data_type == "s" for c in found)
    assert not any(
        c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row
    )
