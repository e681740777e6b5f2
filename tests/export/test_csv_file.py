"""The CSV download: UTF-8 with a BOM, a row per school and deadline, formulas defused."""

from __future__ import annotations

import csv
import io

import pytest

from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from scripts.status.judge import State
from tests.tracker_data import (
    BOARD_SITE_URL,
    FORMULA,
    MD_LINK,
    SCRIPT,
    generated_board,
    generated_hostile_board,
)


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


@pytest.fixture
def hostile_board() -> GeneratedSite:
    return generated_hostile_board()


def test_csv_has_a_bom_and_a_row_per_school_and_deadline(board_site: GeneratedSite) -> None:
    raw = board_site.files[paths.CSV]
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 5 * 3
    row = next(
        r
        for r in rows
        if r["Mã trường"] == "th-binh-thanh" and r["Mã hạn nộp"] == "bao-cao-6-thang"
    )
    assert row["Tình trạng"] == "Nộp trễ hạn"  # one of four labels: a filter shows four
    assert row["Số ngày trễ"] == "2"
    assert row["Việc phải nộp"] == "Báo cáo 6 tháng" and row["Hạn nộp"] == "2022-05-30"
    assert {r["Tình trạng"] for r in rows} <= {s.label for s in State}
    assert row["Ngày nhận"] == "2022-06-01"
    assert row["Tính đến ngày"] == "2022-06-01"
    assert row["Trang của trường"] == f"{BOARD_SITE_URL}tinh-hinh/truong/th-binh-thanh/"


def test_hostile_text_is_kept_as_text_in_csv(hostile_board: GeneratedSite) -> None:
    rows = list(csv.reader(io.StringIO(hostile_board.files[paths.CSV].decode("utf-8-sig"))))
    cells = {cell for row in rows for cell in row}
    assert "'" + FORMULA in cells and FORMULA not in cells
    assert f"Trường {SCRIPT}" in cells and MD_LINK in cells
