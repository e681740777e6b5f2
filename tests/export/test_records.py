"""The rows every spreadsheet export shares: one per school and deadline, formulas defused."""

from __future__ import annotations

from scripts.export.records import COLUMNS, defuse, records
from scripts.status.board import make_board
from tests.tracker_data import AS_OF, BOARD_SITE_URL, small_dataset


def test_formula_cells_are_defused_in_csv() -> None:
    assert defuse("=1+1") == "'=1+1"
    assert defuse("@SUM(A1)") == "'@SUM(A1)"
    assert defuse("-2") == "'-2"
    assert defuse("15/KH-THBT") == "15/KH-THBT"


def test_one_record_per_school_and_deadline_with_the_reader_s_words() -> None:
    board = make_board(small_dataset(), AS_OF)
    rows = list(records(board, BOARD_SITE_URL))
    assert len(rows) == len(board.schools) * len(board.deadlines)
    assert [c.header for c in COLUMNS][:2] == ["Mã trường", "Tên trường"]
    late = next(
        r for r in rows if (r.school.id, r.deadline.id) == ("th-binh-thanh", "bao-cao-6-thang")
    )
    values = {c.header: c.value(late) for c in COLUMNS}
    assert values["Tình trạng"] == "Nộp trễ hạn" and values["Số ngày trễ"] == 2
    assert values["Trang của trường"] == f"{BOARD_SITE_URL}tinh-hinh/truong/th-binh-thanh/"
    assert "Mã tình trạng" not in values  # people read labels, not codes


def test_a_deadline_s_records_hold_its_schools_only() -> None:
    board = make_board(small_dataset(), AS_OF)
    deadline = board.deadlines[0]
    rows = list(records(board, BOARD_SITE_URL, deadline))
    assert {r.deadline.id for r in rows} == {deadline.id}
    assert len(rows) == len(board.schools)
